// 群众测评 from the household's card: open the QR (or type the code), answer, keep the receipt.
// The answer is saved on the phone before it is sent; if the network drops it is sent again when
// the phone is back online, with the same submission id, so it arrives once.
import { normalizeCode, parseCode } from '../../../shared/survey-code';
import { callApi, PublicApiError } from '../lib/api';
import { h, messageCard, pageFrame } from '../lib/dom';
import './survey-page.css';

type Choice = 'satisfied' | 'basically_satisfied' | 'unsatisfied';
type PublicSurvey = { campaignName: string; villageName: string; townName: string; opens: string; closes: string; satisfactionQuestion: string; topics: { id: string; text: string }[] };
type Receipt = { receiptNo: string; villageName: string; submittedAt: string };
type Pending = { submissionId: string; satisfaction: Choice; topics: Record<string, Choice> };

const title = '群众满意度测评';
const choices: [Choice, string][] = [
  ['satisfied', '满意'],
  ['basically_satisfied', '基本满意'],
  ['unsatisfied', '不满意'],
];
const privacy = '本测评不收集姓名、身份证号和手机号，也不记录您的网络地址。';
const pendingKey = (code: string) => `fivestar.survey.pending.${code}`;
const receiptKey = (code: string) => `fivestar.survey.receipt.${code}`;

function read<T>(key: string): T | null {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') as T | null;
  } catch {
    return null;
  }
}

function receiptCard(r: Receipt): HTMLElement {
  return h(
    'section',
    { class: 'card ok', 'data-testid': 'survey-receipt' },
    h('h2', {}, '✓ 提交成功，感谢您的参与'),
    h('p', {}, `${r.villageName}群众满意度测评已收到您的答卷。回执号：`),
    h('p', { class: 'survey-receipt', 'data-testid': 'receipt-no' }, r.receiptNo),
    h('p', { class: 'survey-muted' }, '回执号可用于向测评组核对答卷已收到；答卷内容不与您的身份关联。'),
  );
}

function choiceGroup(name: string, onPick: (c: Choice) => void, small = false): HTMLElement {
  const buttons = choices.map(([value, label]) =>
    h('button', { type: 'button', 'aria-pressed': 'false', 'data-choice': value, 'data-testid': `${name}-${value}` }, label),
  );
  for (const b of buttons)
    b.addEventListener('click', () => {
      for (const o of buttons) o.setAttribute('aria-pressed', String(o === b));
      onPick(b.dataset.choice as Choice);
    });
  return h('div', { class: `survey-choices${small ? ' small' : ''}`, role: 'group' }, ...buttons);
}

/** Sends the saved answer; resolves with the receipt, or null when the phone is offline (kept for later). */
async function send(code: string, pending: Pending): Promise<Receipt | null> {
  try {
    const r = await callApi<Receipt>('POST', `/api/public/surveys/${code}`, pending);
    localStorage.removeItem(pendingKey(code));
    localStorage.setItem(receiptKey(code), JSON.stringify(r));
    return r;
  } catch (e) {
    // fetch throws a TypeError without a status when there is no network; a 5xx is also worth a retry.
    if (!(e instanceof PublicApiError) || e.status >= 500) return null;
    localStorage.removeItem(pendingKey(code));
    throw e;
  }
}

/** Keeps trying a saved answer: now, whenever the phone comes back online, and every 15 s. */
function deliver(code: string, show: (el: HTMLElement) => void) {
  const pending = read<Pending>(pendingKey(code));
  if (!pending) return;
  let busy = false;
  const attempt = async () => {
    if (busy) return;
    busy = true;
    try {
      const r = await send(code, pending);
      if (r) {
        stop();
        show(receiptCard(r));
      } else show(waitingCard());
    } catch (e) {
      stop();
      show(messageCard('未能提交', e instanceof PublicApiError ? e.message : '请稍后重试', 'error'));
    } finally {
      busy = false;
    }
  };
  const timer = window.setInterval(() => void attempt(), 15_000);
  const online = () => void attempt();
  window.addEventListener('online', online);
  const stop = () => {
    window.clearInterval(timer);
    window.removeEventListener('online', online);
  };
  void attempt();
}

