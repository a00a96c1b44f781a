// Pure rules of training: course categories, audiences, the session and sign-in state machines,
// the public sign-in window, identity matching and coverage maths.
import { AppError } from '../../../shared/errors.js';
import type { PositionTitle } from '../../../shared/contracts/people.js';
import {
  audienceTitles,
  categoriesOf,
  type AudienceGroup,
  type CourseType,
  type SessionStatus,
  type SignInState,
  type TrainingSession,
} from '../../../shared/contracts/training.js';

/** Lectures and mentoring courses need a category of their own type; study tours take none. */
export function checkCategory(courseType: CourseType, category: string | null | undefined): string | null {
  const allowed = categoriesOf[courseType];
  if (allowed.length === 0) {
    if (category) throw new AppError('training.invalid_category');
    return null;
  }
  if (!category || !allowed.includes(category)) throw new AppError('training.invalid_category');
  return category;
}

/** The position titles an audience covers; an empty audience means everyone. */
export function titlesOfAudience(audience: readonly string[]): PositionTitle[] {
  return [...new Set(audience.flatMap((g) => audienceTitles[g as AudienceGroup] ?? []))];
}

export type SessionAction = 'complete' | 'cancel';

/** planned → completed | cancelled; nothing leaves completed or cancelled. */
export function nextSessionStatus(status: SessionStatus, action: SessionAction): SessionStatus {
  if (status !== 'planned') throw new AppError('training.session_not_planned');
  return action === 'complete' ? 'completed' : 'cancelled';
}

export type SignInAction = 'open' | 'rotate' | 'close';

/**
 * none → open (a new token), closed → open (the same token again), open → open (rotate: a new
 * token, the old link dies), open → closed. Only a planned session takes sign-ins.
 */
export function nextSignInState(status: SessionStatus, state: SignInState, action: SignInAction): { state: SignInState; newToken: boolean } {
  switch (action) {
    case 'open':
      if (status !== 'planned') throw new AppError('training.session_not_planned');
      if (state === 'open') return { state, newToken: false };
      return { state: 'open', newToken: state === 'none' };
    case 'rotate':
      if (status !== 'planned') throw new AppError('training.session_not_planned');
      if (state !== 'open') throw new AppError('training.sign_in_not_open');
      return { state: 'open', newToken: true };
    case 'close':
      if (state !== 'open') throw new AppError('training.sign_in_not_open');
      return { state: 'closed', newToken: false };
  }
}

export type PublicState = 'open' | 'not_started' | 'ended' | 'closed';

/** The QR link works while the organizer keeps it open, on the session's day(s) in China. */
export function publicSignInState(
  s: { status: SessionStatus; signInState: SignInState; date: string; endDate: string | null },
  today: string,
): PublicState {
  if (s.status !== 'planned' || s.signInState !== 'open') return 'closed';
  if (today < s.date) return 'not_started';
  if (today > (s.endDate ?? s.date)) return 'ended';
  return 'open';
}

export const publicStateErrors = {
  closed: 'training.sign_in_closed',
  not_started: 'training.sign_in_not_started',
  ended: 'training.sign_in_ended',
} as const;

/** The last four characters of the phone or of the ID number (X in upper case). */
export function lastFourMatches(last4: string, phone: string | null, idNumber: string | null): boolean {
  const want = last4.toUpperCase();
  return (phone !== null && phone.slice(-4) === want) || (idNumber !== null && idNumber.toUpperCase().slice(-4) === want);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export function yearRange(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Hours are kept to one decimal; sums of floats are rounded back to it. */
export function roundHours(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Percent to one decimal; 0 when there is no one to count. */
export function sharePercent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

export function perHead(total: number, heads: number): number {
  return heads > 0 ? Math.round((total / heads) * 100) / 100 : 0;
}

export type CoverageCounts = { cadres: number; trainedCadres: number; hours: number };

export function coverageFigures(c: CoverageCounts) {
  return {
    cadres: c.cadres,
    trainedCadres: c.trainedCadres,
    trainedShare: sharePercent(c.trainedCadres, c.cadres),
    hours: roundHours(c.hours),
    hoursPerCadre: perHead(c.hours, c.cadres),
  };
}

export function addCounts(a: CoverageCounts, b: CoverageCounts): CoverageCounts {
  return { cadres: a.cadres + b.cadres, trainedCadres: a.trainedCadres + b.trainedCadres, hours: a.hours + b.hours };
}

export type SessionRow = {
  id: string;
  courseType: CourseType;
  category: string | null;
  topic: string;
  orgUnitId: string;
  orgUnitName: string;
  orgPath: string;
  organizer: string;
  partners: string[];
  lecturer: string | null;
  date: string;
  endDate: string | null;
  place: string;
  hours: number;
  audience: string[];
  capacity: number | null;
  summary: string | null;
  status: SessionStatus;
  signInState: SignInState;
};

export type AttendanceCounts = { present: number; excused: number; absent: number; reports: number };
export const noCounts: AttendanceCounts = { present: 0, excused: 0, absent: 0, reports: 0 };

export function presentSession(row: SessionRow, counts: AttendanceCounts, canEdit: boolean): TrainingSession {
  const { orgPath: _p, hours, ...rest } = row;
  return { ...rest, hours: Number(hours), ...counts, canEdit };
}

/** What the audit log keeps of a session: its plan, never the sign-in token. */
export function sessionSnapshot(s: Omit<SessionRow, 'id' | 'orgUnitName' | 'orgPath' | 'signInState'>) {
  const { courseType, category, topic, orgUnitId, organizer, partners, lecturer, date, endDate, place, hours, audience, capacity, status } = s;
  return { courseType, category, topic, orgUnitId, organizer, partners, lecturer, date, endDate, place, hours: Number(hours), audience, capacity, status };
}
