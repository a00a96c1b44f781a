// Export sheets of training records and coverage: what the department used to keep by hand.
import type { CoverageRow, RecordRow } from '../../../shared/contracts/training.js';
import type { SheetSpec } from '../../spreadsheets/xlsx-table.js';

type RecordKey = 'unitCode' | 'unitName' | 'name' | 'titles' | 'year' | 'sessions' | 'hours' | 'lastDate';

export const recordsExportSheet: SheetSpec<RecordKey> = {
  name: '培训档案',
  columns: [
    { key: 'unitCode', header: '组织编码' },
    { key: 'unitName', header: '所在组织', width: 18 },
    { key: 'name', header: '姓名' },
    { key: 'titles', header: '职务', width: 20 },
    { key: 'year', header: '年度' },
    { key: 'sessions', header: '参训场次' },
    { key: 'hours', header: '参训学时' },
    { key: 'lastDate', header: '最近参训日期', width: 14 },
  ],
};

export function recordExportRow(r: RecordRow & { orgUnitCode: string }, year: number) {
  return {
    unitCode: r.orgUnitCode,
    unitName: r.orgUnitName,
    name: r.name,
    titles: r.titles.join('、'),
    year,
    sessions: r.sessions,
    hours: r.hours,
    lastDate: r.lastDate ?? '未参训',
  };
}

type CoverageKey = 'town' | 'village' | 'cadres' | 'trained' | 'share' | 'hours' | 'perCadre';

export const coverageExportSheet: SheetSpec<CoverageKey> = {
  name: '培训覆盖',
  columns: [
    { key: 'town', header: '镇（街道）', width: 14 },
    { key: 'village', header: '村（社区）', width: 14 },
    { key: 'cadres', header: '两委干部人数' },
    { key: 'trained', header: '已参训人数' },
    { key: 'share', header: '参训率（%）' },
    { key: 'hours', header: '参训总学时' },
    { key: 'perCadre', header: '人均学时' },
  ],
};

export function coverageExportRow(r: CoverageRow, town: string | null) {
  return {
    town: town ?? r.name,
    village: town ? r.name : '（合计）',
    cadres: r.cadres,
    trained: r.trainedCadres,
    share: r.trainedShare,
    hours: r.hours,
    perCadre: r.hoursPerCadre,
  };
}
