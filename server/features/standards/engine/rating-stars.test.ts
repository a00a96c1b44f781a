import { describe, expect, it } from 'vitest';
import { rateCampaign } from './rating-engine.js';
import type { RatingInput, VillageInput } from './rating-input.js';
import type { ExplanationStep, RatingResult, VillageResult } from './rating-result.js';
import type { Standard } from '../../../../shared/standards/standard.js';
import { inputOf, smallStandard, uniformVillage } from './test-fixtures.js';

// From scores to stars, one rule at a time: level schemes, prerequisites, satisfaction caps,
// vetoes, quotas, rankings and the towns.

function rate(villages: VillageInput[], mutate: (s: Standard) => void = () => {}, towns?: RatingInput['towns']): RatingResult {
  const standard = smallStandard();
  mutate(standard);
  return rateCampaign(standard, inputOf(villages, towns));
}

function village(result: RatingResult, id: string): VillageResult {
  const found = result.villages.find((v) => v.id === id);
  if (!found) throw new Error(`no village ${id}`);
  return found;
}

function steps<R extends ExplanationStep['rule']>(v: VillageResult, rule: R): Extract<ExplanationStep, { rule: R }>[] {
  return v.explanation.filter((s) => s.rule === rule) as Extract<ExplanationStep, { rule: R }>[];
}

const stars = (r: RatingResult): Record<string, number | null> => Object.fromEntries(r.villages.map((v) => [v.id, v.stars]));

describe('level schemes', () => {
  it('when scores sit on and just below the bands, then the thresholds decide', () => {
    const justBelow = (id: string, share: number): VillageInput => {
      const v = uniformVillage(id, share);
      v.scores.city!.c = (v.scores.city!.c ?? 0) - 0.02; // 0.01 point less after the 50 % weight
      return v;
    };
    const r = rate([uniformVillage('a', 0.9), justBelow('b', 0.9), uniformVillage('c', 0.6), justBelow('d', 0.6)]);
    expect(village(r, 'b').finalScore).toBe(89.99);
    expect(stars(r)).toEqual({ a: 5, b: 4, c: 2, d: 1 });
    expect(steps(village(r, 'b'), 'level')[0]).toMatchObject({ matched: { stars: 4, minScore: 80 }, after: 4 });
  });

  it('when the level follows named stars, then stars earned, pass mark and required dimensions all count', () => {
    const named = (s: Standard): void => {
      s.dimensions[0]!.namedStar = { name: '支部过硬星', minPoints: 40 };
      s.dimensions[1]!.namedStar = { name: '产业兴旺星', minPoints: 40 };
      s.levelScheme = {
        type: 'namedStars',
        minStars: 1,
        levels: [
          { stars: 5, minNamedStars: 2, minScore: 90 },
          { stars: 4, minNamedStars: 2 },
          { stars: 3, minNamedStars: 1, requiredDimensions: ['branch'] },
        ],
      };
    };
    const industryOnly = uniformVillage('industryOnly', 1);
    industryOnly.scores = { mutual: { a: 15, b: 15, c: 30 }, department: { a: 15, b: 15, c: 30 }, city: { a: 15, b: 15, c: 30 } };
    const r = rate([uniformVillage('top', 0.95), uniformVillage('pass', 0.85), industryOnly, uniformVillage('none', 0.7)], named);
    expect(stars(r)).toEqual({ top: 5, pass: 4, industryOnly: 1, none: 1 });
    expect(village(r, 'top').namedStars).toEqual(['branch', 'industry']);
    expect(village(r, 'industryOnly').namedStars).toEqual(['industry']);
    expect(steps(village(r, 'pass'), 'named_stars')[0]?.after).toBe(2);
  });
});

