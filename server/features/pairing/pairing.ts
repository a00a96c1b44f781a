// Pure rules of the city level: visit-frequency compliance of pairings and the key-task states.
import type {
  KeyTaskAction,
  KeyTaskStatus,
  Milestone,
  Pairing,
  PairingCompliance,
  VisitPeriod,
  VisitRule,
} from '../../../shared/contracts/fieldwork-pairing.js';

/** The rule when a year has none of its own: each paired village visited once a quarter. */
export function defaultVisitRule(year: number): VisitRule {
  return { year, period: 'quarter', minVisits: 1, isDefault: true };
}

export type Period = { label: string; start: string; end: string };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const quarterNames = ['第一季度', '第二季度', '第三季度', '第四季度'];

/** The periods of a year under a rule, in order; dates are YYYY-MM-DD. */
export function periodsOfYear(year: number, period: VisitPeriod): Period[] {
  const span = (label: string, fromMonth: number, toMonth: number): Period => ({
    label,
    start: `${year}-${pad(fromMonth)}-01`,
    end: `${year}-${pad(toMonth)}-${pad(lastDay(year, toMonth))}`,
  });
  switch (period) {
    case 'month':
      return Array.from({ length: 12 }, (_, i) => span(`${i + 1}月`, i + 1, i + 1));
    case 'quarter':
      return quarterNames.map((name, i) => span(name, i * 3 + 1, i * 3 + 3));
    case 'half_year':
      return [span('上半年', 1, 6), span('下半年', 7, 12)];
    case 'year':
      return [span('全年', 1, 12)];
  }
}

function midpoint(p: Period): string {
  const a = Date.parse(`${p.start}T00:00:00Z`);
  const b = Date.parse(`${p.end}T00:00:00Z`);
  return new Date(a + Math.floor((b - a) / 2 / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
}

export type PairingDates = { startDate: string; endDate: string | null };

export function isActiveOn(p: PairingDates, day: string): boolean {
  return p.startDate <= day && (p.endDate === null || p.endDate >= day);
}

/**
 * How a pairing kept the rule in a year, up to `today`. A period is owed when the pairing was in
 * force at its midpoint (a pairing made in a period's last days owes nothing for it). The
 * pairing is overdue when the latest finished period fell short and the current one has not yet
 * made up for it: that is the list a department chases.
 */
export function complianceOf(pairing: PairingDates, rule: VisitRule, visitDates: readonly string[], today: string) {
  const owed = periodsOfYear(rule.year, rule.period).filter((p) => p.start <= today && isActiveOn(pairing, midpoint(p)));
  const periods = owed.map((p) => {
    const visits = visitDates.filter((d) => d >= p.start && d <= p.end).length;
    const closesAt = pairing.endDate && pairing.endDate < p.end ? pairing.endDate : p.end;
    return { ...p, visits, met: visits >= rule.minVisits, ended: closesAt < today };
  });
  const ended = periods.filter((p) => p.ended);
  const current = periods.find((p) => !p.ended);
  const lastEnded = ended[ended.length - 1];
  const overdue = Boolean(lastEnded && !lastEnded.met && !(current && current.met));
  const visitsInYear = visitDates.filter((d) => d.startsWith(`${rule.year}-`)).length;
  return { periods, visitsInYear, missedPeriods: ended.filter((p) => !p.met).length, overdue };
}

export type PairingRow = {
  id: string;
  leaderId: string;
  leaderName: string;
  villageId: string;
  villageName: string;
  townName: string | null;
  orgPath: string;
  startDate: string;
  endDate: string | null;
  note: string;
  lastVisitDate: string | null;
};

export function presentPairing(row: PairingRow, today: string): Pairing {
  return {
    id: row.id,
    leaderId: row.leaderId,
    leaderName: row.leaderName,
    villageId: row.villageId,
    villageName: row.villageName,
    townName: row.townName ?? '',
    startDate: row.startDate,
    endDate: row.endDate,
    note: row.note,
    active: isActiveOn(row, today),
    lastVisitDate: row.lastVisitDate,
  };
}

export function presentCompliance(row: PairingRow, rule: VisitRule, visitDates: readonly string[], today: string): PairingCompliance {
  return { ...presentPairing(row, today), ...complianceOf(row, rule, visitDates, today) };
}

/** Two date ranges (open end = forever) share a day. */
export function rangesOverlap(a: PairingDates, b: PairingDates): boolean {
  return (a.endDate === null || a.endDate >= b.startDate) && (b.endDate === null || b.endDate >= a.startDate);
}

const keyTaskMoves: Record<KeyTaskStatus, Partial<Record<KeyTaskAction, KeyTaskStatus>>> = {
  planned: { start: 'in_progress' },
  in_progress: { stall: 'stalled', complete: 'done' },
  stalled: { resume: 'in_progress' },
  done: {},
};

/** The key task's next status, or null when the action is not allowed from `status`. */
export function nextKeyTaskStatus(status: KeyTaskStatus, action: KeyTaskAction): KeyTaskStatus | null {
  return keyTaskMoves[status][action] ?? null;
}

export function isKeyTaskOverdue(t: { status: KeyTaskStatus; dueDate: string | null }, today: string): boolean {
  return t.status !== 'done' && t.dueDate !== null && t.dueDate < today;
}

/** Milestones in date order, undated ones last, so every screen lists them the same way. */
export function sortMilestones(ms: readonly Milestone[]): Milestone[] {
  return [...ms].sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
}
