// Resolves the caller's field-work scope; a city leader's needs their person and pairings.
import type { Ctx } from '../../context.js';
import type { Permission } from '../../../shared/roles.js';
import { chinaDate } from '../../../shared/dates.js';
import { AppError } from '../../../shared/errors.js';
import { scopePaths } from '../auth/principal.js';
import { selectOrgUnit } from '../orgs/orgs.queries.js';
import { fieldScopeOf, needsLeaderPairings, type FieldScope } from './field-scope.js';
import { selectLeaderVillagePaths, selectUserPersonId } from './pairing.queries.js';

export async function fieldScope(ctx: Ctx, permission: Permission): Promise<FieldScope> {
  if (!needsLeaderPairings(ctx.principal, permission)) return fieldScopeOf(ctx.principal, permission, null);
  const countyId = ctx.principal.countyId;
  const personId = await selectUserPersonId(ctx.db, countyId, ctx.principal.userId);
  const pairedPaths = personId ? await selectLeaderVillagePaths(ctx.db, countyId, personId) : [];
  return fieldScopeOf(ctx.principal, permission, { personId, pairedPaths });
}

export const todayOf = (ctx: Pick<Ctx, 'now'>) => chinaDate(ctx.now());

/** A filter unit must be one the caller can see in the org tree; else it does not exist for them. */
export async function filterPathOf(ctx: Ctx, orgUnitId: string | undefined): Promise<string | undefined> {
  if (!orgUnitId) return undefined;
  const unit = await selectOrgUnit(ctx.db, ctx.principal.countyId, scopePaths(ctx.principal, 'org:read'), orgUnitId);
  if (!unit) throw new AppError('org.not_found');
  return unit.path;
}

/** The village a new row belongs to: inside the write scope, and a village. */
export async function villageInScope(ctx: Ctx, scope: FieldScope, villageId: string) {
  const unit = await selectOrgUnit(ctx.db, ctx.principal.countyId, scope.paths, villageId);
  if (!unit) throw new AppError('org.not_found');
  if (unit.level !== 'village') throw new AppError('fieldwork.village_required');
  return unit;
}

/** Work is recorded after it happened: a date after today is a typing slip. */
export function assertNotFuture(ctx: Pick<Ctx, 'now'>, ...days: (string | null | undefined)[]): void {
  const today = todayOf(ctx);
  if (days.some((d) => d && d > today)) throw new AppError('fieldwork.future_date');
}
