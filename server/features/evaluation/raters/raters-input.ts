// The input of the rater analysis, the same for the CLI (`fivestar raters --input FILE`) and the
// campaign page: units (towns and their villages) and every total a rater gave a village, on a
// 0–100 scale. Checked whole before any analysis: every problem is listed with its path.
import { z } from 'zod';
import { describeZodIssues, type PathError } from '../../standards/engine/zod-issues.js';

export const raterStages = ['mutual', 'department', 'city', 'arena'] as const;
export type RaterStage = (typeof raterStages)[number];

const id = z.string().min(1).max(200);

export const raterUnitSchema = z.strictObject({
  id,
  name: z.string().min(1).max(200),
  level: z.enum(['town', 'village']),
  parentId: id.optional(),
});

export const raterScoreSchema = z.strictObject({
  stage: z.enum(raterStages),
  raterId: id,
  /** The evaluating team's own town: required for mutual scores. */
  raterUnitId: id.optional(),
  villageId: id,
  total: z.number().min(0).max(100),
});

export const ratersInputSchema = z.strictObject({
  units: z.array(raterUnitSchema).max(100_000),
  scores: z.array(raterScoreSchema).max(2_000_000),
});

export type RaterUnit = z.infer<typeof raterUnitSchema>;
export type RaterScore = z.infer<typeof raterScoreSchema>;
export type RatersInput = z.infer<typeof ratersInputSchema>;

export type RatersInputCheck = { ok: true; input: RatersInput } | { ok: false; errors: PathError[] };

/** Shape first (zod), then the references between units and scores. */
export function checkRatersInput(json: unknown): RatersInputCheck {
  const parsed = ratersInputSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: describeZodIssues(parsed.error, json, '') };
  const errors = referenceProblems(parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, input: parsed.data };
}

function referenceProblems(input: RatersInput): PathError[] {
  const errors: PathError[] = [];
  const units = new Map<string, RaterUnit>();
  input.units.forEach((u, i) => {
    if (units.has(u.id)) errors.push({ path: `units[${i}].id`, code: 'raters.duplicate_unit', message: `单位 ${u.id} 重复出现` });
    units.set(u.id, u);
  });
  input.units.forEach((u, i) => {
    if (u.level !== 'village') return;
    const parent = u.parentId ? units.get(u.parentId) : undefined;
    if (parent?.level !== 'town') errors.push({ path: `units[${i}].parentId`, code: 'raters.village_without_town', message: `村 ${u.name} 的 parentId 必须指向一个镇（level 为 town）` });
  });
  const seen = new Set<string>();
  input.scores.forEach((s, i) => {
    const village = units.get(s.villageId);
    if (village?.level !== 'village') {
      errors.push({ path: `scores[${i}].villageId`, code: 'raters.unknown_village', message: `${s.villageId} 不是 units 中的村` });
      return;
    }
    if (s.stage === 'mutual') {
      const team = s.raterUnitId ? units.get(s.raterUnitId) : undefined;
      if (team?.level !== 'town') errors.push({ path: `scores[${i}].raterUnitId`, code: 'raters.mutual_without_town', message: '互评分数必须用 raterUnitId 写明互评组所在的镇' });
      else if (team.id === village.parentId) errors.push({ path: `scores[${i}].raterUnitId`, code: 'raters.own_town', message: `${team.name}互评组不能评本镇的村（${village.name}）` });
    }
    const key = `${s.stage}\u0000${s.raterId}\u0000${s.villageId}`;
    if (seen.has(key)) errors.push({ path: `scores[${i}]`, code: 'raters.duplicate_score', message: `评分人 ${s.raterId} 在同一阶段对 ${village.name} 重复打分` });
    seen.add(key);
  });
  return errors;
}
