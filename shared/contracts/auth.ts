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
  /** What the session owes before it may work: the TOTP code, a new password, or enrolling TOTP. */
  pending: z.enum(['second_factor', 'password_change', 'totp_enrol']).nullable(),
  totpEnabled: z.boolean(),
  totpRequired: z.boolean(),
  /** Who completed the last reset of this password, and when (shown after login). */
  passwordReset: z.object({ by: z.string(), at: z.string() }).nullable(),
});
export type Me = z.infer<typeof meSchema>;

/** The page-load probe: not being logged in is an answer (200), so the browser logs no failed request. */
export const sessionProbeSchema = z.discriminatedUnion('authenticated', [
  z.object({ authenticated: z.literal(false) }),
  z.object({ authenticated: z.literal(true), me: meSchema }),
]);
export type SessionProbe = z.infer<typeof sessionProbeSchema>;

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
  /** Log out every other browser of this account (always, after a reset). */
  endOtherSessions: z.boolean().default(true),
});

const totpCodeSchema = z.string().trim().regex(/^\d{6}$/, '动态验证码为 6 位数字');
const recoveryCodeSchema = z.string().trim().min(10).max(16);

/** The login's second step, or re-authentication: a TOTP code or one recovery code. */
export const secondFactorSchema = z.union([
  z.strictObject({ code: totpCodeSchema }),
  z.strictObject({ recoveryCode: recoveryCodeSchema }),
]);

export const reauthSchema = z.union([
  z.strictObject({ password: z.string().min(1).max(256) }),
  z.strictObject({ code: totpCodeSchema }),
]);

export const totpEnrolmentSchema = z.object({ secret: z.string(), uri: z.string(), qrDataUrl: z.string() });
export const totpConfirmSchema = z.strictObject({ code: totpCodeSchema });
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