describe('prerequisites', () => {
  const lastYear = (s: Standard): void => {
    s.prerequisites = [{ type: 'lastYearStars', stars: 5, minStars: 4 }];
  };

  it('when last year was below four stars or unknown, then five stars fall to four', () => {
    const r = rate(
      [uniformVillage('met', 0.95, { lastYearStars: 4 }), uniformVillage('unmet', 0.95, { lastYearStars: 3 }), uniformVillage('unknown', 0.95)],
      lastYear,
    );
    expect(stars(r)).toEqual({ met: 5, unmet: 4, unknown: 4 });
    expect(steps(village(r, 'unmet'), 'prerequisite')[0]).toMatchObject({ stars: 5, required: 4, actual: 3, met: false, before: 5, after: 4 });
    expect(village(r, 'unmet').notes).toContain('未满足 5 星前置条件');
  });

  it('when the standard counts an unknown last year as met, then an unknown year keeps five stars', () => {
    const r = rate([uniformVillage('unknown', 0.95)], (s) => {
      s.prerequisites = [{ type: 'lastYearStars', stars: 5, minStars: 4, whenUnknown: 'met' }];
    });
    expect(stars(r)).toEqual({ unknown: 5 });
  });

  it('when five stars need an innovation project, then the figure decides', () => {
    const r = rate([uniformVillage('with', 0.95, { figures: { rate: 95, innovation: 1 } }), uniformVillage('without', 0.95)], (s) => {
      s.figures!.push({ id: 'innovation', name: '创新项目', unit: '项' });
      s.prerequisites = [{ type: 'figure', stars: 5, figure: 'innovation', min: 1 }];
    });
    expect(stars(r)).toEqual({ with: 5, without: 4 });
  });
});

describe('satisfaction caps', () => {
  it('when the rate is below 60 %, then at most two stars; at exactly 60 % no cap', () => {
    const cap = (s: Standard): void => {
      s.satisfaction = { weightPercent: 0, caps: [{ belowPercent: 60, maxStars: 2 }] };
    };
    const r = rate([uniformVillage('below', 0.95, { satisfaction: { rate: 59.99 } }), uniformVillage('at', 0.95, { satisfaction: { rate: 60 } }), uniformVillage('none', 0.95)], cap);
    expect(stars(r)).toEqual({ below: 2, at: 5, none: 2 });
    expect(steps(village(r, 'below'), 'satisfaction_cap')[0]).toMatchObject({ rate: 59.99, belowPercent: 60, before: 5, after: 2 });
  });
});

describe('vetoes', () => {
  const vetoes = (s: Standard): void => {
    s.vetoes = [
      { category: 'discipline', name: '违反党规党纪', effect: { type: 'noRating' } },
      { category: 'integrity', name: '廉政问题', effect: { type: 'lowerStars', by: 1 } },
      { category: 'safety', name: '安全生产', effect: { type: 'capStars', maxStars: 3 } },
    ];
  };

  it('when a discipline case is confirmed, then there is no rating, no rank, and the reason is kept', () => {
    const r = rate([uniformVillage('clean', 0.7), uniformVillage('bad', 1, { violations: [{ category: 'discipline', reason: '书记受党内警告处分' }] })], vetoes);
    const bad = village(r, 'bad');
    expect(bad).toMatchObject({ stars: null, vetoed: true, rankInCity: null, rankInTown: null, levelFromScore: 5 });
    expect(steps(bad, 'veto')[0]).toMatchObject({ category: 'discipline', effect: 'noRating', reasons: ['书记受党内警告处分'], before: 5, after: null });
    expect(r.villages.map((v) => v.id)).toEqual(['clean', 'bad']);
    expect(village(r, 'clean').rankInCity).toBe(1);
  });

  it('when a cap and a lowering both apply, then the cap comes first and the lowering counts once per category', () => {
    const both = uniformVillage('both', 0.95, {
      violations: [
        { category: 'integrity', reason: '违规报销' },
        { category: 'safety', reason: '生产事故' },
        { category: 'integrity', reason: '违规领取补贴' },
      ],
    });
    const r = rate([both, uniformVillage('low', 0.6, { violations: [{ category: 'integrity', reason: '违规报销' }] })], vetoes);
    expect(stars(r)).toEqual({ both: 2, low: 1 });
    expect(steps(village(r, 'both'), 'veto').map((s) => [s.effect, s.before, s.after])).toEqual([
      ['capStars', 5, 3],
      ['lowerStars', 3, 2],
    ]);
    expect(steps(village(r, 'both'), 'veto')[1]?.reasons).toEqual(['违规报销', '违规领取补贴']);
    expect(village(r, 'both').vetoed).toBe(false);
  });

  it('when a category is not in the standard, then it is recorded without effect', () => {
    const r = rate([uniformVillage('v', 0.95, { violations: [{ category: 'petition', reason: '越级上访' }] })], vetoes);
    expect(stars(r)).toEqual({ v: 5 });
    expect(steps(village(r, 'v'), 'violation_not_listed')[0]).toMatchObject({ category: 'petition', reasons: ['越级上访'] });
  });
});

