import { z } from 'zod';
import { openPageQuerySchema, queryBooleanSchema } from './common.js';

export const orgLevels = ['city', 'town', 'village'] as const;
export const orgLevelSchema = z.enum(orgLevels);
export type OrgLevel = z.infer<typeof orgLevelSchema>;

/** The unit's kind as users name it; the level follows from the kind. */
export const orgKindLevel = {
  市: 'city',
  镇: 'town',
  乡: 'town',
  街道: 'town',
  行政村: 'village',
  社区: 'village',
} as const satisfies Record<string, OrgLevel>;
export const orgKindSchema = z.enum(['市', '镇', '乡', '街道', '行政村', '社区']);
export type OrgKind = z.infer<typeof orgKindSchema>;

export const partyOrgTypeSchema = z.enum(['党委', '党总支', '党支部']);
export type PartyOrgType = z.infer<typeof partyOrgTypeSchema>;

export const orgCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,32}$/, '编码只能包含字母、数字和短横线，最多 32 位');

export const orgUnitSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  level: orgLevelSchema,
  kind: orgKindSchema,
  name: z.string(),
  code: z.string(),
  partyOrgType: partyOrgTypeSchema,
  partyOrgName: z.string(),
  active: z.boolean(),
  sortOrder: z.number().int(),
  parentName: z.string().nullable(),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

export const orgTreeNodeSchema = orgUnitSchema.extend({
  children: z.array(z.lazy((): z.ZodType => orgTreeNodeSchema)),
});
export type OrgTreeNode = OrgUnit & { children: OrgTreeNode[] };

/**
 * One level of the tree, loaded when a node is opened: a province's 10,000 villages are never sent
 * at once. `childCount` says whether the node can open; `ancestorIds` (root first, within the
 * caller's scope) lets a search hit be opened down to.
 */
export const orgLazyNodeSchema = orgUnitSchema.extend({ childCount: z.number().int(), ancestorIds: z.array(z.uuid()) });
export type OrgLazyNode = z.infer<typeof orgLazyNodeSchema>;
export const orgChildrenQuerySchema = z.strictObject({ parentId: z.uuid().optional() });
export const orgTreeSearchQuerySchema = z.strictObject({ q: z.string().trim().min(1).max(60) });
/** At most `orgTreeSearchLimit` hits; `more` when there were others (the user types more). */
export const orgTreeSearchLimit = 50;
export const orgTreeSearchSchema = z.object({ items: z.array(orgLazyNodeSchema), more: z.boolean() });
export type OrgTreeSearch = z.infer<typeof orgTreeSearchSchema>;

const nameSchema = z.string().trim().min(1).max(60);

export const orgUnitCreateSchema = z.strictObject({
  parentId: z.uuid(),
  kind: orgKindSchema,
  name: nameSchema,
  code: orgCodeSchema,
  partyOrgType: partyOrgTypeSchema,
  partyOrgName: nameSchema,
  sortOrder: z.number().int().min(0).max(9999).optional(),
});
export type OrgUnitCreate = z.infer<typeof orgUnitCreateSchema>;

export const orgUnitUpdateSchema = z.strictObject({
  name: nameSchema.optional(),
  code: orgCodeSchema.optional(),
  kind: orgKindSchema.optional(),
  partyOrgType: partyOrgTypeSchema.optional(),
  partyOrgName: nameSchema.optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
});
export type OrgUnitUpdate = z.infer<typeof orgUnitUpdateSchema>;

export const orgUnitMoveSchema = z.strictObject({ parentId: z.uuid() });

export const orgUnitListQuerySchema = openPageQuerySchema.extend({
  level: orgLevelSchema.optional(),
  parentId: z.uuid().optional(),
  q: z.string().trim().max(60).optional(),
  active: queryBooleanSchema.optional(),
});
export type OrgUnitListQuery = z.infer<typeof orgUnitListQuerySchema>;
