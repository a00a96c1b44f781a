// The household confirms a closed problem (销号) from the one-time link the cadre gave them:
// satisfied closes it for good; not satisfied sends it back to be worked again.
import { callApi, PublicApiError } from '../lib/api';
import { h, messageCard, pageFrame } from '../lib/dom';

type PublicProblem = { villageName: string; title: string; resolution: string; resolvedDate: string | null };
const title = '问题办理确认';

function answerForm(token: string, p: PublicProblem, done: (satisfied: boolean) => void, fail: (e: unknown) => void): HTMLElement {
  const note = h('textarea', { id: 'note', rows: 3, maxlength: 200, placeholder: '可不填' });
  const send = (satisfied: boolean) => async (e: Event) => {
    e.preventDefault();
    for (const b of buttons) b.disabled = true;
    try {
      await callApi('POST', `/api/public/problem-confirmations/${token}`, { satisfied, note: note.value.trim() || undefined });
      done(satisfied);
    } catch (err) {
      for (const b of buttons) b.disabled = false;
      fail(err);
    }
  };
  const buttons = [
    h('button', { type: 'button', onclick: send(true), 'data-testid': 'satisfied' }, '满意，确认已解决'),
    h('button', { type: 'button', onclick: send(false), style: 'background:#fff;color:#c8161d;border:1px solid #c8161d' }, '不满意，请继续办理'),
  ];
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, p.title),
    h('p', {}, h('span', { style: 'color:#8c8c8c' }, '村（社区）：'), p.villageName),
    h('p', {}, h('span', { style: 'color:#8c8c8c' }, '办理结果：'), p.resolution),
    p.resolvedDate ? h('p', {}, h('span', { style: 'color:#8c8c8c' }, '销号日期：'), p.resolvedDate) : null,
    h('label', { for: 'note' }, '您的意见'),
    note,
    ...buttons,
  );
}

export async function render(root: HTMLElement, [token = '']: string[]): Promise<void> {
  document.title = title;
  const show = (...cards: HTMLElement[]) => root.replaceChildren(pageFrame(title, ...cards));
  const failed = (e: unknown) =>
    show(
      e instanceof PublicApiError && e.status === 404
        ? messageCard('链接已失效', '该确认链接不存在或已经使用过。如有疑问，请联系村“两委”干部。', 'error')
        : messageCard('提交失败', e instanceof Error ? e.message : '请稍后重试', 'error'),
    );
  show(messageCard('正在加载', '请稍候……'));
  try {
    const p = await callApi<PublicProblem>('GET', `/api/public/problem-confirmations/${token}`);
    show(
      answerForm(
        token,
        p,
        (ok) => show(messageCard(ok ? '感谢您的确认' : '已收到您的意见', ok ? '该问题已确认解决。' : '问题已退回村里继续办理。', ok ? 'ok' : 'info')),
        failed,
      ),
    );
  } catch (e) {
    failed(e);
  }
}
