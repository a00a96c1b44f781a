// Every rule of a standard in plain Chinese, so that a department person can read a standard
// without its JSON. Pure functions: the viewer, the editor's hints and the error list share them.
import type {
  Figure,
  FormulaMapping,
  Prerequisite,
  Quota,
  RankingKey,
  Standard,
  StageId,
  VetoEffect,
} from '../../../../shared/standards/standard';

export const stageLabels: Record<StageId, string> = { mutual: '摸底互评', department: '部门点评', city: '市级考评' };
export const stageOrder: StageId[] = ['mutual', 'department', 'city'];

export const violationCategoryLabels: Record<string, string> = {
  discipline: '违反党规党纪',
  petition: '违规上访',
  crime: '违法犯罪',
  safety: '安全生产',
  integrity: '廉政问题',
  security: '治安问题',
};

/** Trims a number for reading: 90 not 90.00, 2.5 stays 2.5. */
export const num = (n: number | null | undefined): string => (typeof n === 'number' && Number.isFinite(n) ? String(Number(n.toFixed(2))) : '—');
export const pts = (n: number | null | undefined) => `${num(n)} 分`;
export const starsText = (n: number) => (n === 0 ? '不评星（0 星）' : `${n} 星`);

function figureOf(figures: Figure[] | undefined, id: string): { name: string; unit: string } {
  const f = figures?.find((x) => x.id === id);
  return f ? { name: f.name, unit: f.unit } : { name: id, unit: '' };
}

const withUnit = (v: number, unit: string) => `${num(v)}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;

export function vetoEffectText(effect: VetoEffect): string {
  switch (effect.type) {
    case 'noRating':
      return '一票否决，不予评星';
    // Hand-written JSON may leave the number out; the validation list says so, the words must not say "undefined".
    case 'capStars':
      return effect.maxStars === 0 ? '不得评定星级' : `最高只能评为 ${effect.maxStars ?? '？'} 星`;
    case 'lowerStars':
      return `在评定星级基础上降低 ${effect.by ?? '？'} 星（不低于最低星级）`;
  }
}

export function mappingText(mapping: FormulaMapping, figureId: string, figures: Figure[] | undefined): string {
  const { name, unit } = figureOf(figures, figureId);
  if (mapping.type === 'piecewise') {
    const ps = mapping.points;
    const first = ps[0];
    const last = ps[ps.length - 1];
    if (!first || !last) return `按“${name}”计分`;
    if (ps.length === 1) return `按“${name}”计分：固定得 ${pts(first.points)}`;
    const head = `按“${name}”计分：${withUnit(first.x, unit)}及以下得 ${pts(first.points)}，${withUnit(last.x, unit)}及以上得 ${pts(last.points)}，其间按线性计算`;
    if (ps.length === 2) return head;
    return `${head}（转折点：${ps.map((p) => `${withUnit(p.x, unit)}得 ${pts(p.points)}`).join('，')}）`;
  }
  const steps = mapping.steps.map((s) => `达到 ${withUnit(s.min, unit)} 得 ${pts(s.points)}`).join('；');
  return `按“${name}”分档计分：${steps}；其余得 ${pts(mapping.otherwise ?? 0)}`;
}

export function figureText(figure: Figure, figures: Figure[] | undefined): string {
  if (!figure.ratio) return '由村（社区）填报或系统记录';
  const n = figureOf(figures, figure.ratio.numerator).name;
  const d = figureOf(figures, figure.ratio.denominator).name;
  const scale = figure.ratio.scale === 100 ? ' × 100%' : figure.ratio.scale === 1 ? '' : ` × ${figure.ratio.scale}`;
  const zero = figure.ratio.whenDenominatorZero !== undefined ? `；“${d}”为 0 时取 ${num(figure.ratio.whenDenominatorZero)}` : '；“' + d + '”为 0 时视为缺失';
  return `${n} ÷ ${d}${scale}${zero}`;
}

export function prerequisiteText(p: Prerequisite, figures: Figure[] | undefined): string {
  if (p.type === 'lastYearStars') {
    const unknown = p.whenUnknown === 'met' ? '上年星级不详的视为满足' : '上年星级不详的视为不满足';
    return `评为 ${p.stars} 星须上年达到 ${p.minStars} 星及以上（${unknown}）；不满足的降为 ${p.stars - 1} 星`;
  }
  const { name, unit } = figureOf(figures, p.figure);
  const extra = p.description ? `（${p.description}）` : '';
  return `评为 ${p.stars} 星须“${name}”不低于 ${withUnit(p.min, unit)}${extra}；不满足的降为 ${p.stars - 1} 星`;
}

export function rankingKeyText(key: RankingKey, standard: Pick<Standard, 'dimensions'>): string {
  const desc = key.key === 'name' ? key.direction === 'desc' : key.direction !== 'asc';
  const order = desc ? '高者在前' : '低者在前';
  switch (key.key) {
    case 'stars':
      return `星级（${order}）`;
    case 'finalScore':
      return `最终得分（${order}）`;
    case 'baseScore':
      return `指标得分（未计加减分，${order}）`;
    case 'stageScore':
      return `${stageLabels[key.stage] ?? key.stage}得分（${order}）`;
    case 'dimensionScore': {
      const dim = standard.dimensions.find((d) => d.id === key.dimension);
      return `“${dim?.name ?? key.dimension}”维度得分（${order}）`;
    }
    case 'satisfactionRate':
      return `群众满意率（${order}）`;
    case 'name':
      return `村名（${desc ? '倒序' : '顺序'}）`;
  }
}

export function quotaText(q: Quota): string[] {
  const scope = q.scope === 'city' ? '全市' : '每个镇（街道）';
  const base = q.base === 'allVillages' ? '全部村（社区）' : '未被一票否决的村（社区）';
  return q.limits.map((l) => `${scope} ${l.stars} 星村不超过${base}的 ${num(l.maxPercent)}%（按人数向下取整），超出的降一星`);
}

export function townLevelText(level: NonNullable<Standard['townScheme']>['levels'][number]): string {
  const parts: string[] = [];
  if (level.minOwnScore !== undefined) parts.push(`镇党委自身得分不低于 ${pts(level.minOwnScore)}`);
  if (level.minAverageVillageStars !== undefined) parts.push(`所辖村平均星级不低于 ${num(level.minAverageVillageStars)} 星`);
  if (level.minShareOfVillages) {
    parts.push(`所辖村中 ${level.minShareOfVillages.atLeastStars} 星及以上的占比不低于 ${num(level.minShareOfVillages.percent)}%`);
  }
  return parts.length ? parts.join('，且') : '无附加条件';
}

export function namedStarLevelText(
  level: Extract<Standard['levelScheme'], { type: 'namedStars' }>['levels'][number],
  standard: Pick<Standard, 'dimensions'>,
): string {
  const parts = [`获得至少 ${level.minNamedStars} 颗命名星`];
  if (level.requiredDimensions?.length) {
    const names = level.requiredDimensions.map((id) => {
      const d = standard.dimensions.find((x) => x.id === id);
      return `“${d?.namedStar?.name ?? d?.name ?? id}”`;
    });
    parts.push(`其中须含${names.join('、')}`);
  }
  if (level.minScore !== undefined) parts.push(`最终得分不低于 ${pts(level.minScore)}`);
  return parts.join('，');
}

export function satisfactionCapText(cap: { belowPercent: number; maxStars: number }): string {
  return `群众满意率低于 ${num(cap.belowPercent)}% 的，${cap.maxStars === 0 ? '不予评星' : `最高评为 ${cap.maxStars} 星`}`;
}
