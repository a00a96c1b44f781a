// Public pages by path. Each page module exports `render(root, params)` and loads on demand,
// so a villager scanning one QR code downloads one small page.
export type PublicPage = { render(root: HTMLElement, params: string[]): void | Promise<void> };

export const publicRoutes: { pattern: RegExp; load: () => Promise<PublicPage> }[] = [
  { pattern: /^\/m\/?$/, load: () => import('./pages/home-page') },
  { pattern: /^\/m\/sign-in\/([A-Za-z0-9_-]{20,64})\/?$/, load: () => import('./pages/sign-in-page') },
  { pattern: /^\/m\/villages\/([0-9a-f-]{36})\/commitments\/?$/, load: () => import('./pages/commitments-page') },
  { pattern: /^\/m\/problems\/confirm\/([A-Za-z0-9_-]{20,64})\/?$/, load: () => import('./pages/problem-confirm-page') },
  { pattern: /^\/m\/survey\/?([0-9A-Za-z-]{0,40})\/?$/, load: () => import('./pages/survey-page') },
  { pattern: /^\/m\/campaigns\/([0-9a-f-]{36})\/notice\/?$/, load: () => import('./pages/campaign-notice-page') },
  { pattern: /^\/m\/campaigns\/([0-9a-f-]{36})\/villages\/([0-9a-f-]{36})\/review\/?$/, load: () => import('./pages/review-notice-page') },
];
