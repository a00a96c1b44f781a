// The department review result of one village, posted in the village (部门点评结果在村公示): the
// panel, its comment, the department-stage points by indicator, the democratic evaluation and the
// rectification items. Printable for the notice board. Nothing about any person is shown.
import type { PublicReviewNotice } from '../../../shared/contracts/evaluation-stages';
import { callApi, PublicApiError } from '../lib/api';
import { h, messageCard, pageFrame } from '../lib/dom';
import './review-notice-page.css';

const points = (n: number | null) => (n === null ? '—' : n.toFixed(2).replace(/\.?0+$/, ''));

function summary(n: PublicReviewNotice): HTMLElement {
  const cell = (value: string | number, label: string) => h('div', {}, h('b', {}, value), h('span', {}, label));
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, `${n.townName} ${n.villageName}`),
    h('p', {}, `根据${n.campaignName}部门点评安排，评委组对本村进行了实地勘察、擂台比武和民主评价，现将点评结果在村公示。`),
    h('div', { class: 'review-summary' }, cell(points(n.departmentTotal), '部门点评得分'), cell(points(n.departmentMax), '满分'), cell(n.rectifications.length, '整改事项')),
  );
}

function panelCard(n: PublicReviewNotice): HTMLElement | null {
  if (n.panels.length === 0) return null;
  return h('section', { class: 'card' }, h('h2', {}, '点评评委组'), ...n.panels.map((p) => h('p', {}, `${p.name}（${p.departments}）`)));
}

function commentCard(n: PublicReviewNotice): HTMLElement {
  return h('section', { class: 'card', 'data-testid': 'review-comment' }, h('h2', {}, '点评意见'), h('p', { class: 'review-comment' }, n.comment));
}

function scoreTable(n: PublicReviewNotice): HTMLElement {
  const rows: HTMLElement[] = [];
  let dimension = '';
  for (const i of n.indicators) {
    if (i.dimensionName !== dimension) {
      dimension = i.dimensionName;
      rows.push(h('tr', { class: 'dimension' }, h('td', { colspan: 3 }, dimension)));
    }
    rows.push(h('tr', {}, h('td', {}, i.name), h('td', { class: 'num' }, points(i.points)), h('td', { class: 'num' }, points(i.maxPoints))));
  }
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, '分项得分'),
    h(
      'table',
      { class: 'review-table', 'data-testid': 'review-scores' },
      h('thead', {}, h('tr', {}, h('th', {}, '评分指标'), h('th', { class: 'num' }, '得分'), h('th', { class: 'num' }, '分值'))),
      h('tbody', {}, ...rows),
      h('tfoot', {}, h('tr', {}, h('td', {}, '合计'), h('td', { class: 'num' }, points(n.departmentTotal)), h('td', { class: 'num' }, points(n.departmentMax)))),
    ),
  );
}

function democraticCard(n: PublicReviewNotice): HTMLElement | null {
  const d = n.democratic;
  if (!d) return null;
  const total = d.excellent + d.good + d.fair + d.poor;
  const share = (x: number) => (total ? `${Math.round((x / total) * 1000) / 10}%` : '—');
  const labels: [keyof typeof d, string][] = [['excellent', '优秀'], ['good', '良好'], ['fair', '一般'], ['poor', '较差']];
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, '民主评价'),
    h('p', { class: 'review-meta' }, `共 ${total} 票，作为点评参考。`),
    h('div', { class: 'review-summary' }, ...labels.map(([k, label]) => h('div', {}, h('b', {}, d[k]), h('span', {}, `${label} ${share(d[k])}`)))),
  );
}

function rectificationCard(n: PublicReviewNotice): HTMLElement {
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, '整改事项'),
    n.rectifications.length
      ? h('ol', { class: 'review-list' }, ...n.rectifications.map((r) => h('li', {}, r.title, h('span', { class: 'meta' }, `（完成时限 ${r.deadline}）`))))
      : h('p', {}, '本次点评未提出整改事项。'),
  );
}

export async function render(root: HTMLElement, [campaignId = '', villageId = '']: string[]): Promise<void> {
  document.title = '部门点评结果公示';
  root.replaceChildren(pageFrame('部门点评结果公示', messageCard('正在加载', '请稍候……')));
  try {
    const n = await callApi<PublicReviewNotice>('GET', `/api/public/campaigns/${campaignId}/villages/${villageId}/review`);
    document.title = `${n.villageName}部门点评结果公示`;
    const closing = h(
      'section',
      { class: 'card' },
      h('p', {}, '如对公示内容有意见，可向镇党委或市委组织部反映。'),
      h('p', { class: 'review-seal' }, `市委组织部`, h('br'), `${n.publishedDate}`),
    );
    const printButton = h('section', { class: 'card no-print' }, h('button', { type: 'button', onclick: () => window.print() }, '打印公示'));
    root.replaceChildren(
      pageFrame(`${n.villageName}部门点评结果公示`, summary(n), panelCard(n), commentCard(n), scoreTable(n), democraticCard(n), rectificationCard(n), closing, printButton),
    );
  } catch (error) {
    const notFound = error instanceof PublicApiError && error.status === 404;
    root.replaceChildren(
      pageFrame(
        '部门点评结果公示',
        messageCard(notFound ? '暂无公示内容' : '加载失败', notFound ? '该村的部门点评结果尚未公示，请核对二维码或链接。' : (error as Error).message, notFound ? 'info' : 'error'),
      ),
    );
  }
}
