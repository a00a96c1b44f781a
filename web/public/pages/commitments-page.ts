// A village's published commitments (为民办实事公示): what the two committees promised at year start
// and how each was fulfilled. No names of people, no contact details.
import { callApi, PublicApiError } from '../lib/api';
import { h, messageCard, pageFrame } from '../lib/dom';
import './commitments-page.css';

type Item = { title: string; category: string; description: string; outcome: 'fulfilled' | 'partly' | 'unfulfilled'; outcomeReason: string; evidence: string; publishedDate: string };
type Notice = { villageName: string; townName: string; year: number; years: number[]; items: Item[] };

const outcomeLabels = { fulfilled: '已兑现', partly: '部分兑现', unfulfilled: '未兑现' } as const;

function summary(n: Notice): HTMLElement {
  const count = (o: Item['outcome']) => n.items.filter((i) => i.outcome === o).length;
  const cell = (value: number, label: string) => h('div', {}, h('b', {}, value), h('span', {}, label));
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, `${n.townName} ${n.villageName}`),
    h('p', {}, `${n.year} 年度为民办实事兑现情况公示，共 ${n.items.length} 项。`),
    h('div', { class: 'notice-summary' }, cell(count('fulfilled'), '已兑现'), cell(count('partly'), '部分兑现'), cell(count('unfulfilled'), '未兑现')),
  );
}

function itemCard(item: Item, index: number): HTMLElement {
  return h(
    'section',
    { class: 'card notice-item', 'data-testid': 'notice-item' },
    h('h3', {}, `${index + 1}. ${item.title}`, h('span', { class: `notice-tag ${item.outcome}` }, outcomeLabels[item.outcome])),
    h('p', { class: 'meta' }, `${item.category} · 公示日期 ${item.publishedDate}`),
    item.description ? h('p', {}, item.description) : null,
    item.evidence ? h('p', {}, h('span', { class: 'meta' }, '佐证材料：'), item.evidence) : null,
    item.outcomeReason ? h('p', {}, h('span', { class: 'meta' }, '情况说明：'), item.outcomeReason) : null,
  );
}

function yearLinks(n: Notice, villageId: string): HTMLElement | null {
  if (n.years.length < 2) return null;
  return h(
    'section',
    { class: 'card notice-years' },
    ...n.years.map((y) => h('a', { href: `/m/villages/${villageId}/commitments?year=${y}`, class: y === n.year ? 'current' : undefined }, `${y} 年`)),
  );
}

export async function render(root: HTMLElement, [villageId = '']: string[]): Promise<void> {
  document.title = '为民办实事公示';
  root.replaceChildren(pageFrame('为民办实事公示', messageCard('正在加载', '请稍候……')));
  const year = new URLSearchParams(window.location.search).get('year');
  try {
    const n = await callApi<Notice>('GET', `/api/public/villages/${villageId}/commitments${year && /^\d{4}$/.test(year) ? `?year=${year}` : ''}`);
    document.title = `${n.villageName} ${n.year} 年度为民办实事公示`;
    const body = n.items.length
      ? n.items.map(itemCard)
      : [messageCard('暂无公示内容', `${n.year} 年度的为民办实事尚未公示。`)];
    const printButton = h('button', { type: 'button', class: 'no-print', onclick: () => window.print() }, '打印公示');
    root.replaceChildren(
      pageFrame(`${n.villageName}为民办实事公示`, summary(n), yearLinks(n, villageId), ...body, h('section', { class: 'card no-print' }, printButton)),
    );
  } catch (error) {
    const notFound = error instanceof PublicApiError && error.status === 404;
    root.replaceChildren(
      pageFrame('为民办实事公示', messageCard(notFound ? '公示页不存在' : '加载失败', notFound ? '请核对二维码或链接是否完整。' : (error as Error).message, 'error')),
    );
  }
}
