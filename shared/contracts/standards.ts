import { z } from 'zod';
import { pageQuerySchema } from './common.js';

export const standardSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  version: z.string(),
  name: z.string(),
  region: z.string(),
  year: z.number().int().nullable(),
  totalMaxScore: z.number(),
  dimensionCount: z.number().int(),
  indicatorCount: z.number().int(),
  locked: z.boolean(),
  lockedReason: z.string().nullable(),
  clonedFrom: z.uuid().nullable(),
  updatedAt: z.string(),
});
export type StandardSummary = z.infer<typeof standardSummarySchema>;

/** The document is the standard itself (docs/standards.md); the server validates it fully. */
export const standardDocumentSchema = z.record(z.string(), z.unknown());

export const standardDetailSchema = standardSummarySchema.extend({ document: standardDocumentSchema });
export type StandardDetail = z.infer<typeof standardDetailSchema>;

export const standardWriteSchema = z.strictObject({ document: standardDocumentSchema });
export const standardCloneSchema = z.strictObject({ version: z.string().trim().min(1).max(40) });

export const standardErrorSchema = z.object({ path: z.string(), code: z.string(), message: z.string() });
export type StandardError = z.infer<typeof standardErrorSchema>;
export const standardValidationSchema = z.object({ ok: z.boolean(), errors: z.array(standardErrorSchema) });

export const standardListQuerySchema = pageQuerySchema.extend({ q: z.string().trim().max(60).optional() });
export type StandardListQuery = z.infer<typeof standardListQuerySchema>;
