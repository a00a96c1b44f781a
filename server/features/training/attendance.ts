// Pure pieces of attendance: hours credited and the row shown to users.
import { positionTitles } from '../../../shared/contracts/people.js';
import type { Attendance, AttendanceMethod, AttendanceStatus } from '../../../shared/contracts/training.js';

export type AttendanceRow = {
  id: string;
  sessionId: string;
  personId: string;
  personName: string;
  orgUnitId: string;
  orgUnitName: string;
  orgUnitCode: string;
  titles: string;
  status: AttendanceStatus;
  method: AttendanceMethod;
  signedInAt: Date | null;
  note: string | null;
  reportTitle: string | null;
  reportText: string | null;
  reportedOn: string | null;
};

/** Hours credited: the session's hours for those present, nothing for excused or absent. */
export function hoursCredited(status: AttendanceStatus, sessionHours: number): number {
  return status === 'present' ? Number(sessionHours) : 0;
}

const titleOrder = new Map<string, number>(positionTitles.map((t, i) => [t, i]));

/** Titles come from SQL comma-joined; shown in the register's order (书记 before 主任). */
export function splitTitles(titles: string): string[] {
  if (!titles) return [];
  return titles.split(',').sort((a, b) => (titleOrder.get(a) ?? 99) - (titleOrder.get(b) ?? 99));
}

export function presentAttendance(row: AttendanceRow, sessionHours: number): Attendance {
  return {
    id: row.id,
    sessionId: row.sessionId,
    personId: row.personId,
    personName: row.personName,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnitName,
    titles: splitTitles(row.titles),
    status: row.status,
    method: row.method,
    signedInAt: row.signedInAt?.toISOString() ?? null,
    hoursCredited: hoursCredited(row.status, sessionHours),
    note: row.note,
    report: row.reportTitle && row.reportText && row.reportedOn ? { title: row.reportTitle, content: row.reportText, submittedOn: row.reportedOn } : null,
  };
}
