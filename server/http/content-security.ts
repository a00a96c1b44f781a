// Security headers through helmet, with a strict Content-Security-Policy on every answer
// (API, admin SPA and the villagers' pages): scripts only from this origin with the page's nonce,
// no inline script, no framing (frame-ancestors 'none').
//
// Styles: Ant Design writes its CSS-in-JS into <style> elements at run time; they carry a
// per-response nonce that the served index.html hands to the SPA (meta csp-nonce, read by
// web/admin/csp-nonce.ts). Style *attributes* stay allowed (style-src-attr): antd's auto-sizing
// textarea and ECharts tooltips set them, and an attribute can neither run script nor read the page.
//
// helmet's headers are computed once, when the app is built (helmetHeaders below); a page's policy
// differs per response only by its nonce. API answers (JSON and files, never rendered as a page)
// carry a stricter policy that allows nothing (default-src 'none') and need no nonce.
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

const nonces = new WeakMap<ServerResponse, string>();

/** The response's CSP nonce, made on first use (by the CSP header or by the page that embeds it). */
export function cspNonceOf(res: ServerResponse): string {
  let nonce = nonces.get(res);
  if (!nonce) {
    nonce = randomBytes(18).toString('base64');
    nonces.set(res, nonce);
  }
  return nonce;
}

const nonceSource = (_req: unknown, res: unknown) => `'nonce-${cspNonceOf(res as ServerResponse)}'`;

export const cspDirectives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", nonceSource],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", nonceSource],
  styleSrcElem: ["'self'", nonceSource],
  styleSrcAttr: ["'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  frameSrc: ["'none'"],
  workerSrc: ["'self'", 'blob:'],
  manifestSrc: ["'self'"],
};

// API answers are data, never a page: nothing may load or run from them at all.
const apiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
// Stands for the response's nonce in the page policy computed once.
const noncePlaceholder = 'NONCE_PLACEHOLDER';

type HeaderSet = [name: string, value: string][];

/**
 * helmet's headers, computed once: helmet's middleware run on a stand-in response records what it
 * would set (its directives are checked then, once). Per response only the nonce changes, so a
 * request pays for copying a dozen strings, not for helmet's per-header validation and setters.
 */
function helmetHeaders(opts: { hsts: boolean }): HeaderSet {
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      // upgrade-insecure-requests only where the site is served over TLS.
      directives: opts.hsts ? { ...cspDirectives, upgradeInsecureRequests: [] } : cspDirectives,
    },
    strictTransportSecurity: opts.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  const headers = new Map<string, string>();
  const standIn = {
    setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
  };
  nonces.set(standIn as unknown as ServerResponse, noncePlaceholder);
  let failed: unknown;
  middleware({} as never, standIn as never, (err?: unknown) => (failed = err));
  if (failed) throw failed instanceof Error ? failed : new Error(String(failed));
  return [...headers];
}

export function installContentSecurity(app: FastifyInstance, opts: { hsts: boolean }): void {
  const pageHeaders = helmetHeaders(opts);
  const apiHeaders: HeaderSet = pageHeaders.map(([name, value]) => [name, name === 'content-security-policy' ? apiPolicy : value]);
  app.addHook('onRequest', (req, reply, done) => {
    if (req.url.startsWith('/api/')) {
      for (const [name, value] of apiHeaders) void reply.header(name, value);
    } else {
      for (const [name, value] of pageHeaders) void reply.header(name, name === 'content-security-policy' ? value.replaceAll(noncePlaceholder, cspNonceOf(reply.raw)) : value);
    }
    done();
  });
}
