import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { inTransaction } from '../../db/transaction.js';
import { onUniqueViolation } from '../../db/errors.js';
import { AppError } from '../../../shared/errors.js';
import type { Role } from '../../../shared/roles.js';
import type { Account, AccountCreate, AccountRoles } from '../../../shared/contracts/accounts.js';
import { hashPassword } from '../../security/passwords.js';
import { recordAudit } from '../audit/audit.service.js';
import { clearThrottle, endUserSessions, selectRolesOfUsers, selectThrottles, selectUserByUsername } from '../auth/auth.queries.js';
import { scopePaths } from '../auth/principal.js';
import { selectOrgUnit } from '../orgs/orgs.queries.js';
import { assertRolesSeparated, assertScopeLevel } from './accounts.js';
import { isEvaluator } from './separation.queries.js';
import { assertPasswordAllowed } from '../auth/auth.service.js';
import { insertUser, listUsers, replaceRoleGrants, selectCountyUser, updateUser } from './accounts.queries.js';

type UserRow = NonNullable<Awaited<ReturnType<typeof selectCountyUser>>>;

async function present(db: Db, users: UserRow[], now: Date): Promise<Account[]> {
  // A page of accounts is always one county's.
  const grants = users[0] ? await selectRolesOfUsers(db, users[0].countyId, users.map((u) => u.id)) : [];
  const lockedUntil = await lockedUntilOf(db, users, now);
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    active: u.active,
    lockedUntil: lockedUntil.get(u.username) ?? null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    roles: grants.filter((g) => g.userId === u.id).map((g) => ({ role: g.role as Role, orgUnitId: g.orgUnitId, orgUnitName: g.orgUnitName })),
    mustChangePassword: u.mustChangePassword,
    totpEnabled: !!u.totpEnabledAt,
    resetRequest: u.resetRequestedByName && u.resetRequestedAt ? { by: u.resetRequestedByName, at: u.resetRequestedAt.toISOString() } : null,
    disabledReason: u.active ? null : u.disabledReason,
  }));
}

async function lockedUntilOf(db: Db, users: UserRow[], now: Date): Promise<Map<string, string>> {
  const rows = await selectThrottles(db, users.map((u) => u.username));
  return new Map(rows.filter((r) => r.lockedUntil && r.lockedUntil > now).map((r) => [r.username, (r.lockedUntil as Date).toISOString()]));
}

export async function listAccounts(ctx: Ctx, q: { q?: string; role?: string; page: number; pageSize: number; count?: boolean }) {
  const page = await listUsers(ctx.db, ctx.principal.countyId, q, q);
  return { ...page, items: await present(ctx.db, page.items, ctx.now()) };
}

export async function findUser(ctx: Ctx, id: string): Promise<UserRow> {
  const user = await selectCountyUser(ctx.db, ctx.principal.countyId, id);
  if (!user) throw new AppError('account.not_found');
  return user;
}

export async function presentOne(ctx: Ctx, id: string): Promise<Account> {
  const [account] = await present(ctx.db, [await findUser(ctx, id)], ctx.now());
  return account as Account;
}

export async function createAccount(ctx: Ctx, input: AccountCreate): Promise<Account> {
  assertPasswordAllowed(ctx, input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    if (await selectUserByUsername(tx.db, input.username)) throw new AppError('account.duplicate_username');
    const id = randomUUID();
    await onUniqueViolation(
      // The administrator chose this password: the owner replaces it at first login.
      insertUser(tx.db, { id, countyId: ctx.principal.countyId, username: input.username, displayName: input.displayName, passwordHash, mustChangePassword: true }),
      'account.duplicate_username',
    );
    await recordAudit(tx, { event: 'account.create', objectType: 'user', objectId: id, after: { username: input.username, displayName: input.displayName } });
    return presentOne(tx, id);
  });
}

/** Role grants are the security administrator's: every change is audited with before and after. */
export async function setAccountRoles(ctx: Ctx, id: string, input: AccountRoles): Promise<Account> {
  if (id === ctx.principal.userId) throw new AppError('account.cannot_change_self');
  assertRolesSeparated(input.roles.map((r) => r.role));
  return inTransaction(ctx, async (tx) => {
    // An inspector decides vetoes: not someone who sits on an evaluation team or panel.
    if (input.roles.some((r) => r.role === 'inspector') && (await isEvaluator(tx.db, ctx.principal.countyId, id))) {
      throw new AppError('account.inspector_conflict');
    }
    const before = await presentOne(tx, id);
    const scope = scopePaths(ctx.principal, 'role:assign');
    for (const grant of input.roles) {
      const unit = await selectOrgUnit(tx.db, ctx.principal.countyId, scope, grant.orgUnitId);
      if (!unit) throw new AppError('org.not_found');
      assertScopeLevel(grant.role, unit.level);
    }
    const unique = [...new Map(input.roles.map((r) => [`${r.role}:${r.orgUnitId}`, r])).values()];
    await replaceRoleGrants(tx.db, ctx.principal.countyId, id, unique);
    // New rights take effect at once; old sessions must not keep the old ones.
    await endUserSessions(tx.db, ctx.principal.countyId, id, ctx.now());
    const after = await presentOne(tx, id);
    await recordAudit(tx, { event: 'role.change', objectType: 'user', objectId: id, before: { roles: before.roles }, after: { roles: after.roles } });
    return after;
  });
}

export async function setAccountActive(ctx: Ctx, id: string, active: boolean): Promise<Account> {
  if (id === ctx.principal.userId) throw new AppError('account.cannot_change_self');
  return inTransaction(ctx, async (tx) => {
    const user = await findUser(tx, id);
    await updateUser(tx.db, ctx.principal.countyId, id, { active });
    if (!active) await endUserSessions(tx.db, ctx.principal.countyId, id, ctx.now());
    await recordAudit(tx, { event: 'account.update', objectType: 'user', objectId: id, before: { active: user.active }, after: { active } });
    return presentOne(tx, id);
  });
}

export async function unlockAccount(ctx: Ctx, id: string): Promise<Account> {
  return inTransaction(ctx, async (tx) => {
    const user = await findUser(tx, id);
    await clearThrottle(tx.db, user.username);
    await recordAudit(tx, { event: 'account.unlock', objectType: 'user', objectId: id });
    return presentOne(tx, id);
  });
}
