import { z } from 'zod';
import { roleSchema } from './accounts.js';
import { orgLevelSchema } from './org-units.js';
import { permissions } from '../roles.js';

export const loginSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const meSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(
    z.object({ role: roleSchema, orgUnitId: z.uuid(), orgUnitName: z.string(), orgLevel: orgLevelSchema }),
  ),
  permissions: z.array(z.enum(permissions)),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
