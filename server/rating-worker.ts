// The rating worker: 生成定星建议's engine and row shaping (compute-rate.ts) on a thread of its
// own, so the server keeps answering while a province is rated. Messages: { task } (the task's
// head, JSON text), { part } slices of its villages and { scores } chunks (JSON text), then
// { go }; it answers { chunk } messages, then { done } or { error }. Bundled as its own entry (package.json build:server) next to main.js.
import { parentPort } from 'node:worker_threads';
import { joinTaskPart, rateAndShape, withSheetScores, type RateTask } from './features/evaluation/results/compute-rate.js';
import { RatingInputError } from './features/standards/engine/rating-input.js';

const port = parentPort;
if (!port) throw new Error('rating-worker runs as a worker thread');
let task: RateTask | null = null;
const scores: string[] = [];
port.on('message', (m: { task?: string; part?: string; scores?: string; go?: number }) => {
  if (m.task) task = JSON.parse(m.task) as RateTask;
  else if (m.part && task) joinTaskPart(task, JSON.parse(m.part));
  else if (m.scores) scores.push(m.scores);
  else if (m.go && task) {
    try {
      task.input = withSheetScores(task.input, scores);
      const { chunks, done } = rateAndShape(task, m.go);
      for (const chunk of chunks) port.postMessage({ chunk });
      port.postMessage({ done });
    } catch (err) {
      port.postMessage({ error: err instanceof RatingInputError ? { issues: err.issues } : { message: err instanceof Error ? err.stack ?? err.message : String(err) } });
    }
  }
});
