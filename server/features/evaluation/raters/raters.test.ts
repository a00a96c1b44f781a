import { describe, expect, it } from 'vitest';
import { checkRatersInput, type RaterScore, type RaterUnit } from './raters-input.js';
import { analyseRaters } from './raters.js';
import { publicFlag } from './raters-types.js';

const towns = ['东岭镇', '西河镇', '南山镇', '北川街道'];
const tid = (t: number) => `t${t}`;
const vid = (t: number, v: number) => `t${t}v${v}`;

function units(villagesPerTown: number[]): RaterUnit[] {
  return towns.flatMap((name, t) => [
    { id: tid(t), name, level: 'town' as const },
    ...Array.from({ length: villagesPerTown[t] ?? 0 }, (_, v) => ({ id: vid(t, v), name: `${name.slice(0, 2)}${v + 1}村`, level: 'village' as const, parentId: tid(t) })),
  ]);
}

// Small deterministic wobble so the scale is not zero: −0.4 … +0.4.
const wobble = (k: number) => (((k * 7) % 9) - 4) / 10;

/** Team t evaluates town target[t]; its villages get reference + bias[t] + wobble. */
function campaign(villagesPerTown: number[], target: number[], bias: number[]): RaterScore[] {
  const scores: RaterScore[] = [];
  towns.forEach((_, t) => {
    for (let v = 0; v < (villagesPerTown[t] ?? 0); v++) {
      const q = 70 + ((t * 5 + v * 3) % 20);
      scores.push({ stage: 'department', raterId: 'd', villageId: vid(t, v), total: q }, { stage: 'city', raterId: 'c', villageId: vid(t, v), total: q });
    }
  });
  target.forEach((to, t) => {
    for (let v = 0; v < (villagesPerTown[to] ?? 0); v++) {
      const q = 70 + ((to * 5 + v * 3) % 20);
      scores.push({ stage: 'mutual', raterId: `team${t}`, raterUnitId: tid(t), villageId: vid(to, v), total: q + (bias[t] ?? 0) + wobble(v + t) });
    }
  });
  return scores;
}

describe('analyseRaters: teams', () => {
  it('when 东岭镇 scores 西河镇 7.8 points above the department and city, then one team_leniency flag says so in Chinese with its 13 villages', () => {
    const input = { units: units([10, 13, 9, 8]), scores: campaign([10, 13, 9, 8], [1, 2, 3, 0], [7.8, 0, 0, 0]) };
    const result = analyseRaters(input);
    expect(result.flags.map(publicFlag)).toEqual([
      { kind: 'team_leniency', unitIds: ['t0'], effect: 7.8, n: 13, message: '东岭镇评西河镇各村比部门点评、市级考评高 7.8 分（中位数，13 个村）' },
    ]);
    expect(result.flags[0]?.villages).toHaveLength(13);
    expect(result.cells.find((c) => c.teamTownId === 't0')).toMatchObject({ townId: 't1', n: 13, bias: 7.8 });
    // Fewer than six teams: no common offset is removed, and the page can say so.
    expect(result.scales.centred).toBe(false);
  });

  it('when a team scores 4 points low, then it is a team_severity flag with a negative effect', () => {
    const result = analyseRaters({ units: units([10, 13, 9, 8]), scores: campaign([10, 13, 9, 8], [1, 2, 3, 0], [0, 0, -4, 0]) });
    expect(result.flags.map((f) => [f.kind, f.unitIds, f.effect])).toEqual([['team_severity', ['t2'], -4]]);
    expect(result.flags[0]?.message).toBe('南山镇评北川街道各村比部门点评、市级考评低 4.0 分（中位数，8 个村）');
  });

  it('when a team is 2.5 points high, then nothing is flagged: below the 3-point floor nobody acts on it', () => {
    const result = analyseRaters({ units: units([10, 13, 9, 8]), scores: campaign([10, 13, 9, 8], [1, 2, 3, 0], [2.5, 0, 0, 0]) });
    expect(result.flags).toEqual([]);
  });

  it('when two towns evaluate each other and both are lenient, then one reciprocal_leniency flag names the pair and neither town is flagged alone', () => {
    const result = analyseRaters({ units: units([10, 12, 9, 8]), scores: campaign([10, 12, 9, 8], [1, 0, 3, 2], [6, 7, 0, 0]) });
    expect(result.flags.map(publicFlag)).toEqual([
      {
        kind: 'reciprocal_leniency', unitIds: ['t0', 't1'], effect: 6.5, n: 22,
        message: '东岭镇与西河镇互评，双方都偏高：东岭镇评西河镇各村比部门点评、市级考评高 6.0 分（中位数，12 个村），西河镇评东岭镇各村高 7.0 分（10 个村）',
      },
    ]);
  });

  it('when a lenient team has only 4 villages with a reference, then it is not flagged and the note says why', () => {
    const result = analyseRaters({ units: units([10, 4, 9, 8]), scores: campaign([10, 4, 9, 8], [1, 2, 3, 0], [9, 0, 0, 0]) });
    expect(result.flags).toEqual([]);
    expect(result.notes).toContain('东岭镇互评组只有 4 个村同时有部门点评或市级考评分数（少于 5 个），不作判断。');
  });

  it('when only the department has scored, then the message compares with 部门点评 alone', () => {
    const scores = campaign([10, 13, 9, 8], [1, 2, 3, 0], [8, 0, 0, 0]).filter((s) => s.stage !== 'city');
    expect(analyseRaters({ units: units([10, 13, 9, 8]), scores }).flags[0]?.message).toBe('东岭镇评西河镇各村比部门点评高 8.0 分（中位数，13 个村）');
  });

  it('when there are no scores at all, then there are no flags and the notes say which stages are missing', () => {
    const result = analyseRaters({ units: units([3, 3, 3, 3]), scores: [] });
    expect(result.flags).toEqual([]);
    expect(result.notes).toEqual(['尚无互评分数，无法判断互评组是否偏宽或偏严。', '尚无擂台比武打分，无法判断评委。']);
  });
});

