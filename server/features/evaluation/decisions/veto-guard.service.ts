// Vetoes bind every human step that sets stars: 定星 (confirm, override) and corrections. The
// check runs inside the caller's transaction against the records as they are now, so a record
// confirmed after the engine ran binds as well.
import type { Ctx } from '../../../context.js';
import { AppError } from '../../../../shared/errors.js';
import { campaignStandard, findCampaign } from '../../campaigns/campaigns.service.js';
import { scopePaths } from '../../auth/principal.js';
import { selectOrgUnit } from '../../orgs/orgs.queries.js';
import type { CampaignRow } from '../../campaigns/campaigns.queries.js';
import { selectResult, type ResultRow } from '../results/results.queries.js';
import { ceilingRefusal, starsBeforeVetoes, vetoCeiling, type BindingRecord, type VetoCeiling } from './veto-ceiling.js';
import { selectAllBindingRecords, selectBindingRecords } from './decisions.queries.js';

type StoredSteps = { steps?: { rule?: string; before?: unknown }[] };

function ceilingOf(rules: Parameters<typeof vetoCeiling>[0], minStars: number, records: BindingRecord[], result: ResultRow | undefined): VetoCeiling {
  const steps = ((result?.explanation ?? {}) as StoredSteps).steps;
  return vetoCeiling(rules, records, starsBeforeVetoes(steps, result?.engineStars ?? null), minStars);
}

async function rulesOf(ctx: Ctx, campaign: CampaignRow) {
  const standard = await campaignStandard(ctx, campaign);
  return { rules: standard.vetoes ?? [], minStars: standard.levelScheme.minStars };
}

/** The village's binding records and the stars they allow, for dialogs and checks. */
export async function villageCeiling(ctx: Ctx, campaign: CampaignRow, villageId: string, result: ResultRow | undefined): Promise<VetoCeiling> {
  const { rules, minStars } = await rulesOf(ctx, campaign);
  const records = await selectBindingRecords(ctx.db, ctx.principal.countyId, villageId, campaign.year);
  return ceilingOf(rules, minStars, records, result);
}

/** 409 `results.veto_binds` naming the records when `stars` passes the village's ceiling. */
export async function assertWithinVetoes(ctx: Ctx, campaign: CampaignRow, villageId: string, stars: number | null, result: ResultRow | undefined): Promise<void> {
  const ceiling = await villageCeiling(ctx, campaign, villageId, result);
  const refusal = ceilingRefusal(ceiling, stars);
  if (refusal) throw new AppError('results.veto_binds', { text: refusal, villageId, stars, maxStars: ceiling.maxStars, noRating: ceiling.noRating, records: ceiling.limits.map((l) => l.caseNo) });
}

/** The same check for many villages at once (定星 of every pending village): every refusal listed. */
export async function assertAllWithinVetoes(ctx: Ctx, campaign: CampaignRow, rows: { result: ResultRow; name: string }[]): Promise<void> {
  const { rules, minStars } = await rulesOf(ctx, campaign);
  const byVillage = new Map<string, BindingRecord[]>();
  for (const r of await selectAllBindingRecords(ctx.db, ctx.principal.countyId, campaign.year)) byVillage.set(r.villageId, [...(byVillage.get(r.villageId) ?? []), r]);
  const refusals: { villageId: string; name: string; text: string }[] = [];
  for (const { result, name } of rows) {
    const records = byVillage.get(result.villageId);
    if (!records) continue;
    const refusal = ceilingRefusal(ceilingOf(rules, minStars, records, result), result.stars);
    if (refusal) refusals.push({ villageId: result.villageId, name, text: `${name}：${refusal}` });
  }
  if (refusals.length) throw new AppError('results.veto_binds', { text: refusals.map((r) => r.text).join('\n'), refusals });
}

/** For the override and correction dialogs: what binds the village before anyone types. */
export async function getVillageCeiling(ctx: Ctx, campaignId: string, villageId: string): Promise<VetoCeiling> {
  const campaign = await findCampaign(ctx, campaignId);
  const village = await selectOrgUnit(ctx.db, ctx.principal.countyId, scopePaths(ctx.principal, 'campaign:manage'), villageId);
  if (!village || village.level !== 'village') throw new AppError('org.not_found');
  return villageCeiling(ctx, campaign, villageId, await selectResult(ctx.db, ctx.principal.countyId, campaignId, villageId));
}
