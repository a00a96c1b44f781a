import { describe, expect, it } from 'vitest';
import { leaderRows, sumFigures } from './overview.js';

describe('overview sums', () => {
  it('when villages are summed, then counts add, coverage and closure are shares, progress is weighted by tasks', () => {
    const f = sumFigures([
      { values: { pairedLeaders: 1, visitsByLeaders: 4, keyTasks: 1, keyTaskProgress: 100, problemsListed: 8, problemsClosed: 6 }, overdueProblems: 1 },
      { values: { pairedLeaders: 0, visitsByLeaders: 0, keyTasks: 3, keyTaskProgress: 20, problemsListed: 2, problemsClosed: 1 }, overdueProblems: 0 },
    ]);
    expect(f).toMatchObject({ villages: 2, pairedVillages: 1, pairingCoverage: 50, leaderVisits: 4, keyTasks: 4, keyTaskProgress: 40, problemsListed: 10, problemsClosed: 7, closureRate: 70, problemsOverdue: 1 });
  });

  it('when nothing was listed, then the closure rate is 100 as the standard says, and an empty scope is all zeros', () => {
    expect(sumFigures([{ values: {}, overdueProblems: 0 }]).closureRate).toBe(100);
    expect(sumFigures([])).toMatchObject({ villages: 0, pairingCoverage: 0, keyTaskProgress: 0 });
  });

  it('when leaders are ranked, then visits add over their pairings and overdue pairings are counted', () => {
    const rows = leaderRows([
      { leaderId: 'a', leaderName: '甲', visitsInYear: 2, overdue: false },
      { leaderId: 'b', leaderName: '乙', visitsInYear: 5, overdue: true },
      { leaderId: 'a', leaderName: '甲', visitsInYear: 1, overdue: true },
    ]);
    expect(rows).toEqual([
      { id: 'b', name: '乙', villages: 1, visits: 5, overduePairings: 1 },
      { id: 'a', name: '甲', villages: 2, visits: 3, overduePairings: 1 },
    ]);
  });
});
