import { Alert, Card, Col, Empty, Result, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { evaluationStages, stageLabels, type EvaluationStage } from '../../../../../shared/contracts/campaigns';
import type { Evidence, VillageEvaluation } from '../../../../../shared/contracts/evaluation-results';
import { errorText } from '../../../api/client';
import { useVillageEvaluation } from '../../../api/evaluation-results-hooks';
import { PageLoading } from '../../../components/page-loading';
import { CampaignStatusTag, Stars } from '../campaign-labels';
import { useCrumbName } from '../../../layout/crumb-names';
import { CorrectionsCard, ExplanationCard, HistoryCard, SurveyCard, ViolationsCard } from './village-side-cards';
import { SelfEvaluationCard, WhatIfCard } from './village-self-cards';

type Indicator = VillageEvaluation['indicators'][number];

/** A village's evaluation: the self-evaluation and the three stages side by side, the evidence, the engine's reasons, its history. */
export function VillageEvaluationPage() {
  const { id = '', villageId = '' } = useParams();
  const { data, isPending, error } = useVillageEvaluation(id, villageId);
  useCrumbName('village', villageId, data?.village.name);
  if (isPending) return <PageLoading />;
  if (!data) return <Result status="404" title="无法查看该村的评星情况" subTitle={errorText(error)} extra={<Link to={`/campaigns/${id}`}>返回</Link>} />;
  const { result } = data;
  const dimensions = [...new Set(data.indicators.map((i) => i.dimensionName))];

  const stageCell = (stage: EvaluationStage) => (_: unknown, i: Indicator) => {
    if (!i.stages.includes(stage)) return <Typography.Text type="secondary">不评</Typography.Text>;
    if (!data.visibleStages.includes(stage)) return <Typography.Text type="secondary">未公开</Typography.Text>;
    const s = i.scores[stage];
    if (!s) return <Typography.Text type="secondary">未填</Typography.Text>;
    return (
      <Tooltip title={`${s.enteredByName} · ${new Date(s.enteredAt).toLocaleString('zh-CN', { hour12: false })}`}>
        <span>{s.points}</span>
      </Tooltip>
    );
  };
  const self = data.selfStage;
  const selfCell = (_: unknown, i: Indicator) => {
    if (!self.indicatorIds.includes(i.id)) return <Typography.Text type="secondary">不评</Typography.Text>;
    const p = self.points[i.id];
    return p === undefined ? <Typography.Text type="secondary">未审核</Typography.Text> : <span>{p}</span>;
  };
  const columns: TableColumnsType<Indicator> = [
    { title: '指标', dataIndex: 'name' },
    { title: '分值', dataIndex: 'maxPoints', width: 64, align: 'center' },
    { title: self.name, key: 'self', width: 96, align: 'center', render: selfCell },
    ...evaluationStages.map((stage) => ({ title: stageLabels[stage], key: stage, width: 96, align: 'center' as const, render: stageCell(stage) })),
    { title: '材料', dataIndex: 'evidenceCount', width: 64, align: 'center', render: (n: number) => (n ? `${n} 份` : '—') },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Link to={`/campaigns/${id}?tab=results`} aria-label="返回定星结果">
              <ArrowLeftOutlined />
            </Link>
            <span>
              {data.village.name}（{data.village.townName}）· 评星详情
            </span>
            <CampaignStatusTag status={data.campaign.status} />
          </Space>
        }
        extra={<Typography.Text type="secondary">{data.campaign.name}</Typography.Text>}
      >
        {result ? (
          <>
            <Row gutter={16}>
              <Col span={4}>
                <Statistic title="综合得分" value={result.score} precision={2} />
              </Col>
              <Col span={5}>
                <Typography.Text type="secondary">{result.status === 'final' ? '星级（已定星）' : '星级（建议）'}</Typography.Text>
                <div style={{ marginTop: 8 }} data-testid="village-stars">
                  <Stars value={result.stars} size={20} />
                </div>
              </Col>
              <Col span={5}>
                <Typography.Text type="secondary">系统建议</Typography.Text>
                <div style={{ marginTop: 8 }}>
                  <Stars value={result.engineStars} size={16} />
                </div>
              </Col>
              <Col span={3}>
                <Statistic title="全市排名" value={result.rankInCity ?? '—'} />
              </Col>
              <Col span={3}>
                <Statistic title="镇内排名" value={result.rankInTown ?? '—'} />
              </Col>
              <Col span={4}>
                <Statistic title="群众满意率" value={result.satisfactionRate ?? '—'} suffix={result.satisfactionRate === null ? '' : '%'} />
              </Col>
            </Row>
            {(result.vetoed || result.overrideReason || result.namedStars.length > 0 || result.notes.length > 0) && (
              <Space wrap style={{ marginTop: 16 }}>
                {result.vetoed && <Tag color="red">一票否决</Tag>}
                {result.overrideReason && <Tag color="purple">已调整：{result.overrideReason}</Tag>}
                {result.namedStars.map((n) => (
                  <Tag key={n} color="gold">
                    {n}
                  </Tag>
                ))}
                {result.notes.map((n) => (
                  <Typography.Text key={n} type="secondary">
                    {n}
                  </Typography.Text>
                ))}
              </Space>
            )}
          </>
        ) : (
          <Alert type="info" showIcon message="尚未生成定星结果：市级考评阶段由组织部管理员生成定星建议。" />
        )}
      </Card>
      <Row gutter={16} align="top">
        <Col xs={24} xl={15}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Card title="各阶段逐项得分">
              <Row gutter={16} style={{ marginBottom: 16 }}>
                <Col span={6}>
                  <SelfStageTotal stage={self} />
                </Col>
                {evaluationStages.map((stage) => (
                  <Col span={6} key={stage}>
                    <Card size="small">
                      <Statistic title={`${stageLabels[stage]}原始分`} value={data.stageTotals[stage] ?? '未公开'} />
                    </Card>
                  </Col>
                ))}
              </Row>
              {data.indicators.length === 0 ? (
                <Empty description="暂无评分" />
              ) : (
                dimensions.map((d) => (
                  <div key={d} style={{ marginBottom: 16 }}>
                    <Typography.Title level={5}>{d}</Typography.Title>
                    <Table<Indicator> rowKey="id" size="small" columns={columns} dataSource={data.indicators.filter((i) => i.dimensionName === d)} pagination={false} />
                  </div>
                ))
              )}
            </Card>
            <SelfEvaluationCard campaignId={id} villageId={villageId} />
            <EvidenceCard evidence={data.evidence} />
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <WhatIfCard campaignId={id} villageId={villageId} />
            {result && <ExplanationCard result={result} />}
            <CorrectionsCard corrections={data.corrections} />
            <SurveyCard survey={data.survey} rate={result?.satisfactionRate ?? null} />
            <ViolationsCard violations={data.violations} />
            <HistoryCard villageId={villageId} currentCampaignId={id} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

/** The self stage's approved total beside the stages' totals, tagged 计入 (counted, with its weight) or 仅供参考. */
function SelfStageTotal({ stage }: { stage: VillageEvaluation['selfStage'] }) {
  const tag = stage.counted ? <Tag color="red">计入 {stage.weight}%</Tag> : <Tag>仅供参考</Tag>;
  return (
    <Card size="small" data-testid="self-stage">
      <Statistic
        title={
          <Space size={4}>
            {`${stage.name}原始分`}
            {tag}
          </Space>
        }
        value={stage.total ?? (stage.counted ? '未审核通过（按 0 计）' : '未审核通过')}
        valueStyle={stage.total === null ? { fontSize: 14 } : undefined}
      />
    </Card>
  );
}

function EvidenceCard({ evidence }: { evidence: Evidence[] }) {
  return (
    <Card title={`考评材料（${evidence.length} 份）`}>
      <Table<Evidence>
        rowKey="id"
        size="small"
        dataSource={evidence}
        pagination={evidence.length > 10 ? { pageSize: 10 } : false}
        locale={{ emptyText: '市级考评组尚未上传材料' }}
        columns={[
          { title: '指标', dataIndex: 'indicatorName', width: 160 },
          { title: '文件', dataIndex: 'fileName' },
          { title: '上传人', dataIndex: 'uploadedByName', width: 110 },
          {
            title: '',
            key: 'download',
            width: 80,
            render: (_, e) => (
              <a href={e.downloadUrl} download={e.fileName}>
                <DownloadOutlined /> 下载
              </a>
            ),
          },
        ]}
      />
    </Card>
  );
}
