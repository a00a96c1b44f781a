// Training sign-in from the QR code at the session: the trainee gives their name and the last
// four digits of their phone (or ID number) and is marked present once.
import { callApi, PublicApiError } from '../lib/api';
import { h, messageCard, pageFrame } from '../lib/dom';

type PublicSession = {
  topic: string;
  courseType: 'lecture' | 'mentoring' | 'tour';
  date: string;
  endDate: string | null;
  place: string;
  organizer: string;
  hours: number;
  state: 'open' | 'not_started' | 'ended' | 'closed';
};
type SignInResult = { result: 'signed_in' | 'already_signed_in'; name: string; topic: string; hours: number; signedInAt: string };

const courseLabels = { lecture: '专题辅导课', mentoring: '帮带指导课', tour: '研修提升课' };
const notOpen = {
  not_started: ['签到尚未开始', '请在培训当天扫码签到。'],
  ended: ['签到已截止', '本场培训已结束。如需补登，请联系培训组织单位。'],
  closed: ['签到已关闭', '本场培训的扫码签到已关闭。如需补登，请联系现场工作人员。'],
} as const;

const title = '培训签到';

function timeText(iso: string): string {
  return new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
}

function sessionCard(s: PublicSession): HTMLElement {
  const row = (label: string, value: string) => h('p', {}, h('span', { style: 'color:#8c8c8c' }, `${label}：`), value);
  return h(
    'section',
    { class: 'card' },
    h('div', { style: 'color:#c8161d;font-size:13px;margin-bottom:4px' }, courseLabels[s.courseType]),
    h('h2', { 'data-testid': 'session-topic' }, s.topic),
    row('时间', s.endDate ? `${s.date} 至 ${s.endDate}` : s.date),
    row('地点', s.place),
    row('主办', s.organizer),
    row('学时', `${s.hours} 学时`),
  );
}

function resultCard(r: SignInResult): HTMLElement {
  const ok = r.result === 'signed_in';
  return h(
    'section',
    { class: `card ${ok ? 'ok' : 'info'}`, 'data-testid': 'sign-in-result' },
    h('h2', {}, ok ? '✓ 签到成功' : '您已签到'),
    h('p', {}, `${r.name}，${ok ? '欢迎参加' : '您已于 ' + timeText(r.signedInAt) + ' 签到'}“${r.topic}”。`),
    h('p', {}, ok ? `签到时间 ${timeText(r.signedInAt)}，本次培训计入 ${r.hours} 学时。` : '无需重复签到。'),
  );
}

function signInForm(token: string, onDone: (r: SignInResult) => void, onRefused: (e: PublicApiError) => void): HTMLElement {
  const name = h('input', { id: 'name', name: 'name', autocomplete: 'name', maxlength: 40, required: true, placeholder: '请输入姓名' });
  const last4 = h('input', {
    id: 'last4',
    name: 'last4',
    inputmode: 'numeric',
    maxlength: 4,
    required: true,
    pattern: '[0-9]{3}[0-9Xx]',
    placeholder: '手机号或身份证号后四位',
    autocomplete: 'off',
  });
  const error = h('p', { class: 'hint', role: 'alert', style: 'color:#cf1322;min-height:1em' });
  const button = h('button', { type: 'submit' }, '签 到');
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    h('h2', {}, '请核对身份后签到'),
    h('label', { for: 'name' }, '姓名'),
    name,
    h('label', { for: 'last4' }, '手机号后四位（或身份证号后四位）'),
    last4,
    h('p', { class: 'hint' }, '仅用于核对身份，不会显示或保存您输入的号码。'),
    error,
    button,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { name: name.value.trim(), last4: last4.value.trim().toUpperCase() };
    const problem = !body.name ? '请输入姓名' : !/^\d{3}[\dX]$/.test(body.last4) ? '请输入 4 位号码' : '';
    error.textContent = problem;
    if (problem) return;
    button.disabled = true;
    button.textContent = '正在签到…';
    callApi<SignInResult>('POST', `/api/public/sign-in/${token}`, body)
      .then(onDone)
      .catch((e: unknown) => {
        button.disabled = false;
        button.textContent = '签 到';
        const err = e instanceof PublicApiError ? e : new PublicApiError('internal', '网络异常，请稍后重试', 0);
        // Wrong name or digits and rate limits can be retried here; a closed session cannot.
        if (err.status === 422 || err.status === 400 || err.status === 429 || err.status === 0) error.textContent = err.message;
        else onRefused(err);
      });
  });
  return form;
}

export async function render(root: HTMLElement, params: string[]): Promise<void> {
  const token = params[0] ?? '';
  const show = (...content: HTMLElement[]) => root.replaceChildren(pageFrame(title, ...content));
  show(messageCard('正在加载…', '请稍候。'));
  let session: PublicSession;
  try {
    session = await callApi<PublicSession>('GET', `/api/public/sign-in/${encodeURIComponent(token)}`);
  } catch (e) {
    show(messageCard('无法签到', e instanceof PublicApiError ? e.message : '网络异常，请稍后重试', 'error'));
    return;
  }
  document.title = `${title} · ${session.topic}`;
  if (session.state !== 'open') {
    const [head, text] = notOpen[session.state];
    show(sessionCard(session), messageCard(head, text, 'error'));
    return;
  }
  show(
    sessionCard(session),
    signInForm(
      token,
      (r) => show(sessionCard(session), resultCard(r)),
      (e) => show(sessionCard(session), messageCard('无法签到', e.message, 'error')),
    ),
  );
}
