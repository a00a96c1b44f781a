// The server's Content-Security-Policy admits <style> elements only with the page's nonce, which
// it writes into <meta name="csp-nonce"> of the served index.html. Ant Design's CSS-in-JS gets it
// through ConfigProvider `csp`; rc-util's helpers (the modal scroll lock, the scrollbar probe)
// inject <style> without asking, so every style element created here gets the nonce too.
// The policy has no 'unsafe-eval': zod's compiled parsers probe `new Function` (a reported
// violation even when caught), so zod runs without them here.
import { z } from 'zod';

export const cspNonce: string | undefined =
  document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content || undefined;

export function installCspCompatibility(): void {
  z.config({ jitless: true });
  if (!cspNonce) return; // the Vite dev server sends no policy
  const create = document.createElement.bind(document);
  document.createElement = ((tagName: string, options?: ElementCreationOptions) => {
    const element = create(tagName, options);
    if (tagName.toLowerCase() === 'style') (element as HTMLStyleElement).nonce = cspNonce;
    return element;
  }) as typeof document.createElement;
}
