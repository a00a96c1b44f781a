import { Card, Empty, List, Progress, Space, Table, Tag, Timeline, Typography } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined, StopOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { violationStatusLabels, type VillageEvaluation } from '../../../../../shared/contracts/evaluation-results';
import { useStarHistory } from '../../../api/evaluation-results-hooks';
import { Stars } from '../campaign-labels';

type Result = NonNullable<VillageEvaluation['result']>;

// Rules whose step decides or caps the stars deserve a colour: red for vetoes and caps.
// ('blue' would take the theme's primary colour, which is Party red here.)
const stepColor = (rule: string) => (/veto|cap|prereq|downgrade/.test(rule) ? 'red' : rule === 'level' ? 'green' : 'gray');

/** 定星依据: the engine's explanation, one Chinese sentence per step, in the order it applied them. */
export function ExplanationCard({ result }: { result: Result }) {
  return (
    <Card title="定星依据" size="small">
      <Timeline
        items={[
          ...result.steps.map((s, i) => ({ key: i, color: stepColor(s.rule), children: s.text })),
          ...(result.overrideReason
            ? [{ key: 'override', color: 'purple', children: `组织部管理员调整星级：${result.overrideReason}` }]
            : []),
          ...(result.confirmedByName
            ? [{ key: 'confirm', color: 'green', dot: <CheckCircleOutlined />, children: `${result.confirmedByName} 于 ${new Date(result.confirmedAt ?? '').toLocaleDateString('zh-CN')} 确认定星` }]
            : []),
        ]}
      />
    </Card>
  );
}

/** 群众测评: the stage-1 survey counts and the rate the engine drew from them. */
export function SurveyCard({ survey, rate }: { survey: VillageEvaluation['survey']; rate: number | null }) {
  return (
    <Card title="群众满意度测评" size="small">
      {survey ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            样本 {survey.sampleSize} 人{survey.surveyDate ? `（${survey.surveyDate}）` : ''}，录入人 {survey.enteredByName}
          </Typography.Text>
          {[
            ['满意', survey.satisfied, '#52c41a'],
            ['基本满意', survey.basicallySatisfied, '#faad14'],
            ['不满意', survey.unsatisfied, '#ff4d4f'],
          ].map(([label, n, color]) => (
            <div key={label as string}>
              <Typography.Text type="secondary">
                {label}：{n} 人
              </Typography.Text>
              <Progress percent={Math.round(((n as number) / survey.sampleSize) * 1000) / 10} strokeColor={color as string} size="small" />
            </div>
          ))}
          {rate !== null && <Typography.Text strong>按评星标准计算的满意率：{rate}%</Typography.Text>}
        </Space>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={rate !== null ? `满意率 ${rate}%（未录入测评明细）` : '尚未录入测评结果'} />
      )}
    </Card>
  );
}

/** 违纪违法核查: categories only for most readers; officers also see the case numbers. */
export function ViolationsCard({ violations }: { violations: VillageEvaluation['violations'] }) {
  return (
    <Card title="违纪违法核查" size="small">
      {violations.length === 0 ? (
        <Space>
          <CheckCircleOutlined style={{ color: '#52c41a' }} />
          <Typography.Text>未发现核查属实的违纪违法情况</Typography.Text>
        </Space>
      ) : (
        <List
          size="small"
          dataSource={violations}
          renderItem={(v) => (
            <List.Item>
              <Space wrap>
                {v.status === 'confirmed' ? <StopOutlined style={{ color: '#cf1322' }} /> : <ExclamationCircleOutlined style={{ color: '#d48806' }} />}
                <span>{v.categoryLabel}</span>
                <Tag color={v.status === 'confirmed' ? 'red' : v.status === 'reported' ? 'orange' : 'default'}>{violationStatusLabels[v.status]}</Tag>
                {v.caseNo && <Typography.Text type="secondary">{v.caseNo}</Typography.Text>}
                {v.occurredOn && <Typography.Text type="secondary">{v.occurredOn}</Typography.Text>}
                {v.status === 'confirmed' && !v.inResult && <Tag color="volcano">定星后核实，需更正</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** 星级历史: the village's stars across campaigns. */
export function HistoryCard({ villageId, currentCampaignId }: { villageId: string; currentCampaignId: string }) {
  const { data, isPending } = useStarHistory(villageId);
  return (
    <Card title="历年星级" size="small">
      <Table
        rowKey="campaignId"
        size="small"
        loading={isPending}
        pagination={false}
        dataSource={data?.items}
        locale={{ emptyText: '暂无历年结果' }}
        columns={[
          {
            title: '年度',
            dataIndex: 'year',
            render: (y: number, h) => (h.campaignId === currentCampaignId ? <Typography.Text strong>{y}</Typography.Text> : <Link to={`/campaigns/${h.campaignId}/villages/${villageId}`}>{y}</Link>),
          },
          { title: '得分', dataIndex: 'score', align: 'right' as const },
          { title: '星级', dataIndex: 'stars', render: (s: number | null) => <Stars value={s} size={12} /> },
          { title: '全市', dataIndex: 'rankInCity', align: 'center' as const, render: (r: number | null) => r ?? '—' },
          {
            title: '',
            key: 'flags',
            render: (_, h) => (
              <Space size={0}>
                {h.status === 'proposed' && <Tag>建议</Tag>}
                {h.vetoed && <Tag color="red">否决</Tag>}
                {h.overridden && <Tag color="purple">调整</Tag>}
                {h.corrected && <Tag color="volcano">更正</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** 更正记录: changes during the notice or after final, each with its reason. */
export function CorrectionsCard({ corrections }: { corrections: VillageEvaluation['corrections'] }) {
  if (corrections.length === 0) return null;
  return (
    <Card title="星级更正记录" size="small">
      <Timeline
        items={corrections.map((c) => ({
          key: c.id,
          color: 'volcano',
          children: (
            <Space direction="vertical" size={0}>
              <span>
                {c.phase === 'notice' ? '公示期调整' : '定星后更正'}：{c.starsBefore ?? '不定级'} 星 → {c.starsAfter ?? '不定级'} 星
              </span>
              <Typography.Text type="secondary">{c.reason}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.correctedByName} · {new Date(c.correctedAt).toLocaleString('zh-CN', { hour12: false })}
                {c.objectionReceiptNo ? ` · 异议回执 ${c.objectionReceiptNo}` : ''}
              </Typography.Text>
            </Space>
          ),
        }))}
      />
    </Card>
  );
}
