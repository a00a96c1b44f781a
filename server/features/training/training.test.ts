import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitTitles } from './attendance.js';
import { planAttendanceImport, type SheetPerson } from './attendance.sheet.js';
import { behindFirst, buildCoverage, personYears } from './records.js';
import { trainingFigureIds } from './training.figures.js';
import {
  checkCategory,
  lastFourMatches,
  nextSessionStatus,
  nextSignInState,
  perHead,
  publicSignInState,
  sharePercent,
  titlesOfAudience,
} from './training.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('course categories', () => {
  it('when a lecture or mentoring course names a category of its own type, then it is kept; otherwise invalid_category', () => {
    expect(checkCategory('lecture', '思想理论')).toBe('思想理论');
    expect(checkCategory('mentoring', '种植养殖')).toBe('种植养殖');
    expect(checkCategory('tour', null)).toBeNull();
    expect(codeOf(() => checkCategory('lecture', '种植养殖'))).toBe('training.invalid_category');
    expect(codeOf(() => checkCategory('mentoring', undefined))).toBe('training.invalid_category');
    expect(codeOf(() => checkCategory('tour', '综合提升'))).toBe('training.invalid_category');
  });

  it('when an audience is given, then it maps to position titles; empty means no condition', () => {
    expect(titlesOfAudience(['两委干部', '致富带头人'])).toEqual(['书记', '副书记', '主任', '副主任', '两委委员', '致富带头人']);
    expect(titlesOfAudience([])).toEqual([]);
  });
});

describe('session and sign-in state machines', () => {
  it('when a planned session is completed or cancelled, then it moves; from any other state, session_not_planned', () => {
    expect(nextSessionStatus('planned', 'complete')).toBe('completed');
    expect(nextSessionStatus('planned', 'cancel')).toBe('cancelled');
    for (const s of ['completed', 'cancelled'] as const) {
      for (const a of ['complete', 'cancel'] as const) expect(codeOf(() => nextSessionStatus(s, a))).toBe('training.session_not_planned');
    }
  });

  it('when sign-in is opened, rotated and closed, then the token changes only on first open and rotate', () => {
    expect(nextSignInState('planned', 'none', 'open')).toEqual({ state: 'open', newToken: true });
    expect(nextSignInState('planned', 'closed', 'open')).toEqual({ state: 'open', newToken: false });
    expect(nextSignInState('planned', 'open', 'open')).toEqual({ state: 'open', newToken: false });
    expect(nextSignInState('planned', 'open', 'rotate')).toEqual({ state: 'open', newToken: true });
    expect(nextSignInState('completed', 'open', 'close')).toEqual({ state: 'closed', newToken: false });
    expect(codeOf(() => nextSignInState('planned', 'none', 'rotate'))).toBe('training.sign_in_not_open');
    expect(codeOf(() => nextSignInState('planned', 'closed', 'close'))).toBe('training.sign_in_not_open');
    expect(codeOf(() => nextSignInState('cancelled', 'none', 'open'))).toBe('training.session_not_planned');
    expect(codeOf(() => nextSignInState('completed', 'closed', 'rotate'))).toBe('training.session_not_planned');
  });

  it('when the phone asks on various days, then the window follows the session days and the organizer switch', () => {
    const s = { status: 'planned' as const, signInState: 'open' as const, date: '2026-05-10', endDate: '2026-05-12' };
    expect(publicSignInState(s, '2026-05-09')).toBe('not_started');
    expect(publicSignInState(s, '2026-05-10')).toBe('open');
    expect(publicSignInState(s, '2026-05-12')).toBe('open');
    expect(publicSignInState(s, '2026-05-13')).toBe('ended');
    expect(publicSignInState({ ...s, endDate: null }, '2026-05-11')).toBe('ended');
    expect(publicSignInState({ ...s, signInState: 'closed' }, '2026-05-10')).toBe('closed');
    expect(publicSignInState({ ...s, status: 'completed' }, '2026-05-10')).toBe('closed');
  });
});

describe('identity matching', () => {
  it('when the last four match the phone or the ID number (X either case), then true', () => {
    expect(lastFourMatches('1234', '13900001234', null)).toBe(true);
    expect(lastFourMatches('123X', null, '99999919800101123X')).toBe(true);
    expect(lastFourMatches('123x', null, '99999919800101123X')).toBe(true);
    expect(lastFourMatches('1234', '13900004321', '999999198001010000')).toBe(false);
    expect(lastFourMatches('1234', null, null)).toBe(false);
  });
});

