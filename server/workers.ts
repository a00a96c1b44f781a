// Starts the server's worker threads. The worker files sit next to this module when run from
// source (server/*.ts under tsx or vitest: the worker registers tsx's loader first). Bundled, the
// workers are dist/node/server/*.js, and this module is inlined into an entry one level below
// dist/node: server/main.js, or cli/main.js (`fivestar serve` imports the server), hence
// ../server/ from either.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export function startWorker(name: 'rating-worker' | 'xlsx-reader'): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`../server/${name}.js`, import.meta.url));
  const url = new URL(`./${name}.ts`, import.meta.url).href;
  const tsx = new URL('dist/esm/api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'))).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(url)}); });`, { eval: true });
}
