import { z } from 'zod';

export const jobStatusSchema = z.enum(['queued', 'running', 'done', 'failed']);

/** A background job as GET /api/jobs/:id and a 202 answer give it. */
export const jobSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  subjectId: z.uuid(),
  status: jobStatusSchema,
  /** The step under way, in Chinese (读取评分数据, 计算星级, 写入结果…). */
  step: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  /**
   * The work's own answer once done (生成定星建议: the summary the synchronous route returns; an
   * import: its report; an export: `file`, where to fetch the workbook and until when).
   */
  result: z.unknown().nullable(),
  /** A failed job's code and Chinese message; `details` as the synchronous refusal carries them (an import's bad rows). */
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

/** What a finished export job's `result.file` says: fetch `url` (the starter only) before `expiresAt`. */
export const jobFileSchema = z.object({ name: z.string(), bytes: z.number().int(), url: z.string(), expiresAt: z.string() });
export type JobFile = z.infer<typeof jobFileSchema>;
