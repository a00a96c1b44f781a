import type { CompiledStandard } from './compiled-standard.js';
import type { VillageInput } from './rating-input.js';
import type { ScoreColumns } from './score-columns.js';
import type { RankingKey } from '../../../../shared/standards/standard.js';

// Rankings (拉榜排名) by the standard's keys. Villages equal on every key share a rank and the
// next rank skips ("1, 1, 3"). Within a tie, and as the last resort of a quota, villages are
// listed by name and then id, compared by UTF-16 code units (not pinyin: the same on every
// machine and in every browser). Numeric keys are copied once into a flat array, oriented so
// that larger comes first; an absent value (no survey) becomes -Infinity and so comes last in
// either direction.

export type RankSource = { cols: ScoreColumns; villages: readonly VillageInput[] };

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Slot = { kind: 'number'; value: (i: number) => number; sign: number } | { kind: 'name'; sign: number };

function slotOf(c: CompiledStandard, { cols }: RankSource, key: RankingKey): Slot {
  const sign = key.key === 'name' ? (key.direction === 'desc' ? -1 : 1) : key.direction === 'asc' ? -1 : 1;
  switch (key.key) {
    case 'name':
      return { kind: 'name', sign };
    case 'stars':
      return { kind: 'number', sign, value: (i) => ((cols.stars[i] as number) < 0 ? Number.NaN : (cols.stars[i] as number)) };
    case 'finalScore':
      return { kind: 'number', sign, value: (i) => cols.finalH[i] as number };
    case 'baseScore':
      return { kind: 'number', sign, value: (i) => cols.baseH[i] as number };
    case 'stageScore': {
      const s = c.stages.findIndex((st) => st.id === key.stage);
      return { kind: 'number', sign, value: (i) => cols.stageH[i * cols.stageCount + s] as number };
    }
    case 'dimensionScore': {
      const d = c.dimensionIds.indexOf(key.dimension);
      return { kind: 'number', sign, value: (i) => cols.dimensionH[i * cols.dimensionCount + d] as number };
    }
    case 'satisfactionRate':
      return { kind: 'number', sign, value: (i) => cols.satisfactionBp[i] as number };
  }
}

type Packed = { keys: number; order: number[]; prefix: Float64Array };

/**
 * A native numeric sort on as many leading numeric keys as fit, bit-packed with the position into
 * one exact double (all key values are integers: stars, hundredths, basis points). Returns null
 * when the first key cannot be packed; ties on the packed keys are sorted by the caller.
 */
function packedSort(slots: Slot[], values: Float64Array, width: number, n: number): Packed | null {
  const indexBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  let budget = 52 - indexBits;
  const plan: { k: number; min: number; bits: number }[] = [];
  for (let k = 0; k < width && slots[k]?.kind === 'number'; k++) {
    let min = Infinity;
    let max = -Infinity;
    let integral = true;
    for (let p = 0; p < n; p++) {
      const v = values[p * width + k] as number;
      if (v === -Infinity) continue;
      if (!Number.isInteger(v)) integral = false;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (!integral) break;
    if (min === Infinity) min = max = 0;
    // Digit 0 is reserved for an absent value.
    const bits = Math.max(1, Math.ceil(Math.log2(max - min + 2)));
    if (bits > budget) break;
    budget -= bits;
    plan.push({ k, min, bits });
  }
  if (plan.length === 0) return null;
  const shift = 2 ** indexBits;
  const packed = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    let composite = 0;
    for (const { k, min, bits } of plan) {
      const v = values[p * width + k] as number;
      const digit = v === -Infinity ? 0 : v - min + 1;
      // Larger values first: invert the digit within its field.
      composite = composite * 2 ** bits + (2 ** bits - 1 - digit);
    }
    packed[p] = composite * shift + p;
  }
  packed.sort();
  const order: number[] = new Array(n);
  const prefix = new Float64Array(n);
  for (let q = 0; q < n; q++) {
    const x = packed[q] as number;
    const high = Math.floor(x / shift);
    order[q] = x - high * shift;
    prefix[q] = high;
  }
  return { keys: plan.length, order, prefix };
}

/**
 * Sorts village indices in place into listing order (keys, then name, then id) and returns the
 * competition rank of each position.
 */
