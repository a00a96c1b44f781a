// 距下一星还差什么 for one village: the engine's what-if over the campaign's stored inputs, limited
// to what the caller may see now. A stage whose scores are not yet published to the caller counts
// as not scored (and the survey is left out until stage 1 is published), so the answer never
// reveals a hidden score.
import type { Ctx } from '../../../context.js';
import { AppError } from '../../../../shared/errors.js';
import { evaluationStages, stageLabels } from '../../../../shared/contracts/campaigns.js';
import type { WhatIfAnswer } from '../../../../shared/contracts/self-evaluation.js';
import { isInScope, scopePaths } from '../../auth/principal.js';
import { selectOrgUnit } from '../../orgs/orgs.queries.js';
import { findCampaign } from '../../campaigns/campaigns.service.js';
import { whatIfForVillage } from '../../standards/engine/what-if.js';
import { campaignReadScope } from '../evaluation.policy.js';
import { visibleStages } from '../sheets/history.js';
import { rateStoredInputs } from '../seals/stored-inputs.service.js';

export async function villageWhatIf(ctx: Ctx, campaignId: string, villageId: string): Promise<WhatIfAnswer> {
  const campaign = await findCampaign(ctx, campaignId);
  const village = await selectOrgUnit(ctx.db, ctx.principal.countyId, campaignReadScope(ctx.principal), villageId);
  if (!village || village.level !== 'village' || !village.active) throw new AppError('org.not_found');
  const department = isInScope(scopePaths(ctx.principal, 'campaign:manage'), village.path);
  const visible = visibleStages(campaign.status, department);
  const everything = visible.length === evaluationStages.length;
  const { result, input, standard } = await rateStoredInputs(ctx, campaign, everything ? {} : { stages: visible, satisfaction: visible.includes('mutual') });
  const now = result.villages.find((v) => v.id === villageId);
  if (!now) throw new AppError('org.not_found');
  const w = whatIfForVillage(standard, input, result, villageId);
  const basisText = everything
    ? '按各阶段已录入的得分计算'
    : visible.length > 0
      ? `按已公开阶段（${visible.map((s) => stageLabels[s]).join('、')}）的得分计算，未公开的阶段按未评分计`
      : '各评分阶段的得分尚未公开，按未评分计算；计算型指标按已记录的工作数据';
  return {
    villageId,
    currentStars: now.stars,
    currentScore: now.finalScore,
    status: w.status,
    target: w.status === 'reachable' || w.status === 'blocked' ? w.target : null,
    text: w.text,
    rule: w.status === 'blocked' ? w.rule : w.status === 'vetoed' ? 'veto' : null,
    gains: w.status === 'reachable' ? w.gains : [],
    totalGain: w.status === 'reachable' ? w.totalGain : 0,
    basisText,
  };
}