describe('quotas', () => {
  const tenVillages = (): VillageInput[] =>
    [0.99, 0.97, 0.95, 0.93, 0.91, 0.89, 0.85, 0.82, 0.75, 0.65].map((share, k) => uniformVillage(`v${k}`, share, { name: `村${k}` }));

  it('when more villages reach five stars than 10 % allows, then the lower ones drop one level and compete for four', () => {
    const r = rate(tenVillages(), (s) => {
      s.quotas = { scope: 'city', base: 'allVillages', limits: [{ stars: 5, maxPercent: 10 }, { stars: 4, maxPercent: 30 }] };
    });
    expect(stars(r)).toEqual({ v0: 5, v1: 4, v2: 4, v3: 4, v4: 3, v5: 3, v6: 3, v7: 3, v8: 3, v9: 2 });
    const v4 = village(r, 'v4');
    expect(steps(v4, 'quota').map((s) => [s.stars, s.limit, s.position, s.poolSize, s.kept, s.after])).toEqual([
      [5, 1, 5, 5, false, 4],
      [4, 3, 4, 7, false, 3],
    ]);
  });

  it('when the base is rated villages, then vetoed villages shrink the quota', () => {
    const villages = tenVillages();
    villages[9]!.violations = [{ category: 'crime', reason: '违法犯罪' }];
    const r = rate(villages, (s) => {
      s.vetoes = [{ category: 'crime', name: '违法犯罪', effect: { type: 'noRating' } }];
      s.quotas = { scope: 'city', base: 'ratedVillages', limits: [{ stars: 4, maxPercent: 40 }] };
    });
    // 9 rated × 40 % = 3.6 → 3 four-star places among v5..v7 (v0..v4 keep five stars)
    expect(stars(r)).toMatchObject({ v5: 4, v6: 4, v7: 4, v8: 3 });
  });

  it('when the quota is per town, then each town keeps its own share', () => {
    const villages = [0.99, 0.97, 0.95, 0.93].map((share, k) => uniformVillage(`v${k}`, share, { townId: k < 2 ? 't1' : 't2' }));
    const r = rate(villages, (s) => {
      s.quotas = { scope: 'town', base: 'allVillages', limits: [{ stars: 5, maxPercent: 50 }] };
    });
    expect(stars(r)).toEqual({ v0: 5, v1: 4, v2: 5, v3: 4 });
  });
});

describe('rankings', () => {
  it('when villages tie on every key, then they share a rank and the next rank skips', () => {
    const r = rate([uniformVillage('a', 0.9, { name: '乙村' }), uniformVillage('b', 0.9, { name: '甲村' }), uniformVillage('c', 0.8)]);
    expect(r.villages.map((v) => [v.name, v.rankInCity])).toEqual([
      ['乙村', 1],
      ['甲村', 1],
      ['c村', 3],
    ]);
  });

  it('when satisfaction is a key, then a village without a survey comes after those with one', () => {
    const r = rate([uniformVillage('none', 0.9), uniformVillage('low', 0.9, { satisfaction: { rate: 10 } })], (s) => {
      s.ranking.keys = [{ key: 'finalScore' }, { key: 'satisfactionRate' }];
    });
    expect(r.villages.map((v) => [v.id, v.rankInCity])).toEqual([
      ['low', 1],
      ['none', 2],
    ]);
  });

  it('when ranking within towns, then each town ranks from 1', () => {
    const r = rate([uniformVillage('a', 0.9), uniformVillage('b', 0.8, { townId: 't2' }), uniformVillage('c', 0.85, { townId: 't2' })]);
    expect(r.villages.map((v) => [v.id, v.rankInCity, v.rankInTown])).toEqual([
      ['a', 1, 1],
      ['c', 2, 1],
      ['b', 3, 2],
    ]);
  });

  it('when a key is ascending or a stage score, then the direction and stage are honoured', () => {
    const early = uniformVillage('early', 0.9);
    early.scores.city = { a: 20, b: 20, c: 25 };
    const r = rate([uniformVillage('plain', 0.9), early], (s) => {
      s.ranking.keys = [{ key: 'stageScore', stage: 'city', direction: 'asc' }];
    });
    expect(r.villages.map((v) => v.id)).toEqual(['early', 'plain']);
  });
});

