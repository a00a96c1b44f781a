// The 拉榜排名 workbook (the city ranking, then one ranking sheet per town) and the town
// committees' stars, as the department hands them on: one header row in Chinese, figures as
// numbers so they can be summed and sorted in Excel/WPS.
import { writeSheets, type RowsWritten } from '../../../spreadsheets/xlsx-writer.js';

type Cell = string | number | null;
type Sheet = { name: string; columns: { header: string; key: string; width?: number; wrap?: boolean }[]; rows: Record<string, Cell>[] };

export type RankingRow = {
  name: string;
  townName: string;
  score: number;
  stars: number | null;
  vetoed: boolean;
  rankInTown: number | null;
  rankInCity: number | null;
  overrideReason: string | null;
  corrections: string[];
  notes: string[];
};

export type TownStarsRow = { name: string; stars: number | null; villageCount: number | null; atLeastThree: number | null; averageStars: number | null; basis: string };

const rankingColumns = [
  { header: '全市排名', key: 'rankInCity', width: 10 },
  { header: '村（社区）', key: 'name', width: 18 },
  { header: '镇（街道）', key: 'townName', width: 14 },
  { header: '总分', key: 'score', width: 10 },
  { header: '星级', key: 'stars', width: 8 },
  { header: '镇内排名', key: 'rankInTown', width: 10 },
  { header: '一票否决', key: 'vetoed', width: 10 },
  { header: '调整及更正', key: 'changes', width: 40 },
  { header: '备注', key: 'notes', width: 40 },
];

// Excel refuses these in sheet names and cuts them at 31 characters.
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, '').slice(0, 31);

function rankingCells(r: RankingRow): Record<string, Cell> {
  const changes = [r.overrideReason ? `定星调整：${r.overrideReason}` : null, ...r.corrections].filter((x): x is string => !!x);
  return {
    rankInCity: r.rankInCity,
    name: r.name,
    townName: r.townName,
    score: r.score,
    stars: r.stars,
    rankInTown: r.rankInTown,
    vetoed: r.vetoed ? '是' : '否',
    changes: changes.join('；'),
    notes: r.notes.join('；'),
  };
}

/** Rated villages by rank, then the unrated ones by name. */
function byRank(key: 'rankInCity' | 'rankInTown') {
  return (a: RankingRow, b: RankingRow) => (a[key] ?? Infinity) - (b[key] ?? Infinity) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

export function rankingSheets(rows: readonly RankingRow[], towns: readonly string[]): Sheet[] {
  const city: Sheet = { name: '全市排名', columns: rankingColumns, rows: [...rows].sort(byRank('rankInCity')).map(rankingCells) };
  // Grouped once: filtering the whole list per town is towns × villages (200 × 10,000 in a province).
  const byTown = new Map<string, RankingRow[]>();
  for (const r of rows) {
    const list = byTown.get(r.townName);
    if (list) list.push(r);
    else byTown.set(r.townName, [r]);
  }
  const perTown = towns.map((town) => ({
    name: sheetName(`${town}排名`),
    columns: [rankingColumns[5], ...rankingColumns.filter((c) => c.key !== 'rankInTown' && c.key !== 'townName')] as Sheet['columns'],
    rows: (byTown.get(town) ?? []).sort(byRank('rankInTown')).map(rankingCells),
  }));
  return [city, ...perTown];
}

export function townStarsSheet(rows: readonly TownStarsRow[]): Sheet {
  return {
    name: '镇党委星级',
    columns: [
      { header: '镇（街道）', key: 'name', width: 16 },
      { header: '星级', key: 'stars', width: 8 },
      { header: '村数', key: 'villageCount', width: 8 },
      { header: '三星及以上村数', key: 'atLeastThree', width: 14 },
      { header: '村平均星级', key: 'averageStars', width: 12 },
      { header: '评定依据（逐步）', key: 'basis', width: 80, wrap: true },
    ],
    rows: rows.map((r) => ({ ...r })),
  };
}

/** A last sheet saying what the workbook is: proposed results can still change. */
export function aboutSheet(lines: [string, string][]): Sheet {
  return { name: '说明', columns: [{ header: '项目', key: 'k', width: 14 }, { header: '内容', key: 'v', width: 60 }], rows: lines.map(([k, v]) => ({ k, v })) };
}

/** The sheets in order, written as they go (spreadsheets/xlsx-writer.ts). */
export function writeWorkbook(sheets: readonly Sheet[], onRows?: RowsWritten): Promise<Buffer> {
  return writeSheets(sheets, onRows);
}
