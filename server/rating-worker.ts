// The rating worker: 生成定星建议's engine and row shaping (compute-rate.ts) on a thread of its
// own, so the server keeps answering while a province is rated. Messages: { task } (the task's
// head, JSON text), { part } slices of its villages and { scores } chunks (JSON text), then
// { go }; it answers one { chunk } message, then another for each { next }, then { done } (or
// { error }). Bundled as its own entry (package.json build:server) next to main.js.
import { parentPort } from 'node:worker_threads';
import { joinTaskPart, rateAndShape, withSheetScores, type RateTask } from './features/evaluation/results/compute-rate.js';
import { RatingInputError } from './features/standards/engine/rating-input.js';

const port = parentPort;
if (!port) throw new Error('rating-worker runs as a worker thread');
let task: RateTask | null = null;
const scores: string[] = [];
// Rated chunks go one at a time, the next when the server asks for it: posted all at once, the
// server's thread would take every one off its port in one turn of its event loop (a second at
// 10,000 villages) before answering anyone else.
const outbox: unknown[] = [];
const sendNext = () => {
  const next = outbox.shift();
  if (next) port.postMessage(next);
};
port.on('message', (m: { task?: string; part?: string; scores?: string; go?: number; next?: true }) => {
  if (m.next) sendNext();
  else if (m.task) task = JSON.parse(m.task) as RateTask;
  else if (m.part && task) joinTaskPart(task, JSON.parse(m.part));
  else if (m.scores) scores.push(m.scores);
  else if (m.go && task) {
    try {
      task.input = withSheetScores(task.input, scores);
      const { chunks, done } = rateAndShape(task, m.go);
      outbox.push(...chunks.map((chunk) => ({ chunk })), { done });
      sendNext();
    } catch (err) {
      port.postMessage({ error: err instanceof RatingInputError ? { issues: err.issues } : { message: err instanceof Error ? err.stack ?? err.message : String(err) } });
    }
  }
});
