// Sealing and verifying a campaign's decided records. Every use case that writes a sealed row
// calls sealRows for exactly the rows it wrote, inside its own transaction; nothing reseals in
// bulk, so a row edited outside the application stays caught even after later saves.
import { createHash } from 'node:crypto';
import type { Ctx } from '../../../context.js';
import { AppError } from '../../../../shared/errors.js';
import { selectAllOrgUnits } from '../../orgs/orgs.queries.js';
import { campaignStandard, findCampaign } from '../../campaigns/campaigns.service.js';
import { checkSeals, deletedFieldLabel, emptyXor, fullKey, rootMac, sealDigest, sealKindLabels, sealProblemLabels, xorHex, type SealFailure, type SealKind, type SealedField, type StoredSeal } from './seal.js';
import { loadArenaFields, loadCorrectionFields, loadNoticeFields, loadResultFields, loadScoreFields, loadTownScoreFields, resultFieldsOf, type ResultSealColumns } from './seal-sources.queries.js';
import { deleteSeals, lockRoot, saveRoot, selectRoot, selectSeals, sealsFingerprint, upsertSeals } from './seals.queries.js';
import { handleCache } from '../../../db/handle-cache.js';

type Filter = { villageIds?: readonly string[]; townIds?: readonly string[] };
/** What sealing needs: the database, the key, the clock and the county (the demo loader has no caller). */
export type SealCtx = Pick<Ctx, 'db' | 'crypto' | 'now'> & { principal: Pick<Ctx['principal'], 'countyId'> };
const allKinds: SealKind[] = ['score', 'arena', 'town_score', 'result', 'correction', 'notice'];

function loadFields(ctx: SealCtx, campaignId: string, kind: SealKind, f: Filter, indicatorName: (id: string) => string = (id) => id): Promise<SealedField[]> {
  const { db } = ctx;
  const countyId = ctx.principal.countyId;
  switch (kind) {
    case 'score':
      return loadScoreFields(db, countyId, campaignId, f, indicatorName);
    case 'arena':
      return loadArenaFields(db, countyId, campaignId, f);
    case 'town_score':
      return loadTownScoreFields(db, countyId, campaignId, f);
    case 'result':
      return loadResultFields(db, countyId, campaignId, f);
    case 'correction':
      return loadCorrectionFields(db, countyId, campaignId, f);
    case 'notice':
      return loadNoticeFields(db, countyId, campaignId, f);
  }
}

/**
 * Seals the rows (by row key) of one kind as they are now in the transaction; a row key whose
 * row is gone loses its seals. `filter` narrows the read to the villages or towns concerned.
 */
export async function sealRows(tx: SealCtx, campaignId: string, kind: SealKind, rowKeys: readonly string[], filter: Filter): Promise<void> {
  if (rowKeys.length === 0) return;
  const countyId = tx.principal.countyId;
  const wanted = new Set(rowKeys);
  const root = await lockRoot(tx.db, countyId, campaignId);
  const fields = (await loadFields(tx, campaignId, kind, filter)).filter((f) => wanted.has(f.rowKey));
  const old = (await selectSeals(tx.db, countyId, campaignId, rowKeys, kind)).filter((s) => wanted.has(s.rowKey.slice(0, s.rowKey.lastIndexOf('#'))));
  const now = tx.now();
  const sealed = fields.map((f) => ({ countyId, campaignId, kind, rowKey: fullKey(f), digest: sealDigest(tx.crypto.digest, campaignId, f), sealedAt: now }));
  // A field sealed with the same digest already stays as it is (a recomputation rewrites every
  // row, mostly with the same values): its XOR would cancel out and its write changes nothing.
  const before = new Map(old.map((s) => [s.rowKey, s.digest]));
  const fresh = sealed.filter((s) => before.get(s.rowKey) !== s.digest);
  const kept = new Set(sealed.map((s) => s.rowKey));
  const changed = new Set(fresh.map((s) => s.rowKey));
  let xor = root?.xorDigest ?? emptyXor;
  for (const s of old) if (changed.has(s.rowKey) || !kept.has(s.rowKey)) xor = xorHex(xor, s.digest);
  for (const s of fresh) xor = xorHex(xor, s.digest);
  await deleteSeals(tx.db, countyId, campaignId, old.filter((s) => !kept.has(s.rowKey)).map((s) => s.rowKey));
  await upsertSeals(tx.db, fresh);
  const rowCount = (root?.rowCount ?? 0) - old.length + sealed.length;
  await saveRoot(tx.db, { countyId, campaignId, rowCount, xorDigest: xor, mac: rootMac(tx.crypto.digest, campaignId, rowCount, xor), updatedAt: now });
}

