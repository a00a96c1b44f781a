// A few lines of DOM building instead of a framework: villagers open these pages on weak networks.
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | ((e: Event) => void) | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, '').toLowerCase(), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/**
 * The common frame of every public page: banner, content card(s), footer. The banner names the
 * campaign in words: a row of stars there would read as a village's rating.
 */
export function pageFrame(title: string, ...content: Child[]): HTMLElement {
  return h(
    'div',
    { class: 'page' },
    h('header', { class: 'banner' }, h('h1', {}, title), h('p', { class: 'subtitle' }, '农村基层党组织星级评定')),
    h('main', {}, ...content),
    h('footer', {}, '市委组织部'),
  );
}

export function messageCard(title: string, text: string, tone: 'info' | 'ok' | 'error' = 'info'): HTMLElement {
  return h('section', { class: `card ${tone}` }, h('h2', {}, title), h('p', {}, text));
}
