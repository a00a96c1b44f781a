// Error paths such as `dimensions[0].indicators[2].maxPoints` read as 维度“支部建设” › 指标“…” › 分值,
// and say which editor tab holds the field.

export type EditorTab = 'basic' | 'dimensions' | 'figures' | 'levels' | 'rules' | 'ranking' | 'json';

const keyLabels: Record<string, string> = {
  id: '编码',
  name: '名称',
  version: '版本',
  region: '适用地区',
  year: '年度',
  description: '说明',
  totalMaxScore: '总分',
  stages: '评价阶段',
  dimensions: '维度',
  figures: '数据项',
  bonus: '加分项',
  deductions: '扣分项',
  satisfaction: '群众满意度',
  levelScheme: '定级方案',
  prerequisites: '前置条件',
  vetoes: '否决与降星',
  quotas: '名额限制',
  ranking: '排名规则',
  townScheme: '镇党委星级',
  maxPoints: '分值',
  indicators: '指标',
  guidance: '评分细则',
  evidence: '佐证材料',
  kind: '指标类型',
  formula: '计算公式',
  figure: '数据项',
  mapping: '计分方式',
  points: '计分点',
  steps: '分档',
  otherwise: '其余得分',
  namedStar: '命名星',
  minPoints: '达星分数',
  weight: '权重',
  referenceOnly: '仅作参考',
  cap: '封顶分',
  items: '项目',
  weightPercent: '满意度权重',
  basicallySatisfiedCredit: '“基本满意”折算',
  minSampleSize: '最少样本数',
  caps: '星级封顶',
  belowPercent: '满意率低于',
  maxStars: '最高星级',
  thresholds: '分数门槛',
  minScore: '最低分',
  minStars: '最低星级',
  levels: '等级',
  minNamedStars: '命名星数',
  requiredDimensions: '必含维度',
  category: '违规类别',
  effect: '处理方式',
  by: '降低星数',
  limits: '限额',
  maxPercent: '比例上限',
  order: '保留顺序',
  keys: '排序依据',
  key: '依据',
  direction: '方向',
  ownScoreMax: '自身考核满分',
  minOwnScore: '自身得分下限',
  minAverageVillageStars: '村平均星级',
  minShareOfVillages: '达星村占比',
  capWhenVillageVetoed: '有村被否决时最高星级',
  ratio: '比率',
  numerator: '分子',
  denominator: '分母',
  scale: '倍数',
  whenDenominatorZero: '分母为 0 时取值',
  unit: '单位',
  x: '数值',
  min: '下限',
  stars: '星级',
  scope: '范围',
  base: '基数',
  type: '类型',
  whenUnknown: '上年不详时',
  atLeastStars: '星级',
  percent: '占比',
  formatVersion: '格式版本',
  outcomes: '结果名称',
  display: '显示方式',
  labels: '名称',
  label: '名称',
  targets: '约占比例',
  targetPercent: '约占',
  minimumShares: '最低比例',
  atMostStars: '星级及以下',
  minPercent: '比例下限',
  ties: '并列处理',
};

const namedLists = new Set(['dimensions', 'indicators', 'figures', 'items', 'stages', 'vetoes']);

function tokens(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : (m[1] as string));
  return out;
}

/** A readable location for an error path, using the names in the draft where it has them. */
export function describePath(doc: unknown, path: string): string {
  if (!path) return '整个标准';
  const parts: string[] = [];
  let cur: unknown = doc;
  let parentKey = '';
  for (const t of tokens(path)) {
    if (typeof t === 'number') {
      const item = Array.isArray(cur) ? cur[t] : undefined;
      const name = item && typeof item === 'object' ? (item as { name?: unknown }).name : undefined;
      const label = keyLabels[parentKey] ?? parentKey;
      parts.pop();
      parts.push(namedLists.has(parentKey) && typeof name === 'string' && name ? `${label}“${name}”` : `${label}第 ${t + 1} 项`);
      cur = item;
    } else {
      parts.push(keyLabels[t] ?? t);
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[t] : undefined;
      parentKey = t;
    }
  }
  return parts.join(' › ');
}

const tabOfTop: Record<string, EditorTab> = {
  dimensions: 'dimensions',
  figures: 'figures',
  levelScheme: 'levels',
  outcomes: 'levels',
  prerequisites: 'levels',
  satisfaction: 'levels',
  vetoes: 'rules',
  bonus: 'rules',
  deductions: 'rules',
  quotas: 'ranking',
  ranking: 'ranking',
  townScheme: 'ranking',
};

export function tabOfPath(path: string): EditorTab {
  const top = tokens(path)[0];
  return typeof top === 'string' ? (tabOfTop[top] ?? 'basic') : 'basic';
}
