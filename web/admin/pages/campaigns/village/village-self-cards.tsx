import { Alert, Card, Descriptions, Empty, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { WhatIfAnswer } from '../../../../../shared/contracts/self-evaluation';
import { errorText } from '../../../api/client';
import { useSelfEvaluation, useWhatIf } from '../../../api/self-evaluation-hooks';
import { formatTime, SelfEvaluationStatusTag } from '../../self-evaluation/self-evaluation-labels';

const linkText = (actions: readonly string[]) =>
  actions.includes('edit') ? '填报自评' : actions.includes('approve') ? '审核自评' : actions.includes('unapprove') ? '查看 / 退回' : '查看自评';

/** The village's 自评 beside the three stages: its state, total and whether the standard counts it. */
export function SelfEvaluationCard({ campaignId, villageId }: { campaignId: string; villageId: string }) {
  const { data, error, isPending } = useSelfEvaluation(campaignId, villageId);
  return (
    <Card
      title="村自评"
      loading={isPending}
      extra={data && <Link to={`/campaigns/${campaignId}/villages/${villageId}/self-evaluation`}>{linkText(data.actions)}</Link>}
    >
      {data ? (
        <Descriptions size="small" column={2}>
          <Descriptions.Item label="状态">
            <SelfEvaluationStatusTag status={data.status} />
          </Descriptions.Item>
          <Descriptions.Item label="自评总分">{data.status === 'not_started' ? '—' : `${data.total} / ${data.maxTotal}`}</Descriptions.Item>
          <Descriptions.Item label="签署提交">{data.submitted ? `${data.submitted.name} · ${formatTime(data.submitted.at)}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="镇审核">{data.reviewed ? `${data.reviewed.name} · ${formatTime(data.reviewed.at)}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="计分方式" span={2}>
            <Tag color={data.stageRole === 'counted' ? 'red' : 'default'}>{data.stageRole === 'counted' ? '计入' : '仅供参考'}</Tag>
            {data.stageRoleText}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{errorText(error)}</Typography.Text>
      )}
    </Card>
  );
}

type Gain = WhatIfAnswer['gains'][number];

/** 距下一星还差什么: the smallest gains that reach the next star, or the rule that points cannot fix. */
export function WhatIfCard({ campaignId, villageId, title = '距下一星还差什么' }: { campaignId: string; villageId: string; title?: string }) {
  const { data, error, isPending } = useWhatIf(campaignId, villageId);
  return (
    <Card title={title} loading={isPending} data-testid="what-if">
      {!data ? (
        <Empty description={errorText(error)} />
      ) : (
        <>
          <Typography.Paragraph>
            当前测算：{data.currentScore} 分，{data.currentStars === null ? '不评星' : `${data.currentStars} 星`}
          </Typography.Paragraph>
          {data.status === 'reachable' ? (
            <>
              <Alert type="info" showIcon message={`距 ${data.target} 星还差 ${data.totalGain} 分，可在以下指标上提升：`} style={{ marginBottom: 12 }} />
              <Table<Gain>
                rowKey="indicatorId"
                size="small"
                pagination={false}
                dataSource={data.gains}
                columns={[
                  { title: '指标', dataIndex: 'name' },
                  { title: '现得分', dataIndex: 'from', width: 72, align: 'right' },
                  { title: '需达到', dataIndex: 'to', width: 72, align: 'right' },
                  { title: '还差', dataIndex: 'gain', width: 64, align: 'right', render: (g: number) => <Typography.Text type="danger">+{g}</Typography.Text> },
                  { title: '满分', dataIndex: 'maxPoints', width: 56, align: 'right' },
                ]}
              />
            </>
          ) : (
            <Alert type={data.status === 'top' ? 'success' : 'warning'} showIcon message={data.text} />
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {data.basisText}。按可提升空间从大到小排列，只列出够升一星的最少提分。
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
