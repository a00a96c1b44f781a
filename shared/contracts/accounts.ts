import { z } from 'zod';
import { openPageQuerySchema } from './common.js';
import { roles } from '../roles.js';

export const roleSchema = z.enum(roles);

export const roleGrantSchema = z.object({
  role: roleSchema,
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
});
export type RoleGrant = z.infer<typeof roleGrantSchema>;

export const roleGrantInputSchema = z.strictObject({ role: roleSchema, orgUnitId: z.uuid() });

export const accountSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  roles: z.array(roleGrantSchema),
  /** The password was set by someone else (creation or reset) and must be changed at next login. */
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  /** A reset waiting for a second admin's approval. */
  resetRequest: z.object({ by: z.string(), at: z.string() }).nullable(),
  /** Why the system switched the account off ('idle'), if it did. */
  disabledReason: z.string().nullable(),
});
export type Account = z.infer<typeof accountSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名为 3–32 位小写字母、数字、下划线，以字母开头');

export const accountCreateSchema = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(128),
});
export type AccountCreate = z.infer<typeof accountCreateSchema>;

export const accountRolesSchema = z.strictObject({ roles: z.array(roleGrantInputSchema).max(10) });
export type AccountRoles = z.infer<typeof accountRolesSchema>;

/** A reset takes no password: the server issues a one-time one. */
export const passwordResetSchema = z.strictObject({});

export const passwordResetResultSchema = z.object({
  /** done: the one-time password is here, shown once; pending: waits for a second admin. */
  status: z.enum(['done', 'pending']),
  account: accountSchema,
  oneTimePassword: z.string().nullable(),
});
export type PasswordResetResult = z.infer<typeof passwordResetResultSchema>;

export const resetRequestSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
});

export const accountListQuerySchema = openPageQuerySchema.extend({
  q: z.string().trim().max(40).optional(),
  role: roleSchema.optional(),
});
