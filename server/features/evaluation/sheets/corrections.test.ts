import { describe, expect, it } from 'vitest';
import { rankResults, type RankedRow } from './corrections.js';

const row = (villageId: string, townId: string, stars: number | null, score: number, extra: Partial<RankedRow> = {}): RankedRow => ({
  villageId,
  townId,
  name: villageId,
  stars,
  score,
  stageScores: {},
  dimensionScores: {},
  satisfactionRate: null,
  ...extra,
});
const ranksOf = (ranks: ReturnType<typeof rankResults>) => Object.fromEntries([...ranks].map(([id, r]) => [id, [r.rankInCity, r.rankInTown]]));

describe('ranking again after a correction', () => {
  it('when stars come first, then a lowered village drops below everyone with more stars, town ranks follow', () => {
    const rows = [row('a', 't1', 2, 90), row('b', 't1', 3, 70), row('c', 't2', 3, 80), row('d', 't2', 2, 60)];
    expect(ranksOf(rankResults(rows, [{ key: 'stars' }, { key: 'finalScore' }]))).toEqual({ c: [1, 1], b: [2, 1], a: [3, 2], d: [4, 2] });
  });

  it('when villages are equal on every key, then they share a rank and the next rank skips', () => {
    const rows = [row('a', 't1', 3, 80), row('b', 't1', 3, 80), row('c', 't1', 2, 90)];
    expect(ranksOf(rankResults(rows, [{ key: 'stars' }, { key: 'finalScore' }]))).toEqual({ a: [1, 1], b: [1, 1], c: [3, 3] });
  });

  it('when a village has no stars, then it is not ranked; absent key values come last whatever the direction', () => {
    const rows = [row('a', 't1', null, 99), row('b', 't1', 3, 70, { satisfactionRate: null }), row('c', 't1', 3, 70, { satisfactionRate: 90 })];
    expect(ranksOf(rankResults(rows, [{ key: 'stars' }, { key: 'satisfactionRate', direction: 'asc' }]))).toEqual({ a: [null, null], c: [1, 1], b: [2, 2] });
  });

  it('when the keys name a stage or a dimension, then their stored scores decide', () => {
    const rows = [row('a', 't1', 3, 80, { stageScores: { city: 40 } }), row('b', 't1', 3, 80, { stageScores: { city: 45 } })];
    expect(ranksOf(rankResults(rows, [{ key: 'stars' }, { key: 'stageScore', stage: 'city' }]))).toEqual({ b: [1, 1], a: [2, 2] });
  });
});