/**
 * Before a use case builds on sealed rows (a recomputation keeps overrides, a correction re-ranks
 * every village), they must be as sealed: an edited or deleted row refuses the step (409) so
 * that a later save never seals over a tampered value.
 */
export async function assertSealed(tx: SealCtx, campaignId: string, kind: SealKind, filter: Filter): Promise<void> {
  const countyId = tx.principal.countyId;
  const fields = await loadFields(tx, campaignId, kind, filter);
  const seals = await selectSeals(tx.db, countyId, campaignId, undefined, kind);
  const inScope = filter.villageIds ? seals.filter((s) => filter.villageIds?.some((v) => s.rowKey.includes(v))) : seals;
  const { failures } = checkSeals(tx.crypto.digest, campaignId, fields, inScope, null);
  const broken = failures.filter((f) => f.problem !== 'unsealed');
  if (broken.length) {
    const text = (await describeFailures(tx, broken)).map((f) => f.text).join('；');
    throw new AppError('seal.broken', { text, failures: broken });
  }
}

export type VerifiedFailure = SealFailure & { villageName: string | null; townName: string | null; kindLabel: string; problemLabel: string; text: string };
export type CampaignVerification = { campaignId: string; year: number; name: string; checked: number; rootIntact: boolean; failures: VerifiedFailure[]; ok: boolean };

async function describeFailures(ctx: SealCtx, failures: SealFailure[], indicatorName: (id: string) => string = (id) => id): Promise<VerifiedFailure[]> {
  const units = new Map((await selectAllOrgUnits(ctx.db, ctx.principal.countyId, ['/'])).map((u) => [u.id, u]));
  return failures.map((gone) => {
    const f = gone.problem === 'deleted' ? { ...gone, fieldLabel: deletedFieldLabel(gone.kind, gone.rowKey, gone.field, indicatorName) } : gone;
    const village = f.villageId ? units.get(f.villageId) : undefined;
    const town = f.townId ? units.get(f.townId) : village?.parentId ? units.get(village.parentId) : undefined;
    const where = village ? `${town?.name ?? ''}${village.name}` : (town?.name ?? '（未知单位）');
    return {
      ...f,
      villageName: village?.name ?? null,
      townName: town?.name ?? null,
      kindLabel: sealKindLabels[f.kind],
      problemLabel: sealProblemLabels[f.problem],
      text: `${where} ${sealKindLabels[f.kind]}“${f.fieldLabel}”${sealProblemLabels[f.problem]}`,
    };
  });
}

/** Checks every sealed row of a campaign: scores → results → notices, and the root. */
export async function verifyCampaign(ctx: Ctx, campaignId: string): Promise<CampaignVerification> {
  const campaign = await findCampaign(ctx, campaignId);
  const standard = await campaignStandard(ctx, campaign);
  const names = new Map(standard.dimensions.flatMap((d) => d.indicators.map((i) => [i.id, i.name] as const)));
  const fields = (await Promise.all(allKinds.map((k) => loadFields(ctx, campaignId, k, {}, (id) => names.get(id) ?? id)))).flat();
  const seals = await selectSeals(ctx.db, ctx.principal.countyId, campaignId);
  const root = await selectRoot(ctx.db, ctx.principal.countyId, campaignId);
  const checked = checkSeals(ctx.crypto.digest, campaignId, fields, seals, root);
  const failures = await describeFailures(ctx, checked.failures, (id) => names.get(id) ?? id);
  return { campaignId, year: campaign.year, name: campaign.name, checked: checked.checked, rootIntact: checked.rootIntact, failures, ok: checked.rootIntact && failures.length === 0 };
}

