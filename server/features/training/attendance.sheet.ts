// The attendance spreadsheet: a roster template, the import rules (pure) and export rows.
import { attendanceMethodLabels, attendanceStatusLabels, type AttendanceStatus } from '../../../shared/contracts/training.js';
import type { ReadRow, RowError, SheetSpec } from '../../spreadsheets/xlsx-table.js';
import { hoursCredited, splitTitles, type AttendanceRow } from './attendance.js';

type AttendanceSheetKey = 'unitCode' | 'unitName' | 'name' | 'idNumber' | 'titles' | 'status' | 'note' | 'method' | 'signedInAt' | 'hours';

export const attendanceSheet: SheetSpec<AttendanceSheetKey> = {
  name: '培训考勤',
  columns: [
    { key: 'unitCode', header: '组织编码', required: true, note: '人员所在村（社区）或镇的组织编码，与组织架构一致' },
    { key: 'unitName', header: '所在组织', width: 18, note: '仅供核对，导入时不读取' },
    { key: 'name', header: '姓名', required: true, note: '与人员名册中的姓名一致' },
    { key: 'idNumber', header: '身份证号', width: 22, note: '同一组织中有同名人员时必填，用于区分；其他情况可不填' },
    { key: 'titles', header: '职务', width: 18, note: '仅供核对，导入时不读取' },
    { key: 'status', header: '考勤状态', required: true, note: '出席、请假或缺席；留空表示本行不登记' },
    { key: 'note', header: '备注', width: 24, note: '可不填，最多 200 字' },
  ],
};

export const attendanceExportSheet: SheetSpec<AttendanceSheetKey> = {
  name: '培训考勤',
  columns: [
    ...attendanceSheet.columns.filter((c) => c.key !== 'idNumber'),
    { key: 'method', header: '登记方式' },
    { key: 'signedInAt', header: '签到时间', width: 20 },
    { key: 'hours', header: '计入学时' },
  ],
};

const statusByLabel = new Map(Object.entries(attendanceStatusLabels).map(([k, v]) => [v, k as AttendanceStatus]));

export type SheetPerson = { id: string; name: string; orgUnitCode: string; idNumberHmac: string | null; titles: string };
export type AttendancePlan = { personId: string; status: AttendanceStatus; note: string | null; person: SheetPerson };

/**
 * Checks every row and finds each person by unit code and name (the ID number tells apart two
 * people of one name). Returns the rows to write and every problem; the caller writes nothing if any.
 */
export function planAttendanceImport(
  rows: ReadRow<AttendanceSheetKey>[],
  peopleInScope: SheetPerson[],
  knownCodes: Set<string>,
  hmacOf: (idNumber: string) => string,
  /** Study tours: only village Party secretaries may be listed. */
  requireSecretary = false,
): { writes: AttendancePlan[]; errors: RowError[] } {
  const byUnitAndName = new Map<string, SheetPerson[]>();
  for (const p of peopleInScope) {
    const key = `${p.orgUnitCode}|${p.name}`;
    byUnitAndName.set(key, [...(byUnitAndName.get(key) ?? []), p]);
  }
  const errors: RowError[] = [];
  const writes: AttendancePlan[] = [];
  const seen = new Set<string>();
  for (const { row, values: v } of rows) {
    if (!v.status) continue;
    const fail = (field: string, reason: string) => errors.push({ row, field, reason });
    const status = statusByLabel.get(v.status);
    if (!status) fail('考勤状态', `“${v.status}”不是有效的考勤状态（出席、请假、缺席）`);
    if (v.note.length > 200) fail('备注', '备注最多 200 字');
    if (!knownCodes.has(v.unitCode)) {
      fail('组织编码', `组织“${v.unitCode}”不存在或不在您的管理范围内`);
      continue;
    }
    let found = byUnitAndName.get(`${v.unitCode}|${v.name}`) ?? [];
    if (v.idNumber) found = found.filter((p) => p.idNumberHmac === hmacOf(v.idNumber.toUpperCase()));
    if (found.length === 0) {
      fail(v.idNumber ? '身份证号' : '姓名', v.idNumber ? '该组织中没有与姓名和身份证号相符的人员' : `该组织中没有名为“${v.name}”的人员`);
      continue;
    }
    if (found.length > 1) {
      fail('身份证号', `该组织中有 ${found.length} 名“${v.name}”，请填写身份证号以区分`);
      continue;
    }
    const person = found[0] as SheetPerson;
    if (seen.has(person.id)) {
      fail('姓名', `“${v.name}”在本表中出现了多次`);
      continue;
    }
    seen.add(person.id);
    if (requireSecretary && !splitTitles(person.titles).includes('书记')) fail('姓名', `“${v.name}”不是现任村党组织书记，不能参加研修提升课`);
    else if (status) writes.push({ personId: person.id, status, note: v.note || null, person });
  }
  if (writes.length === 0 && errors.length === 0) errors.push({ row: 1, field: '考勤状态', reason: '没有填写考勤状态的行' });
  return { writes, errors };
}

export function rosterRow(p: { orgUnitCode: string; orgUnitName: string; name: string; titles: string }) {
  return { unitCode: p.orgUnitCode, unitName: p.orgUnitName, name: p.name, titles: splitTitles(p.titles).join('、'), status: '' };
}

export function attendanceExportRow(row: AttendanceRow, sessionHours: number) {
  return {
    unitCode: row.orgUnitCode,
    unitName: row.orgUnitName,
    name: row.personName,
    titles: splitTitles(row.titles).join('、'),
    status: attendanceStatusLabels[row.status],
    note: row.note ?? '',
    method: attendanceMethodLabels[row.method],
    signedInAt: row.signedInAt ? row.signedInAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '',
    hours: hoursCredited(row.status, sessionHours),
  };
}