export function rankVillages(c: CompiledStandard, keys: readonly RankingKey[], src: RankSource, indices: number[]): number[] {
  const slots = keys.map((k) => slotOf(c, src, k));
  const width = slots.length;
  const n = indices.length;
  // values[p * width + k]: key k of the village at original position p.
  const values = new Float64Array(n * width);
  for (let p = 0; p < n; p++) {
    const i = indices[p] as number;
    for (let k = 0; k < width; k++) {
      const slot = slots[k] as Slot;
      if (slot.kind === 'number') {
        const v = slot.value(i);
        values[p * width + k] = Number.isNaN(v) ? -Infinity : slot.sign * v;
      }
    }
  }
  const names = src.villages;
  const byKeysFrom = (from: number, a: number, b: number): number => {
    for (let k = from; k < width; k++) {
      const slot = slots[k] as Slot;
      if (slot.kind === 'name') {
        const d = slot.sign * compareText((names[indices[a] as number] as VillageInput).name, (names[indices[b] as number] as VillageInput).name);
        if (d !== 0) return d;
        continue;
      }
      const x = values[a * width + k] as number;
      const y = values[b * width + k] as number;
      if (x !== y) return y > x ? 1 : -1;
    }
    return 0;
  };
  const listing = (from: number) => (a: number, b: number): number => {
    const d = byKeysFrom(from, a, b);
    if (d !== 0) return d;
    const va = names[indices[a] as number] as VillageInput;
    const vb = names[indices[b] as number] as VillageInput;
    return compareText(va.name, vb.name) || compareText(va.id, vb.id);
  };

  let order: number[];
  const packed = n > 64 ? packedSort(slots, values, width, n) : null;
  if (packed) {
    // Only villages equal on the packed keys still need the comparator.
    order = packed.order;
    const rest = listing(packed.keys);
    for (let start = 0; start < n; ) {
      let end = start + 1;
      while (end < n && packed.prefix[end] === packed.prefix[start]) end += 1;
      if (end - start > 1) {
        const run = order.slice(start, end).sort(rest);
        for (let q = start; q < end; q++) order[q] = run[q - start] as number;
      }
      start = end;
    }
  } else {
    order = new Array(n);
    for (let p = 0; p < n; p++) order[p] = p;
    order.sort(listing(0));
  }
  const ranks: number[] = new Array(n);
  for (let q = 0; q < n; q++) {
    ranks[q] = q > 0 && byKeysFrom(0, order[q - 1] as number, order[q] as number) === 0 ? (ranks[q - 1] as number) : q + 1;
  }
  const sorted = order.map((p) => indices[p] as number);
  for (let q = 0; q < n; q++) indices[q] = sorted[q] as number;
  return ranks;
}

/** Chinese name of a ranking key, as explanations show it. */
export function rankingKeyLabel(c: CompiledStandard, key: RankingKey): string {
  switch (key.key) {
    case 'stars':
      return '星级';
    case 'finalScore':
      return '最终得分';
    case 'baseScore':
      return '指标得分';
    case 'stageScore':
      return `${c.stageById.get(key.stage)?.name ?? key.stage}得分`;
    case 'dimensionScore':
      return `${c.dimensionNames[c.dimensionIds.indexOf(key.dimension)] ?? key.dimension}得分`;
    case 'satisfactionRate':
      return '群众满意率';
    case 'name':
      return '村名';
  }
}

/**
 * Which key put village a before village b: the labels of the keys on which they are equal and
 * the label of the first one that differs ('村名' or '村编号' when every key is equal).
 */
export function decidingKey(c: CompiledStandard, keys: readonly RankingKey[], src: RankSource, a: number, b: number): { equalOn: string[]; decidedBy: string } {
  const equalOn: string[] = [];
  const va = src.villages[a] as VillageInput;
  const vb = src.villages[b] as VillageInput;
  for (const key of keys) {
    // Within a quota pool every village has the same stars: that key never tells them apart.
    if (key.key === 'stars') continue;
    const label = rankingKeyLabel(c, key);
    if (key.key === 'name') {
      if (va.name !== vb.name) return { equalOn, decidedBy: label };
    } else {
      const slot = slotOf(c, src, key) as Extract<Slot, { kind: 'number' }>;
      const x = slot.value(a);
      const y = slot.value(b);
      if (!(x === y || (Number.isNaN(x) && Number.isNaN(y)))) return { equalOn, decidedBy: label };
    }
    equalOn.push(label);
  }
  return { equalOn, decidedBy: va.name !== vb.name ? '村名（按字符编码排序）' : '村编号' };
}
