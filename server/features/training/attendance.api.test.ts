import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, startTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { buildSheet, createSession, loginEach, makePerson, readSheet, sessionInput, testIdNumber, type TestPerson } from '../../../test/training-factories.js';

let t: TestApp;
let org: Client;
let town1: Client;
let v11: Client;
let leader: Client;
let sec11: TestPerson; // 甲一村 书记
let member11: TestPerson; // 甲一村 两委委员
let sec21: TestPerson; // 乙一村 书记
let twinA: TestPerson; // two 张同名 in 甲二村
let twinB: TestPerson;
let lecture: string;
let town1Mentoring: string;
let tour: string;

const head = ['组织编码', '姓名', '身份证号', '考勤状态', '备注'];

beforeAll(async () => {
  t = await startTestApp();
  [org, town1, v11, leader] = await loginEach(t.app, ['orgadmin', 'town1', 'v11', 'leader'] as const);
  const { countyId, villages } = t.city;
  const s = t.app.services;
  sec11 = await makePerson(s, countyId, villages.town1[0], { name: '甲书记', titles: ['书记', '主任'] });
  member11 = await makePerson(s, countyId, villages.town1[0], { name: '甲委员' });
  sec21 = await makePerson(s, countyId, villages.town2[0], { name: '乙书记', titles: ['书记'] });
  twinA = await makePerson(s, countyId, villages.town1[1], { name: '张同名', idNumber: testIdNumber(101) });
  twinB = await makePerson(s, countyId, villages.town1[1], { name: '张同名', idNumber: testIdNumber(102) });
  lecture = (await createSession(org, sessionInput(t.city))).id;
  town1Mentoring = (
    await createSession(town1, sessionInput(t.city, { courseType: 'mentoring', category: '农业产业', topic: '甲镇产业辅导', orgUnitId: t.city.towns[0].id, organizer: '甲镇党委', hours: 2 }))
  ).id;
  tour = (
    await createSession(org, sessionInput(t.city, { courseType: 'tour', category: null, topic: '赴烟台研修', place: '山东烟台', date: '2026-02-10', endDate: '2026-02-14', hours: 40 }))
  ).id;
});
afterAll(() => t.close());

const list = async (client: Client, id: string) => (await client.get(`/api/training/sessions/${id}/attendance?pageSize=100`)).json();

describe('attendance by hand', () => {
  it('when the organizer marks people present, excused and absent, then hours follow the status and each change is audited', async () => {
    expect((await org.put(`/api/training/sessions/${lecture}/attendance/${sec11.id}`, { status: 'present' })).json()).toMatchObject({ status: 'present', method: 'manual', hoursCredited: 3, titles: ['书记', '主任'] });
    expect((await org.put(`/api/training/sessions/${lecture}/attendance/${member11.id}`, { status: 'excused', note: '因病请假' })).json()).toMatchObject({ status: 'excused', hoursCredited: 0, note: '因病请假' });
    expect((await org.put(`/api/training/sessions/${lecture}/attendance/${sec21.id}`, { status: 'absent' })).json().hoursCredited).toBe(0);
    const session = (await org.get(`/api/training/sessions/${lecture}`)).json();
    expect({ present: session.present, excused: session.excused, absent: session.absent }).toEqual({ present: 1, excused: 1, absent: 1 });
    // Changing a status replaces it: still one row per person.
    expect((await org.put(`/api/training/sessions/${lecture}/attendance/${sec21.id}`, { status: 'present' })).json().hoursCredited).toBe(3);
    expect((await list(org, lecture)).total).toBe(3);
    const audits = (await auditRows(t.app, 'training.attendance_set')).filter((r) => (r.after as { personId: string }).personId === sec21.id);
    expect(audits.map((a) => [a.before && (a.before as { status: string }).status, (a.after as { status: string }).status])).toEqual([[null, 'absent'], ['absent', 'present']]);
  });

  it('when readers list attendance, then each sees only its own people: a town its villages, a village itself', async () => {
    expect((await list(leader, lecture)).items.map((a: { personName: string }) => a.personName).sort()).toEqual(['乙书记', '甲书记', '甲委员']);
    expect((await list(town1, lecture)).items.map((a: { personName: string }) => a.personName).sort()).toEqual(['甲书记', '甲委员']);
    expect((await list(v11, lecture)).total).toBe(2);
    expect((await town1.get(`/api/training/sessions/${lecture}`)).json().present).toBe(1);
    expect((await org.get(`/api/training/sessions/${lecture}/attendance?status=excused`)).json().items.map((a: { personName: string }) => a.personName)).toEqual(['甲委员']);
  });

  it('when a town admin records someone of another town, or a city session, then 404; a village admin gets 403', async () => {
    expect((await town1.put(`/api/training/sessions/${town1Mentoring}/attendance/${sec21.id}`, { status: 'present' })).json().error.code).toBe('person.not_found');
    expect((await town1.put(`/api/training/sessions/${lecture}/attendance/${sec11.id}`, { status: 'absent' })).json().error.code).toBe('training.session_not_found');
    expect((await v11.put(`/api/training/sessions/${lecture}/attendance/${sec11.id}`, { status: 'absent' })).statusCode).toBe(403);
    expect((await town1.put(`/api/training/sessions/${town1Mentoring}/attendance/${sec11.id}`, { status: 'present' })).json().hoursCredited).toBe(2);
    expect((await org.put(`/api/training/sessions/${lecture}/attendance/${sec11.id}`, { status: 'late' })).statusCode).toBe(400);
  });
});

