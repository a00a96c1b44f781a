// The star-rating summary table (评星定级汇总表) of one evaluated town as .xlsx: the table on the
// first sheet (header in row 1, so it reads back like every other fivestar table), and what it
// is and how the reference stars were found on the second.
import ExcelJS from 'exceljs';
import type { MutualSummary } from '../../../../shared/contracts/evaluation-stages.js';

export const referenceStarsNote =
  '参考星级仅供参考：将本村摸底互评得分按互评满分折算为评星标准满分（保留两位小数，四舍五入），连同群众测评结果，按评星标准的定级规则确定；评分未完成的村不给出参考星级。';

export function summaryColumns(summary: Pick<MutualSummary, 'dimensions'>) {
  return [
    { key: 'no', header: '序号', width: 6 },
    { key: 'villageName', header: '村（社区）', width: 14 },
    ...summary.dimensions.map((d) => ({ key: `dim:${d.id}`, header: `${d.name}（${d.maxPoints}分）`, width: 14 })),
    { key: 'total', header: '互评得分', width: 10 },
    { key: 'maxTotal', header: '互评满分', width: 10 },
    { key: 'entered', header: '已评指标', width: 10 },
    { key: 'sampleSize', header: '测评样本', width: 10 },
    { key: 'satisfied', header: '满意', width: 8 },
    { key: 'basicallySatisfied', header: '基本满意', width: 10 },
    { key: 'unsatisfied', header: '不满意', width: 8 },
    { key: 'rate', header: '满意率（%）', width: 12 },
    { key: 'visits', header: '入户走访（户次）', width: 16 },
    { key: 'referenceScore', header: '折算得分', width: 10 },
    { key: 'referenceStars', header: '参考星级', width: 10 },
    { key: 'notes', header: '备注', width: 40 },
  ];
}

export async function writeMutualSummary(summary: MutualSummary, meta: { campaignName: string; exportedOn: string }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'fivestar';
  const sheet = book.addWorksheet('评星定级汇总表', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.columns = summaryColumns(summary);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };
  summary.rows.forEach((r, i) => {
    sheet.addRow({
      no: i + 1,
      villageName: r.villageName,
      ...Object.fromEntries(summary.dimensions.map((d) => [`dim:${d.id}`, r.dimensionScores[d.id] ?? 0])),
      total: r.total,
      maxTotal: r.maxTotal,
      entered: `${r.entered}/${r.indicators}`,
      sampleSize: r.survey?.sampleSize ?? null,
      satisfied: r.survey?.satisfied ?? null,
      basicallySatisfied: r.survey?.basicallySatisfied ?? null,
      unsatisfied: r.survey?.unsatisfied ?? null,
      rate: r.survey?.rate ?? null,
      visits: r.visits,
      referenceScore: r.referenceScore,
      referenceStars: r.referenceStars,
      notes: r.notes.join('；'),
    });
  });
  const about = book.addWorksheet('说明');
  about.columns = [
    { header: '项目', key: 'k', width: 16 },
    { header: '内容', key: 'v', width: 90 },
  ];
  about.getRow(1).font = { bold: true };
  about.addRows([
    { k: '评星年度', v: meta.campaignName },
    { k: '被评镇（街道）', v: summary.town.name },
    { k: '互评组', v: summary.evaluatorTown ? `${summary.evaluatorTown.name}互评组` : '未设置' },
    { k: '导出日期', v: meta.exportedOn },
    { k: '参考星级', v: referenceStarsNote },
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
