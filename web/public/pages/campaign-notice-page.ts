// The public notice of the proposed stars (评星结果公示): every village's score, stars and ranks,
// the town committees' stars, the notice period; a form to lodge an objection (异议) and a
// lookup of the answer by receipt number. Nothing personal is shown; a contact left with an
// objection is only seen by the department.
import { callApi, PublicApiError } from '../lib/api';
import { h, messageCard, pageFrame } from '../lib/dom';
import { chinaDate } from '../../../shared/dates';
import './campaign-notice-page.css';

type Village = { orgUnitId: string; name: string; townName: string; score: number; stars: number | null; label: string | null; rankInTown: number | null; rankInCity: number | null };
type Notice = {
  campaignId: string;
  name: string;
  year: number;
  phase: 'notice' | 'final';
  noticeStarts: string;
  noticeEnds: string;
  acceptingObjections: boolean;
  /** The standard names its levels (e.g. 达标 / 和美家园): shown instead of the stars, or beside them. */
  labelDisplay: 'labels' | 'starsAndLabels' | null;
  villages: Village[];
  towns: { orgUnitId: string; name: string; stars: number | null }[];
};
type Receipt = { receiptNo: string; villageName: string; lodgedAt: string };
type Answer = { receiptNo: string; villageName: string; lodgedAt: string; status: 'received' | 'handled' | 'answered'; answer: string | null; answeredAt: string | null };

const statusLabels = { received: '已受理，正在核查', handled: '已核查，等待答复', answered: '已答复' } as const;

const starsText = (n: number | null) => (n === null ? '不予评星' : '★'.repeat(n));
/** A village's level as the standard shows it: stars, its level name, or both. */
const levelText = (n: Notice, v: Village) =>
  n.labelDisplay === 'labels' ? (v.label ?? '不予评定') : n.labelDisplay === 'starsAndLabels' && v.label ? `${starsText(v.stars)} ${v.label}` : starsText(v.stars);
/** The day in China, whatever the phone's time zone. */
const dateText = (iso: string) => chinaDate(new Date(iso));

function intro(n: Notice): HTMLElement {
  const count = (min: number) => n.villages.filter((v) => (v.stars ?? 0) >= min).length;
  const cell = (value: number, label: string) => h('div', {}, h('b', {}, value), h('span', {}, label));
  const period = `公示期：${n.noticeStarts} 至 ${n.noticeEnds}`;
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, `${n.name}`),
    h('p', {}, n.phase === 'final' ? `公示已结束，以下为最终评定结果。${period}` : `以下为评星定级建议结果，现予公示。${period}。对结果有异议的，可在公示期内提出。`),
    n.labelDisplay === 'labels'
      ? h('div', { class: 'notice-summary' }, cell(n.villages.length, '参评村'), ...[...new Set(n.villages.map((v) => v.label).filter((l): l is string => l !== null))].map((l) => cell(n.villages.filter((v) => v.label === l).length, l)))
      : h('div', { class: 'notice-summary' }, cell(n.villages.length, '参评村'), cell(count(3), '三星及以上'), cell(count(4), '四星及以上'), cell(count(5), '五星')),
  );
}

function villageTable(n: Notice, town: string): HTMLElement {
  const rows = n.villages.filter((v) => !town || v.townName === town);
  return h(
    'table',
    { class: 'notice-table villages', 'data-testid': 'notice-villages' },
    h('thead', {}, h('tr', {}, h('th', {}, '排名'), h('th', {}, '村（社区）'), h('th', {}, '得分'), h('th', {}, n.labelDisplay === 'labels' ? '结果' : '星级'))),
    h(
      'tbody',
      {},
      ...rows.map((v) =>
        h(
          'tr',
          {},
          h('td', {}, town ? (v.rankInTown ?? '—') : (v.rankInCity ?? '—')),
          h('td', {}, v.name, h('span', { class: 'town' }, v.townName)),
          h('td', {}, v.score.toFixed(2)),
          n.labelDisplay === 'labels'
            ? h('td', { class: v.label === null ? 'none' : '' }, levelText(n, v))
            : h('td', { class: v.stars === null ? 'none' : 'stars-cell', title: v.stars === null ? undefined : `${v.stars}星` }, levelText(n, v)),
        ),
      ),
    ),
  );
}

function villagesCard(n: Notice): HTMLElement {
  const towns = [...new Set(n.villages.map((v) => v.townName))];
  const holder = h('div', {}, villageTable(n, ''));
  const select = h('select', { 'aria-label': '按镇筛选', class: 'no-print' }, h('option', { value: '' }, '全市排名'), ...towns.map((t) => h('option', { value: t }, `${t}（镇内排名）`)));
  select.addEventListener('change', () => holder.replaceChildren(villageTable(n, select.value)));
  return h('section', { class: 'card' }, h('h2', {}, '村党组织星级'), select, holder);
}

function townsCard(n: Notice): HTMLElement | null {
  if (n.towns.length === 0) return null;
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, '镇（街道）党委星级'),
    h(
      'table',
      { class: 'notice-table towns', 'data-testid': 'notice-towns' },
      h('tbody', {}, ...n.towns.map((t) => h('tr', {}, h('td', {}, t.name), h('td', { class: t.stars === null ? 'none' : 'stars-cell', title: t.stars === null ? undefined : `${t.stars}星` }, starsText(t.stars))))),
    ),
  );
}

