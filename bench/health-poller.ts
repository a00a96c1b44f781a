// Polls GET /api/health from a worker thread at a fixed rate (open loop: a request is due every
// `everyMs` whether or not the last one answered), timing each from when it was due, so a blocked
// server shows as the whole time it kept requests waiting. The worker's event loop is its own:
// the server's main thread being busy does not delay the polling itself.
import { Worker } from 'node:worker_threads';

const workerCode = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const times = [];
let stop = false;
let pending = 0;
let failures = 0;
parentPort.on('message', () => { stop = true; if (pending === 0) done(); });
function done() { parentPort.postMessage({ times, failures }); agent.destroy(); process.exit(0); }
const start = performance.now();
let n = 0;
function tick() {
  if (stop) return;
  const due = start + n * workerData.everyMs;
  n++;
  pending++;
  const req = http.get({ host: '127.0.0.1', port: workerData.port, path: '/api/health', agent }, (res) => {
    res.resume();
    res.on('end', () => { if (res.statusCode !== 200) failures++; times.push(performance.now() - due); if (--pending === 0 && stop) done(); });
  });
  req.on('error', () => { failures++; if (--pending === 0 && stop) done(); });
  setTimeout(tick, Math.max(0, start + n * workerData.everyMs - performance.now()));
}
tick();
`;

export type HealthPoll = { stop(): Promise<{ times: number[]; failures: number }> };

export function pollHealth(port: number, everyMs = 10): HealthPoll {
  const worker = new Worker(workerCode, { eval: true, workerData: { port, everyMs } });
  const result = new Promise<{ times: number[]; failures: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    async stop() {
      worker.postMessage('stop');
      return result;
    },
  };
}
