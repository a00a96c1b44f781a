// Attendance to and from Excel: a roster template of the audience, all-or-nothing import, export.
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { chinaDate } from '../../../shared/dates.js';
import type { ImportReport } from '../../../shared/contracts/common.js';
import { readTable, refuseIfErrors, writeTable } from '../../spreadsheets/xlsx-table.js';
import { recordAudit } from '../audit/audit.service.js';
import { selectAllOrgUnits } from '../orgs/orgs.queries.js';
import { idNumberHmac } from '../people/contact-data.js';
import { selectAllAttendance, selectAudience, selectPeopleOfUnits, upsertAttendance } from './attendance.queries.js';
import { assertRecordable } from './attendance.service.js';
import { attendanceExportRow, attendanceExportSheet, attendanceSheet, planAttendanceImport, rosterRow } from './attendance.sheet.js';
import { titlesOfAudience } from './training.js';
import { trainingReadScope, trainingWriteScope } from './training.policy.js';
import { findVisibleSession, findWritableSession } from './training.service.js';

/** The template is the session's roster: its audience under the organizer, status left blank. */
export async function attendanceTemplate(ctx: Ctx, sessionId: string): Promise<Buffer> {
  const session = await findWritableSession(ctx, sessionId);
  const roster = await selectAudience(ctx.db, ctx.principal.countyId, [session.orgPath], titlesOfAudience(session.audience), chinaDate(ctx.now()));
  return writeTable(attendanceSheet, roster.map(rosterRow), { withNotes: true });
}

/** All rows or none: any bad row refuses the file with every problem listed by row number. */
export async function importAttendance(ctx: Ctx, sessionId: string, file: Buffer): Promise<ImportReport> {
  const rows = await readTable(attendanceSheet, file);
  return inTransaction(ctx, async (tx) => {
    const session = await findWritableSession(tx, sessionId);
    assertRecordable(session);
    const countyId = ctx.principal.countyId;
    const scope = trainingWriteScope(ctx.principal);
    const codes = [...new Set(rows.map((r) => r.values.unitCode).filter(Boolean))];
    const units = await selectAllOrgUnits(tx.db, countyId, scope);
    const known = new Set(units.map((u) => u.code).filter((c) => codes.includes(c)));
    const people = await selectPeopleOfUnits(tx.db, countyId, scope, [...known], chinaDate(ctx.now()));
    const hmacOf = (idNumber: string) => idNumberHmac(ctx.crypto, idNumber);
    const { writes, errors } = planAttendanceImport(rows, people, known, hmacOf, session.courseType === 'tour');
    refuseIfErrors(errors);
    const now = ctx.now();
    await upsertAttendance(tx.db, writes.map((w) => ({ countyId, sessionId, personId: w.personId, status: w.status, method: 'import' as const, note: w.note, updatedAt: now })));
    const tally = (status: string) => writes.filter((w) => w.status === status).length;
    await recordAudit(tx, {
      event: 'training.attendance_import',
      objectType: 'training_session',
      objectId: sessionId,
      after: { rows: writes.length, present: tally('present'), excused: tally('excused'), absent: tally('absent') },
    });
    return { imported: writes.length, errors: [] };
  });
}

export async function exportAttendance(ctx: Ctx, sessionId: string): Promise<Buffer> {
  const session = await findVisibleSession(ctx, sessionId);
  const rows = await selectAllAttendance(ctx.db, ctx.principal.countyId, trainingReadScope(ctx.principal), sessionId, chinaDate(ctx.now()));
  await recordAudit(ctx, { event: 'export', objectType: 'training_attendance', objectId: sessionId, after: { rows: rows.length } });
  return writeTable(attendanceExportSheet, rows.map((r) => attendanceExportRow(r, session.hours)));
}
