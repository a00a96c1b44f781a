// Visit logs of paired leaders: who went where, when, what they found, and photos.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import type { Visit, VisitCreate, VisitListQuery } from '../../../shared/contracts/fieldwork-pairing.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertNotFuture, fieldScope, filterPathOf } from './field-scope.service.js';
import { isActiveOn } from './pairing.js';
import { findPairing } from './pairing.service.js';
import { insertPhoto, insertVisits, listVisits, selectPhoto, selectPhotoIds, selectVisit, type VisitRow } from './visits.queries.js';

export const maxPhotoBytes = 2 * 1024 * 1024;
export const maxPhotosPerVisit = 9;

function presentVisit(row: VisitRow, photoIds: string[]): Visit {
  const { orgPath: _p, townName, kind, ...rest } = row;
  return { ...rest, townName: townName ?? '', kind: kind as Visit['kind'], photoIds };
}

async function withPhotos(ctx: Ctx, rows: VisitRow[]): Promise<Visit[]> {
  const photos = await selectPhotoIds(ctx.db, ctx.principal.countyId, rows.map((r) => r.id));
  return rows.map((r) => presentVisit(r, photos.get(r.id) ?? []));
}

export async function listLeaderVisits(ctx: Ctx, q: VisitListQuery) {
  const scope = await fieldScope(ctx, 'fieldwork:read');
  const underPath = await filterPathOf(ctx, q.orgUnitId);
  const page = await listVisits(ctx.db, ctx.principal.countyId, scope, { year: q.year, leaderId: q.leaderId, underPath, kind: q.kind }, q);
  return { items: await withPhotos(ctx, page.items), total: page.total };
}

export async function getLeaderVisit(ctx: Ctx, id: string, permission: 'fieldwork:read' | 'visit:write' = 'fieldwork:read'): Promise<Visit> {
  const row = await selectVisit(ctx.db, ctx.principal.countyId, await fieldScope(ctx, permission), id);
  if (!row) throw new AppError('visit.not_found');
  const [visit] = await withPhotos(ctx, [row]);
  return visit as Visit;
}

/** A leader records visits to their own pairings; the department may record for any leader. */
export async function recordLeaderVisit(ctx: Ctx, input: VisitCreate): Promise<Visit> {
  assertNotFuture(ctx, input.visitDate);
  return inTransaction(ctx, async (tx) => {
    const pairing = await findPairing(tx, await fieldScope(tx, 'visit:write'), input.pairingId);
    if (!isActiveOn(pairing, input.visitDate)) throw new AppError('visit.outside_pairing');
    const id = randomUUID();
    const row = {
      id,
      countyId: ctx.principal.countyId,
      pairingId: pairing.id,
      leaderId: pairing.leaderId,
      villageId: pairing.villageId,
      orgPath: pairing.orgPath,
      visitDate: input.visitDate,
      kind: input.kind,
      companions: input.companions ?? '',
      findings: input.findings ?? '',
      followUp: input.followUp ?? '',
      recordedBy: ctx.principal.userId,
    };
    await insertVisits(tx.db, [row]);
    await recordAudit(tx, {
      event: 'visit.create',
      objectType: 'leader_visit',
      objectId: id,
      after: { pairingId: pairing.id, leaderId: pairing.leaderId, villageId: pairing.villageId, visitDate: input.visitDate, kind: input.kind },
    });
    return getLeaderVisit(tx, id, 'visit:write');
  });
}

export function photoTypeOf(data: Buffer): 'image/jpeg' | 'image/png' | null {
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length > 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

/** The bytes decide the type, not the name or the declared header. */
export async function addVisitPhoto(ctx: Ctx, visitId: string, data: unknown): Promise<Visit> {
  if (!Buffer.isBuffer(data)) throw new AppError('visit.photo_invalid');
  if (data.length > maxPhotoBytes) throw new AppError('visit.photo_too_large');
  const contentType = photoTypeOf(data);
  if (!contentType) throw new AppError('visit.photo_invalid');
  return inTransaction(ctx, async (tx) => {
    const countyId = ctx.principal.countyId;
    const visit = await selectVisit(tx.db, countyId, await fieldScope(tx, 'visit:write'), visitId);
    if (!visit) throw new AppError('visit.not_found');
    const photos = await selectPhotoIds(tx.db, countyId, [visitId]);
    if ((photos.get(visitId)?.length ?? 0) >= maxPhotosPerVisit) throw new AppError('visit.photo_limit');
    const id = randomUUID();
    await insertPhoto(tx.db, { id, countyId, visitId, orgPath: visit.orgPath, contentType, byteSize: data.length, data });
    await recordAudit(tx, { event: 'visit.photo_add', objectType: 'leader_visit', objectId: visitId, after: { photoId: id, contentType, bytes: data.length } });
    return getLeaderVisit(tx, visitId, 'visit:write');
  });
}

export async function getVisitPhoto(ctx: Ctx, id: string) {
  const photo = await selectPhoto(ctx.db, ctx.principal.countyId, await fieldScope(ctx, 'fieldwork:read'), id);
  if (!photo) throw new AppError('visit.not_found');
  return photo;
}
