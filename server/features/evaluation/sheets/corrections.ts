// Pure: the rankings again after a village's stars were corrected. The engine ranked by the
// standard's keys at computation; a correction changes stars, so the keys are applied again to
// what was stored (stars as corrected, final score, stage and dimension scores, satisfaction).
// Villages without stars are not ranked; equal villages share a rank and the next one skips.
import type { RankingKey } from '../../../../shared/standards/standard.js';

export type RankedRow = {
  villageId: string;
  townId: string;
  name: string;
  stars: number | null;
  score: number;
  stageScores: Partial<Record<string, number>>;
  dimensionScores: Record<string, number>;
  satisfactionRate: number | null;
};

export type Ranks = Map<string, { rankInTown: number | null; rankInCity: number | null }>;

/** The key's value, oriented so that larger comes first; absent values sort last. */
function valueOf(row: RankedRow, key: RankingKey): number {
  const sign = key.direction === 'asc' ? -1 : 1;
  let v: number | null | undefined;
  switch (key.key) {
    case 'stars':
      v = row.stars;
      break;
    // The base score is not stored with a result; the final score orders the same villages unless bonuses differ.
    case 'finalScore':
    case 'baseScore':
      v = row.score;
      break;
    case 'stageScore':
      v = row.stageScores[key.stage];
      break;
    case 'dimensionScore':
      v = row.dimensionScores[key.dimension];
      break;
    case 'satisfactionRate':
      v = row.satisfactionRate;
      break;
    case 'name':
      return 0;
  }
  return v === null || v === undefined ? -Infinity : sign * v;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareOn(keys: readonly RankingKey[]) {
  return (a: RankedRow, b: RankedRow): number => {
    for (const key of keys) {
      if (key.key === 'name') {
        const d = (key.direction === 'desc' ? -1 : 1) * byText(a.name, b.name);
        if (d !== 0) return d;
        continue;
      }
      const x = valueOf(a, key);
      const y = valueOf(b, key);
      if (x !== y) return y > x ? 1 : -1;
    }
    return 0;
  };
}

function competitionRanks(rows: RankedRow[], keys: readonly RankingKey[]): Map<string, number> {
  const compare = compareOn(keys);
  const sorted = [...rows].sort((a, b) => compare(a, b) || byText(a.name, b.name) || byText(a.villageId, b.villageId));
  const ranks = new Map<string, number>();
  sorted.forEach((row, i) => {
    const prev = sorted[i - 1];
    ranks.set(row.villageId, prev && compare(prev, row) === 0 ? (ranks.get(prev.villageId) as number) : i + 1);
  });
  return ranks;
}

export function rankResults(rows: readonly RankedRow[], keys: readonly RankingKey[]): Ranks {
  const rated = rows.filter((r) => r.stars !== null);
  const city = competitionRanks(rated, keys);
  const towns = new Map<string, RankedRow[]>();
  for (const r of rated) towns.set(r.townId, [...(towns.get(r.townId) ?? []), r]);
  const inTown = new Map<string, number>();
  for (const list of towns.values()) for (const [id, rank] of competitionRanks(list, keys)) inTown.set(id, rank);
  return new Map(rows.map((r) => [r.villageId, { rankInTown: inTown.get(r.villageId) ?? null, rankInCity: city.get(r.villageId) ?? null }]));
}
