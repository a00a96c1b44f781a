// The org-tree spreadsheet: template, import rules (pure) and export rows.
import { randomUUID } from 'node:crypto';
import { orgCodeSchema, orgKindSchema, partyOrgTypeSchema, type OrgKind } from '../../../shared/contracts/org-units.js';
import type { ReadRow, RowError, SheetSpec } from '../../spreadsheets/xlsx-table.js';
import { childPath, isValidParent, levelOfKind, type OrgRow } from './orgs.js';

type OrgSheetKey = 'parentCode' | 'kind' | 'name' | 'code' | 'partyOrgType' | 'partyOrgName' | 'sortOrder' | 'parentName' | 'active';

export const orgSheet: SheetSpec<OrgSheetKey> = {
  name: '组织架构',
  columns: [
    { key: 'parentCode', header: '上级组织编码', required: true, note: '已存在的组织编码，或本表中前面行的组织编码' },
    { key: 'kind', header: '组织类型', required: true, note: '镇、乡、街道（挂在市下）；行政村、社区（挂在镇/街道下）' },
    { key: 'name', header: '组织名称', required: true, width: 20, note: '如：示例镇、示例村' },
    { key: 'code', header: '组织编码', required: true, note: '字母、数字或短横线，全市唯一' },
    { key: 'partyOrgType', header: '党组织类型', required: true, note: '党委、党总支、党支部' },
    { key: 'partyOrgName', header: '党组织名称', required: true, width: 24, note: '如：示例村党支部' },
    { key: 'sortOrder', header: '排序', note: '0–9999 的整数，可不填' },
  ],
};

export const orgExportSheet: SheetSpec<OrgSheetKey> = {
  name: '组织架构',
  columns: [
    ...orgSheet.columns,
    { key: 'parentName', header: '上级组织名称', width: 20 },
    { key: 'active', header: '状态' },
  ],
};

export const orgTemplateExample = [
  { parentCode: 'CITY', kind: '镇', name: '示例镇', code: 'T99', partyOrgType: '党委', partyOrgName: '示例镇党委', sortOrder: 1 },
  { parentCode: 'T99', kind: '行政村', name: '示例村', code: 'T99-V01', partyOrgType: '党支部', partyOrgName: '示例村党支部', sortOrder: 1 },
];

type ParentRef = Pick<OrgRow, 'id' | 'level' | 'path' | 'active'>;
export type NewUnit = {
  id: string;
  parentId: string;
  level: OrgRow['level'];
  kind: OrgKind;
  name: string;
  code: string;
  path: string;
  partyOrgType: string;
  partyOrgName: string;
  sortOrder: number;
};

/**
 * Checks every row and resolves parents (existing units in scope, or rows earlier in the file).
 * Returns the units to insert and every problem found; the caller imports nothing if any.
 */
export function planOrgImport(
  rows: ReadRow<OrgSheetKey>[],
  parentsInScope: Map<string, ParentRef>,
  usedCodes: Set<string>,
): { units: NewUnit[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const units: NewUnit[] = [];
  const fromFile = new Map<string, ParentRef>();
  const seen = new Set<string>();
  for (const { row, values: v } of rows) {
    const fail = (field: string, reason: string) => errors.push({ row, field, reason });
    const kind = orgKindSchema.safeParse(v.kind);
    const partyType = partyOrgTypeSchema.safeParse(v.partyOrgType);
    const code = orgCodeSchema.safeParse(v.code);
    const sort = v.sortOrder === '' ? 0 : Number(v.sortOrder);
    if (!kind.success) fail('组织类型', `“${v.kind}”不是有效的组织类型`);
    if (!v.name || v.name.length > 60) fail('组织名称', '组织名称必填，最多 60 字');
    if (!code.success) fail('组织编码', '编码必填，只能包含字母、数字和短横线');
    else if (usedCodes.has(code.data) || seen.has(code.data)) fail('组织编码', `编码“${code.data}”已存在`);
    if (!partyType.success) fail('党组织类型', `“${v.partyOrgType}”不是有效的党组织类型`);
    if (!v.partyOrgName || v.partyOrgName.length > 60) fail('党组织名称', '党组织名称必填，最多 60 字');
    if (!Number.isInteger(sort) || sort < 0 || sort > 9999) fail('排序', '排序应为 0–9999 的整数');
    const parent = fromFile.get(v.parentCode) ?? parentsInScope.get(v.parentCode);
    if (!parent) fail('上级组织编码', `上级组织“${v.parentCode}”不存在或不在您的管理范围内`);
    else if (!parent.active) fail('上级组织编码', '上级组织已停用');
    else if (kind.success && !isValidParent(parent.level, kind.data)) fail('组织类型', '上级组织层级不正确（如村不能挂在村下）');
    if (code.success) seen.add(code.data);
    if (!kind.success || !code.success || !partyType.success || !parent) continue;
    const id = randomUUID();
    const unit: NewUnit = {
      id,
      parentId: parent.id,
      level: levelOfKind(kind.data),
      kind: kind.data,
      name: v.name,
      code: code.data,
      path: childPath(parent.path, id),
      partyOrgType: partyType.data,
      partyOrgName: v.partyOrgName,
      sortOrder: Number.isInteger(sort) ? sort : 0,
    };
    units.push(unit);
    fromFile.set(unit.code, { id, level: unit.level, path: unit.path, active: true });
  }
  return { units, errors };
}

export function orgExportRow(row: OrgRow, codeById: Map<string, string>) {
  return {
    parentCode: row.parentId ? (codeById.get(row.parentId) ?? '') : '',
    kind: row.kind,
    name: row.name,
    code: row.code,
    partyOrgType: row.partyOrgType,
    partyOrgName: row.partyOrgName,
    sortOrder: row.sortOrder,
    parentName: row.parentName ?? '',
    active: row.active ? '启用' : '停用',
  };
}
