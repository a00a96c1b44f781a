// The editor keeps one draft document (the standard as JSON) and changes it by path. The forms and
// the JSON tab both read and write this one value, so they never drift apart. Pure helpers only.
import type { StandardError } from '../../../../shared/contracts/standards';
import type { Standard } from '../../../../shared/standards/standard';

export type Path = (string | number)[];
/** A draft may be invalid while the user types; the server validates it. */
export type Draft = Standard;

export function pathKey(path: Path): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

export function getIn(value: unknown, path: Path): unknown {
  let cur = value;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

/** Returns a copy with the value at `path` replaced; `undefined` removes an object key. */
export function setIn<T>(value: T, path: Path, next: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return next as T;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = setIn(copy[head as number], rest, next);
    return copy as T;
  }
  const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const child = rest.length === 0 ? next : setIn(obj[head] ?? (typeof rest[0] === 'number' ? [] : {}), rest, next);
  const copy = { ...obj };
  if (child === undefined) delete copy[head];
  else copy[head] = child;
  return copy as T;
}

export function moveItem<T>(items: T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return items;
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}

export const removeAt = <T>(items: T[], index: number): T[] => items.filter((_, i) => i !== index);

/** Sums with cents so that 0.1 + 0.2 shows as 0.3, as the server checks in hundredths. */
export function sumPoints(values: unknown[]): number {
  return values.reduce<number>((s, v) => s + Math.round((typeof v === 'number' ? v : 0) * 100), 0) / 100;
}

export function indicatorSum(doc: Draft, dimension: number): number {
  return sumPoints((doc.dimensions[dimension]?.indicators ?? []).map((i) => i.maxPoints));
}

export function dimensionSum(doc: Draft): number {
  return sumPoints(doc.dimensions.map((d) => d.maxPoints));
}

