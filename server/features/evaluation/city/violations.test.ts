import { describe, expect, it } from 'vitest';
import { violationCategories } from '../../../../shared/contracts/evaluation-results.js';
import { loadShippedStandards } from '../../standards/shipped-standards.js';
import type { Standard } from '../../../../shared/standards/standard.js';
import { caseNoOf, maskPersonName, mayDecide, ratingViolations } from './violations.js';
import { planViolationImport, type violationSheet } from './violations.sheet.js';

describe('violation rules', () => {
  it('when a name is masked, then only its first character stays, one star per hidden character', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('欧阳娜娜')).toBe('欧***');
    expect(maskPersonName('王')).toBe('*');
  });

  it('when a case is decided, then only a reported one may be', () => {
    expect(mayDecide('reported')).toBe(true);
    expect(mayDecide('confirmed')).toBe(false);
    expect(mayDecide('dismissed')).toBe(false);
  });

  it('when confirmed cases go to the engine, then each village gets its categories with a reason naming the case, never the person', () => {
    const map = ratingViolations([
      { villageId: 'b', seq: 7, category: 'petition', occurredOn: '2026-02-01' },
      { villageId: 'a', seq: 3, category: 'discipline', occurredOn: '2026-04-12' },
      { villageId: 'b', seq: 2, category: 'crime', occurredOn: '2026-01-05' },
    ]);
    expect(map.get('a')).toEqual([{ category: 'discipline', reason: '违反党规党纪（WJ000003，2026-04-12）经核查属实', caseId: 'WJ000003' }]);
    expect(map.get('b')?.map((x) => x.caseId)).toEqual([caseNoOf(2), caseNoOf(7)]);
  });

  it('when the shipped standards name veto categories, then the register offers every one of them', async () => {
    const standards = (await loadShippedStandards()) as Standard[];
    const named = new Set(standards.flatMap((s) => (s.vetoes ?? []).map((v) => v.category)));
    expect([...named].filter((c) => !(violationCategories as readonly string[]).includes(c))).toEqual([]);
  });
});

describe('violation import plan', () => {
  const villages = new Map([['甲镇/甲一村', { id: 'v1', path: '/c/t1/v1/' }]]);
  const row = (n: number, values: Partial<Record<(typeof violationSheet.columns)[number]['key'], string>>) => ({
    row: n,
    values: { townName: '甲镇', villageName: '甲一村', personName: '张三', category: '违规上访', occurredOn: '2026-03-01', status: '', decisionNote: '', details: '', ...values },
  });

  it('when rows are right, then labels or keys map to categories and statuses, an empty status means reported', () => {
    const { records, errors } = planViolationImport([row(2, {}), row(3, { category: 'crime', status: '属实', decisionNote: '判决' })], villages, '2026-05-01');
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.category, r.status, r.decisionNote])).toEqual([
      ['petition', 'reported', null],
      ['crime', 'confirmed', '判决'],
    ]);
  });

  it('when one row is wrong, then nothing is planned and each problem is listed with row and column', () => {
    const { records, errors } = planViolationImport(
      [row(2, {}), row(3, { villageName: '无此村', occurredOn: '2026-06-01', status: '不属实' })],
      villages,
      '2026-05-01',
    );
    expect(records).toEqual([]);
    expect(errors).toEqual([
      { row: 3, field: '村（社区）', reason: '“甲镇无此村”不存在或不在您的范围内' },
      { row: 3, field: '发生日期', reason: '发生日期不能晚于今天' },
      { row: 3, field: '核查结论', reason: '核查状态为属实或不属实时，核查结论必填' },
    ]);
  });
});
