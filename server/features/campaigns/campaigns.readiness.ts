// Pure rules of a stage gate: what must be done before the campaign moves to its next step, said
// in Chinese with counts and the villages concerned. Some conditions a written reason may pass
// (the department decides to go on and answers for it in the audit trail); others it may not
// (stars not decided, the notice still running, objections unanswered).
import {
  evaluationStages,
  stageLabels,
  type CampaignStatus,
  type EvaluationStage,
  type ReadinessItem,
  type StageWindows,
} from '../../../shared/contracts/campaigns.js';

type Village = { name: string; townName: string };
export type SheetProgress = Village & { entered: number; total: number };

/** What the service gathered; a field is absent when the step does not look at it. */
export type ReadinessFacts = {
  to: CampaignStatus;
  today: string;
  windows: StageWindows;
  noticeEnds: string | null;
  sheets?: { stage: EvaluationStage; villages: SheetProgress[] };
  unpublishedReviews?: Village[];
  openRectifications?: (Village & { title: string; statusLabel: string })[];
  /** Villages whose self-evaluation the town has not approved, when the standard counts the self stage. */
  unapprovedSelfEvaluations?: (Village & { statusLabel: string })[];
  results?: { total: number; unconfirmed: Village[] };
  /** Quota ties referred to the department and not yet decided (ties: 'refer'). */
  unresolvedReferrals?: { text: string; places: number; stars: number; villages: Village[] }[];
  openObjections?: number;
};

export type ReadinessFact = 'sheets' | 'unpublishedReviews' | 'openRectifications' | 'unapprovedSelfEvaluations' | 'results' | 'referrals' | 'openObjections';

/** Which facts each step checks: the work of the stage that ends, and what the next step needs. */
export function factsFor(to: CampaignStatus): ReadinessFact[] {
  switch (to) {
    case 'draft':
    case 'mutual':
      return [];
    case 'department':
      return ['sheets'];
    // Stars are proposed in the city stage and published in the notice: a counted self stage must be approved by then.
    case 'city':
      return ['sheets', 'unpublishedReviews', 'openRectifications', 'unapprovedSelfEvaluations'];
    case 'notice':
      return ['sheets', 'openRectifications', 'unapprovedSelfEvaluations', 'results', 'referrals'];
    case 'final':
      return ['openObjections'];
  }
}

/** The stage whose sheets close when moving to `to`. */
export function closingStage(to: CampaignStatus): EvaluationStage | null {
  const i = ['department', 'city', 'notice'].indexOf(to);
  return i === -1 ? null : (evaluationStages[i] ?? null);
}

