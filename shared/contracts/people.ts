import { z } from 'zod';
import { dateStringSchema, openPageQuerySchema, queryBooleanSchema } from './common.js';

export const positionTitles = [
  '书记',
  '副书记',
  '主任',
  '副主任',
  '两委委员',
  '驻村第一书记',
  '驻村干部',
  '致富带头人',
  '土专家',
  '田秀才',
  '市级领导',
  '镇级领导',
  '部门人员',
  '纪检专员',
  '信访专员',
] as const;
export const positionTitleSchema = z.enum(positionTitles);
export type PositionTitle = z.infer<typeof positionTitleSchema>;

export const genderSchema = z.enum(['男', '女']);

export const positionSchema = z.object({
  id: z.uuid(),
  title: positionTitleSchema,
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  startDate: dateStringSchema,
  endDate: dateStringSchema.nullable(),
});
export type Position = z.infer<typeof positionSchema>;

export const personSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  name: z.string(),
  gender: genderSchema,
  birthYear: z.number().int().nullable(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  partyMember: z.boolean(),
  positions: z.array(positionSchema),
});
export type Person = z.infer<typeof personSchema>;

export const positionInputSchema = z.strictObject({
  title: positionTitleSchema,
  orgUnitId: z.uuid().optional(),
  startDate: dateStringSchema,
  endDate: dateStringSchema.nullable().optional(),
});
export type PositionInput = z.infer<typeof positionInputSchema>;

const idNumberSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^\d{17}[\dX]$/, '身份证号应为 18 位'));
const phoneSchema = z.string().trim().regex(/^1[3-9]\d{9}$/, '手机号应为 11 位');

export const personCreateSchema = z.strictObject({
  orgUnitId: z.uuid(),
  name: z.string().trim().min(1).max(40),
  gender: genderSchema,
  birthYear: z.number().int().min(1920).max(2020).nullable().optional(),
  idNumber: idNumberSchema.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  partyMember: z.boolean(),
  positions: z.array(positionInputSchema).max(20).default([]),
});
export type PersonCreate = z.infer<typeof personCreateSchema>;

export const personUpdateSchema = personCreateSchema.partial().strict();
export type PersonUpdate = z.infer<typeof personUpdateSchema>;

export const personListQuerySchema = openPageQuerySchema.extend({
  q: z.string().trim().max(40).optional(),
  orgUnitId: z.uuid().optional(),
  title: positionTitleSchema.optional(),
  partyMember: queryBooleanSchema.optional(),
});
export type PersonListQuery = z.infer<typeof personListQuerySchema>;

/** Unmasked contact details, shown only on an explicit, audited request. */
export const personSensitiveSchema = z.object({
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
});
