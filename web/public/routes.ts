// Public pages by path. Each page module exports `render(root, params)` and loads on demand,
// so a villager scanning one QR code downloads one small page.
export type PublicPage = { render(root: HTMLElement, params: string[]): void | Promise<void> };

export const publicRoutes: { pattern: RegExp; load: () => Promise<PublicPage> }[] = [
  { pattern: /^\/m\/?$/, load: () => import('./pages/home-page') },
];