/**
 * The first sealing of a campaign's existing rows (the demo city, or data written before seals
 * existed). Refused once the campaign has a root: sealing again would bless any edit made since.
 */
export async function sealExistingCampaign(ctx: SealCtx, campaignId: string): Promise<number> {
  const countyId = ctx.principal.countyId;
  if (await lockRoot(ctx.db, countyId, campaignId)) throw new AppError('seal.already_sealed');
  const fields = (await Promise.all(allKinds.map((k) => loadFields(ctx, campaignId, k, {})))).flat();
  const now = ctx.now();
  const rows = fields.map((f) => ({ countyId, campaignId, kind: f.kind, rowKey: fullKey(f), digest: sealDigest(ctx.crypto.digest, campaignId, f), sealedAt: now }));
  await upsertSeals(ctx.db, rows);
  const xor = rows.reduce((acc, r) => xorHex(acc, r.digest), emptyXor);
  await saveRoot(ctx.db, { countyId, campaignId, rowCount: rows.length, xorDigest: xor, mac: rootMac(ctx.crypto.digest, campaignId, rows.length, xor), updatedAt: now });
  return rows.length;
}

/** The villages of a campaign whose result row fails its seal: the public notice leaves them out. */
export async function villagesFailingSeal(ctx: SealCtx, campaignId: string): Promise<Set<string>> {
  const fields = await loadFields(ctx, campaignId, 'result', {});
  const seals = await selectSeals(ctx.db, ctx.principal.countyId, campaignId, undefined, 'result');
  const { failures } = checkSeals(ctx.crypto.digest, campaignId, fields, seals, null);
  return new Set(failures.map((f) => f.villageId).filter((v): v is string => v !== null));
}

type RowsCheck = { fingerprint: string; crypto: SealCtx['crypto']; failing: ReadonlySet<string> };
const rowChecksOf = handleCache<RowsCheck>(256);

/**
 * The villages among result rows already read whose seal fails, for a page read on every request
 * (the public notice). `sealsFp` is the fingerprint of the campaign's result seals, read in the
 * same statement as the rows (sealsFingerprintSql). The HMACs are computed again only when what
 * they would check differs from the last check of this campaign: the cache key is a hash of the
 * rows' sealed values and of the seals themselves, so any edit of a row or a seal, through the
 * application or by hand in the database, is a miss and is checked as on the first read.
 */
export async function resultRowsFailingSeal(ctx: SealCtx, campaignId: string, rows: readonly ResultSealColumns[], sealsFp: string): Promise<ReadonlySet<string>> {
  if (rows.length === 0) return new Set();
  const fields = resultFieldsOf(rows);
  const rowsFp = createHash('sha256').update(JSON.stringify(fields.map((f) => [fullKey(f), f.value]))).digest('hex');
  const fingerprint = `${sealsFp}/${rowsFp}`;
  const key = `${ctx.principal.countyId}/${campaignId}`;
  const cache = rowChecksOf(ctx.db);
  const hit = cache.get(key);
  if (hit && hit.fingerprint === fingerprint && hit.crypto === ctx.crypto) return hit.failing;
  const seals = await selectSeals(ctx.db, ctx.principal.countyId, campaignId, undefined, 'result');
  const { failures } = checkSeals(ctx.crypto.digest, campaignId, fields, seals, null);
  const failing: ReadonlySet<string> = new Set(failures.map((f) => f.villageId).filter((v): v is string => v !== null));
  // Kept only when the seals just checked are those fingerprinted with the rows (no write between
  // the two reads); otherwise this answer stands for this request alone.
  if (sealsFingerprint(seals) === sealsFp) cache.set(key, { fingerprint, crypto: ctx.crypto, failing });
  return failing;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const villageOfKey = (rowKey: string) => rowKey.slice(rowKey.indexOf('/') + 1, rowKey.indexOf('#'));

function byVillage<T>(items: readonly T[], villageOf: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const v = villageOf(t);
    const list = out.get(v);
    if (list) list.push(t);
    else out.set(v, [t]);
  }
  return out;
}