function objectionCard(n: Notice): HTMLElement {
  const card = h('section', { class: 'card no-print', 'data-testid': 'objection-form' });
  const towns = [...new Set(n.villages.map((v) => v.townName))];
  const village = h(
    'select',
    { id: 'objection-village', required: true },
    h('option', { value: '' }, '请选择'),
    ...towns.map((t) => {
      const group = h('optgroup', { label: t });
      for (const v of n.villages.filter((x) => x.townName === t)) group.append(h('option', { value: v.orgUnitId }, v.name));
      return group;
    }),
  );
  const content = h('textarea', { id: 'objection-content', rows: 4, maxlength: 1000, placeholder: '请写明对哪一项结果有异议，以及事实和理由（至少 5 个字）' });
  const contact = h('input', { id: 'objection-contact', maxlength: 50, placeholder: '选填，仅供核查人员联系，不公开' });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit' }, '提交异议');
  const form = h(
    'form',
    {},
    h('label', { for: 'objection-village' }, '对哪个村的结果有异议'),
    village,
    h('label', { for: 'objection-content' }, '异议内容'),
    content,
    h('label', { for: 'objection-contact' }, '联系方式'),
    contact,
    error,
    submit,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    error.textContent = '';
    if (!village.value) return void (error.textContent = '请选择村');
    if (content.value.trim().length < 5) return void (error.textContent = '异议内容至少 5 个字');
    submit.disabled = true;
    const body = { villageId: village.value, content: content.value.trim(), ...(contact.value.trim() ? { contact: contact.value.trim() } : {}) };
    callApi<Receipt>('POST', `/api/public/campaigns/${n.campaignId}/objections`, body)
      .then((r) =>
        card.replaceChildren(
          h('h2', {}, '异议已提交'),
          h('p', {}, `${r.villageName}，提交时间 ${dateText(r.lodgedAt)}。请保存回执编号，凭编号查询处理结果：`),
          h('p', { class: 'receipt', 'data-testid': 'receipt-no' }, r.receiptNo),
        ),
      )
      .catch((err: Error) => {
        error.textContent = err.message;
        submit.disabled = false;
      });
  });
  card.append(h('h2', {}, '提出异议'), form);
  return card;
}

function lookupCard(): HTMLElement {
  const input = h('input', { id: 'receipt-input', maxlength: 20, placeholder: '回执编号，如 ABCD2345EF', autocapitalize: 'characters' });
  const result = h('div', { 'data-testid': 'lookup-result' });
  const button = h('button', { type: 'submit' }, '查询');
  const form = h('form', {}, h('label', { for: 'receipt-input' }, '回执编号'), input, button, result);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const no = input.value.trim().toUpperCase();
    if (!/^[A-Z0-9]{4,20}$/.test(no)) return void result.replaceChildren(h('p', { class: 'form-error' }, '请输入正确的回执编号'));
    button.disabled = true;
    callApi<Answer>('GET', `/api/public/objections/${no}`)
      .then((a) =>
        result.replaceChildren(
          h('p', {}, `${a.villageName} · 提交于 ${dateText(a.lodgedAt)} · `, h('b', {}, statusLabels[a.status])),
          ...(a.answer ? [h('p', { class: 'answer' }, `答复（${a.answeredAt ? dateText(a.answeredAt) : ''}）：${a.answer}`)] : []),
        ),
      )
      .catch((err: Error) => result.replaceChildren(h('p', { class: 'form-error' }, err instanceof PublicApiError && err.status === 404 ? '没有找到该回执编号' : err.message)))
      .finally(() => (button.disabled = false));
  });
  return h('section', { class: 'card no-print' }, h('h2', {}, '查询异议处理结果'), form);
}

export async function render(root: HTMLElement, [campaignId = '']: string[]): Promise<void> {
  document.title = '评星结果公示';
  root.replaceChildren(pageFrame('评星结果公示', messageCard('正在加载', '请稍候……')));
  try {
    const n = await callApi<Notice>('GET', `/api/public/campaigns/${campaignId}/notice`);
    document.title = `${n.name}结果公示`;
    const closed = n.phase === 'final' ? null : messageCard('公示期已过', `公示期已于 ${n.noticeEnds} 结束，不再受理新的异议。`);
    root.replaceChildren(
      pageFrame(
        `${n.year} 年度五星级评定结果公示`,
        intro(n),
        villagesCard(n),
        townsCard(n),
        n.acceptingObjections ? objectionCard(n) : closed,
        lookupCard(),
        h('section', { class: 'card no-print' }, h('button', { type: 'button', onclick: () => window.print() }, '打印公示')),
      ),
    );
  } catch (error) {
    const notFound = error instanceof PublicApiError && error.status === 404;
    root.replaceChildren(pageFrame('评星结果公示', messageCard(notFound ? '公示不存在或尚未开始' : '加载失败', notFound ? '请核对二维码或链接是否完整。' : (error as Error).message, 'error')));
  }
}
