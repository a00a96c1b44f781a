// The problem-list spreadsheet: import template and pure row checks, and the export columns.
import { problemCategorySchema, problemSourceSchema, problemStatusLabels, type Problem } from '../../../shared/contracts/fieldwork-service.js';
import type { ReadRow, RowError, SheetSpec } from '../../spreadsheets/xlsx-table.js';
import { yearOf } from './service.js';

type ImportKey = 'village' | 'title' | 'category' | 'source' | 'household' | 'description' | 'reportedDate' | 'dueDate';

export const problemSheet: SheetSpec<ImportKey> = {
  name: '问题清单',
  columns: [
    { key: 'village', header: '村（社区）', required: true, width: 14, note: '村（社区）名称或组织编码，须在您的管理范围内' },
    { key: 'title', header: '问题', required: true, width: 30, note: '一句话说明问题，最多 100 字' },
    { key: 'category', header: '类别', required: true, note: problemCategorySchema.options.join('、') },
    { key: 'source', header: '来源', required: true, note: problemSourceSchema.options.join('、') },
    { key: 'household', header: '农户', width: 14, note: '如：三组 王某某户（可不填）' },
    { key: 'description', header: '详细情况', width: 40, note: '最多 2000 字，可不填' },
    { key: 'reportedDate', header: '发现日期', required: true, width: 12, note: '如 2026-03-05，不晚于今天' },
    { key: 'dueDate', header: '办结时限', width: 12, note: '如 2026-06-30，可不填' },
  ],
};

export const problemTemplateExample = [
  { village: '示例村', title: '三组路灯损坏', category: '基础设施', source: '逐户走访', household: '三组 示例户', description: '路灯已坏两个月', reportedDate: '2026-03-05', dueDate: '2026-04-30' },
];

export type VillageRef = { id: string; path: string };
export type NewProblem = {
  village: VillageRef;
  title: string;
  category: string;
  source: string;
  household: string;
  description: string;
  reportedDate: string;
  dueDate: string | null;
  year: number;
};

/** 2026-3-5, 2026/03/05 and 2026.3.5 are all the same day to a spreadsheet user. */
export function normalizeDay(text: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const day = `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day ? null : day;
}

/** Checks every row; the caller imports nothing if any error is returned. */
export function planProblemImport(rows: ReadRow<ImportKey>[], villages: (text: string) => VillageRef | null | 'ambiguous', today: string) {
  const errors: RowError[] = [];
  const problems: NewProblem[] = [];
  for (const { row, values: v } of rows) {
    const fail = (field: string, reason: string) => errors.push({ row, field, reason });
    const village = villages(v.village);
    if (village === 'ambiguous') fail('村（社区）', `“${v.village}”重名，请填写组织编码`);
    else if (!village) fail('村（社区）', `“${v.village}”不存在或不在您的管理范围内`);
    if (!v.title || v.title.length > 100) fail('问题', '问题必填，最多 100 字');
    const category = problemCategorySchema.safeParse(v.category);
    if (!category.success) fail('类别', `“${v.category}”不是有效的类别`);
    const source = problemSourceSchema.safeParse(v.source);
    if (!source.success) fail('来源', `“${v.source}”不是有效的来源`);
    if (v.household.length > 60) fail('农户', '最多 60 字');
    if (v.description.length > 2000) fail('详细情况', '最多 2000 字');
    const reported = normalizeDay(v.reportedDate);
    if (!reported) fail('发现日期', '日期格式应为 2026-03-05');
    else if (reported > today) fail('发现日期', '发现日期不能晚于今天');
    const due = v.dueDate ? normalizeDay(v.dueDate) : null;
    if (v.dueDate && !due) fail('办结时限', '日期格式应为 2026-06-30');
    else if (due && reported && due < reported) fail('办结时限', '办结时限不能早于发现日期');
    if (!village || village === 'ambiguous' || !category.success || !source.success || !reported || !v.title || v.title.length > 100) continue;
    problems.push({
      village,
      title: v.title,
      category: category.data,
      source: source.data,
      household: v.household,
      description: v.description,
      reportedDate: reported,
      dueDate: due,
      year: yearOf(reported),
    });
  }
  return { problems, errors };
}

type ExportKey =
  | 'townName'
  | 'villageName'
  | 'title'
  | 'category'
  | 'source'
  | 'household'
  | 'description'
  | 'reportedDate'
  | 'dueDate'
  | 'status'
  | 'overdue'
  | 'claimedByName'
  | 'resolution'
  | 'resolvedDate'
  | 'confirmed';

export const problemExportSheet: SheetSpec<ExportKey> = {
  name: '问题清单',
  columns: [
    { key: 'townName', header: '镇（街道）', width: 12 },
    { key: 'villageName', header: '村（社区）', width: 12 },
    { key: 'title', header: '问题', width: 30 },
    { key: 'category', header: '类别', width: 10 },
    { key: 'source', header: '来源', width: 10 },
    { key: 'household', header: '农户', width: 14 },
    { key: 'description', header: '详细情况', width: 30 },
    { key: 'reportedDate', header: '发现日期', width: 12 },
    { key: 'dueDate', header: '办结时限', width: 12 },
    { key: 'status', header: '状态', width: 10 },
    { key: 'overdue', header: '是否逾期', width: 8 },
    { key: 'claimedByName', header: '认领人', width: 12 },
    { key: 'resolution', header: '办理结果', width: 30 },
    { key: 'resolvedDate', header: '销号日期', width: 12 },
    { key: 'confirmed', header: '确认', width: 14 },
  ],
};

export function problemExportRow(p: Problem) {
  const via = p.confirmedVia === 'villager' ? '村民确认' : p.confirmedVia === 'town' ? '镇确认' : '';
  return {
    ...p,
    dueDate: p.dueDate ?? '',
    status: problemStatusLabels[p.status],
    overdue: p.overdue ? '逾期' : '',
    resolvedDate: p.resolvedDate ?? '',
    confirmed: via ? `${via} ${p.confirmedDate ?? ''}`.trim() : '',
  };
}
