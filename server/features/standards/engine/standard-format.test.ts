import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Standard } from '../../../../shared/standards/standard.js';
import { rateCampaign } from './rating-engine.js';
import { RatingInputError, ratingInputSchema } from './rating-input.js';
import { campaignArb, tumen, weighted } from './test-arbitraries.js';
import { readJson, smallStandard } from './test-fixtures.js';
import { upgradeStandard } from './standard-upgrade.js';
import { assertValidStandard, readStandard, validateStandard, type StandardError } from './standard-validate.js';

// Format 2 and the reading of format-1 files. An upgraded format-1 standard must rate every
// campaign exactly as the file did before: the example campaigns of every shipped format-1
// standard and random campaigns are rated both ways and compared whole.

const shippedV1 = ['tumen-2022', 'satisfaction-weighted', 'named-stars-500'];

/** The upgraded standard as a file would hold it (JSON round trip), validated as format 2. */
function upgradedFile(standard: Standard): Standard {
  const json = JSON.parse(JSON.stringify(upgradeStandard(standard))) as Standard;
  expect(json.formatVersion).toBe(2);
  return assertValidStandard(json);
}

function errorsOf(doc: unknown): StandardError[] {
  const result = validateStandard(doc);
  return result.ok ? [] : result.errors;
}

describe('format 1 read as format 2', () => {
  it.each(shippedV1)('when the shipped format-1 standard %s is upgraded, then its example campaign rates identically', (id) => {
    const v1 = assertValidStandard(readJson(`standards/${id}.json`));
    expect(v1.formatVersion).toBeUndefined();
    const input = ratingInputSchema.parse(readJson(`standards/examples/${id}.input.json`));
    expect(rateCampaign(upgradedFile(v1), input)).toEqual(rateCampaign(v1, input));
  });

  it('when random campaigns are rated under a format-1 standard and its upgrade, then the results are equal', () => {
    const pairs = [tumen, weighted].map((s) => [s, upgradedFile(s)] as const);
    fc.assert(
      fc.property(fc.constantFrom(0, 1), campaignArb(tumen, 1, 6), campaignArb(weighted, 1, 6), (k, a, b) => {
        const [v1, v2] = pairs[k] as readonly [Standard, Standard];
        const input = k === 0 ? a : b;
        expect(rateCampaign(v2, input)).toEqual(rateCampaign(v1, input));
      }),
      { numRuns: 40 },
    );
  });

  it('when a format-1 file lists its stages out of order, then the upgrade keeps the engine order and the kinds', () => {
    const doc = smallStandard();
    doc.stages.reverse();
    const up = readStandard(doc);
    expect(up.stages.map((s) => [s.id, s.kind])).toEqual([
      ['mutual', 'mutual'],
      ['department', 'department'],
      ['city', 'city'],
    ]);
    expect(doc.stages[0]?.kind).toBeUndefined(); // the caller's object is not changed
  });
});

describe('format version checks', () => {
  it('when a format-1 file names a stage other than the three, then the error asks for format 2 at that stage', () => {
    const doc = smallStandard();
    doc.stages[0] = { id: 'selfCheck', name: '自评', weight: 20 };
    const errors = errorsOf(doc);
    expect(errors).toContainEqual(expect.objectContaining({ path: 'stages[0].id', code: 'standard.v1_stage_id' }));
    expect(errors.find((e) => e.code === 'standard.v1_stage_id')?.message).toContain('formatVersion');
  });

  it('when a format-1 file uses a format-2 field, then it is an error at that field, not ignored', () => {
    const doc = smallStandard();
    doc.stages[1] = { ...doc.stages[1]!, kind: 'department' };
    expect(errorsOf(doc)).toContainEqual(expect.objectContaining({ path: 'stages[1].kind', code: 'standard.needs_format_2' }));
  });

  it('when a format-2 file leaves out a stage kind, then the stage is named', () => {
    const doc = { ...smallStandard(), formatVersion: 2 };
    expect(errorsOf(doc)).toEqual([
      expect.objectContaining({ path: 'stages[0].kind', code: 'standard.stage_kind_required' }),
      expect.objectContaining({ path: 'stages[1].kind', code: 'standard.stage_kind_required' }),
      expect.objectContaining({ path: 'stages[2].kind', code: 'standard.stage_kind_required' }),
    ]);
  });

  it('when formatVersion is 3, then the shape error points at it', () => {
    expect(errorsOf({ ...smallStandard(), formatVersion: 3 })).toContainEqual(expect.objectContaining({ path: 'formatVersion' }));
  });
});

describe('format 2 stages as a list', () => {
  // A self-evaluation stage (自评) shown beside the counted stages, and stages with own ids.
  function withSelfStage(): Standard {
    const doc = smallStandard();
    const rename = (id: string): string => (id === 'mutual' ? 'townReview' : id === 'department' ? 'deptReview' : id);
    return {
      ...doc,
      formatVersion: 2,
      stages: [
        { id: 'self', name: '支部自评', kind: 'self', weight: 0, referenceOnly: true },
        { id: 'townReview', name: '镇级审核', kind: 'town', weight: 20 },
        { id: 'deptReview', name: '部门点评', kind: 'department', weight: 30 },
        { id: 'city', name: '市级考评', kind: 'city', weight: 50 },
      ],
      dimensions: doc.dimensions.map((d) => ({
        ...d,
        indicators: d.indicators.map((i) => (i.kind === 'scored' ? { ...i, stages: ['self', ...i.stages.map(rename)] } : i)),
      })),
    };
  }

  it('when a village has a reference self-evaluation, then it is shown beside the others and not counted', () => {
    const standard = withSelfStage();
    const scores = (p: number) => ({ a: 25 * p, b: 25 * p, c: 30 * p });
    const base = { id: 'v', name: '一村', townId: 't', figures: { rate: 80 } };
    const withSelf = rateCampaign(standard, {
      towns: [{ id: 't', name: '镇' }],
      villages: [{ ...base, scores: { self: scores(1), townReview: scores(0.8), deptReview: scores(0.8), city: scores(0.8) } }],
    }).villages[0]!;
    const lowSelf = rateCampaign(standard, {
      towns: [{ id: 't', name: '镇' }],
      villages: [{ ...base, scores: { self: scores(0.2), townReview: scores(0.8), deptReview: scores(0.8), city: scores(0.8) } }],
    }).villages[0]!;
    expect(withSelf.stageScores).toEqual({ self: 80, townReview: 64, deptReview: 64, city: 64 });
    expect(withSelf.finalScore).toBe(lowSelf.finalScore);
    const weights = withSelf.explanation.find((s) => s.rule === 'stage_weight');
    expect(weights).toMatchObject({ referenceOnly: ['self'] });
  });

  it('when an input names a stage the standard does not have, then it is an input error with its path', () => {
    const standard = withSelfStage();
    const rate = () =>
      rateCampaign(standard, { towns: [{ id: 't', name: '镇' }], villages: [{ id: 'v', name: '一村', townId: 't', scores: { mutual: { a: 1 } } }] });
    expect(rate).toThrow(RatingInputError);
    try {
      rate();
    } catch (e) {
      expect((e as RatingInputError).issues).toContainEqual(expect.objectContaining({ code: 'rating.unknown_stage', path: 'villages[0].scores.mutual' }));
    }
  });
});
