import { z } from 'zod';

export const uuidSchema = z.uuid();
export const idParamsSchema = z.strictObject({ id: z.uuid() });

/** Every list takes page and pageSize (at most 100) and answers { items, total }. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
export type Page<T> = { items: T[]; total: number };

export const okSchema = z.object({ ok: z.literal(true) });

export const dateStringSchema = z.iso.date();

/** Query-string booleans arrive as text. */
export const queryBooleanSchema = z.enum(['true', 'false']).transform((v) => v === 'true');

export const importReportSchema = z.object({
  imported: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string().optional(), reason: z.string() })),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/**
 * A score as sent by a form or a client. Its range, sign and decimals depend on the indicator, so
 * the server checks them (shared/score-cell.ts) and answers with the field's code and allowed
 * range; text is let through only to be refused the same way ('abc' is not a number), never read.
 */
export const scoreInputSchema = z.union([z.number(), z.string().max(40)]);
export type ScoreInput = z.infer<typeof scoreInputSchema>;
