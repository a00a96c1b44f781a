// Sums per-village figures into the overview's rows: a village, a town, the caller's whole scope.
import type { FieldworkFigures } from '../../../shared/contracts/fieldwork-overview.js';

export type VillageValues = Record<string, number>;

const round1 = (n: number) => Math.round(n * 10) / 10;

export function sumFigures(villages: readonly { values: VillageValues; overdueProblems: number }[]): FieldworkFigures {
  const sum = (id: string) => villages.reduce((acc, v) => acc + (v.values[id] ?? 0), 0);
  const keyTasks = sum('keyTasks');
  const progressWeighted = villages.reduce((acc, v) => acc + (v.values.keyTaskProgress ?? 0) * (v.values.keyTasks ?? 0), 0);
  const listed = sum('problemsListed');
  const closed = sum('problemsClosed');
  const paired = villages.filter((v) => (v.values.pairedLeaders ?? 0) > 0).length;
  return {
    villages: villages.length,
    pairedVillages: paired,
    pairingCoverage: villages.length ? round1((paired / villages.length) * 100) : 0,
    leaderVisits: sum('visitsByLeaders'),
    keyTasks,
    keyTasksDone: sum('keyTasksDone'),
    keyTaskProgress: keyTasks ? round1(progressWeighted / keyTasks) : 0,
    supervisionRecords: sum('supervisionRecords'),
    findingsOpen: sum('findingsOpen'),
    householdVisits: sum('householdVisits'),
    commitmentsMade: sum('commitmentsMade'),
    commitmentsFulfilled: sum('commitmentsFulfilled'),
    problemsListed: listed,
    problemsClosed: closed,
    problemsOverdue: villages.reduce((acc, v) => acc + v.overdueProblems, 0),
    // As the standard's problemClosureRate: nothing listed counts as all closed.
    closureRate: listed ? round1((closed / listed) * 100) : 100,
  };
}

export type LeaderPairing = { leaderId: string; leaderName: string; visitsInYear: number; overdue: boolean };

/** Visits and overdue pairings per leader, most visits first. */
export function leaderRows(pairings: readonly LeaderPairing[]) {
  const rows = new Map<string, { id: string; name: string; villages: number; visits: number; overduePairings: number }>();
  for (const p of pairings) {
    const row = rows.get(p.leaderId) ?? { id: p.leaderId, name: p.leaderName, villages: 0, visits: 0, overduePairings: 0 };
    row.villages += 1;
    row.visits += p.visitsInYear;
    if (p.overdue) row.overduePairings += 1;
    rows.set(p.leaderId, row);
  }
  return [...rows.values()].sort((a, b) => b.visits - a.visits || a.name.localeCompare(b.name, 'zh-CN'));
}
