import { describe, expect, it } from 'vitest';
import { loadShippedStandards } from '../../standards/shipped-standards.js';
import type { Standard } from '../../../../shared/standards/standard.js';
import { rateStageOne, scaledStageOneH, stageOneDimensions, stageOneMaxH, summarizeStageOne } from './mutual-report.js';

let tumen: Standard;
let weighted: Standard;
let named: Standard;
const survey = (satisfied: number, basically: number, unsatisfied: number) => ({ sampleSize: satisfied + basically + unsatisfied, satisfied, basicallySatisfied: basically, unsatisfied });

describe('stage-1 reference stars through the engine', async () => {
  [tumen, weighted, named] = (await loadShippedStandards()) as [Standard, Standard, Standard];

  it('when stage 1 of 图们 scores 65 points at most, then a score is scaled to 100 half up', () => {
    expect(stageOneMaxH(tumen)).toBe(6500);
    expect(scaledStageOneH(5200, 6500, tumen)).toBe(8000);
    // 58.49 / 65 × 100 = 89.9846… → 89.98
    expect(scaledStageOneH(5849, 6500, tumen)).toBe(8998);
  });

  it('when the scaled score crosses a threshold of the level scheme, then the engine gives that level', () => {
    const rated = rateStageOne(tumen, [
      { id: 'a', name: '甲', townId: 't', totalH: 5850, survey: null }, // 90.00 → five
      { id: 'b', name: '乙', townId: 't', totalH: 5849, survey: null }, // 89.98 → four
      { id: 'c', name: '丙', townId: 't', totalH: 3899, survey: survey(9, 1, 0) }, // 59.98 → one
      { id: 'd', name: '丁', townId: 't', totalH: null, survey: survey(8, 1, 1) },
    ]);
    expect(rated.get('a')).toEqual({ score: 90, stars: 5, satisfactionRate: null, notes: [] });
    expect(rated.get('b')).toMatchObject({ score: 89.98, stars: 4 });
    expect(rated.get('c')).toMatchObject({ score: 59.98, stars: 1, satisfactionRate: 100 });
    expect(rated.get('d')).toEqual({ score: null, stars: null, satisfactionRate: 90, notes: [] });
  });

  it('when the standard weighs satisfaction and caps low rates, then the reference follows those rules too', () => {
    const max = stageOneMaxH(weighted); // 40 points of stage-1 indicators
    expect(max).toBe(4000);
    const rated = rateStageOne(weighted, [
      // full marks and 100% satisfied: 100 × 70% + 100 × 30% = 100 → five
      { id: 'a', name: '甲', townId: 't', totalH: 4000, survey: survey(30, 0, 0) },
      // full marks, rate (10 + 10×80%) / 40 = 45% → 70 + 13.5 = 83.5, capped at two stars below 60%
      { id: 'b', name: '乙', townId: 't', totalH: 4000, survey: survey(10, 10, 20) },
    ]);
    expect(rated.get('a')).toMatchObject({ score: 100, stars: 5, satisfactionRate: 100 });
    expect(rated.get('b')).toMatchObject({ score: 83.5, stars: 2, satisfactionRate: 45 });
  });

  it('when the standard has no stage-1 indicators or needs named stars, then no reference stars are given', () => {
    expect(stageOneMaxH(named)).toBe(0);
    expect(rateStageOne(named, [{ id: 'a', name: '甲', townId: 't', totalH: 0, survey: null }]).get('a')).toMatchObject({ score: null, stars: null });
  });
});

describe('the summary table lines', () => {
  it('when one village is fully scored and another is not, then only the full one gets reference stars and the other says what is missing', () => {
    const dims = stageOneDimensions(tumen);
    expect(dims.map((d) => [d.id, d.maxPoints])).toEqual([
      ['branchBuilding', 21],
      ['industry', 14],
      ['governance', 20],
      ['service', 6],
      ['training', 4],
    ]);
    const full = new Map(dims.flatMap((d) => d.indicatorIds).map((id) => [id, 4]));
    const partial = new Map([['teamBuilding', 5.5]]);
    const rows = summarizeStageOne(
      tumen,
      [
        { id: 'a', name: '甲村', townId: 't' },
        { id: 'b', name: '乙村', townId: 't' },
      ],
      new Map([
        ['a', full],
        ['b', partial],
      ]),
      new Map([['a', survey(90, 5, 5)]]),
      new Map([['a', 3]]),
    );
    // 12 indicators at 4 points: 48 of 65 → 73.85 → three stars
    expect(rows[0]).toMatchObject({
      villageName: '甲村',
      dimensionScores: { branchBuilding: 16, industry: 8, governance: 16, service: 4, training: 4 },
      total: 48,
      maxTotal: 65,
      entered: 12,
      indicators: 12,
      survey: { sampleSize: 100, rate: 95 },
      visits: 3,
      referenceScore: 73.85,
      referenceStars: 3,
      notes: [],
    });
    expect(rows[1]).toMatchObject({ total: 5.5, entered: 1, referenceScore: null, referenceStars: null, visits: 0, survey: null, notes: ['互评评分未完成（已评 1/12 项）', '未录入群众测评'] });
  });
});
