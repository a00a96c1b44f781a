// Serves the built admin SPA at / and the public mobile pages at /m/.
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import path from 'node:path';

export async function installWebPages(app: FastifyInstance, webDir: string): Promise<void> {
  if (!existsSync(path.join(webDir, 'admin', 'index.html'))) {
    app.log.warn(`no built web pages in ${webDir}: run npm run build:web`);
    return;
  }
  await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: false });
  const page = (name: 'admin' | 'public') => (_req: unknown, reply: { sendFile: (f: string) => unknown; header: (k: string, v: string) => unknown }) => {
    reply.header('cache-control', 'no-cache');
    return reply.sendFile(`${name}/index.html`);
  };
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
