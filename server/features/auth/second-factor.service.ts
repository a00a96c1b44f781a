// TOTP enrolment, the login's second step and re-authentication (SECURITY.md items 5 and 8).
import QRCode from 'qrcode';
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { attemptAllowed } from './auth.js';
import {
  acceptTotpStep,
  clearThrottle,
  completeSecondFactor,
  consumeRecoveryCode,
  enableTotp,
  lockIfReached,
  reserveLoginAttempt,
  selectUserById,
  setPendingTotpSecret,
  setSessionReauth,
} from './auth.queries.js';
import { proveOwnPassword } from './auth.service.js';
import { matchTotp, newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, totpUri } from './totp.js';

type Proof = { code: string } | { recoveryCode: string };

async function ownUser(ctx: Ctx) {
  const user = await selectUserById(ctx.db, ctx.principal.countyId, ctx.principal.userId);
  if (!user) throw new AppError('auth.required');
  return user;
}

// Recovery codes are high-entropy, so a keyed digest (HMAC) is enough and keeps them unusable in a dump.
const recoveryDigest = (ctx: Ctx, code: string) => ctx.crypto.digest(`totp-recovery:${normalizeRecoveryCode(code)}`);

export async function startTotpEnrolment(ctx: Ctx) {
  const user = await ownUser(ctx);
  if (user.totpEnabledAt) throw new AppError('auth.totp_already_enrolled');
  const secret = newTotpSecret();
  await setPendingTotpSecret(ctx.db, user.countyId, user.id, ctx.crypto.encrypt(secret));
  const uri = totpUri(secret, user.username);
  return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 240 }) };
}

/** The first good code proves the app holds the secret; the recovery codes are shown this once. */
export async function confirmTotpEnrolment(ctx: Ctx, code: string) {
  const user = await ownUser(ctx);
  if (user.totpEnabledAt) throw new AppError('auth.totp_already_enrolled');
  if (!user.totpPendingSecret) throw new AppError('auth.totp_enrol_not_started');
  const secret = ctx.crypto.decrypt(user.totpPendingSecret);
  const step = matchTotp(secret, code, ctx.now());
  if (step === null) throw new AppError('auth.totp_invalid');
  const recoveryCodes = newRecoveryCodes();
  await inTransaction(ctx, async (tx) => {
    await enableTotp(tx.db, user.countyId, user.id, ctx.crypto.encrypt(secret), ctx.now(), step, recoveryCodes.map((c) => recoveryDigest(ctx, c)));
    await setSessionReauth(tx.db, ctx.principal.countyId, ctx.principal.sessionId, ctx.now());
    await recordAudit(tx, { event: 'auth.totp_enrol', objectType: 'user', objectId: user.id });
  });
  return { recoveryCodes };
}

/**
 * Checks a TOTP code (each time step once) or uses up one recovery code. Failures count toward
 * the account's lockout like wrong passwords, so six digits cannot be walked through.
 */
async function proveSecondFactor(ctx: Ctx, proof: Proof): Promise<{ recoveryCodesLeft?: number }> {
  const user = await ownUser(ctx);
  if (!user.totpSecret) throw new AppError('auth.totp_not_enrolled');
  const now = ctx.now();
  if (!attemptAllowed(await reserveLoginAttempt(ctx.db, user.username, now), now)) throw new AppError('auth.locked');
  let ok = false;
  let recoveryCodesLeft: number | undefined;
  if ('code' in proof) {
    const step = matchTotp(ctx.crypto.decrypt(user.totpSecret), proof.code, now);
    ok = step !== null && (await acceptTotpStep(ctx.db, user.countyId, user.id, step));
  } else {
    const left = await consumeRecoveryCode(ctx.db, user.countyId, user.id, recoveryDigest(ctx, proof.recoveryCode));
    ok = left !== null;
    recoveryCodesLeft = left ?? undefined;
  }
  if (!ok) {
    await inTransaction(ctx, async (tx) => {
      const lockedUntil = await lockIfReached(tx.db, user.username, now);
      await recordAudit(tx, { event: 'auth.second_factor_failed', outcome: 'failure', objectType: 'user', objectId: user.id });
      if (lockedUntil) await recordAudit(tx, { event: 'auth.lockout', after: { lockedUntil } });
    });
    throw new AppError('auth.totp_invalid');
  }
  await clearThrottle(ctx.db, user.username);
  return { recoveryCodesLeft };
}

/** The login's second step. */
export async function completeLogin(ctx: Ctx, proof: Proof) {
  const { recoveryCodesLeft } = await proveSecondFactor(ctx, proof);
  await inTransaction(ctx, async (tx) => {
    await completeSecondFactor(tx.db, ctx.principal.countyId, ctx.principal.sessionId, ctx.now());
    await recordAudit(tx, {
      event: 'auth.second_factor',
      objectType: 'user',
      objectId: ctx.principal.userId,
      after: recoveryCodesLeft === undefined ? { method: 'totp' } : { method: 'recovery_code', recoveryCodesLeft },
    });
  });
  return { recoveryCodesLeft: recoveryCodesLeft ?? null };
}

/** Proves the user again (password, or TOTP once enrolled) before a sensitive action. */
export async function reauthenticate(ctx: Ctx, proof: { password: string } | { code: string }) {
  if ('password' in proof) await proveOwnPassword(ctx, proof.password);
  else await proveSecondFactor(ctx, proof);
  await inTransaction(ctx, async (tx) => {
    await setSessionReauth(tx.db, ctx.principal.countyId, ctx.principal.sessionId, ctx.now());
    await recordAudit(tx, { event: 'auth.reauth', objectType: 'user', objectId: ctx.principal.userId, after: { method: 'password' in proof ? 'password' : 'totp' } });
  });
}