describe('towns', () => {
  const townScheme = (s: Standard): void => {
    s.townScheme = {
      ownScoreMax: 100,
      minStars: 1,
      capWhenVillageVetoed: 3,
      levels: [
        { stars: 5, minOwnScore: 90, minAverageVillageStars: 4 },
        { stars: 4, minOwnScore: 80, minShareOfVillages: { atLeastStars: 3, percent: 75 } },
        { stars: 3, minOwnScore: 70 },
      ],
    };
    s.vetoes = [{ category: 'discipline', name: '违反党规党纪', effect: { type: 'noRating' } }];
  };

  it('when own score and villages meet a row, then the town gets that row; a vetoed village counts 0 and caps', () => {
    const r = rate(
      [
        uniformVillage('a', 0.95),
        uniformVillage('b', 0.85),
        uniformVillage('c', 0.95, { townId: 't2' }),
        uniformVillage('d', 0.75, { townId: 't2' }),
        uniformVillage('e', 0.95, { townId: 't2', violations: [{ category: 'discipline', reason: '违纪' }] }),
      ],
      townScheme,
      [{ id: 't1', name: '一镇', ownScore: 92 }, { id: 't2', name: '二镇', ownScore: 95 }, { id: 't3', name: '三镇' }],
    );
    const t = Object.fromEntries(r.towns.map((x) => [x.id, x]));
    expect(t.t1).toMatchObject({ stars: 5, averageVillageStars: 4.5, villageCount: 2 });
    // t2: average (5 + 3 + 0) / 3 = 2.67 < 4; share at ≥3 = 2/3 < 75 % → 3 stars, then the veto cap keeps 3
    expect(t.t2).toMatchObject({ stars: 3, averageVillageStars: 2.67 });
    // Step by step as for villages: own score, villages, the rule, then the cap.
    expect(t.t2?.explanation.map((s) => s.rule)).toEqual(['town_own_score', 'town_villages', 'town_level', 'town_veto_cap']);
    expect(t.t2?.explanation.map((s) => s.text)).toEqual([
      '镇党委自身考核得分 95.00 分（满分 100.00 分）',
      '所辖 3 个村：5 星 1 个、3 星 1 个、不定星 1 个；平均 2.67 星（不定星按 0 计）',
      expect.stringMatching(/^按镇党委星级条件从高到低逐级比对——5 星：自身考核 95 分 ≥ \d+ 分，村平均 2\.67 星 < 4 星.*定为 3 星$/),
      '所辖村有 1 个被一票否决，镇党委最多 3 星：3 星 → 3 星',
    ]);
    // t3: no own score (counts 0) and no villages → minimum
    expect(t.t3).toMatchObject({ stars: 1, villageCount: 0, ownScore: null });
    expect(t.t3?.explanation[0]).toMatchObject({ rule: 'missing_data', text: '缺少镇党委自身考核得分，按 0 分计' });
    expect(r.towns.map((x) => x.id)).toEqual(['t1', 't2', 't3']);
  });

  it('when the standard has no town scheme, then towns have no stars', () => {
    const r = rate([uniformVillage('a', 0.95)]);
    expect(r.towns.map((t) => t.stars)).toEqual([null, null]);
  });
});
