// Attendance by hand and study-tour reports; the QR sign-in lives in sign-in.service.ts.
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import { chinaDate } from '../../../shared/dates.js';
import type { Attendance, AttendanceListQuery, AttendanceSet, TourReport } from '../../../shared/contracts/training.js';
import { recordAudit } from '../audit/audit.service.js';
import { presentAttendance, splitTitles } from './attendance.js';
import { listAttendance, selectAttendanceOf, selectPersonRef, upsertAttendance, updateReport, type PersonRef } from './attendance.queries.js';
import type { SessionRow } from './training.js';
import { trainingReadScope, trainingWriteScope } from './training.policy.js';
import { findVisibleSession, findWritableSession } from './training.service.js';

export async function listSessionAttendance(ctx: Ctx, sessionId: string, query: AttendanceListQuery) {
  const session = await findVisibleSession(ctx, sessionId);
  const { page, pageSize, ...filter } = query;
  const today = chinaDate(ctx.now());
  const result = await listAttendance(ctx.db, ctx.principal.countyId, trainingReadScope(ctx.principal), sessionId, { ...filter, today }, { page, pageSize });
  return { items: result.items.map((r) => presentAttendance(r, session.hours)), total: result.total };
}

/** Attendance is recorded for planned and finished sessions (late corrections), never cancelled ones. */
export function assertRecordable(session: SessionRow): void {
  if (session.status === 'cancelled') throw new AppError('training.session_cancelled');
}

/** Study tours take village Party secretaries only (研修提升课: 村党组织书记). */
export function assertTourParticipant(session: SessionRow, person: Pick<PersonRef, 'titles'>): void {
  if (session.courseType === 'tour' && !splitTitles(person.titles).includes('书记')) throw new AppError('training.not_a_secretary');
}

async function writablePerson(ctx: Ctx, personId: string, today: string): Promise<PersonRef> {
  const person = await selectPersonRef(ctx.db, ctx.principal.countyId, trainingWriteScope(ctx.principal), personId, today);
  if (!person) throw new AppError('person.not_found');
  return person;
}

export async function setAttendance(ctx: Ctx, sessionId: string, personId: string, input: AttendanceSet): Promise<Attendance> {
  return inTransaction(ctx, async (tx) => {
    const session = await findWritableSession(tx, sessionId);
    assertRecordable(session);
    const countyId = ctx.principal.countyId;
    const today = chinaDate(ctx.now());
    const person = await writablePerson(tx, personId, today);
    const before = await selectAttendanceOf(tx.db, countyId, sessionId, personId, today);
    if (!before) assertTourParticipant(session, person);
    await upsertAttendance(tx.db, [{ countyId, sessionId, personId, status: input.status, method: 'manual', note: input.note ?? null, updatedAt: ctx.now() }]);
    const after = await selectAttendanceOf(tx.db, countyId, sessionId, personId, today);
    if (!after) throw new AppError('internal');
    await recordAudit(tx, {
      event: 'training.attendance_set',
      objectType: 'training_attendance',
      objectId: after.id,
      before: before ? { status: before.status, method: before.method } : null,
      after: { sessionId, personId, status: after.status, method: 'manual' },
    });
    return presentAttendance(after, session.hours);
  });
}

export async function setTourReport(ctx: Ctx, sessionId: string, personId: string, report: TourReport): Promise<Attendance> {
  return inTransaction(ctx, async (tx) => {
    const session = await findWritableSession(tx, sessionId);
    if (session.courseType !== 'tour') throw new AppError('training.not_a_tour');
    const countyId = ctx.principal.countyId;
    const today = chinaDate(ctx.now());
    await writablePerson(tx, personId, today);
    const row = await selectAttendanceOf(tx.db, countyId, sessionId, personId, today);
    if (!row || row.status !== 'present') throw new AppError('training.report_needs_presence');
    await updateReport(tx.db, countyId, row.id, { reportTitle: report.title, reportText: report.content, reportedOn: report.submittedOn, updatedAt: ctx.now() });
    await recordAudit(tx, {
      event: 'training.tour_report',
      objectType: 'training_attendance',
      objectId: row.id,
      before: row.reportTitle ? { title: row.reportTitle, submittedOn: row.reportedOn } : null,
      after: { title: report.title, submittedOn: report.submittedOn, length: report.content.length },
    });
    return presentAttendance({ ...row, reportTitle: report.title, reportText: report.content, reportedOn: report.submittedOn }, session.hours);
  });
}
