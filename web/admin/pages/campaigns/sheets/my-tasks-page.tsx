import { useState } from 'react';
import { Alert, Button, Card, Empty, Result, Select, Space, Typography } from 'antd';
import { AppstoreOutlined, TableOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { campaignStatuses, evaluationStages, stageLabels, type Campaign, type EvaluationStage } from '../../../../../shared/contracts/campaigns';
import { useCampaigns } from '../../../api/campaigns-hooks';
import { PageLoading } from '../../../components/page-loading';
import { CampaignStatusTag } from '../campaign-labels';
import { SheetProgressTable } from './sheet-progress-table';

const stageHints: Record<EvaluationStage, string> = {
  mutual: '您所在镇的互评组负责为被评镇的各村逐项打分；不能为本镇的村打分。',
  department: '您所在评委组负责为分配给本组的村逐项打分；擂台比武得分由各评委打分后自动计算。',
  city: '市级考评组对照标准逐项考核，查阅佐证材料后打分。',
};

/** The campaign a stage's evaluator most likely wants: the one running that stage, else the latest. */
function defaultCampaign(campaigns: Campaign[], stage: EvaluationStage): Campaign | undefined {
  return campaigns.find((c) => c.status === stage) ?? campaigns.find((c) => c.status !== 'draft');
}

export function MyTasksPage() {
  const { stage: stageParam = 'mutual' } = useParams();
  const stage = evaluationStages.includes(stageParam as EvaluationStage) ? (stageParam as EvaluationStage) : null;
  const { data, isPending } = useCampaigns(1, 100);
  const [chosen, setChosen] = useState<string>();
  if (!stage) return <Result status="404" title="没有这个评分阶段" />;
  if (isPending) return <PageLoading />;
  const campaigns = data?.items ?? [];
  const campaign = campaigns.find((c) => c.id === chosen) ?? defaultCampaign(campaigns, stage);
  const window = campaign?.windows[stage];

  return (
    <Card
      title={`我的${stageLabels[stage]}任务`}
      extra={
        campaigns.length > 0 && (
          <Select
            aria-label="评星年度"
            value={campaign?.id}
            onChange={setChosen}
            style={{ width: 300 }}
            options={campaigns.map((c) => ({ value: c.id, label: c.name }))}
          />
        )
      }
    >
      {!campaign ? (
        <Empty description="暂无评星年度" />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <CampaignStatusTag status={campaign.status} />
            {stage !== 'city' && (
              <Link to={`/campaigns/${campaign.id}/${stage}`}>
                <Button type="primary" ghost size="small" icon={<AppstoreOutlined />}>
                  {stage === 'mutual' ? '摸底互评工作台（走访、测评、互评报告、汇总表）' : '部门点评工作台（擂台比武、民主评价、点评公示、整改）'}
                </Button>
              </Link>
            )}
            <Link to={`/campaigns/${campaign.id}/grid/${stage}`}>
              <Button type="primary" size="small" icon={<TableOutlined />}>
                表格录入（全部村一屏、可粘贴 Excel）
              </Button>
            </Link>
            {window && (
              <Typography.Text type="secondary">
                {stageLabels[stage]}填报时间：{window.opens} 至 {window.closes}
              </Typography.Text>
            )}
          </Space>
          {campaign.status !== stage && (
            <Alert
              type="info"
              showIcon
              message={
                campaignStatuses.indexOf(stage) > campaignStatuses.indexOf(campaign.status)
                  ? `${stageLabels[stage]}阶段尚未开始，评分表暂不能填写。`
                  : `${stageLabels[stage]}阶段已结束，评分表只读。`
              }
            />
          )}
          <Typography.Text type="secondary">{stageHints[stage]}</Typography.Text>
          <SheetProgressTable campaignId={campaign.id} stage={stage} emptyText={`您在本年度没有${stageLabels[stage]}评分任务`} />
        </Space>
      )}
    </Card>
  );
}
