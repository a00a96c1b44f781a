// Serves the built admin SPA at / and the public mobile pages at /m/.
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cspNonceOf } from './content-security.js';

/**
 * The page with this response's CSP nonce on its scripts and in a meta tag, from which the SPA
 * gives it to the styles Ant Design injects (web/admin/csp-nonce.ts).
 */
export function withNonce(html: string, nonce: string): string {
  return html
    .replace('<head>', `<head>\n    <meta name="csp-nonce" content="${nonce}" />`)
    .replaceAll('<script ', `<script nonce="${nonce}" `);
}

export async function installWebPages(app: FastifyInstance, webDir: string): Promise<void> {
  if (!existsSync(path.join(webDir, 'admin', 'index.html'))) {
    app.log.warn(`no built web pages in ${webDir}: run npm run build:web`);
    return;
  }
  await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: false });
  const html = {
    admin: readFileSync(path.join(webDir, 'admin', 'index.html'), 'utf8'),
    public: readFileSync(path.join(webDir, 'public', 'index.html'), 'utf8'),
  };
  const page = (name: 'admin' | 'public') => (_req: unknown, reply: FastifyReply) =>
    reply
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(withNonce(html[name], cspNonceOf(reply.raw)));
  app.get('/m', { config: { access: 'public' } }, page('public'));
  app.get('/m/*', { config: { access: 'public' } }, page('public'));
  app.get('/', { config: { access: 'public' } }, page('admin'));
  // SPA fallback: any other page path that is neither the API nor a built asset.
  app.get('/*', { config: { access: 'public' } }, (req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/assets/')) {
      return reply.status(404).send({ error: { code: 'http.not_found', message: '请求的地址不存在', requestId: req.id } });
    }
    return page('admin')(req, reply);
  });
}
