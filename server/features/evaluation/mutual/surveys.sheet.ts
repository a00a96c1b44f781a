// The survey import: template columns and the pure row checks (all rows or none).
import type { ReadRow, RowError, SheetSpec } from '../../../spreadsheets/xlsx-table.js';
import type { Standard } from '../../../../shared/standards/standard.js';
import { surveyProblems, surveyProblemText, type SurveyCounts } from './surveys.js';

type SurveyKey = 'townName' | 'villageName' | 'villageCode' | 'sampleSize' | 'satisfied' | 'basicallySatisfied' | 'unsatisfied' | 'surveyDate';

export const surveySheet: SheetSpec<SurveyKey> = {
  name: '群众测评',
  columns: [
    { key: 'townName', header: '镇（街道）', width: 14, note: '被测评村所在的镇（街道）' },
    { key: 'villageName', header: '村（社区）', required: true, width: 14, note: '被测评的村（社区）名称，须在您的互评任务范围内' },
    { key: 'villageCode', header: '村（社区）编码', width: 14, note: '可不填；填写时按编码匹配' },
    { key: 'sampleSize', header: '测评样本数', required: true, width: 12, note: '参加测评的人数（整数）。某村本次未测评时，该行的样本数、满意、基本满意、不满意、测评日期都留空：该村不导入，已录入的结果保持不变；只填了其中一部分的行会被拒绝' },
    { key: 'satisfied', header: '满意', required: true, width: 10, note: '人数（整数）' },
    { key: 'basicallySatisfied', header: '基本满意', required: true, width: 10, note: '人数（整数）；是否计入满意率按评星标准' },
    { key: 'unsatisfied', header: '不满意', required: true, width: 10, note: '人数（整数）；三项之和应等于样本数' },
    { key: 'surveyDate', header: '测评日期', width: 12, note: '如 2026-03-15，可不填' },
  ],
};

export type SurveyVillage = { id: string; name: string; code: string; townName: string; path: string };
export type PlannedSurvey = { villageId: string; orgPath: string; counts: SurveyCounts; surveyDate: string | null };

/** The columns a survey fills; a row with none of them is a village not surveyed (the template lists every village). */
const resultKeys = ['sampleSize', 'satisfied', 'basicallySatisfied', 'unsatisfied', 'surveyDate'] as const;
export const isNotSurveyed = (v: Record<SurveyKey, string>): boolean => resultKeys.every((k) => v[k] === '');

const wholeNumber = (text: string): number | null => (/^\d{1,7}$/.test(text) ? Number(text) : null);

function findVillage(v: Record<SurveyKey, string>, villages: readonly SurveyVillage[]): SurveyVillage | undefined {
  if (v.villageCode) return villages.find((x) => x.code === v.villageCode);
  const named = villages.filter((x) => x.name === v.villageName && (!v.townName || x.townName === v.townName));
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Checks every row against the caller's villages and the standard; the caller imports nothing if
 * any error. Rows with no results are villages not surveyed: counted, not imported.
 */
export function planSurveyImport(
  rows: ReadRow<SurveyKey>[],
  villages: readonly SurveyVillage[],
  standard: Standard,
  today: string,
): { surveys: PlannedSurvey[]; errors: RowError[]; notSurveyed: number } {
  const errors: RowError[] = [];
  const surveys: PlannedSurvey[] = [];
  const seen = new Set<string>();
  let notSurveyed = 0;
  for (const { row, values: v } of rows) {
    if (isNotSurveyed(v)) {
      notSurveyed += 1;
      continue;
    }
    const fail = (field: string, reason: string) => errors.push({ row, field, reason });
    const village = findVillage(v, villages);
    if (!village) fail('村（社区）', `“${v.townName}${v.villageName}”不在您的互评任务范围内或名称有误`);
    else if (seen.has(village.id)) fail('村（社区）', `“${village.name}”在表中出现了多次`);
    const numbers = {
      sampleSize: wholeNumber(v.sampleSize),
      satisfied: wholeNumber(v.satisfied),
      basicallySatisfied: wholeNumber(v.basicallySatisfied),
      unsatisfied: wholeNumber(v.unsatisfied),
    };
    for (const [key, value] of Object.entries(numbers)) {
      if (value === null) fail(surveySheet.columns.find((c) => c.key === key)?.header ?? key, '应为不小于 0 的整数');
    }
    if (numbers.sampleSize === 0) fail('测评样本数', '样本数应大于 0');
    const date = v.surveyDate || null;
    if (date && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))) fail('测评日期', '日期格式应为 YYYY-MM-DD');
    else if (date && date > today) fail('测评日期', '测评日期不能晚于今天');
    if (Object.values(numbers).some((n) => n === null) || numbers.sampleSize === 0) continue;
    const counts = numbers as SurveyCounts;
    for (const p of surveyProblems(counts, standard)) fail(p === 'counts_mismatch' ? '不满意' : '测评样本数', surveyProblemText[p]);
    if (!village || seen.has(village.id)) continue;
    seen.add(village.id);
    surveys.push({ villageId: village.id, orgPath: village.path, counts, surveyDate: date });
  }
  return { surveys: errors.length > 0 ? [] : surveys, errors, notSurveyed };
}
