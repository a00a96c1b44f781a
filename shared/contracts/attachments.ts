// Files attached to a work item: a rectification's 整改材料 or a problem's 销号材料.
import { z } from 'zod';

export const attachmentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedByName: z.string(),
  uploadedAt: z.string().meta({ description: 'ISO 8601 instant' }),
  downloadUrl: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** The file itself is the raw request body; its name comes in the query string. */
export const attachmentUploadQuerySchema = z.strictObject({ fileName: z.string().trim().min(1).max(200) });