/** An id not yet used: the editor fills new rows with one so the draft stays valid. */
export function freshId(prefix: string, used: Iterable<string>): string {
  const taken = new Set(used);
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function usedIds(doc: Draft): string[] {
  return [
    ...doc.dimensions.flatMap((d) => [d.id, ...d.indicators.map((i) => i.id)]),
    ...(doc.bonus?.items ?? []).map((i) => i.id),
    ...(doc.deductions?.items ?? []).map((i) => i.id),
  ];
}

export type NewStandardMeta = { id: string; name: string; version: string; region: string };

/** The smallest valid standard: one dimension, one indicator, Tumen-style weights and bands. */
export function skeletonStandard(meta: NewStandardMeta): Draft {
  return {
    ...meta,
    totalMaxScore: 100,
    stages: [
      { id: 'mutual', name: '摸底互评', weight: 20 },
      { id: 'department', name: '部门点评', weight: 30 },
      { id: 'city', name: '市级考评', weight: 50 },
    ],
    dimensions: [
      {
        id: 'dimension1',
        name: '支部建设',
        maxPoints: 100,
        indicators: [
          { id: 'indicator1', name: '班子队伍建设', kind: 'scored', maxPoints: 100, stages: ['mutual', 'department', 'city'], guidance: '', evidence: [] },
        ],
      },
    ],
    levelScheme: {
      type: 'thresholds',
      thresholds: [
        { stars: 5, minScore: 90 },
        { stars: 4, minScore: 80 },
        { stars: 3, minScore: 70 },
        { stars: 2, minScore: 60 },
      ],
      minStars: 1,
    },
    vetoes: [{ category: 'discipline', name: '违反党规党纪', effect: { type: 'noRating' } }],
    ranking: { keys: [{ key: 'stars' }, { key: 'finalScore' }] },
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isObjArray = (v: unknown) => Array.isArray(v) && v.every(isObj);
const optionalObjArray = (v: unknown) => v === undefined || isObjArray(v);

/**
 * The forms can show a draft whose values are wrong (the server says which), but not one whose
 * skeleton is broken (dimensions not a list, …). JSON typed by hand is checked with this before
 * the forms take it; the answer names what to fix.
 */
export function formShapeProblem(doc: unknown): string | null {
  if (!isObj(doc)) return '文档应为一个 JSON 对象（以 { 开头）';
  if (!isObjArray(doc.stages)) return '“stages”应为列表';
  if (!isObjArray(doc.dimensions)) return '“dimensions”应为列表';
  for (const [i, d] of (doc.dimensions as Record<string, unknown>[]).entries()) {
    if (!isObjArray(d.indicators)) return `“dimensions[${i}].indicators”应为列表`;
    for (const [k, ind] of (d.indicators as Record<string, unknown>[]).entries()) {
      if (ind.kind === 'formula' && !isObj(ind.formula)) return `“dimensions[${i}].indicators[${k}].formula”应为对象`;
      if (ind.kind === 'formula' && !isObj((ind.formula as Record<string, unknown>).mapping)) return `“dimensions[${i}].indicators[${k}].formula.mapping”应为对象`;
      if (ind.evidence !== undefined && !Array.isArray(ind.evidence)) return `“dimensions[${i}].indicators[${k}].evidence”应为列表`;
    }
  }
  if (!isObj(doc.levelScheme)) return '“levelScheme”应为对象';
  const scheme = doc.levelScheme;
  if (scheme.type === 'thresholds' && !isObjArray(scheme.thresholds)) return '“levelScheme.thresholds”应为列表';
  if (scheme.type === 'namedStars' && !isObjArray(scheme.levels)) return '“levelScheme.levels”应为列表';
  if (!isObj(doc.ranking) || !isObjArray(doc.ranking.keys)) return '“ranking.keys”应为列表';
  for (const key of ['figures', 'prerequisites', 'vetoes'] as const) if (!optionalObjArray(doc[key])) return `“${key}”应为列表`;
  for (const [i, v] of ((doc.vetoes ?? []) as Record<string, unknown>[]).entries()) if (!isObj(v.effect)) return `“vetoes[${i}].effect”应为对象`;
  for (const key of ['bonus', 'deductions', 'satisfaction', 'quotas', 'townScheme'] as const) {
    if (doc[key] !== undefined && !isObj(doc[key])) return `“${key}”应为对象`;
  }
  for (const key of ['bonus', 'deductions'] as const) if (isObj(doc[key]) && !isObjArray(doc[key].items)) return `“${key}.items”应为列表`;
  if (isObj(doc.quotas) && !isObjArray(doc.quotas.limits)) return '“quotas.limits”应为列表';
  if (isObj(doc.townScheme) && !isObjArray(doc.townScheme.levels)) return '“townScheme.levels”应为列表';
  if (isObj(doc.satisfaction) && !optionalObjArray(doc.satisfaction.caps)) return '“satisfaction.caps”应为列表';
  return null;
}

/** Errors by exact path; a field shows the messages of its own path. */
export function indexErrors(errors: StandardError[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of errors) map.set(e.path, [...(map.get(e.path) ?? []), e.message]);
  return map;
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string };

/** JSON.parse with a Chinese message that says where (line and column) the text goes wrong. */
export function parseJsonText(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const raw = error instanceof Error ? error.message : '';
    const lineCol = /line (\d+) column (\d+)/.exec(raw);
    const position = /position (\d+)/.exec(raw);
    let where = '';
    if (lineCol) where = `第 ${lineCol[1]} 行第 ${lineCol[2]} 列`;
    else if (position) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split('\n').length;
      where = `第 ${line} 行第 ${before.length - before.lastIndexOf('\n')} 列`;
    }
    if (!text.trim()) return { ok: false, message: '内容为空，不是有效的 JSON' };
    return { ok: false, message: `不是有效的 JSON${where ? `：${where}附近有语法错误` : ''}` };
  }
}

// The database keeps documents as jsonb, which does not keep key order; the JSON tab shows keys in
// the order of the format documentation so that a standard reads top-down again.
const keyOrder = [
  '$schema', 'id', 'name', 'version', 'region', 'year', 'description', 'totalMaxScore',
  'type', 'kind', 'key', 'category', 'scope', 'base', 'stars', 'stage', 'dimension', 'direction',
  'unit', 'weight', 'referenceOnly', 'maxPoints', 'cap', 'namedStar', 'minPoints', 'stages', 'formula', 'figure', 'mapping',
  'x', 'min', 'points', 'steps', 'otherwise', 'guidance', 'evidence', 'indicators', 'items', 'ratio', 'numerator', 'denominator',
  'scale', 'whenDenominatorZero', 'dimensions', 'figures', 'bonus', 'deductions', 'weightPercent', 'basicallySatisfiedCredit',
  'minSampleSize', 'caps', 'belowPercent', 'maxStars', 'by', 'satisfaction', 'levelScheme', 'thresholds', 'levels',
  'minNamedStars', 'minScore', 'requiredDimensions', 'minStars', 'whenUnknown', 'prerequisites', 'effect', 'vetoes',
  'limits', 'maxPercent', 'order', 'quotas', 'ranking', 'keys', 'ownScoreMax', 'minOwnScore', 'minAverageVillageStars',
  'minShareOfVillages', 'atLeastStars', 'percent', 'capWhenVillageVetoed', 'townScheme',
];
const rank = new Map(keyOrder.map((k, i) => [k, i]));

export function canonicalOrder<T>(value: T): T {
  if (Array.isArray(value)) return value.map(canonicalOrder) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  entries.sort(([a], [b]) => (rank.get(a) ?? keyOrder.length) - (rank.get(b) ?? keyOrder.length));
  return Object.fromEntries(entries.map(([k, v]) => [k, canonicalOrder(v)])) as T;
}
