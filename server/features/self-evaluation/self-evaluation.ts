// 自评 with approvals, DHIS2-style: a level acts only on what the level below has approved, and
// approved data is locked. The village edits a draft or a returned self-evaluation and submits it;
// the town approves or returns it; the department sends an approved one back to the town.
import type { CampaignStatus } from '../../../shared/contracts/campaigns.js';
import type { SelfEvaluationAction, SelfEvaluationItems, SelfEvaluationStatus } from '../../../shared/contracts/self-evaluation.js';
import type { Standard } from '../../../shared/standards/standard.js';
import { selfStageOf } from './self-stage.js';

export type StoredStatus = Exclude<SelfEvaluationStatus, 'not_started'>;
export type SelfEvaluationMove = 'submit' | 'approve' | 'return' | 'unapprove';

const moves: Record<SelfEvaluationMove, { from: readonly StoredStatus[]; to: StoredStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
  // Back to the town, which returns it to the village or approves it again.
  unapprove: { from: ['approved'], to: 'submitted' },
};

/** The status a move leads to, or null when the move is illegal from this status. */
export function nextSelfEvaluationStatus(status: SelfEvaluationStatus, move: SelfEvaluationMove): StoredStatus | null {
  const m = moves[move];
  return status !== 'not_started' && m.from.includes(status) ? m.to : null;
}

/** Only the village's own unfinished work can change. */
export const isEditable = (status: SelfEvaluationStatus) => status === 'not_started' || status === 'draft' || status === 'returned';

/** Why nothing about self-evaluations can be done now; null when it can (until the public notice). */
export function campaignLock(status: CampaignStatus): string | null {
  return status === 'notice' || status === 'final' ? '本年度评星已进入公示或已定星，自评只读' : null;
}

export type Part = { submitter: boolean; reviewer: boolean; unapprover: boolean };

export function actionsFor(part: Part, status: SelfEvaluationStatus, campaign: CampaignStatus): SelfEvaluationAction[] {
  if (campaignLock(campaign)) return [];
  const actions: SelfEvaluationAction[] = [];
  if (part.submitter && isEditable(status)) actions.push('edit');
  if (part.submitter && nextSelfEvaluationStatus(status, 'submit')) actions.push('submit');
  if (part.reviewer && status === 'submitted') actions.push('approve', 'return');
  if (part.unapprover && status === 'approved') actions.push('unapprove');
  return actions;
}

type LooseStage = { id: string; kind?: string; weight: number; referenceOnly?: boolean };

/** The standard's self-evaluation stage, if it has one (format 2 names it by kind `self`). */
function selfStage(standard: Standard): LooseStage | undefined {
  return (standard.stages as readonly LooseStage[]).find((s) => s.kind === 'self');
}

export type SelfIndicator = { id: string; name: string; dimensionName: string; maxPoints: number };

/** The indicators the village scores itself on: those of the self stage, else every scored one. */
export function selfIndicators(standard: Standard): SelfIndicator[] {
  const stage = selfStage(standard);
  const all = standard.dimensions.flatMap((d) =>
    d.indicators.filter((i) => i.kind === 'scored').map((i) => ({ id: i.id, name: i.name, dimensionName: d.name, maxPoints: i.maxPoints, stages: i.stages as readonly string[] })),
  );
  const own = stage ? all.filter((i) => i.stages.includes(stage.id)) : [];
  return (own.length > 0 ? own : all).map(({ stages: _s, ...i }) => i);
}

/** Counted when the standard gives the self stage a weight; otherwise shown beside the others for reference. */
export function stageRole(standard: Standard): { role: 'counted' | 'reference'; text: string } {
  const stage = selfStageOf(standard);
  if (stage?.counted) return { role: 'counted', text: `评星标准规定自评计入综合得分（权重 ${stage.weight}%）：镇审核通过的自评分参与定星测算，未审核通过按 0 计` };
  if (stage) return { role: 'reference', text: '自评与各阶段得分并列显示，仅供参考，不计入总分' };
  return { role: 'reference', text: '本年度评星标准未设自评阶段，自评仅供参考，不计入总分' };
}

export type ItemInput = { indicatorId: string; points: number | null; note: string };
export type ItemProblem = { indicatorId: string; code: 'selfeval.unknown_indicator' | 'selfeval.points_out_of_range' };

/** The first problem of a save, or the items to store: nothing is rounded or dropped. */
export function checkItems(indicators: readonly SelfIndicator[], input: readonly ItemInput[]): { problem: ItemProblem } | { items: SelfEvaluationItems } {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const items: SelfEvaluationItems = {};
  for (const it of input) {
    const ind = byId.get(it.indicatorId);
    if (!ind) return { problem: { indicatorId: it.indicatorId, code: 'selfeval.unknown_indicator' } };
    if (it.points !== null) {
      const hundredths = it.points * 100;
      if (!Number.isFinite(it.points) || it.points < 0 || it.points > ind.maxPoints || Math.abs(hundredths - Math.round(hundredths)) > 1e-9) {
        return { problem: { indicatorId: it.indicatorId, code: 'selfeval.points_out_of_range' } };
      }
    }
    items[it.indicatorId] = { points: it.points, note: it.note };
  }
  return { items };
}

/** Indicators still without points: a submission must cover every one. */
export function missingIndicators(indicators: readonly SelfIndicator[], items: SelfEvaluationItems): string[] {
  return indicators.filter((i) => items[i.id]?.points === undefined || items[i.id]?.points === null).map((i) => i.id);
}

/** The sum of the points entered, in hundredths exactly. */
export function totalOf(indicators: readonly SelfIndicator[], items: SelfEvaluationItems): number {
  return indicators.reduce((n, i) => n + Math.round((items[i.id]?.points ?? 0) * 100), 0) / 100;
}

export type SelfStageView = { name: string; counted: boolean; weight: number; status: SelfEvaluationStatus; indicatorIds: string[]; points: Record<string, number>; total: number | null };

/** The self-evaluation as a stage beside the others on the village page: only approved points are shown as the stage's. */
export function selfStageView(standard: Standard, row: { status: SelfEvaluationStatus; items: SelfEvaluationItems } | undefined): SelfStageView {
  const stage = selfStageOf(standard);
  const indicators = selfIndicators(standard);
  const status = row?.status ?? 'not_started';
  const points: Record<string, number> = {};
  if (row && status === 'approved') {
    for (const i of indicators) {
      const p = row.items[i.id]?.points;
      if (p !== undefined && p !== null) points[i.id] = p;
    }
  }
  return {
    name: stage?.name ?? '村自评',
    counted: stage?.counted ?? false,
    weight: stage?.weight ?? 0,
    status,
    indicatorIds: indicators.map((i) => i.id),
    points,
    total: status === 'approved' && row ? totalOf(indicators, row.items) : null,
  };
}
