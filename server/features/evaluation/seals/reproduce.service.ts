// `fivestar reproduce`: the engine rates a campaign's stored inputs again and every village's
// score and proposed stars are compared with what was stored. Nothing is written.
import type { Ctx } from '../../../context.js';
import { findCampaign } from '../../campaigns/campaigns.service.js';
import { selectResults } from '../results/results.queries.js';
import { rateStoredInputs } from './stored-inputs.service.js';

export type Reproduction = {
  campaignId: string;
  villages: number;
  identical: number;
  differences: { villageId: string; name: string; storedScore: number | null; score: number | null; storedStars: number | null; stars: number | null }[];
};

export async function reproduceCampaign(ctx: Ctx, campaignId: string): Promise<Reproduction> {
  const campaign = await findCampaign(ctx, campaignId);
  const { result } = await rateStoredInputs(ctx, campaign, { kept: true });
  const stored = new Map((await selectResults(ctx.db, ctx.principal.countyId, campaignId, ['/'])).map((r) => [r.result.villageId, { ...r.result, name: r.name }]));
  const differences: Reproduction['differences'] = [];
  const seen = new Set<string>();
  for (const v of result.villages) {
    seen.add(v.id);
    const s = stored.get(v.id);
    if (!s || s.score !== v.finalScore || s.engineStars !== v.stars) {
      differences.push({ villageId: v.id, name: v.name, storedScore: s?.score ?? null, score: v.finalScore, storedStars: s?.engineStars ?? null, stars: v.stars });
    }
  }
  for (const [id, s] of stored) {
    if (!seen.has(id)) differences.push({ villageId: id, name: s.name, storedScore: s.score, score: null, storedStars: s.engineStars, stars: null });
  }
  return { campaignId, villages: seen.size, identical: seen.size - differences.filter((d) => seen.has(d.villageId)).length, differences };
}