describe('coverage maths', () => {
  it('when shares and per-head figures are computed, then they round to one and two decimals, 0 without people', () => {
    expect(sharePercent(1, 3)).toBe(33.3);
    expect(sharePercent(2, 3)).toBe(66.7);
    expect(sharePercent(0, 0)).toBe(0);
    expect(perHead(47, 5)).toBe(9.4);
    expect(perHead(10, 3)).toBe(3.33);
    expect(perHead(5, 0)).toBe(0);
  });

  it('when villages are rolled up, then towns sum their villages and villages without cadres show zeros', () => {
    const towns = [
      { id: 't1', name: '甲镇', path: '/c/t1/' },
      { id: 't2', name: '乙镇', path: '/c/t2/' },
    ];
    const villages = [
      { id: 'v1', name: '一村', path: '/c/t1/v1/', parentName: '甲镇' },
      { id: 'v2', name: '二村', path: '/c/t1/v2/', parentName: '甲镇' },
      { id: 'v3', name: '三村', path: '/c/t2/v3/', parentName: '乙镇' },
    ];
    const built = buildCoverage(villages, [
      { villageId: 'v1', cadres: 4, trained: 3, hours: 30.5 },
      { villageId: 'v2', cadres: 2, trained: 0, hours: 0 },
    ], towns);
    expect(built.towns).toEqual([
      { orgUnitId: 't1', name: '甲镇', parentName: null, cadres: 6, trainedCadres: 3, trainedShare: 50, hours: 30.5, hoursPerCadre: 5.08 },
      { orgUnitId: 't2', name: '乙镇', parentName: null, cadres: 0, trainedCadres: 0, trainedShare: 0, hours: 0, hoursPerCadre: 0 },
    ]);
    expect(built.villages[2]).toMatchObject({ name: '三村', cadres: 0, trainedShare: 0 });
    expect(behindFirst(built.villages).map((v) => v.name)).toEqual(['二村', '一村']);
  });

  it('when a person’s history is summed, then only present rows count, by year, newest first', () => {
    expect(
      personYears([
        { date: '2025-03-01', status: 'present', hours: 2.5 },
        { date: '2026-01-02', status: 'present', hours: 3 },
        { date: '2026-02-02', status: 'excused', hours: 3 },
        { date: '2026-04-02', status: 'present', hours: 0.5 },
      ]),
    ).toEqual([
      { year: 2026, sessions: 2, hours: 3.5 },
      { year: 2025, sessions: 1, hours: 2.5 },
    ]);
  });

  it('when titles come comma-joined from SQL, then they are shown in the register’s order', () => {
    expect(splitTitles('两委委员,主任,书记')).toEqual(['书记', '主任', '两委委员']);
    expect(splitTitles('')).toEqual([]);
  });
});

describe('attendance import plan', () => {
  const people: SheetPerson[] = [
    { id: 'p1', name: '王一', orgUnitCode: 'V1', idNumberHmac: 'h1', titles: '书记' },
    { id: 'p2', name: '李同', orgUnitCode: 'V1', idNumberHmac: 'h2', titles: '两委委员' },
    { id: 'p3', name: '李同', orgUnitCode: 'V1', idNumberHmac: 'h3', titles: '两委委员' },
  ];
  const row = (n: number, v: Partial<Record<string, string>>) => ({
    row: n,
    values: { unitCode: 'V1', unitName: '', name: '', idNumber: '', titles: '', status: '', note: '', method: '', signedInAt: '', hours: '', ...v },
  });
  const hmacOf = (id: string) => (id === 'ID3' ? 'h3' : 'x');

  it('when rows are right, then each person is found (twins by ID) and blank statuses are skipped', () => {
    const plan = planAttendanceImport(
      [row(2, { name: '王一', status: '出席' }), row(3, { name: '李同', idNumber: 'id3', status: '请假', note: '病假' }), row(4, { name: '李同', status: '' })],
      people,
      new Set(['V1']),
      hmacOf,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.writes.map((w) => [w.personId, w.status, w.note])).toEqual([
      ['p1', 'present', null],
      ['p3', 'excused', '病假'],
    ]);
  });

  it('when rows are wrong, then every problem is listed with its row and field, and a tour refuses non-secretaries', () => {
    const plan = planAttendanceImport(
      [
        row(2, { name: '李同', status: '出席' }),
        row(3, { unitCode: 'V9', name: '王一', status: '出席' }),
        row(4, { name: '王一', status: '到了' }),
        row(5, { name: '王一', status: '出席' }),
        row(6, { name: '李同', idNumber: 'nope', status: '出席' }),
      ],
      people,
      new Set(['V1']),
      hmacOf,
    );
    expect(plan.errors.map((e) => [e.row, e.field])).toEqual([
      [2, '身份证号'],
      [3, '组织编码'],
      [4, '考勤状态'],
      [5, '姓名'],
      [6, '身份证号'],
    ]);
    const tour = planAttendanceImport([row(2, { name: '李同', idNumber: 'ID3', status: '出席' })], people, new Set(['V1']), hmacOf, true);
    expect(tour.errors).toEqual([{ row: 2, field: '姓名', reason: '“李同”不是现任村党组织书记，不能参加研修提升课' }]);
  });

  it('when no row has a status, then the file is refused rather than importing nothing silently', () => {
    expect(planAttendanceImport([row(2, { name: '王一' })], people, new Set(['V1']), hmacOf).errors).toEqual([{ row: 1, field: '考勤状态', reason: '没有填写考勤状态的行' }]);
  });
});

describe('figures for the standard', () => {
  it('when tumen-2022 derives hours per cadre, then both of its recorded inputs are figures this provider fills', () => {
    const standard = JSON.parse(readFileSync(new URL('../../../standards/tumen-2022.json', import.meta.url), 'utf8')) as {
      figures: { id: string; ratio?: { numerator: string; denominator: string } }[];
    };
    const perCadre = standard.figures.find((f) => f.id === 'trainingHoursPerCadre');
    expect(perCadre?.ratio).toMatchObject({ numerator: 'trainingHoursTotal', denominator: 'cadreCount' });
    const recorded = new Set(standard.figures.filter((f) => !f.ratio).map((f) => f.id));
    for (const id of ['trainingHoursTotal', 'cadreCount']) {
      expect(recorded.has(id)).toBe(true);
      expect(trainingFigureIds).toContain(id);
    }
  });
});
