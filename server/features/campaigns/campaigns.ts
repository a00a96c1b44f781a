// Pure rules of a campaign's life: the order of its steps, when a score sheet is open, the
// public-notice period in working days.
import {
  campaignStatuses,
  evaluationStages,
  stageLabels,
  type CampaignStatus,
  type EvaluationStage,
  type StageWeights,
  type StageWindows,
} from '../../../shared/contracts/campaigns.js';

export function nextStatus(status: CampaignStatus): CampaignStatus | null {
  return campaignStatuses[campaignStatuses.indexOf(status) + 1] ?? null;
}

/** Why a stage's score sheets cannot be edited on `today`, in Chinese; null when they can. */
export function sheetLockReason(status: CampaignStatus, stage: EvaluationStage, windows: StageWindows, today: string): string | null {
  const label = stageLabels[stage];
  const w = windows[stage];
  // A scorer who cannot type is told which rule holds the sheet and from when it may open.
  const planned = `${label}计划填报时间为 ${w.opens} 至 ${w.closes}`;
  if (status === 'final') return '本年度已定星，评分只读';
  if (status === 'draft') return `评星年度尚未启动：组织部推进到摸底互评后才开始评分；${planned}`;
  const current = evaluationStages.indexOf(status as EvaluationStage);
  const mine = evaluationStages.indexOf(stage);
  if (current === -1 || mine < current) return `${label}阶段已结束，评分只读`;
  if (mine > current) return `${label}阶段尚未开始：当前为${stageLabels[status as EvaluationStage]}阶段，组织部推进到${label}后开放；${planned}`;
  if (today < w.opens) return `${label}填报时间为 ${w.opens} 至 ${w.closes}，尚未开放，将于 ${w.opens} 开放`;
  if (today > w.closes) return `${label}填报已于 ${w.closes} 截止`;
  return null;
}

export function windowProblems(windows: StageWindows): string[] {
  const problems: string[] = [];
  for (const s of evaluationStages) {
    if (windows[s].opens > windows[s].closes) problems.push(`${stageLabels[s]}的开始日期晚于结束日期`);
  }
  if (windows.mutual.opens > windows.department.opens || windows.department.opens > windows.city.opens) {
    problems.push('三个阶段应依次开始：摸底互评、部门点评、市级考评');
  }
  return problems;
}

/** Sum of this year's weights; `selfWeight` is the self stage's when `w` does not set it (0 without one). */
export function weightsSum(w: StageWeights, selfWeight = 0): number {
  return w.mutual + w.department + w.city + (w.self ?? selfWeight);
}

/** The last day of a notice of `days` working days starting on `start` (weekends skipped). */
export function noticeEndDate(start: string, days: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  let counted = 0;
  for (;;) {
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) counted++;
    if (counted === days) return d.toISOString().slice(0, 10);
    d.setUTCDate(d.getUTCDate() + 1);
  }
}
