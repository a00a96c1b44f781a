// The campaign's life: created in draft with a standard and stage windows, then moved forward
// one audited step at a time by the department, ending final with the standard locked.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { onUniqueViolation } from '../../db/errors.js';
import { AppError } from '../../../shared/errors.js';
import type { CampaignCreate, CampaignUpdate, StageWeights } from '../../../shared/contracts/campaigns.js';
import { recordAudit } from '../audit/audit.service.js';
import { getStandardDocument } from '../standards/standards.service.js';
import { standardAtTag } from '../standards/standard-cache.service.js';
import { validateStandard } from '../standards/engine/standard-validate.js';
import type { Standard } from '../../../shared/standards/standard.js';
import { weightsSum, windowProblems } from './campaigns.js';
import { selfStageOf } from '../self-evaluation/self-stage.js';
import { presentCampaign } from './campaigns.present.js';
import {
  insertCampaignRow,
  listCampaignRows,
  selectCampaignByYear,
  selectCampaignRow,
  updateCampaignRow,
  type CampaignRow,
} from './campaigns.queries.js';

export async function listCampaigns(ctx: Ctx, page: { page: number; pageSize: number }) {
  const rows = await listCampaignRows(ctx.db, ctx.principal.countyId, page);
  return { items: rows.items.map(presentCampaign), total: rows.total };
}

export async function findCampaign(ctx: Ctx, id: string): Promise<CampaignRow> {
  const row = await selectCampaignRow(ctx.db, ctx.principal.countyId, id);
  if (!row) throw new AppError('campaign.not_found');
  return row;
}

export async function getCampaign(ctx: Ctx, id: string) {
  return presentCampaign(await findCampaign(ctx, id));
}

function checkPlan(input: { windows?: CampaignCreate['windows'] }) {
  if (input.windows) {
    const problems = windowProblems(input.windows);
    if (problems.length > 0) throw new AppError('campaign.invalid_windows', { problems });
  }
}

/**
 * Hand-set weights: every counted stage's, the self stage's too when the standard has one, adding
 * up to 100 as the standard's own counted stages must. The refusal names the field and the sum.
 */
function checkWeights(standard: Standard, weights: StageWeights): void {
  const self = selfStageOf(standard);
  if (weights.self !== undefined && !self) throw new AppError('campaign.no_self_stage', { field: 'stageWeights.self', text: `标准“${standard.name}”没有村自评阶段，请去掉村自评权重` });
  const sum = weightsSum(weights, self?.weight ?? 0);
  if (sum !== 100) {
    const names = ['摸底互评', '部门点评', '市级考评', ...(self ? [self.name] : [])].join('、');
    throw new AppError('campaign.weights_not_100', { field: 'stageWeights', sum, text: `${names}的权重之和现为 ${sum}，应为 100` });
  }
}

export async function createCampaign(ctx: Ctx, input: CampaignCreate) {
  checkPlan(input);
  const standard = await getStandardDocument(ctx, input.standardId);
  const weightOf = (id: string) => standard.stages.find((s) => s.id === id)?.weight ?? 0;
  const self = selfStageOf(standard);
  if (input.stageWeights) checkWeights(standard, input.stageWeights);
  const stageWeights = input.stageWeights ?? { mutual: weightOf('mutual'), department: weightOf('department'), city: weightOf('city'), ...(self ? { self: self.weight } : {}) };
  assertWeightsFit(standard, stageWeights);
  return inTransaction(ctx, async (tx) => {
    if (await selectCampaignByYear(tx.db, ctx.principal.countyId, input.year)) throw new AppError('campaign.duplicate_year');
    const id = randomUUID();
    const row = { id, countyId: ctx.principal.countyId, year: input.year, name: input.name, standardId: input.standardId, status: 'draft' as const, windows: input.windows, stageWeights, noticeDays: input.noticeDays ?? 5 };
    await onUniqueViolation(insertCampaignRow(tx.db, row), 'campaign.duplicate_year');
    await recordAudit(tx, { event: 'campaign.create', objectType: 'campaign', objectId: id, after: { ...row, countyId: undefined } });
    return getCampaign(tx, id);
  });
}

/** Windows may move while the campaign runs; weights and notice length are fixed once it starts. */
export async function updateCampaign(ctx: Ctx, id: string, input: CampaignUpdate) {
  checkPlan(input);
  return inTransaction(ctx, async (tx) => {
    const before = await findCampaign(tx, id);
    if (before.status === 'final') throw new AppError('campaign.not_editable');
    if (before.status !== 'draft' && (input.stageWeights || input.noticeDays)) throw new AppError('campaign.not_editable');
    if (input.stageWeights) {
      const standard = await getStandardDocument(tx, before.standardId);
      checkWeights(standard, input.stageWeights);
      assertWeightsFit(standard, input.stageWeights);
    }
    await updateCampaignRow(tx.db, ctx.principal.countyId, id, { ...input, updatedAt: ctx.now() });
    const after = await findCampaign(tx, id);
    await recordAudit(tx, {
      event: 'campaign.update',
      objectType: 'campaign',
      objectId: id,
      before: { name: before.name, windows: before.windows, stageWeights: before.stageWeights, noticeDays: before.noticeDays },
      after: { name: after.name, windows: after.windows, stageWeights: after.stageWeights, noticeDays: after.noticeDays },
    });
    return presentCampaign(after);
  });
}

/** The campaign's standard with this year's stage weights applied. */
export async function campaignStandard(ctx: Ctx, campaign: CampaignRow) {
  return withWeights(await getStandardDocument(ctx, campaign.standardId), campaign.stageWeights);
}

/**
 * The same as campaignStandard, read-only: the document comes from the standard cache (keyed by
 * the row tag read with the campaign), for reads on many requests' path (the results pages).
 */
export async function campaignStandardReadOnly(ctx: Pick<Ctx, 'db' | 'principal'>, campaign: CampaignRow): Promise<Standard> {
  return withWeights(await standardAtTag(ctx.db, ctx.principal.countyId, campaign.standardId, campaign.standardTag), campaign.stageWeights);
}

export function withWeights(standard: Standard, weights: StageWeights): Standard {
  const stages = standard.stages.map((s) => {
    // The campaign's weights name the three format-1 stages and the self stage (by its kind); any other stage keeps the standard's weight.
    const key = (s as { kind?: string }).kind === 'self' ? 'self' : s.id;
    const given = key in weights ? weights[key as keyof StageWeights] : undefined;
    const weight = given ?? s.weight;
    return { ...s, weight, referenceOnly: weight === 0 ? true : undefined };
  });
  return { ...standard, stages };
}

/** This year's weights must still make a valid standard (e.g. a stage that alone scores an indicator cannot weigh 0). */
function assertWeightsFit(standard: Standard, weights: StageWeights): void {
  const checked = validateStandard(withWeights(standard, weights));
  if (!checked.ok) throw new AppError('campaign.standard_invalid_with_weights', { errors: checked.errors });
}
