import { stageIds, type LegacyStageId, type Standard } from '../../../../shared/standards/standard.js';
import type { Report } from './standard-checks.js';
import { formatVersionOf } from './standard-upgrade.js';

// Which format a file is written in decides what it may say. Format 1 (no formatVersion) has
// the three fixed stage ids and none of the format-2 fields; a format-1 file that uses one gets
// an error at that field asking for formatVersion: 2, so a new rule is never read half-way.
// Format 2 names the kind of every stage.

const NEEDS_V2 = 'standard.needs_format_2';
const needsV2 = (what: string): string => `${what}仅在第 2 版格式中可用，请在文件开头写 "formatVersion": 2`;

/** Paths of format-2 fields used in the standard, with a Chinese name for each. */
export function formatTwoFields(standard: Standard): { path: string; what: string }[] {
  const found: { path: string; what: string }[] = [];
  const add = (path: string, what: string): void => {
    found.push({ path, what });
  };
  standard.stages.forEach((stage, s) => {
    if (stage.kind !== undefined) add(`stages[${s}].kind`, '阶段类型（kind）');
  });
  standard.dimensions.forEach((d, i) => {
    if (d.namedStar?.higher) add(`dimensions[${i}].namedStar.higher`, '命名星第二档（higher）');
  });
  const scheme = standard.levelScheme;
  const rows = scheme.type === 'thresholds' ? scheme.thresholds : scheme.levels;
  const rowsPath = scheme.type === 'thresholds' ? 'levelScheme.thresholds' : 'levelScheme.levels';
  rows.forEach((row, i) => {
    if (row.stars > 5) add(`${rowsPath}[${i}].stars`, '五星以上的等级');
    if ('minHigherNamedStars' in row && row.minHigherNamedStars !== undefined) add(`${rowsPath}[${i}].minHigherNamedStars`, '命名星第二档数量（minHigherNamedStars）');
  });
  if (standard.outcomes) add('outcomes', '结果名称（outcomes）');
  standard.vetoes?.forEach((v, i) => {
    if (v.yellowCard) add(`vetoes[${i}].yellowCard`, '黄牌警告（yellowCard）');
  });
  for (const group of ['bonus', 'deductions'] as const) {
    standard[group]?.items.forEach((item, i) => {
      if (item.perCount !== undefined) add(`${group}.items[${i}].perCount`, '按次计分（perCount）');
      if (item.dimension !== undefined) add(`${group}.items[${i}].dimension`, '计入维度的加分（dimension）');
    });
  }
  if (standard.dataRules) add('dataRules', '数据规则（dataRules）');
  const q = standard.quotas;
  if (q?.targets) add('quotas.targets', '名额目标比例（targets）');
  if (q?.minimumShares) add('quotas.minimumShares', '最低比例（minimumShares）');
  if (q?.ties) add('quotas.ties', '名额并列处理（ties）');
  return found;
}

export function checkFormatVersion(standard: Standard, report: Report): void {
  if (formatVersionOf(standard) === 1) {
    standard.stages.forEach((stage, s) => {
      if (!stageIds.includes(stage.id as LegacyStageId)) {
        report(`stages[${s}].id`, 'standard.v1_stage_id',
          `第 1 版格式的阶段只能是 mutual、department、city（现为“${stage.id}”）；自定义阶段请使用第 2 版格式（"formatVersion": 2）`);
      }
    });
    for (const field of formatTwoFields(standard)) report(field.path, NEEDS_V2, needsV2(field.what));
    return;
  }
  standard.stages.forEach((stage, s) => {
    if (stage.kind === undefined) {
      report(`stages[${s}].kind`, 'standard.stage_kind_required', '第 2 版格式的每个阶段须写明类型 kind（self 自评、mutual、town、department、city 或 other）');
    }
  });
}
