// Security headers through helmet, with a strict Content-Security-Policy on every answer
// (API, admin SPA and the villagers' pages): scripts only from this origin with the page's nonce,
// no inline script, no framing (frame-ancestors 'none').
//
// Styles: Ant Design writes its CSS-in-JS into <style> elements at run time; they carry a
// per-response nonce that the served index.html hands to the SPA (meta csp-nonce, read by
// web/admin/csp-nonce.ts). Style *attributes* stay allowed (style-src-attr): antd's auto-sizing
// textarea and ECharts tooltips set them, and an attribute can neither run script nor read the page.
//
// helmet's middleware is built once, when the app is built, and run on every request's raw
// response (the @fastify/helmet plugin used before rebuilt it, parsing and checking every
// directive, on each request: 5 % of the server's time under the survey load). The policy is
// the same; only the nonce is made per response.
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

export function installContentSecurity(app: FastifyInstance, opts: { hsts: boolean }): void {
  const headers = helmet({
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
  app.addHook('onRequest', (req, reply, done) => {
    headers(req.raw, reply.raw, (err?: unknown) => done(err instanceof Error ? err : undefined));
  });
}