describe('analyseRaters: arena judges', () => {
  const judges = ['j1', 'j2', 'j3', 'j4', 'j5'];
  function arena(offsetOf: Record<string, number>, noiseOf: Record<string, number>, villages = 8): RaterScore[] {
    return Array.from({ length: villages }, (_, v) => v).flatMap((v) =>
      judges.map((j, k) => ({ stage: 'arena' as const, raterId: j, villageId: vid(0, v), total: 80 + (v % 5) + (offsetOf[j] ?? 0) + wobble(v * 5 + k) * (noiseOf[j] ?? 1) })),
    );
  }

  it('when one judge scores 6 points above the others, then an outlier_rater flag names the judge with the offset', () => {
    const result = analyseRaters({ units: units([8, 0, 0, 0]), scores: arena({ j3: 6 }, {}) }, new Map([['j3', '演评委三']]));
    expect(result.flags.map((f) => [f.kind, f.raterIds, f.n, f.aspect])).toEqual([['outlier_rater', ['j3'], 8, 'offset']]);
    const flag = result.flags[0]!;
    // 6 points plus the ±0.4 wobble of the others' median.
    expect(flag.effect).toBeGreaterThanOrEqual(5.5);
    expect(flag.effect).toBeLessThanOrEqual(6.5);
    expect(flag.message).toBe(`评委演评委三的擂台比武打分比同场其他评委的中位数高 ${flag.effect.toFixed(1)} 分（中位数，8 个村）`);
  });

  it('when one judge swings ±10 points around the panel, then the flag is about noise with the ratio as its effect', () => {
    const result = analyseRaters({ units: units([8, 0, 0, 0]), scores: arena({}, { j2: 25 }) });
    const flag = result.flags.find((f) => f.aspect === 'noise');
    expect(flag).toMatchObject({ kind: 'outlier_rater', raterIds: ['j2'] });
    expect(flag?.effect).toBeGreaterThan(1.8);
    expect(result.flags.every((f) => f.raterIds?.[0] === 'j2')).toBe(true);
  });

  it('when villages have only two judges, then nobody is judged and the note says why', () => {
    const scores = arena({ j1: 9 }, {}).filter((s) => s.raterId === 'j1' || s.raterId === 'j2');
    const result = analyseRaters({ units: units([8, 0, 0, 0]), scores });
    expect(result.flags).toEqual([]);
    expect(result.notes).toContain('8 个村的擂台比武打分评委少于 3 人，没有可比的评委中位数，未计入。');
  });
});

describe('checkRatersInput', () => {
  const base = { units: units([2, 2, 0, 0]) };
  const errorsOf = (json: unknown) => {
    const r = checkRatersInput(json);
    return r.ok ? [] : r.errors.map((e) => `${e.path} ${e.code}`);
  };

  it('when the input is well formed, then it passes unchanged', () => {
    const scores: RaterScore[] = [{ stage: 'mutual', raterId: 'a', raterUnitId: 't0', villageId: 't1v0', total: 88.5 }];
    expect(checkRatersInput({ ...base, scores })).toEqual({ ok: true, input: { ...base, scores } });
  });

  it.each([
    ['a mutual score without raterUnitId', { stage: 'mutual', raterId: 'a', villageId: 't1v0', total: 80 }, 'scores[0].raterUnitId raters.mutual_without_town'],
    ['a team scoring its own town', { stage: 'mutual', raterId: 'a', raterUnitId: 't1', villageId: 't1v0', total: 80 }, 'scores[0].raterUnitId raters.own_town'],
    ['a village that is not in units', { stage: 'city', raterId: 'a', villageId: 'nope', total: 80 }, 'scores[0].villageId raters.unknown_village'],
    ['a town given as the village', { stage: 'city', raterId: 'a', villageId: 't0', total: 80 }, 'scores[0].villageId raters.unknown_village'],
  ])('when the input has %s, then it is refused with the path', (_, score, expected) => {
    expect(errorsOf({ ...base, scores: [score] })).toEqual([expected]);
  });

  it('when a total is above 100, a stage is unknown or a field is extra, then each is refused, nothing clamped', () => {
    const errors = errorsOf({ ...base, scores: [{ stage: 'city', raterId: 'a', villageId: 't0v0', total: 120 }, { stage: 'town', raterId: 'a', villageId: 't0v0', total: 1 }, { stage: 'city', raterId: 'b', villageId: 't0v0', total: 1, note: 'x' }] });
    expect(errors.map((e) => e.split(' ')[0])).toEqual(['scores[0].total', 'scores[1].stage', 'scores[2].note']);
  });

  it('when the same rater scores a village twice in a stage, or a village has no town, then both are refused', () => {
    const dup = { stage: 'city', raterId: 'a', villageId: 't0v0', total: 70 };
    expect(errorsOf({ ...base, scores: [dup, dup] })).toEqual(['scores[1] raters.duplicate_score']);
    expect(errorsOf({ units: [{ id: 'v', name: '孤村', level: 'village' }], scores: [] })).toEqual(['units[0].parentId raters.village_without_town']);
  });
});
