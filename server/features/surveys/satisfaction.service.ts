// What the rating engine gets for satisfaction: per village the phone answers, the paper counts the
// team entered, or both added up, with the source named for the explanation.
import type { Db } from '../../db/client.js';
import type { SatisfactionInput } from '../standards/engine/rating-input.js';
import { selectSurveys } from '../evaluation/mutual/surveys.queries.js';
import { satisfactionInput } from '../evaluation/mutual/surveys.js';
import { mergedCounts, sourceExplanation, tallyOf, type Tally } from './surveys.js';
import { selectAnswerTallies } from './surveys.queries.js';

export type CampaignSatisfaction = { inputs: Map<string, SatisfactionInput>; sources: Map<string, string> };

export async function campaignSatisfaction(ctx: { db: Db }, countyId: string, campaignId: string, villageIds: readonly string[]): Promise<CampaignSatisfaction> {
  // Only these villages' answers: the compute reads a chunk of villages at a time.
  const tallies = await selectAnswerTallies(ctx.db, countyId, campaignId, villageIds);
  const paper = new Map((await selectSurveys(ctx.db, countyId, campaignId, villageIds)).map((r) => [r.villageId, r]));
  const phone = new Map<string, Tally>();
  for (const t of tallies) phone.set(t.villageId, tallyOf([...(phone.has(t.villageId) ? toChoices(phone.get(t.villageId) as Tally) : []), { choice: t.choice, n: Number(t.n) }]));
  const inputs = new Map<string, SatisfactionInput>();
  const sources = new Map<string, string>();
  for (const id of new Set([...phone.keys(), ...paper.keys()])) {
    const p = paper.get(id);
    const m = mergedCounts(phone.get(id) ?? null, p ? { sampleSize: p.sampleSize, satisfied: p.satisfied, basicallySatisfied: p.basicallySatisfied, unsatisfied: p.unsatisfied } : null);
    if (!m) continue;
    const ph = phone.get(id);
    inputs.set(id, satisfactionInput(m.counts));
    sources.set(id, sourceExplanation(m.source, m.counts, ph ? ph.satisfied + ph.basicallySatisfied + ph.unsatisfied : 0));
  }
  return { inputs, sources };
}

const toChoices = (t: Tally) => [
  { choice: 'satisfied' as const, n: t.satisfied },
  { choice: 'basically_satisfied' as const, n: t.basicallySatisfied },
  { choice: 'unsatisfied' as const, n: t.unsatisfied },
];