describe('study tours', () => {
  it('when a participant who is not a village secretary is chosen, then 409 not_a_secretary; secretaries join', async () => {
    const res = await org.put(`/api/training/sessions/${tour}/attendance/${member11.id}`, { status: 'present' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('training.not_a_secretary');
    expect((await org.put(`/api/training/sessions/${tour}/attendance/${sec11.id}`, { status: 'present' })).json().hoursCredited).toBe(40);
    expect((await org.put(`/api/training/sessions/${tour}/attendance/${sec21.id}`, { status: 'excused' })).statusCode).toBe(200);
  });

  it('when a participant’s report is recorded, then it shows on the row and counts; absentees and lectures are refused', async () => {
    const report = { title: '烟台乡村振兴见闻', content: '学习了党支部领办合作社的做法……', submittedOn: '2026-02-20' };
    const res = await org.put(`/api/training/sessions/${tour}/attendance/${sec11.id}/report`, report);
    expect(res.statusCode).toBe(200);
    expect(res.json().report).toEqual(report);
    expect((await org.get(`/api/training/sessions/${tour}`)).json().reports).toBe(1);
    expect((await org.put(`/api/training/sessions/${tour}/attendance/${sec21.id}/report`, report)).json().error.code).toBe('training.report_needs_presence');
    expect((await org.put(`/api/training/sessions/${lecture}/attendance/${sec11.id}/report`, report)).json().error.code).toBe('training.not_a_tour');
    expect((await org.put(`/api/training/sessions/${tour}/attendance/${sec11.id}/report`, { ...report, title: '' })).statusCode).toBe(400);
    expect((await v11.put(`/api/training/sessions/${tour}/attendance/${sec11.id}/report`, report)).statusCode).toBe(403);
    expect((await town1.put(`/api/training/sessions/${tour}/attendance/${sec11.id}/report`, report)).json().error.code).toBe('training.session_not_found');
    expect((await auditRows(t.app, 'training.tour_report'))[0]).toMatchObject({ after: { title: '烟台乡村振兴见闻', submittedOn: '2026-02-20' } });
  });
});

describe('attendance in Excel', () => {
  it('when the organizer downloads the template, then it is the audience roster with a blank status column and notes', async () => {
    const res = await town1.get(`/api/training/sessions/${town1Mentoring}/attendance/template.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readSheet(res.rawPayload);
    // 两委干部 under 甲镇: the town session's roster; 乙书记 is in 乙镇.
    expect(rows.map((r) => r['姓名']).sort()).toEqual(['张同名', '张同名', '甲书记', '甲委员']);
    expect(rows.every((r) => r['考勤状态'] === '' && (r['组织编码'] ?? '').startsWith('T1-'))).toBe(true);
    expect((await leader.get(`/api/training/sessions/${town1Mentoring}/attendance/template.xlsx`)).statusCode).toBe(403);
  });

  it('when a sheet has bad rows, then nothing is imported and every bad row is listed with field and reason', async () => {
    const before = (await list(org, town1Mentoring)).total;
    const file = await buildSheet(head, [
      { 组织编码: 'T1-V1', 姓名: '甲委员', 考勤状态: '出席' },
      { 组织编码: 'T1-V2', 姓名: '张同名', 考勤状态: '出席' },
      { 组织编码: 'T2-V1', 姓名: '乙书记', 考勤状态: '出席' },
      { 组织编码: 'T1-V1', 姓名: '无此人', 考勤状态: '出席' },
      { 组织编码: 'T1-V1', 姓名: '甲书记', 考勤状态: '迟到' },
      { 组织编码: 'T1-V1', 姓名: '甲委员', 考勤状态: '缺席' },
    ]);
    const res = await town1.upload(`/api/training/sessions/${town1Mentoring}/attendance/import`, file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('import.rows_invalid');
    expect(res.json().error.details.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [3, '身份证号'],
      [4, '组织编码'],
      [5, '姓名'],
      [6, '考勤状态'],
      [7, '姓名'],
    ]);
    expect((await list(org, town1Mentoring)).total).toBe(before);
  });

  it('when the sheet is right, then every row is written (ID numbers tell twins apart), blank statuses skipped, one audit row', async () => {
    const file = await buildSheet(head, [
      { 组织编码: 'T1-V1', 姓名: '甲委员', 考勤状态: '出席' },
      { 组织编码: 'T1-V2', 姓名: '张同名', 身份证号: testIdNumber(102), 考勤状态: '请假', 备注: '外出务工' },
      { 组织编码: 'T1-V2', 姓名: '张同名', 身份证号: testIdNumber(101), 考勤状态: '' },
      { 组织编码: 'T1-V1', 姓名: '甲书记', 考勤状态: '缺席' },
    ]);
    const res = await town1.upload(`/api/training/sessions/${town1Mentoring}/attendance/import`, file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 3, errors: [] });
    const rows = (await list(org, town1Mentoring)).items;
    const byPerson = Object.fromEntries(rows.map((r: { personId: string; status: string; method: string }) => [r.personId, `${r.status}/${r.method}`]));
    expect(byPerson).toEqual({ [member11.id]: 'present/import', [twinB.id]: 'excused/import', [sec11.id]: 'absent/import' });
    expect(byPerson[twinA.id]).toBeUndefined();
    expect((await auditRows(t.app, 'training.attendance_import')).at(-1)).toMatchObject({ object_id: town1Mentoring, after: { rows: 3, present: 1, excused: 1, absent: 1 } });
  });

  it('when a file is not an xlsx or names people of another town, then 415 / 422 and nothing changes', async () => {
    expect((await town1.upload(`/api/training/sessions/${town1Mentoring}/attendance/import`, Buffer.from('not a zip'))).statusCode).toBe(415);
    const outside = await buildSheet(head, [{ 组织编码: 'T2-V1', 姓名: '乙书记', 考勤状态: '出席' }]);
    const res = await town1.upload(`/api/training/sessions/${town1Mentoring}/attendance/import`, outside);
    expect(res.json().error.details.errors[0]).toMatchObject({ row: 2, field: '组织编码', reason: '组织“T2-V1”不存在或不在您的管理范围内' });
  });

  it('when a tour sheet lists a non-secretary, then the row is refused', async () => {
    const file = await buildSheet(head, [{ 组织编码: 'T1-V1', 姓名: '甲委员', 考勤状态: '出席' }]);
    const res = await org.upload(`/api/training/sessions/${tour}/attendance/import`, file);
    expect(res.json().error.details.errors).toEqual([{ row: 2, field: '姓名', reason: '“甲委员”不是现任村党组织书记，不能参加研修提升课' }]);
  });

  it('when attendance is exported, then the sheet opens back with the scope’s rows, statuses, methods and hours, and the export is audited', async () => {
    const res = await town1.get(`/api/training/sessions/${lecture}/attendance/export.xlsx`);
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload);
    expect(rows.map((r) => [r['姓名'], r['考勤状态'], r['登记方式'], r['计入学时']]).sort()).toEqual([
      ['甲书记', '出席', '手工登记', '3'],
      ['甲委员', '请假', '手工登记', '0'],
    ]);
    expect((await auditRows(t.app, 'export')).filter((r) => r.object_type === 'training_attendance').at(-1)).toMatchObject({ username: 'town1', after: { rows: 2 } });
    const town2 = await loginEach(t.app, ['town2'] as const);
    expect((await town2[0].get(`/api/training/sessions/${town1Mentoring}/attendance/export.xlsx`)).statusCode).toBe(404);
    expect((await town2[0].upload(`/api/training/sessions/${town1Mentoring}/attendance/import`, res.rawPayload)).statusCode).toBe(404);
    expect((await leader.upload(`/api/training/sessions/${lecture}/attendance/import`, res.rawPayload)).statusCode).toBe(403);
    // The export is itself a valid import file.
    const again = await org.upload(`/api/training/sessions/${lecture}/attendance/import`, res.rawPayload);
    expect(again.json()).toEqual({ imported: 2, errors: [] });
  });
});
