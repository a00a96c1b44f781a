// The auditor's 数据完整性校验: the same check as `fivestar verify`, over every campaign of the
// county, answered row by row. Running it is audited (who looked, what was found).
import type { Ctx } from '../../../context.js';
import { inTransaction } from '../../../db/transaction.js';
import type { CampaignIntegrity, IntegrityReport } from '../../../../shared/contracts/integrity.js';
import { recordAudit } from '../../audit/audit.service.js';
import { listCampaignRows } from '../../campaigns/campaigns.queries.js';
import { verifyCampaign } from './seals.service.js';

export async function verifyAllCampaigns(ctx: Ctx): Promise<IntegrityReport> {
  const rows = (await listCampaignRows(ctx.db, ctx.principal.countyId, { page: 1, pageSize: 1000 })).items;
  const campaigns: CampaignIntegrity[] = [];
  for (const row of rows) {
    const r = await verifyCampaign(ctx, row.id);
    campaigns.push({
      ...r,
      failures: r.failures.map((f) => ({
        kind: f.kind, kindLabel: f.kindLabel, townName: f.townName, villageName: f.villageName, fieldLabel: f.fieldLabel,
        problem: f.problem, problemLabel: f.problemLabel, text: f.text, rowKey: f.rowKey, field: f.field,
      })),
    });
  }
  const report = { checkedAt: ctx.now().toISOString(), ok: campaigns.every((c) => c.ok), campaigns };
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      event: 'seal.verify',
      objectType: 'county',
      objectId: ctx.principal.countyId,
      after: { ok: report.ok, campaigns: campaigns.map((c) => ({ campaignId: c.campaignId, year: c.year, checked: c.checked, rootIntact: c.rootIntact, failures: c.failures.map((f) => `${f.rowKey}#${f.field}`) })) },
    }),
  );
  return report;
}
