// The 评价质量 workbook: the flags, one row per village behind each flag, the team × town
// biases, the judges, and what was not judged. Figures are numbers so Excel/WPS can sort them.
import type { CampaignRaters } from '../../../../shared/contracts/raters.js';
import { raterFlagKindLabels } from '../../../../shared/contracts/raters.js';
import { aboutSheet, writeWorkbook } from '../results/exports.sheet.js';

const who = (f: CampaignRaters['flags'][number]) => [...f.unitNames, ...f.raterNames].join('、');

export function ratersWorkbook(view: CampaignRaters, about: [string, string][]): Promise<Buffer> {
  const flagColumns = [
    { header: '序号', key: 'no', width: 6 },
    { header: '类型', key: 'kind', width: 14 },
    { header: '镇/评委', key: 'who', width: 20 },
    { header: '偏差', key: 'effect', width: 8 },
    { header: '判断门槛', key: 'threshold', width: 10 },
    { header: '村数', key: 'n', width: 8 },
    { header: '说明', key: 'message', width: 90 },
  ];
  return writeWorkbook([
    { name: '提示', columns: flagColumns, rows: view.flags.map((f, i) => ({ no: i + 1, kind: raterFlagKindLabels[f.kind] + (f.aspect === 'noise' ? '（波动大）' : ''), who: who(f), effect: f.effect, threshold: f.threshold, n: f.n, message: f.message })) },
    {
      name: '提示涉及的村',
      columns: [
        { header: '序号', key: 'no', width: 6 },
        { header: '镇/评委', key: 'who', width: 20 },
        { header: '村', key: 'village', width: 18 },
        { header: '该评分', key: 'score', width: 10 },
        { header: '对照分', key: 'reference', width: 10 },
        { header: '差值', key: 'difference', width: 8 },
      ],
      rows: view.flags.flatMap((f, i) => f.villages.map((v) => ({ no: i + 1, who: who(f), village: v.villageName, score: v.score, reference: v.reference, difference: v.difference }))),
    },
    {
      name: '互评组×被评镇',
      columns: [
        { header: '互评组（镇）', key: 'team', width: 16 },
        { header: '被评镇', key: 'town', width: 16 },
        { header: '村数', key: 'n', width: 8 },
        { header: '与对照差值（中位数）', key: 'raw', width: 20 },
        { header: '扣除共同偏差后', key: 'bias', width: 16 },
      ],
      rows: view.cells.map((c) => ({ team: c.teamTownName, town: c.townName, n: c.n, raw: c.rawMedian, bias: c.bias })),
    },
    {
      name: '擂台比武评委',
      columns: [
        { header: '评委', key: 'name', width: 16 },
        { header: '村数', key: 'n', width: 8 },
        { header: '与同场中位数差（中位数）', key: 'offset', width: 24 },
        { header: '典型偏离', key: 'spread', width: 10 },
        { header: '波动倍数', key: 'ratio', width: 10 },
      ],
      rows: view.judges.map((j) => ({ name: j.name, n: j.n, offset: j.offset, spread: j.spread, ratio: j.noiseRatio })),
    },
    aboutSheet([...about, ...view.notes.map((n, i): [string, string] => [i === 0 ? '未作判断' : '', n])]),
  ]);
}