function waitingCard(): HTMLElement {
  return h(
    'section',
    { class: 'card survey-waiting', 'data-testid': 'survey-waiting' },
    h('h2', {}, '网络已断开，答卷已保存在本机'),
    h('p', {}, '请保持本页面打开，网络恢复后会自动提交，不需要重新填写。'),
  );
}

function form(code: string, s: PublicSurvey, show: (el: HTMLElement) => void): HTMLElement {
  let satisfaction: Choice | null = null;
  const topics: Record<string, Choice> = {};
  const error = h('p', { class: 'survey-error', role: 'alert' });
  const submit = h('button', { type: 'submit', 'data-testid': 'survey-submit' }, '提 交');
  const el = h(
    'form',
    { class: 'card', novalidate: true },
    h('p', { class: 'survey-muted' }, `${s.townName} · ${s.campaignName}`),
    h('h2', { 'data-testid': 'survey-village' }, `${s.villageName}群众满意度测评`),
    h('p', { class: 'survey-question' }, `1. ${s.satisfactionQuestion}`),
    choiceGroup('overall', (c) => (satisfaction = c)),
    s.topics.length > 0 ? h('p', { class: 'survey-muted' }, '以下各项可选答：') : null,
    h(
      'div',
      { class: 'survey-topics' },
      ...s.topics.map((t, i) => h('div', {}, h('p', { class: 'survey-question' }, `${i + 2}. 您对${t.text}满意吗？`), choiceGroup(`topic-${t.id}`, (c) => (topics[t.id] = c), true))),
    ),
    error,
    submit,
    h('p', { class: 'hint' }, privacy),
  );
  el.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!satisfaction) {
      error.textContent = '请先回答第 1 题';
      return;
    }
    submit.disabled = true;
    submit.textContent = '正在提交…';
    // Saved before sending: a dropped network or a closed page loses nothing.
    localStorage.setItem(pendingKey(code), JSON.stringify({ submissionId: crypto.randomUUID(), satisfaction, topics } satisfies Pending));
    deliver(code, show);
  });
  return el;
}

function codeEntry(): HTMLElement {
  const input = h('input', { id: 'code', class: 'survey-code-input', autocomplete: 'off', autocapitalize: 'characters', maxlength: 30, placeholder: 'XXXX-XXXX-XXXX-XXXX-X' });
  const error = h('p', { class: 'survey-error', role: 'alert' });
  const el = h(
    'form',
    { class: 'card', novalidate: true },
    h('h2', {}, '请输入测评卡上的测评码'),
    h('label', { for: 'code' }, '测评码（17 位，横线可不输）'),
    input,
    error,
    h('button', { type: 'submit' }, '开始测评'),
    h('p', { class: 'hint' }, privacy),
  );
  el.addEventListener('submit', (e) => {
    e.preventDefault();
    const code = parseCode(input.value);
    if (!code) {
      error.textContent = normalizeCode(input.value).length === 17 ? '测评码有误，请逐位核对' : '测评码应为 17 位';
      return;
    }
    window.location.assign(`/m/survey/${code}`);
  });
  return el;
}

export async function render(root: HTMLElement, params: string[]): Promise<void> {
  const main = (...cards: HTMLElement[]) => root.replaceChildren(pageFrame(title, ...cards));
  const typed = params[0];
  if (!typed) return main(codeEntry());
  const code = parseCode(typed);
  if (!code) return main(messageCard('测评码有误', '请核对二维码是否完整，或手动输入测评卡上的测评码。', 'error'), codeEntry());
  const saved = read<Receipt>(receiptKey(code));
  if (saved) return main(receiptCard(saved));
  const show = (el: HTMLElement) => main(el);
  if (read<Pending>(pendingKey(code))) {
    main(waitingCard());
    return deliver(code, show);
  }
  try {
    const s = await callApi<PublicSurvey>('GET', `/api/public/surveys/${code}`);
    main(form(code, s, show));
  } catch (e) {
    const err = e instanceof PublicApiError ? e : null;
    const d = err?.details as { opens?: string; closes?: string } | undefined;
    const dates = d?.opens ? `本次测评时间为 ${d.opens} 至 ${d.closes}。` : '';
    main(messageCard(err?.message ?? '网络异常', err ? `${dates}如有疑问，请联系村里的测评组。` : '请检查网络后刷新本页。', 'error'));
  }
}
