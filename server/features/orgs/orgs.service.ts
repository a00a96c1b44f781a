import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { onUniqueViolation } from '../../db/errors.js';
import { AppError } from '../../../shared/errors.js';
import type { OrgUnit, OrgUnitCreate, OrgUnitListQuery, OrgUnitUpdate } from '../../../shared/contracts/org-units.js';
import { recordAudit } from '../audit/audit.service.js';
import { updateFieldworkPaths } from '../pairing/fieldwork-paths.queries.js';
import { updateEvaluationPaths } from '../evaluation/evaluation.paths.queries.js';
import { buildForest, childPath, isValidParent, levelOfKind, orgSnapshot, presentOrgUnit, type OrgRow } from './orgs.js';
import { orgReadScope, orgWriteScope } from './orgs.policy.js';
import {
  countActiveChildren,
  insertOrgUnit,
  listOrgUnits,
  selectAllOrgUnits,
  selectOrgUnit,
  selectOrgUnitByCode,
  updateOrgUnit,
  updatePeoplePaths,
} from './orgs.queries.js';

export async function listUnits(ctx: Ctx, query: OrgUnitListQuery) {
  const page = await listOrgUnits(ctx.db, ctx.principal.countyId, orgReadScope(ctx.principal), query);
  return { ...page, items: page.items.map(presentOrgUnit) };
}

export async function getOrgTree(ctx: Ctx) {
  return buildForest(await selectAllOrgUnits(ctx.db, ctx.principal.countyId, orgReadScope(ctx.principal)));
}

export async function getUnit(ctx: Ctx, id: string): Promise<OrgUnit> {
  return presentOrgUnit(await findUnit(ctx, orgReadScope(ctx.principal), id));
}

/** A unit outside the caller's subtree does not exist for the caller: 404, never 403. */
async function findUnit(ctx: Ctx, scope: readonly string[], id: string): Promise<OrgRow> {
  const row = await selectOrgUnit(ctx.db, ctx.principal.countyId, scope, id);
  if (!row) throw new AppError('org.not_found');
  return row;
}

export async function createUnit(ctx: Ctx, input: OrgUnitCreate): Promise<OrgUnit> {
  return inTransaction(ctx, async (tx) => {
    const parent = await findUnit(tx, orgWriteScope(ctx.principal), input.parentId);
    if (!parent.active) throw new AppError('org.inactive');
    if (!isValidParent(parent.level, input.kind)) throw new AppError('org.invalid_parent');
    if (await selectOrgUnitByCode(tx.db, ctx.principal.countyId, input.code)) throw new AppError('org.duplicate_code');
    const id = randomUUID();
    const row = {
      id,
      countyId: ctx.principal.countyId,
      parentId: parent.id,
      level: levelOfKind(input.kind),
      kind: input.kind,
      name: input.name,
      code: input.code,
      path: childPath(parent.path, id),
      partyOrgType: input.partyOrgType,
      partyOrgName: input.partyOrgName,
      sortOrder: input.sortOrder ?? 0,
      active: true,
    };
    await onUniqueViolation(insertOrgUnit(tx.db, row), 'org.duplicate_code');
    await recordAudit(tx, { event: 'org.create', objectType: 'org_unit', objectId: id, after: orgSnapshot(row) });
    return presentOrgUnit({ ...row, parentName: parent.name });
  });
}

export async function updateUnit(ctx: Ctx, id: string, input: OrgUnitUpdate): Promise<OrgUnit> {
  return inTransaction(ctx, async (tx) => {
    const before = await findUnit(tx, orgWriteScope(ctx.principal), id);
    if (input.kind && levelOfKind(input.kind) !== before.level) throw new AppError('org.invalid_parent');
    if (input.code && input.code !== before.code && (await selectOrgUnitByCode(tx.db, ctx.principal.countyId, input.code))) {
      throw new AppError('org.duplicate_code');
    }
    const after = { ...before, ...input };
    await onUniqueViolation(updateOrgUnit(tx.db, ctx.principal.countyId, id, { ...input, updatedAt: ctx.now() }), 'org.duplicate_code');
    await recordAudit(tx, { event: 'org.update', objectType: 'org_unit', objectId: id, before: orgSnapshot(before), after: orgSnapshot(after) });
    return presentOrgUnit(after);
  });
}

export async function moveVillage(ctx: Ctx, id: string, parentId: string): Promise<OrgUnit> {
  return inTransaction(ctx, async (tx) => {
    const scope = orgWriteScope(ctx.principal);
    const unit = await findUnit(tx, scope, id);
    if (unit.level !== 'village') throw new AppError('org.only_villages_move');
    const target = await findUnit(tx, scope, parentId);
    if (target.level !== 'town') throw new AppError('org.invalid_parent');
    if (!target.active) throw new AppError('org.inactive');
    const path = childPath(target.path, unit.id);
    await updateOrgUnit(tx.db, ctx.principal.countyId, id, { parentId: target.id, path, updatedAt: ctx.now() });
    await updatePeoplePaths(tx.db, ctx.principal.countyId, id, path);
    await updateFieldworkPaths(tx.db, ctx.principal.countyId, id, path);
    await updateEvaluationPaths(tx.db, ctx.principal.countyId, id, path);
    await recordAudit(tx, {
      event: 'org.move',
      objectType: 'org_unit',
      objectId: id,
      before: { parentId: unit.parentId, parentName: unit.parentName },
      after: { parentId: target.id, parentName: target.name },
    });
    return presentOrgUnit({ ...unit, parentId: target.id, parentName: target.name, path });
  });
}

/** Units are never deleted: history (people, scores, stars) keeps pointing at them. */
export async function setUnitActive(ctx: Ctx, id: string, active: boolean): Promise<OrgUnit> {
  return inTransaction(ctx, async (tx) => {
    const unit = await findUnit(tx, orgWriteScope(ctx.principal), id);
    if (unit.active === active) return presentOrgUnit(unit);
    if (!active && (await countActiveChildren(tx.db, ctx.principal.countyId, id)) > 0) {
      throw new AppError('org.has_active_children');
    }
    if (active && unit.parentId) {
      const parent = await selectOrgUnit(tx.db, ctx.principal.countyId, [`/`], unit.parentId);
      if (parent && !parent.active) throw new AppError('org.inactive');
    }
    await updateOrgUnit(tx.db, ctx.principal.countyId, id, { active, updatedAt: ctx.now() });
    await recordAudit(tx, {
      event: active ? 'org.activate' : 'org.deactivate',
      objectType: 'org_unit',
      objectId: id,
      before: { active: unit.active },
      after: { active },
    });
    return presentOrgUnit({ ...unit, active });
  });
}
