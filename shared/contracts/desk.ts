// 待办: what waits for the caller, one line per kind of work, composed from per-role counts.
import { z } from 'zod';

export const deskKinds = [
  'sheets',
  'problems_claim',
  'problems_confirm',
  'commitments_approve',
  'rectifications_submit',
  'rectifications_verify',
  'objections_answer',
  'violations_confirm',
  'visits_overdue',
] as const;
export type DeskKind = (typeof deskKinds)[number];

export const deskItemSchema = z.object({
  kind: z.enum(deskKinds),
  title: z.string(),
  /** How many things wait; a line with none is not sent. */
  count: z.number().int(),
  /** How many of them are past their deadline. */
  overdue: z.number().int(),
  /** The nearest deadline (a window's close, a due date), YYYY-MM-DD, or null. */
  deadline: z.string().nullable(),
  detail: z.string(),
  /** Where the work is done, in the admin UI; the menu entry of that path shows the count as a badge. */
  link: z.string(),
});
export type DeskItem = z.infer<typeof deskItemSchema>;

export const deskSchema = z.object({ items: z.array(deskItemSchema), total: z.number().int() });
export type Desk = z.infer<typeof deskSchema>;
