// Survey results from Excel: a template listing the caller's villages, and an all-or-nothing import.
import type { Ctx } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../../shared/errors.js';
import { chinaDate } from '../../../../shared/dates.js';
import type { ImportReport } from '../../../../shared/contracts/common.js';
import { readTable, refuseIfErrors, writeTable } from '../../../spreadsheets/xlsx-table.js';
import { recordAudit } from '../../audit/audit.service.js';
import { sheetLockReason } from '../../campaigns/campaigns.js';
import { campaignStandard, findCampaign } from '../../campaigns/campaigns.service.js';
import { stageVillages } from '../stages/stages.access.service.js';
import { planSurveyImport, surveySheet, type SurveyVillage } from './surveys.sheet.js';
import { selectSurveys, upsertSurveys } from './surveys.queries.js';

async function writableVillages(ctx: Ctx, campaignId: string): Promise<SurveyVillage[]> {
  const campaign = await findCampaign(ctx, campaignId);
  return (await stageVillages(ctx, campaign, 'mutual'))
    .filter((v) => v.access === 'write')
    .map(({ village: u }) => ({ id: u.id, name: u.name, code: u.code, townName: u.parentName ?? '', path: u.path }));
}

/** The template lists the villages the caller's team surveys, ready for the numbers. */
export async function surveyImportTemplate(ctx: Ctx, campaignId: string): Promise<Buffer> {
  const villages = await writableVillages(ctx, campaignId);
  return writeTable(surveySheet, villages.map((v) => ({ townName: v.townName, villageName: v.name, villageCode: v.code })), { withNotes: true });
}

export async function importSurveys(ctx: Ctx, campaignId: string, file: Buffer): Promise<ImportReport> {
  const rows = await readTable(surveySheet, file);
  return inTransaction(ctx, async (tx) => {
    const campaign = await findCampaign(tx, campaignId);
    const today = chinaDate(ctx.now());
    const lock = sheetLockReason(campaign.status, 'mutual', campaign.windows, today);
    if (lock) throw new AppError('stage_work.locked', { reason: lock });
    const standard = await campaignStandard(tx, campaign);
    const { surveys, errors, notSurveyed } = planSurveyImport(rows, await writableVillages(tx, campaignId), standard, today);
    refuseIfErrors(errors);
    // A file of only blank rows would be an upload of the untouched template: say so rather than "0 imported".
    if (surveys.length === 0) throw new AppError('import.empty');
    const replaced = await selectSurveys(tx.db, ctx.principal.countyId, campaignId, surveys.map((s) => s.villageId));
    const now = ctx.now();
    await upsertSurveys(
      tx.db,
      surveys.map((s) => ({ countyId: ctx.principal.countyId, campaignId, villageId: s.villageId, orgPath: s.orgPath, ...s.counts, surveyDate: s.surveyDate, enteredBy: ctx.principal.userId, enteredAt: now })),
    );
    const counts = (c: { sampleSize: number; satisfied: number; basicallySatisfied: number; unsatisfied: number }) => [c.sampleSize, c.satisfied, c.basicallySatisfied, c.unsatisfied];
    await recordAudit(tx, {
      event: 'survey.import',
      objectType: 'campaign',
      objectId: campaignId,
      before: { replaced: Object.fromEntries(replaced.map((r) => [r.villageId, counts(r)])) },
      after: { count: surveys.length, notSurveyed, surveys: Object.fromEntries(surveys.map((s) => [s.villageId, counts(s.counts)])) },
    });
    return { imported: surveys.length, errors: [] };
  });
}
