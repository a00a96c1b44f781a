import { z } from 'zod';

export const uuidSchema = z.uuid();
export const idParamsSchema = z.strictObject({ id: z.uuid() });

/** Every list takes page and pageSize (at most 100) and answers { items, total } (org units, people and accounts: openPageOf). */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
export type Page<T> = { items: T[]; total: number };

/**
 * A list page that does not count the whole table on every request (org units, people,
 * accounts). `hasMore`: one row was read past the page, so another page follows. `total` is exact
 * when it costs nothing extra or little: asked for with `count=true`, the list narrowed to one
 * unit (a town's villages or people), or this page being the last; otherwise null, meaning "not
 * counted" (the tables then show 第 1–20 条，后面还有 and a 统计总数 button instead of 共 N 条).
 */
export function openPageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), hasMore: z.boolean(), total: z.number().int().nullable() });
}
export type OpenPage<T> = { items: T[]; hasMore: boolean; total: number | null };

export const okSchema = z.object({ ok: z.literal(true) });

export const dateStringSchema = z.iso.date();

/** Query-string booleans arrive as text. */
export const queryBooleanSchema = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The paging of an open page (see openPageOf): `count=true` asks for the exact total. */
export const openPageQuerySchema = pageQuerySchema.extend({ count: queryBooleanSchema.optional() });

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
