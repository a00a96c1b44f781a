// The violation register's import template and the pure checks of an import: every row is
// checked and every problem listed; the caller imports nothing if any row is wrong.
import { dateStringSchema } from '../../../../shared/contracts/common.js';
import {
  violationCategories,
  violationCategoryLabels,
  violationStatusLabels,
  violationStatuses,
  type ViolationCategory,
  type ViolationStatus,
} from '../../../../shared/contracts/evaluation-results.js';
import type { ReadRow, RowError, SheetSpec } from '../../../spreadsheets/xlsx-table.js';

type ViolationSheetKey = 'townName' | 'villageName' | 'personName' | 'category' | 'occurredOn' | 'status' | 'decisionNote' | 'details';

const categoryList = violationCategories.map((c) => violationCategoryLabels[c]).join('、');

export const violationSheet: SheetSpec<ViolationSheetKey> = {
  name: '违纪违法核查',
  columns: [
    { key: 'townName', header: '镇（街道）', required: true, note: '村所属的镇（街道）名称' },
    { key: 'villageName', header: '村（社区）', required: true, width: 18, note: '行政村（社区）名称' },
    { key: 'personName', header: '姓名', required: true, note: '涉及的村干部或党员姓名（加密保存，仅纪检/信访专员和组织部管理员可见）' },
    { key: 'category', header: '类别', required: true, width: 16, note: `${categoryList}` },
    { key: 'occurredOn', header: '发生日期', required: true, width: 14, note: '格式 2026-03-15，不能晚于今天；按此日期的年份计入当年评星' },
    { key: 'status', header: '核查状态', width: 12, note: '待核查（默认）、属实、不属实；属实的记录按评星标准一票否决或降星' },
    { key: 'decisionNote', header: '核查结论', width: 30, note: '核查状态为属实或不属实时必填' },
    { key: 'details', header: '情况说明', width: 40, note: '选填，最多 2000 字（加密保存）' },
  ],
};

export type VillageRef = { id: string; path: string };

export type PlannedViolation = {
  row: number;
  villageId: string;
  orgPath: string;
  personName: string;
  category: ViolationCategory;
  occurredOn: string;
  status: ViolationStatus;
  decisionNote: string | null;
  details: string | null;
};

const categoryByLabel = new Map<string, ViolationCategory>(violationCategories.flatMap((c) => [[violationCategoryLabels[c], c], [c, c]] as const));
const statusByLabel = new Map<string, ViolationStatus>(violationStatuses.flatMap((s) => [[violationStatusLabels[s], s], [s, s]] as const));

/** `villages` is keyed `镇名/村名` over the villages the importer may write. */
export function planViolationImport(rows: ReadRow<ViolationSheetKey>[], villages: Map<string, VillageRef>, today: string): { records: PlannedViolation[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const records: PlannedViolation[] = [];
  for (const { row, values: v } of rows) {
    const fail = (field: string, reason: string) => errors.push({ row, field, reason });
    const village = villages.get(`${v.townName}/${v.villageName}`);
    if (!village) fail('村（社区）', `“${v.townName}${v.villageName}”不存在或不在您的范围内`);
    const personName = v.personName.trim();
    if (!personName || [...personName].length > 40) fail('姓名', '姓名必填，最多 40 字');
    const category = categoryByLabel.get(v.category);
    if (!category) fail('类别', `“${v.category}”不是有效的类别（${categoryList}）`);
    const date = dateStringSchema.safeParse(v.occurredOn);
    if (!date.success) fail('发生日期', `“${v.occurredOn}”不是有效日期（如 2026-03-15）`);
    else if (date.data > today) fail('发生日期', '发生日期不能晚于今天');
    const status = v.status ? statusByLabel.get(v.status) : 'reported';
    if (!status) fail('核查状态', `“${v.status}”不是有效的核查状态（待核查、属实、不属实）`);
    const decided = status === 'confirmed' || status === 'dismissed';
    if (decided && !v.decisionNote) fail('核查结论', '核查状态为属实或不属实时，核查结论必填');
    if (v.decisionNote.length > 1000) fail('核查结论', '核查结论最多 1000 字');
    if (v.details.length > 2000) fail('情况说明', '情况说明最多 2000 字');
    if (!village || !category || !date.success || !status) continue;
    records.push({
      row,
      villageId: village.id,
      orgPath: village.path,
      personName,
      category,
      occurredOn: date.data,
      status,
      decisionNote: decided ? v.decisionNote : null,
      details: v.details || null,
    });
  }
  // Only rows without any problem were planned; the caller refuses the file if errors exist.
  return { records: errors.length > 0 ? [] : records, errors };
}
