// Pure: the seal of a decided record. Each field of a sealed row (a score entry's points, a
// result's stars, a correction's reason, a published notice's text…) gets an HMAC over its
// canonical value under the key that protects the audit trail; the campaign's root keeps the
// count and XOR of all its seals under one more HMAC, so a row deleted together with its seals
// is caught as well. Verification compares what is stored now with what was sealed.
import { stageLabels } from '../../../../shared/contracts/campaigns.js';

export type SealKind = 'score' | 'arena' | 'town_score' | 'result' | 'correction' | 'notice';

export const sealKindLabels: Record<SealKind, string> = {
  score: '评分',
  arena: '擂台比武评委打分',
  town_score: '镇党委自身得分',
  result: '定星结果',
  correction: '星级更正',
  notice: '村级点评公示',
};

/** One sealed field of one row, as the database holds it now. */
export type SealedField = {
  kind: SealKind;
  rowKey: string;
  field: string;
  /** Canonical text of the value (see canonicalValue). */
  value: string;
  villageId: string | null;
  townId: string | null;
  /** The field in Chinese, e.g. 星级 or 市级考评·村集体经济收入. */
  fieldLabel: string;
};

export const fullKey = (f: Pick<SealedField, 'rowKey' | 'field'>) => `${f.rowKey}#${f.field}`;

/** Same value, same text: numbers of the numeric(8,2) columns with two decimals, dates in ISO, JSON with sorted keys. */
export function canonicalValue(value: unknown, decimals?: number): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'number') return decimals === undefined ? String(value) : value.toFixed(decimals);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return stableJson(value);
  return String(value);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

type Digest = (material: string) => string;

export function sealDigest(digest: Digest, campaignId: string, f: Pick<SealedField, 'kind' | 'rowKey' | 'field' | 'value'>): string {
  return digest(`seal:v1\n${campaignId}\n${f.kind}\n${fullKey(f)}\n${f.value}`);
}

/** XOR of two hex digests of equal length: adding and removing a seal are the same step. */
export function xorHex(a: string, b: string): string {
  const out = Buffer.from(a, 'hex');
  const other = Buffer.from(b, 'hex');
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) ^ (other[i] as number);
  return out.toString('hex');
}

export const emptyXor = '0'.repeat(64);

export function rootMac(digest: Digest, campaignId: string, count: number, xor: string): string {
  return digest(`seal-root:v1\n${campaignId}\n${count}\n${xor}`);
}

export type SealProblem = 'altered' | 'deleted' | 'unsealed';
export const sealProblemLabels: Record<SealProblem, string> = {
  altered: '内容与封存时不一致（被改动）',
  deleted: '封存的记录已不存在（被删除）',
  unsealed: '记录未经系统写入（无封存）',
};

export type SealFailure = { kind: SealKind; rowKey: string; field: string; fieldLabel: string; villageId: string | null; townId: string | null; problem: SealProblem };

export type StoredSeal = { rowKey: string; kind: SealKind; digest: string };
export type StoredRoot = { rowCount: number; xorDigest: string; mac: string } | null;

/** Compares the fields as stored now with their seals and the seals with the campaign's root. */
export function checkSeals(
  digest: Digest,
  campaignId: string,
  fields: readonly SealedField[],
  seals: readonly StoredSeal[],
  root: StoredRoot,
): { failures: SealFailure[]; rootIntact: boolean; checked: number } {
  const sealByKey = new Map(seals.map((s) => [s.rowKey, s]));
  const failures: SealFailure[] = [];
  const seen = new Set<string>();
  for (const f of fields) {
    const key = fullKey(f);
    seen.add(key);
    const seal = sealByKey.get(key);
    const at = { kind: f.kind, rowKey: f.rowKey, field: f.field, fieldLabel: f.fieldLabel, villageId: f.villageId, townId: f.townId };
    if (!seal) failures.push({ ...at, problem: 'unsealed' });
    else if (seal.digest !== sealDigest(digest, campaignId, f)) failures.push({ ...at, problem: 'altered' });
  }
  for (const s of seals) {
    if (seen.has(s.rowKey)) continue;
    const [rowKey, field] = splitKey(s.rowKey);
    failures.push({ kind: s.kind, rowKey, field, fieldLabel: field, villageId: villageOfKey(rowKey), townId: null, problem: 'deleted' });
  }
  const xor = seals.reduce((acc, s) => xorHex(acc, s.digest), emptyXor);
  const rootIntact = seals.length === 0 && root === null ? true : root !== null && root.rowCount === seals.length && root.xorDigest === xor && root.mac === rootMac(digest, campaignId, root.rowCount, root.xorDigest);
  return { failures, rootIntact, checked: fields.length };
}

function splitKey(key: string): [string, string] {
  const i = key.lastIndexOf('#');
  return [key.slice(0, i), key.slice(i + 1)];
}

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
/** Row keys name their village (score/city/<village>/…, result/<village>): a deleted row still says where it was. */
export function villageOfKey(rowKey: string): string | null {
  const [kind, ...rest] = rowKey.split('/');
  if (kind === 'correction' || kind === 'town_score') return null;
  return rest.find((p) => uuid.test(p)) ?? null;
}

// The Chinese names of sealed fields, for a row that is gone and can no longer say them itself.
const goneFieldLabels: Record<string, string> = {
  engineStars: '系统建议星级', stars: '星级', vetoed: '一票否决', overrideReason: '调整理由', confirmedBy: '定星人', rankInCity: '全市排名', rankInTown: '镇内排名',
  phase: '更正阶段', starsBefore: '更正前星级', starsAfter: '更正后星级', reason: '更正理由', correctedBy: '更正人', content: '公示内容', publishedBy: '发布人',
};

/** The field of a deleted row in Chinese, from its row key (score/<stage>/<village>/<indicator>, …). */
export function deletedFieldLabel(kind: SealKind, rowKey: string, field: string, indicatorName: (id: string) => string): string {
  if (kind === 'score') {
    const [, stage, , indicator] = rowKey.split('/');
    const stageLabel = stageLabels[stage as keyof typeof stageLabels] ?? stage;
    return `${stageLabel}·${indicatorName(indicator ?? '')}·${field === 'points' ? '得分' : '评分人'}`;
  }
  if (kind === 'arena') return '擂台比武·评委打分';
  if (kind === 'town_score') return '镇党委自身得分';
  if (kind === 'result' && field === 'score') return '综合得分';
  return goneFieldLabels[field] ?? field;
}
