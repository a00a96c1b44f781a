import { type z } from 'zod';
import { rateCampaign } from './rating-engine.js';
import { RatingInputError, ratingInputSchema, townInputSchema, villageInputSchema, type RatingInput, type RateOptions, type RatingIssue } from './rating-input.js';
import type { RatingResult } from './rating-result.js';
import type { Standard } from '../../../../shared/standards/standard.js';
import { describeZodIssues, type PathError } from './zod-issues.js';

// A rating input read from a file is checked in two layers: its shape (zod, codes `input.*`) and
// its values against the standard (the engine, codes `rating.*`). A department fixing a file
// wants every problem in one list, so when some villages are malformed the well-formed ones are
// still checked against the standard and both lists are returned together.

export type InputProblem = PathError & { villageId?: string };

export type CheckedRating = { ok: true; input: RatingInput; result: RatingResult } | { ok: false; problems: InputProblem[] };

function fromIssues(issues: RatingIssue[], pathOf: (path: string) => string): InputProblem[] {
  return issues.map((i) => ({ path: pathOf(i.path), code: i.code, message: i.message, ...(i.villageId ? { villageId: i.villageId } : {}) }));
}

/** Parses and rates `json`; on any problem returns all of them (shape first, then values). */
export function checkAndRate(standard: Standard, json: unknown, options: RateOptions = {}): CheckedRating {
  const whole = ratingInputSchema.safeParse(json);
  if (whole.success) {
    try {
      return { ok: true, input: whole.data, result: rateCampaign(standard, whole.data, options) };
    } catch (error) {
      if (error instanceof RatingInputError) return { ok: false, problems: fromIssues(error.issues, (p) => p) };
      throw error;
    }
  }
  const problems: InputProblem[] = describeZodIssues(whole.error, json, 'input');
  // Re-check what is well formed: towns and villages one by one, keeping their original index.
  const root = (typeof json === 'object' && json !== null ? json : {}) as { towns?: unknown; villages?: unknown };
  const towns = (Array.isArray(root.towns) ? root.towns : []).flatMap((t) => {
    const parsed = townInputSchema.safeParse(t);
    return parsed.success ? [parsed.data] : [];
  });
  const kept: { index: number; village: z.infer<typeof villageInputSchema> }[] = [];
  (Array.isArray(root.villages) ? root.villages : []).forEach((v, index) => {
    const parsed = villageInputSchema.safeParse(v);
    if (parsed.success) kept.push({ index, village: parsed.data });
  });
  const townIds = new Set(towns.map((t) => t.id));
  try {
    rateCampaign(standard, { towns, villages: kept.map((k) => k.village) }, { ...options, explain: 'none' });
  } catch (error) {
    if (!(error instanceof RatingInputError)) throw error;
    const original = (path: string): string => path.replace(/^villages\[(\d+)\]/, (_, k: string) => `villages[${kept[Number(k)]?.index ?? k}]`);
    // A town that was itself malformed is already reported; its villages would only repeat it.
    const issues = error.issues.filter((i) => !(i.code === 'rating.unknown_town' && !townIds.has(String(i.villageId)) && problems.some((p) => p.path.startsWith('towns['))));
    // Engine issues come in rule order (towns first); list them by village as the file reads.
    const position = (path: string): number => Number(/^villages\[(\d+)\]/.exec(path)?.[1] ?? -1);
    problems.push(...fromIssues(issues, original).sort((a, b) => position(a.path) - position(b.path)));
  }
  return { ok: false, problems };
}
