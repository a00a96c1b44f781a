// 数据完整性校验: the seal check of `fivestar verify` as the auditor's page asks for it.
import { z } from 'zod';

export const integrityFailureSchema = z.object({
  kind: z.enum(['score', 'arena', 'town_score', 'result', 'correction', 'notice']),
  kindLabel: z.string(),
  townName: z.string().nullable(),
  villageName: z.string().nullable(),
  fieldLabel: z.string(),
  problem: z.enum(['altered', 'deleted', 'unsealed']),
  problemLabel: z.string(),
  /** The whole finding in one Chinese sentence, as the command line prints it. */
  text: z.string(),
  /** The sealed row and field, e.g. result/<village id>#stars. */
  rowKey: z.string(),
  field: z.string(),
});

export const campaignIntegritySchema = z.object({
  campaignId: z.uuid(),
  year: z.number().int(),
  name: z.string(),
  /** Sealed fields compared with their seals. */
  checked: z.number().int(),
  /** The campaign's root matches its seals: no seal was added or removed outside the application. */
  rootIntact: z.boolean(),
  ok: z.boolean(),
  failures: z.array(integrityFailureSchema),
});

export const integrityReportSchema = z.object({
  checkedAt: z.string(),
  ok: z.boolean(),
  campaigns: z.array(campaignIntegritySchema),
});
export type IntegrityReport = z.infer<typeof integrityReportSchema>;
export type CampaignIntegrity = z.infer<typeof campaignIntegritySchema>;
