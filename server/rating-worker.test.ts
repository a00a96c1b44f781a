import { afterEach, describe, expect, it } from 'vitest';
import type { Worker } from 'node:worker_threads';
import { startWorker } from './workers.js';
import { splitTask, type RatedChunk, type RatedSummary, type RateTask } from './features/evaluation/results/compute-rate.js';
import { inputOf, smallStandard, uniformVillage } from './features/standards/engine/test-fixtures.js';

// The rating worker's messages as compute.service.ts sends them: the task in parts, then `go`;
// the rated chunks come back one per `next`, then the summary.

const ids = ['v1', 'v2', 'v3', 'v4', 'v5'];

function task(): RateTask {
  const villages = ids.map((id, i) => uniformVillage(id, 0.5 + i / 10, { townId: i < 3 ? 't1' : 't2' }));
  return {
    standard: smallStandard(),
    input: inputOf(villages),
    self: null,
    sources: {},
    paths: Object.fromEntries(ids.map((id) => [id, `/c/t/${id}`])),
    prior: [],
    countyId: '00000000-0000-4000-8000-000000000001',
    campaignId: '00000000-0000-4000-8000-000000000002',
    now: '2026-12-06T08:00:00.000Z',
    ids: ids.map((_, i) => `00000000-0000-4000-8000-00000000010${i}`),
  };
}

let worker: Worker | null = null;
afterEach(async () => {
  await worker?.terminate();
  worker = null;
});

type Answer = { chunk: RatedChunk } | { done: RatedSummary } | { error: unknown };

/** Sends the task, then asks for the next chunk `asks` times at most; answers what came back, in order. */
async function run(asks: number): Promise<Answer[]> {
  const w = startWorker('rating-worker');
  worker = w;
  const answers: Answer[] = [];
  const finished = new Promise<void>((resolve, reject) => {
    let asked = 0;
    w.on('error', reject);
    w.on('message', (m: Answer) => {
      answers.push(m);
      if (!('chunk' in m)) return resolve();
      if (asked++ < asks) w.postMessage({ next: true });
      else resolve();
    });
  });
  const { head, parts } = splitTask(task(), 2);
  w.postMessage({ task: JSON.stringify(head) });
  for (const part of parts) w.postMessage({ part: JSON.stringify(part) });
  w.postMessage({ go: 2 });
  await finished;
  return answers;
}

const villagesOf = (a: Answer) => ('chunk' in a ? (JSON.parse(a.chunk.results) as { village_id: string }[]).map((r) => r.village_id) : []);

describe('the rating worker', () => {
  it('when five villages are rated in chunks of two and each chunk is asked for, then three chunks cover them in the engine order and the summary ends it', async () => {
    const answers = await run(10);
    expect(answers.map((a) => Object.keys(a)[0])).toEqual(['chunk', 'chunk', 'chunk', 'done']);
    expect(answers.map(villagesOf).map((v) => v.length)).toEqual([2, 2, 1, 0]);
    expect(answers.flatMap(villagesOf).sort()).toEqual(ids);
    // Each chunk carries its villages' seal columns with its rows.
    expect(answers.map((a) => ('chunk' in a ? a.chunk.seals.map((s) => s.villageId) : []))).toEqual(answers.map(villagesOf));
    const done = answers.at(-1) as { done: RatedSummary };
    expect(done.done.towns.map((t) => t.townId).sort()).toEqual(['t1', 't2']);
  });

  it('when the server asks for one more chunk only, then it gets exactly two', async () => {
    const answers = await run(1);
    expect(answers.map((a) => Object.keys(a)[0])).toEqual(['chunk', 'chunk']);
  });
});
