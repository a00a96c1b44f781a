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
  /** The work's own answer once done (生成定星建议: the summary the synchronous route returns). */
  result: z.unknown().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;