/**
 * assertSealed for result rows and seals already read (生成定星建议 reads them in pieces): the
 * HMACs in chunks of villages with the event loop let through between them.
 */
export async function assertResultsSealed(ctx: SealCtx, campaignId: string, rows: readonly ResultSealColumns[], seals: readonly StoredSeal[], chunk = 500): Promise<void> {
  const sealsOf = byVillage(seals, (s) => villageOfKey(s.rowKey));
  const rowsOf = byVillage(rows, (r) => r.villageId);
  const villages = [...new Set([...rowsOf.keys(), ...sealsOf.keys()])];
  const broken: SealFailure[] = [];
  for (let i = 0; i < villages.length; i += chunk) {
    const ids = villages.slice(i, i + chunk);
    const fields = resultFieldsOf(ids.flatMap((id) => rowsOf.get(id) ?? []));
    const { failures } = checkSeals(ctx.crypto.digest, campaignId, fields, ids.flatMap((id) => sealsOf.get(id) ?? []), null);
    broken.push(...failures.filter((f) => f.problem !== 'unsealed'));
    await yieldToLoop();
  }
  if (broken.length) throw new AppError('seal.broken', { text: (await describeFailures(ctx, broken)).map((f) => f.text).join('；'), failures: broken });
}

/** What sealRows would write for a kind's rows, worked out before the transaction that writes them. */
export type SealPlan = { kind: SealKind; fresh: { rowKey: string; digest: string }[]; gone: string[]; xorDelta: string; countDelta: number };

/**
 * Plans sealing the result rows `rows` (all of the campaign's, as they will be) against the
 * campaign's result seals `old` (all of them, as read): fields whose digest is unchanged stay,
 * seals of rows no longer there go. HMACs in chunks with the event loop let through.
 */
export async function planResultSeals(ctx: SealCtx, campaignId: string, rows: readonly ResultSealColumns[], old: readonly StoredSeal[], chunk = 500): Promise<SealPlan> {
  const before = new Map(old.map((s) => [s.rowKey, s.digest]));
  const fresh: SealPlan['fresh'] = [];
  const kept = new Set<string>();
  let xor = emptyXor;
  for (let i = 0; i < rows.length; i += chunk) {
    for (const f of resultFieldsOf(rows.slice(i, i + chunk))) {
      const rowKey = fullKey(f);
      const digest = sealDigest(ctx.crypto.digest, campaignId, f);
      kept.add(rowKey);
      const was = before.get(rowKey);
      if (was === digest) continue;
      if (was !== undefined) xor = xorHex(xor, was);
      xor = xorHex(xor, digest);
      fresh.push({ rowKey, digest });
    }
    await yieldToLoop();
  }
  const gone = old.filter((s) => !kept.has(s.rowKey));
  for (const s of gone) xor = xorHex(xor, s.digest);
  return { kind: 'result', fresh, gone: gone.map((s) => s.rowKey), xorDelta: xor, countDelta: kept.size - old.length };
}

/** Writes a plan in the caller's transaction, on the root as it is now (other kinds may have moved it). */
export async function applySealPlan(tx: SealCtx, campaignId: string, plan: SealPlan): Promise<void> {
  const countyId = tx.principal.countyId;
  const root = await lockRoot(tx.db, countyId, campaignId);
  const now = tx.now();
  await deleteSeals(tx.db, countyId, campaignId, plan.gone);
  await upsertSeals(tx.db, plan.fresh.map((s) => ({ countyId, campaignId, kind: plan.kind, rowKey: s.rowKey, digest: s.digest, sealedAt: now })));
  const xor = xorHex(root?.xorDigest ?? emptyXor, plan.xorDelta);
  const rowCount = (root?.rowCount ?? 0) + plan.countDelta;
  await saveRoot(tx.db, { countyId, campaignId, rowCount, xorDigest: xor, mac: rootMac(tx.crypto.digest, campaignId, rowCount, xor), updatedAt: now });
}