const villageLine = (v: Village) => `${v.townName}${v.name}`;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function readinessItems(f: ReadinessFacts): ReadinessItem[] {
  const items: ReadinessItem[] = [];
  const opening = evaluationStages.includes(f.to as EvaluationStage) ? (f.to as EvaluationStage) : null;
  if (opening && f.today < f.windows[opening].opens) {
    const w = f.windows[opening];
    items.push({
      kind: 'early_window',
      text: `${stageLabels[opening]}填报时间为 ${w.opens} 至 ${w.closes}，今天（${f.today}）尚未开放，还差 ${daysBetween(f.today, w.opens)} 天；提前推进须写明理由，开始日期将改为今天`,
      count: daysBetween(f.today, w.opens),
      details: [],
      overridable: true,
    });
  }
  if (f.sheets) {
    const unscored = f.sheets.villages.filter((v) => v.entered === 0 && v.total > 0);
    const partial = f.sheets.villages.filter((v) => v.entered > 0 && v.entered < v.total);
    if (unscored.length + partial.length > 0) {
      items.push({
        kind: 'unscored_sheets',
        text: `${stageLabels[f.sheets.stage]}评分表未填完：${unscored.length} 个村未打分，${partial.length} 个村部分打分`,
        count: unscored.length + partial.length,
        details: [...unscored, ...partial].map((v) => `${villageLine(v)}：已填 ${v.entered}/${v.total} 项`),
        overridable: true,
      });
    }
  }
  if (f.unpublishedReviews && f.unpublishedReviews.length > 0) {
    items.push({
      kind: 'unpublished_notices',
      text: `${f.unpublishedReviews.length} 个村的部门点评结果尚未公示`,
      count: f.unpublishedReviews.length,
      details: f.unpublishedReviews.map(villageLine),
      overridable: true,
    });
  }
  if (f.openRectifications && f.openRectifications.length > 0) {
    items.push({
      kind: 'open_rectifications',
      text: `${f.openRectifications.length} 项整改任务尚未核验通过`,
      count: f.openRectifications.length,
      details: f.openRectifications.map((t) => `${villageLine(t)}：${t.title}（${t.statusLabel}）`),
      overridable: true,
    });
  }
  if (f.unapprovedSelfEvaluations && f.unapprovedSelfEvaluations.length > 0) {
    items.push({
      kind: 'unapproved_self_evaluations',
      text: `${f.unapprovedSelfEvaluations.length} 个村的村自评未审核通过：自评计入综合得分，未审核通过的村自评阶段按 0 计`,
      count: f.unapprovedSelfEvaluations.length,
      details: f.unapprovedSelfEvaluations.map((v) => `${villageLine(v)}：村自评未审核通过（${v.statusLabel}）`),
      overridable: true,
    });
  }
  if (f.results && f.results.total === 0) {
    items.push({ kind: 'no_results', text: '尚未生成定星建议：请先生成定星建议并确认定星', count: 1, details: [], overridable: false });
  } else if (f.results && f.results.unconfirmed.length > 0) {
    items.push({
      kind: 'villages_without_stars',
      text: `还有 ${f.results.unconfirmed.length} 个村未定星：须确认定星后才能进入公示`,
      count: f.results.unconfirmed.length,
      details: f.results.unconfirmed.map(villageLine),
      overridable: false,
    });
  }
  if (f.unresolvedReferrals && f.unresolvedReferrals.length > 0) {
    items.push({
      kind: 'unresolved_referrals',
      text: `还有 ${f.unresolvedReferrals.length} 处名额并列待部门裁定：须对并列的村逐一调整星级并写明理由（给予名额或维持），名额用满或每村都有裁定后才能进入公示`,
      count: f.unresolvedReferrals.length,
      details: f.unresolvedReferrals.map((r) => `${r.stars} 星剩余名额 ${r.places} 个：${r.villages.map(villageLine).join('、')}`),
      overridable: false,
    });
  }
  if (f.to === 'final' && (!f.noticeEnds || f.today <= f.noticeEnds)) {
    items.push({
      kind: 'notice_running',
      text: f.noticeEnds ? `公示期至 ${f.noticeEnds} 结束，期满后才能最终定星` : '尚未公示，不能最终定星',
      count: f.noticeEnds ? Math.max(daysBetween(f.today, f.noticeEnds), 0) : 1,
      details: [],
      overridable: false,
    });
  }
  if (f.openObjections && f.openObjections > 0) {
    items.push({ kind: 'open_objections', text: `还有 ${f.openObjections} 条群众异议尚未答复`, count: f.openObjections, details: [], overridable: false });
  }
  return items;
}

/**
 * The windows after an early advance into `stage` on `today`: the stage opens today, and the
 * stage that ends closes today (when it was open), so the record says when each really ran.
 */
export function windowsMovedForEarlyAdvance(windows: StageWindows, stage: EvaluationStage, today: string): StageWindows {
  const moved: StageWindows = { ...windows, [stage]: { ...windows[stage], opens: today } };
  const previous = evaluationStages[evaluationStages.indexOf(stage) - 1];
  if (previous && moved[previous].opens <= today && moved[previous].closes > today) moved[previous] = { ...moved[previous], closes: today };
  return moved;
}
