// Pure roll-ups of training records: a person's years, coverage per village and town.
import type { AttendanceStatus, CoverageRow } from '../../../shared/contracts/training.js';
import { addCounts, coverageFigures, roundHours, yearOf, type CoverageCounts } from './training.js';

export function personYears(history: { date: string; status: AttendanceStatus; hours: number }[]) {
  const years = new Map<number, { sessions: number; hours: number }>();
  for (const h of history) {
    if (h.status !== 'present') continue;
    const y = yearOf(h.date);
    const acc = years.get(y) ?? { sessions: 0, hours: 0 };
    years.set(y, { sessions: acc.sessions + 1, hours: acc.hours + Number(h.hours) });
  }
  return [...years.entries()].sort(([a], [b]) => b - a).map(([year, v]) => ({ year, sessions: v.sessions, hours: roundHours(v.hours) }));
}

type Village = { id: string; name: string; path: string; parentName: string | null };
type Town = { id: string; name: string; path: string };
type VillageCounts = { villageId: string; cadres: number; trained: number; hours: number };

const zero: CoverageCounts = { cadres: 0, trainedCadres: 0, hours: 0 };

/** Village rows from the counts (a village without cadres shows zeros); towns sum their villages. */
export function buildCoverage(villages: Village[], counts: VillageCounts[], towns: Town[]): { villages: CoverageRow[]; towns: CoverageRow[]; total: CoverageCounts } {
  const byVillage = new Map(counts.map((c) => [c.villageId, { cadres: Number(c.cadres), trainedCadres: Number(c.trained), hours: Number(c.hours) }]));
  const townSums = new Map<string, CoverageCounts>();
  let total = zero;
  const villageRows = villages.map((v) => {
    const c = byVillage.get(v.id) ?? zero;
    const town = towns.find((t) => v.path.startsWith(t.path));
    if (town) townSums.set(town.id, addCounts(townSums.get(town.id) ?? zero, c));
    total = addCounts(total, c);
    return { orgUnitId: v.id, name: v.name, parentName: v.parentName, ...coverageFigures(c) };
  });
  const townRows = towns
    .filter((t) => townSums.has(t.id))
    .map((t) => ({ orgUnitId: t.id, name: t.name, parentName: null, ...coverageFigures(townSums.get(t.id) ?? zero) }));
  return { villages: villageRows, towns: townRows, total };
}

/** Villages furthest behind first: lowest share trained, then fewest hours per cadre. */
export function behindFirst(rows: CoverageRow[]): CoverageRow[] {
  return [...rows].filter((r) => r.cadres > 0).sort((a, b) => a.trainedShare - b.trainedShare || a.hoursPerCadre - b.hoursPerCadre || a.name.localeCompare(b.name, 'zh-CN'));
}
