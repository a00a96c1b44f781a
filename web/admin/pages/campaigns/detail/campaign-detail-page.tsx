import { useState } from 'react';
import { Button, Card, Descriptions, Result, Segmented, Space, Tabs, Typography } from 'antd';
import { AppstoreOutlined, ArrowLeftOutlined, AuditOutlined, EditOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { evaluationStages, stageLabels, type Campaign, type EvaluationStage } from '../../../../../shared/contracts/campaigns';
import { useCampaign } from '../../../api/campaigns-hooks';
import { errorText } from '../../../api/client';
import { useSession } from '../../../auth/session';
import { PageLoading } from '../../../components/page-loading';
import { PanelsCard } from '../assignments/panels-card';
import { TeamsCard } from '../assignments/teams-card';
import { CampaignStatusTag } from '../campaign-labels';
import { CampaignFormModal } from '../list/campaign-form-modal';
import { NoticeTab } from '../notice/notice-tab';
import { ResultsTab } from '../results/results-tab';
import { SheetProgressTable } from '../sheets/sheet-progress-table';
import { CampaignSteps } from './campaign-steps';

const tabKeys = ['overview', 'progress', 'assignments', 'results', 'notice'] as const;
type TabKey = (typeof tabKeys)[number];

/** The stage whose sheets matter most now: the running one, or the last once scoring is over. */
function defaultStage(c: Campaign): EvaluationStage {
  return evaluationStages.includes(c.status as EvaluationStage) ? (c.status as EvaluationStage) : c.status === 'draft' ? 'mutual' : 'city';
}

export function CampaignDetailPage() {
  const { id = '' } = useParams();
  const { data: campaign, isPending, error } = useCampaign(id);
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  if (isPending) return <PageLoading />;
  if (error || !campaign) return <Result status="404" title="评星年度不存在" subTitle={errorText(error)} extra={<Link to="/campaigns">返回评星定级</Link>} />;

  const canManage = can('campaign:manage');
  const tab = tabKeys.includes(params.get('tab') as TabKey) ? (params.get('tab') as TabKey) : 'overview';
  const stage = evaluationStages.includes(params.get('stage') as EvaluationStage) ? (params.get('stage') as EvaluationStage) : defaultStage(campaign);
  const setTab = (key: string) => setParams({ tab: key }, { replace: true });

  const items = [
    { key: 'overview', label: '概览', children: <Overview campaign={campaign} /> },
    {
      key: 'progress',
      label: '评分进度',
      children: (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Segmented
            value={stage}
            onChange={(s) => setParams({ tab: 'progress', stage: String(s) }, { replace: true })}
            options={evaluationStages.map((s) => ({ value: s, label: stageLabels[s] }))}
          />
          <SheetProgressTable key={stage} campaignId={campaign.id} stage={stage} />
        </Space>
      ),
    },
    {
      key: 'assignments',
      label: '分组安排',
      children: (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <TeamsCard campaign={campaign} canManage={canManage} />
          <PanelsCard campaign={campaign} canManage={canManage} />
        </Space>
      ),
    },
    { key: 'results', label: '定星结果', children: <ResultsTab campaign={campaign} canManage={canManage} /> },
    ...(campaign.status === 'notice' || campaign.status === 'final' ? [{ key: 'notice', label: '公示与异议', children: <NoticeTab campaign={campaign} /> }] : []),
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Link to="/campaigns" aria-label="返回评星定级">
              <ArrowLeftOutlined />
            </Link>
            <span>{campaign.name}</span>
            <CampaignStatusTag status={campaign.status} />
          </Space>
        }
        extra={
          canManage &&
          campaign.status !== 'final' && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              修改
            </Button>
          )
        }
      >
        <CampaignSteps campaign={campaign} canManage={canManage} />
      </Card>
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs activeKey={tab} onChange={setTab} items={items} destroyOnHidden />
      </Card>
      {editing && <CampaignFormModal campaign={campaign} onClose={() => setEditing(false)} />}
    </Space>
  );
}

function Overview({ campaign: c }: { campaign: Campaign }) {
  const { can } = useSession();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Link to={`/campaigns/${c.id}/mutual`}>
          <Button icon={<AppstoreOutlined />}>摸底互评工作台</Button>
        </Link>
        <Link to={`/campaigns/${c.id}/department`}>
          <Button icon={<AppstoreOutlined />}>部门点评工作台</Button>
        </Link>
        {can('campaign:manage') && (
          <Link to={`/campaigns/${c.id}/raters`}>
            <Button icon={<AuditOutlined />}>评价质量</Button>
          </Link>
        )}
        {can('violation:read') && (
          <Link to="/violations">
            <Button icon={<SafetyCertificateOutlined />}>违纪违法核查</Button>
          </Link>
        )}
      </Space>
      <Descriptions bordered column={2} size="middle">
        <Descriptions.Item label="年度">{c.year}</Descriptions.Item>
        <Descriptions.Item label="当前阶段">
          <CampaignStatusTag status={c.status} />
        </Descriptions.Item>
        <Descriptions.Item label="评星标准" span={2}>
          {c.standardName} <Typography.Text type="secondary">版本 {c.standardVersion}</Typography.Text>
        </Descriptions.Item>
        {evaluationStages.map((s) => (
          <Descriptions.Item key={s} label={`${stageLabels[s]}时间`}>
            {c.windows[s].opens} 至 {c.windows[s].closes}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label="阶段权重">
          {evaluationStages.map((s) => `${stageLabels[s]} ${c.stageWeights[s]}%`).join('，')}
          {c.stageWeights.self !== undefined && `，村自评 ${c.stageWeights.self}%${c.stageWeights.self === 0 ? '（仅供参考）' : ''}`}
        </Descriptions.Item>
        <Descriptions.Item label="公示期">{c.noticeDays} 个工作日</Descriptions.Item>
        <Descriptions.Item label="公示时间">{c.noticeStarts ? `${c.noticeStarts} 至 ${c.noticeEnds ?? ''}` : '进入结果公示时确定'}</Descriptions.Item>
      </Descriptions>
    </Space>
  );
}
