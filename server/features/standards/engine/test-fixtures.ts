import { readFileSync } from 'node:fs';
import type { RatingInput, VillageInput } from './rating-input.js';
import type { Standard } from '../../../../shared/standards/standard.js';

// Builders for tests: a small 100-point standard whose numbers are easy to follow by hand, and
// villages that score a chosen share of every maximum. Used by the unit, property and CLI tests.

export function smallStandard(): Standard {
  return {
    id: 'small',
    name: '测试标准',
    version: '1',
    region: '测试市',
    totalMaxScore: 100,
    stages: [
      { id: 'mutual', name: '摸底互评', weight: 20 },
      { id: 'department', name: '部门点评', weight: 30 },
      { id: 'city', name: '市级考评', weight: 50 },
    ],
    dimensions: [
      {
        id: 'branch',
        name: '支部建设',
        maxPoints: 50,
        indicators: [
          { id: 'a', name: '班子建设', kind: 'scored', maxPoints: 25, stages: ['mutual', 'department', 'city'], guidance: '', evidence: [] },
          { id: 'b', name: '组织生活', kind: 'scored', maxPoints: 25, stages: ['mutual', 'department', 'city'], guidance: '', evidence: [] },
        ],
      },
      {
        id: 'industry',
        name: '产业发展',
        maxPoints: 50,
        indicators: [
          { id: 'c', name: '集体经济', kind: 'scored', maxPoints: 30, stages: ['mutual', 'department', 'city'], guidance: '', evidence: [] },
          {
            id: 'f',
            name: '问题销号',
            kind: 'formula',
            maxPoints: 20,
            formula: { figure: 'rate', mapping: { type: 'piecewise', points: [{ x: 0, points: 0 }, { x: 100, points: 20 }] } },
            guidance: '',
            evidence: [],
          },
        ],
      },
    ],
    figures: [{ id: 'rate', name: '销号率', unit: '%' }],
    levelScheme: {
      type: 'thresholds',
      thresholds: [
        { stars: 5, minScore: 90 },
        { stars: 4, minScore: 80 },
        { stars: 3, minScore: 70 },
        { stars: 2, minScore: 60 },
      ],
      minStars: 1,
    },
    ranking: { keys: [{ key: 'stars' }, { key: 'finalScore' }] },
  };
}

/** A village scoring `share` (0..1) of every maximum in every stage, so its base score is 100 × share. */
export function uniformVillage(id: string, share: number, extra: Partial<VillageInput> = {}): VillageInput {
  const points = (max: number): number => Math.round(max * share * 100) / 100;
  const stage = { a: points(25), b: points(25), c: points(30) };
  return {
    id,
    name: `${id}村`,
    townId: 't1',
    scores: { mutual: { ...stage }, department: { ...stage }, city: { ...stage } },
    figures: { rate: Math.round(share * 10000) / 100 },
    ...extra,
  };
}

export function inputOf(villages: VillageInput[], towns: RatingInput['towns'] = [{ id: 't1', name: '一镇', ownScore: 90 }, { id: 't2', name: '二镇', ownScore: 80 }]): RatingInput {
  return { towns, villages };
}

export function readJson(relativeToRepo: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../../${relativeToRepo}`, import.meta.url), 'utf8'));
}
