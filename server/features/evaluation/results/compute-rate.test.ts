import { describe, expect, it } from 'vitest';
import type { PriorResult } from '../decisions/recompute.js';
import { joinTaskPart, splitTask, type RateTask } from './compute-rate.js';

const village = (id: string) => ({ id, name: `${id}村`, townId: 't1', scores: { s1: { i1: 1 } }, figures: {}, lastYearStars: null });
const prior = (villageId: string) => ({ villageId, engineStars: 3, stars: 3 }) as unknown as PriorResult;

function task(ids: string[], closed: string[]): RateTask {
  return {
    standard: { id: 'std' } as unknown as RateTask['standard'],
    input: { towns: [{ id: 't1', name: '一镇' }], villages: ids.map(village) } as unknown as RateTask['input'],
    self: null,
    sources: Object.fromEntries(ids.filter((_, i) => i % 2 === 0).map((id) => [id, `问卷 ${id}`])),
    paths: Object.fromEntries(ids.map((id) => [id, `/c/t1/${id}`])),
    prior: [...closed, ...ids.slice(1)].map(prior),
    countyId: 'c',
    campaignId: 'k',
    now: '2026-12-06T08:00:00.000Z',
    ids: ids.map((id) => `row-${id}`),
  };
}

/** Splits, sends every piece as JSON text (as the messages do) and joins them as the worker does. */
function roundTrip(t: RateTask, size: number) {
  const { head, parts } = splitTask(t, size);
  const joined = JSON.parse(JSON.stringify(head)) as RateTask;
  const sent = [...parts];
  for (const part of sent) joinTaskPart(joined, JSON.parse(JSON.stringify(part)));
  return { head, joined, sent };
}

describe('the rating task sent in parts', () => {
  it('when 7 villages go in parts of 3, then the head carries none, each part at most 3, and the joined task equals the original', () => {
    const t = task(['a', 'b', 'c', 'd', 'e', 'f', 'g'], ['x']);
    const { head, joined, sent } = roundTrip(t, 3);
    expect(head.input.villages).toEqual([]);
    expect(head.prior).toEqual([]);
    expect(sent.map((p) => p.villages.map((v) => v.id))).toEqual([['a', 'b', 'c'], ['d', 'e', 'f'], ['g']]);
    expect(joined.input).toEqual(t.input);
    expect(joined.ids).toEqual(t.ids);
    expect(joined.sources).toEqual(t.sources);
    expect(joined.paths).toEqual(t.paths);
    expect(joined.standard).toEqual(t.standard);
    // Prior results of a village closed since (x) travel too, with the last part.
    expect(sent.at(-1)?.prior.map((p) => p.villageId)).toEqual(['g', 'x']);
    expect(joined.prior.map((p) => p.villageId).sort()).toEqual(t.prior.map((p) => p.villageId).sort());
  });

  it('when no village is rated, then one part still carries the closed villages\' prior results', () => {
    const { joined, sent } = roundTrip(task([], ['x', 'y']), 500);
    expect(sent).toHaveLength(1);
    expect(joined.input.villages).toEqual([]);
    expect(joined.prior.map((p) => p.villageId)).toEqual(['x', 'y']);
  });
});
