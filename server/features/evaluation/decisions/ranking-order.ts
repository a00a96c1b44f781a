// Pure: how the ranking list is ordered, in words for its header (拉榜排名 must say how it is made).
import type { RankingKey, Standard } from '../../../../shared/standards/standard.js';
import { stageLabels } from '../../../../shared/contracts/campaigns.js';

function keyText(key: RankingKey, standard: Pick<Standard, 'dimensions'>): string {
  const down = key.direction !== 'asc';
  switch (key.key) {
    case 'stars':
      return `星级${down ? '从高到低' : '从低到高'}`;
    case 'finalScore':
      return `综合得分${down ? '从高到低' : '从低到高'}`;
    case 'baseScore':
      return `基础得分（加减分前）${down ? '从高到低' : '从低到高'}`;
    case 'stageScore':
      return `${stageLabels[key.stage as keyof typeof stageLabels] ?? key.stage}得分${down ? '从高到低' : '从低到高'}`;
    case 'dimensionScore':
      return `${standard.dimensions.find((d) => d.id === key.dimension)?.name ?? key.dimension}得分${down ? '从高到低' : '从低到高'}`;
    case 'satisfactionRate':
      return `群众满意率${down ? '从高到低' : '从低到高'}`;
    case 'name':
      return `村名${key.direction === 'desc' ? '逆序' : '顺序'}`;
  }
}

export function rankingOrderText(standard: Pick<Standard, 'dimensions' | 'ranking'>): string {
  const [first, ...rest] = standard.ranking.keys.map((k) => keyText(k, standard));
  const ties = rest.length ? `；相同时依次比较${rest.join('、')}` : '';
  return `按${first}排列${ties}；完全相同的村并列同一名次。不定级的村不参加排名。星级经调整或更正的，按调整、更正后的星级排列`;
}
