// The visit-log export: who visited which village, when, and what came of it.
import type { SheetSpec } from '../../spreadsheets/xlsx-table.js';
import type { Visit } from '../../../shared/contracts/fieldwork-pairing.js';

type VisitKey = 'visitDate' | 'leaderName' | 'townName' | 'villageName' | 'kind' | 'companions' | 'findings' | 'followUp' | 'photos';

export const visitExportSheet: SheetSpec<VisitKey> = {
  name: '领导走访记录',
  columns: [
    { key: 'visitDate', header: '走访日期', width: 12 },
    { key: 'leaderName', header: '市级领导', width: 12 },
    { key: 'townName', header: '镇（街道）', width: 12 },
    { key: 'villageName', header: '村（社区）', width: 12 },
    { key: 'kind', header: '方式', width: 10 },
    { key: 'companions', header: '同行人员', width: 20 },
    { key: 'findings', header: '发现问题', width: 40 },
    { key: 'followUp', header: '后续措施', width: 40 },
    { key: 'photos', header: '照片数', width: 8 },
  ],
};

export function visitExportRow(v: Visit) {
  return { ...v, photos: v.photoIds.length };
}
