// Starts the server's worker threads. The worker files sit next to this module: server/*.ts when
// run from source (tsx, vitest: the worker registers tsx's loader first), dist/node/server/*.js
// when bundled (this module is then inlined into main.js, in the directory of the workers' bundles).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export function startWorker(name: 'rating-worker'): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, import.meta.url));
  const url = new URL(`./${name}.ts`, import.meta.url).href;
  const tsx = new URL('dist/esm/api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'))).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(url)}); });`, { eval: true });
}
