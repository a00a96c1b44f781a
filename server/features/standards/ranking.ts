import type { CompiledStandard } from './compiled-standard.js';
import type { RankingKey } from './standard.js';

// Rankings (拉榜排名) by the standard's keys. Villages equal on every key share a rank and the
// next rank skips ("1, 1, 3"). Within a tie, and as the last resort of a quota, villages are
// listed by name and then id, compared by UTF-16 code units (not pinyin: the same on every
// machine and in every browser).

export type RankRow = {
  id: string;
  name: string;
  stars: number | null;
  finalH: number;
  baseH: number;
  stageH: number[];
  dimensionH: number[];
  satisfactionBp: number | null;
};

export type RowComparator = (a: RankRow, b: RankRow) => number;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function keyComparator(c: CompiledStandard, key: RankingKey): RowComparator {
  const desc = key.key === 'name' ? key.direction === 'desc' : key.direction !== 'asc';
  const numeric = (value: (r: RankRow) => number | null): RowComparator => (a, b) => {
    const x = value(a);
    const y = value(b);
    // Absent values (no survey, no rating) come last whichever the direction.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return desc ? y - x : x - y;
  };
  switch (key.key) {
    case 'stars':
      return numeric((r) => r.stars);
    case 'finalScore':
      return numeric((r) => r.finalH);
    case 'baseScore':
      return numeric((r) => r.baseH);
    case 'stageScore': {
      const s = c.stages.findIndex((st) => st.id === key.stage);
      return numeric((r) => r.stageH[s] ?? null);
    }
    case 'dimensionScore': {
      const d = c.dimensionIds.indexOf(key.dimension);
      return numeric((r) => r.dimensionH[d] ?? null);
    }
    case 'satisfactionRate':
      return numeric((r) => r.satisfactionBp);
    case 'name':
      return desc ? (a, b) => compareText(b.name, a.name) : (a, b) => compareText(a.name, b.name);
  }
}

/** Compares by the keys only: 0 means the two share a rank. */
export function keysComparator(c: CompiledStandard, keys: readonly RankingKey[]): RowComparator {
  const comparators = keys.map((k) => keyComparator(c, k));
  return (a, b) => {
    for (const compare of comparators) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };
}

/** The keys, then name, then id: a total order, so the listing never depends on input order. */
export function listingComparator(byKeys: RowComparator): RowComparator {
  return (a, b) => byKeys(a, b) || compareText(a.name, b.name) || compareText(a.id, b.id);
}

/** Sorts rows in place by the listing order and returns competition ranks aligned with them. */
export function rankRows<T extends RankRow>(rows: T[], byKeys: RowComparator): number[] {
  rows.sort(listingComparator(byKeys));
  const ranks: number[] = [];
  rows.forEach((row, i) => {
    const prev = rows[i - 1];
    ranks.push(prev !== undefined && byKeys(prev, row) === 0 ? (ranks[i - 1] as number) : i + 1);
  });
  return ranks;
}
