// The indicator table of a standard as a spreadsheet: people review and edit indicators in Excel.
// Rules (levels, vetoes, quotas…) stay in the JSON document; a sheet import changes only the
// dimensions and indicators, then the whole standard is validated again.
import type { ReadRow, RowError, SheetSpec } from '../../spreadsheets/xlsx-table.js';
import type { Dimension, Indicator, Standard, StageId } from '../../../shared/standards/standard.js';

type Key = 'dimensionId' | 'dimensionName' | 'dimensionMax' | 'id' | 'name' | 'kind' | 'maxPoints' | 'stages' | 'guidance' | 'evidence' | 'figure';

export const indicatorSheet: SheetSpec<Key> = {
  name: '指标表',
  columns: [
    { key: 'dimensionId', header: '维度编码', required: true, width: 14 },
    { key: 'dimensionName', header: '维度名称', required: true, width: 14 },
    { key: 'dimensionMax', header: '维度满分', required: true, width: 10 },
    { key: 'id', header: '指标编码', required: true, width: 18 },
    { key: 'name', header: '指标名称', required: true, width: 24 },
    { key: 'kind', header: '指标类型', required: true, width: 10, note: '评分（评委打分）或 公式（由系统数据计算，公式规则在 JSON 中维护）' },
    { key: 'maxPoints', header: '分值', required: true, width: 8 },
    { key: 'stages', header: '评分阶段', width: 26, note: '摸底互评、部门点评、市级考评，多个用顿号分隔；公式指标不填' },
    { key: 'guidance', header: '评分细则', width: 50 },
    { key: 'evidence', header: '佐证材料', width: 30, note: '多项用顿号分隔' },
    { key: 'figure', header: '计算数据', width: 16, note: '公式指标引用的数据编码（只读）' },
  ],
};

const stageNames: Record<StageId, string> = { mutual: '摸底互评', department: '部门点评', city: '市级考评' };
const stageByName = new Map(Object.entries(stageNames).map(([id, name]) => [name, id as StageId]));
const splitList = (s: string) => s.split(/[、,，;；\n]+/).map((x) => x.trim()).filter(Boolean);

export function indicatorRows(standard: Standard) {
  return standard.dimensions.flatMap((d) =>
    d.indicators.map((i) => ({
      dimensionId: d.id,
      dimensionName: d.name,
      dimensionMax: d.maxPoints,
      id: i.id,
      name: i.name,
      kind: i.kind === 'formula' ? '公式' : '评分',
      maxPoints: i.maxPoints,
      stages: i.kind === 'scored' ? i.stages.map((s) => stageNames[s]).join('、') : '',
      guidance: i.guidance,
      evidence: i.evidence.join('、'),
      figure: i.kind === 'formula' ? i.formula.figure : '',
    })),
  );
}

/**
 * Rebuilds the dimensions from the rows (in sheet order). Formula indicators must already exist
 * in the standard: the sheet may rename or re-weigh them but their formula stays in JSON.
 * `rowOf` maps each new indicator back to its row so later validation errors can name the row.
 */
export function applyIndicatorRows(standard: Standard, rows: ReadRow<Key>[]) {
  const errors: RowError[] = [];
  const existingFormula = new Map(
    standard.dimensions.flatMap((d) => d.indicators).filter((i) => i.kind === 'formula').map((i) => [i.id, i]),
  );
  const oldDims = new Map(standard.dimensions.map((d) => [d.id, d]));
  const dims: Dimension[] = [];
  const rowOf: number[][] = [];
  for (const { row, values: v } of rows) {
    const fail = (field: string, reason: string) => errors.push({ row, field, reason });
    const dimMax = Number(v.dimensionMax);
    const maxPoints = Number(v.maxPoints);
    if (!Number.isFinite(dimMax) || dimMax < 0) fail('维度满分', '应为非负数');
    if (!Number.isFinite(maxPoints) || maxPoints < 0) fail('分值', '应为非负数');
    let dimIndex = dims.findIndex((d) => d.id === v.dimensionId);
    if (dimIndex < 0) {
      const old = oldDims.get(v.dimensionId);
      dims.push({ id: v.dimensionId, name: v.dimensionName, maxPoints: dimMax, ...(old?.namedStar ? { namedStar: old.namedStar } : {}), indicators: [] });
      rowOf.push([]);
      dimIndex = dims.length - 1;
    }
    const base = { id: v.id, name: v.name, maxPoints, guidance: v.guidance, evidence: splitList(v.evidence) };
    let indicator: Indicator | null = null;
    if (v.kind === '公式') {
      const formula = existingFormula.get(v.id);
      if (!formula || formula.kind !== 'formula') fail('指标类型', `公式指标“${v.id}”不在原标准中：公式指标请在 JSON 中新增`);
      else indicator = { ...base, kind: 'formula', formula: formula.formula };
    } else if (v.kind === '评分') {
      const names = splitList(v.stages);
      const stages = names.map((n) => stageByName.get(n));
      if (names.length === 0) fail('评分阶段', '评分指标至少要有一个评分阶段');
      names.forEach((n, i) => stages[i] || fail('评分阶段', `“${n}”不是评分阶段（摸底互评、部门点评、市级考评）`));
      if (names.length > 0 && stages.every(Boolean)) indicator = { ...base, kind: 'scored', stages: stages as StageId[] };
    } else {
      fail('指标类型', '应为“评分”或“公式”');
    }
    if (indicator) {
      dims[dimIndex]?.indicators.push(indicator);
      rowOf[dimIndex]?.push(row);
    }
  }
  return { document: { ...standard, dimensions: dims } as Standard, rowOf, errors };
}

/** Points a whole-standard validation error at the sheet row it came from, where it can. */
export function rowOfPath(path: string, rowOf: number[][]): number {
  const m = /^dimensions\[(\d+)\](?:\.indicators\[(\d+)\])?/.exec(path);
  if (!m) return 1;
  const dim = rowOf[Number(m[1])] ?? [];
  return m[2] !== undefined ? (dim[Number(m[2])] ?? 1) : (dim[0] ?? 1);
}
