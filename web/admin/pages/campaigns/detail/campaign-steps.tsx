import { useState } from 'react';
import { Alert, Button, Flex, Steps } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import {
  campaignStatusLabels,
  campaignStatuses,
  evaluationStages,
  type Campaign,
  type CampaignStatus,
  type EvaluationStage,
} from '../../../../../shared/contracts/campaigns';
import { useResultsPage } from '../../../api/results-hooks';
import { notifySuccess } from '../../../components/feedback';
import { advanceRefusal, nextStatusOf } from '../campaign-labels';
import { AdvanceDialog } from './advance-dialog';

function stepDescription(c: Campaign, s: CampaignStatus): string {
  if (evaluationStages.includes(s as EvaluationStage)) {
    const w = c.windows[s as EvaluationStage];
    return `${w.opens.slice(5)} 至 ${w.closes.slice(5)}`;
  }
  if (s === 'notice') return c.noticeStarts ? `${c.noticeStarts.slice(5)} 至 ${c.noticeEnds?.slice(5) ?? ''}` : `${c.noticeDays} 个工作日`;
  if (s === 'draft') return '设置分组与评委';
  return c.status === 'final' ? '结果已确定' : '';
}

/** The campaign's six steps, and the one audited action that moves it to the next. */
export function CampaignSteps({ campaign, canManage }: { campaign: Campaign; canManage: boolean }) {
  const [asking, setAsking] = useState<CampaignStatus | null>(null);
  // Only when the results were last read matters here (one row, not the whole ranking).
  const results = useResultsPage(campaign.id, { page: 1, pageSize: 1, towns: false }, canManage);
  // A refusal speaks of the results as they were: once they change (computed, confirmed), it is stale.
  const [refusal, setRefusal] = useState<{ text: string; resultsAt: number } | null>(null);
  const shownRefusal = refusal && refusal.resultsAt === results.dataUpdatedAt ? refusal.text : null;
  const next = nextStatusOf(campaign.status);
  const current = campaignStatuses.indexOf(campaign.status);


  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={24}>
        <Steps
          style={{ flex: 1 }}
          size="small"
          current={campaign.status === 'final' ? campaignStatuses.length : current}
          items={campaignStatuses.map((s) => ({ title: campaignStatusLabels[s], description: stepDescription(campaign, s) }))}
          data-testid="campaign-steps"
        />
        {canManage && next && (
          <Button type="primary" icon={<ArrowRightOutlined />} onClick={() => setAsking(next)}>
            推进到{campaignStatusLabels[next]}
          </Button>
        )}
      </Flex>
      {asking && (
        <AdvanceDialog
          campaignId={campaign.id}
          to={asking}
          onClose={() => setAsking(null)}
          onAdvanced={() => {
            setRefusal(null);
            notifySuccess(`已进入${campaignStatusLabels[asking]}阶段`);
          }}
          onRefused={(e) => setRefusal({ text: advanceRefusal(e, campaign), resultsAt: results.dataUpdatedAt })}
        />
      )}
      {shownRefusal && <Alert type="error" showIcon message="未能推进到下一阶段" description={shownRefusal} closable onClose={() => setRefusal(null)} data-testid="advance-refusal" />}
    </Flex>
  );
}
