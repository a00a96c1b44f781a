import { Alert, Card, Col, Descriptions, Empty, Result, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { evaluationStages, stageLabels, type EvaluationStage, type ScoreSheet } from '../../../../../shared/contracts/campaigns';
import { campaignKeys, useCampaign, useResults } from '../../../api/campaigns-hooks';
import { api, errorText } from '../../../api/client';
import { PageLoading } from '../../../components/page-loading';
import { CampaignStatusTag, Stars } from '../campaign-labels';

type Row = { id: string; name: string; dimensionName: string; maxPoints: number } & Partial<Record<EvaluationStage, { points: number | null; enteredBy: string | null } | 'none'>>;

/** One row per indicator with each stage's points next to each other; 'none': not scored in that stage. */
export function sideBySide(sheets: Partial<Record<EvaluationStage, ScoreSheet>>): Row[] {
  const rows = new Map<string, Row>();
  for (const stage of evaluationStages) {
    for (const i of sheets[stage]?.indicators ?? []) {
      const row = rows.get(i.id) ?? { id: i.id, name: i.name, dimensionName: i.dimensionName, maxPoints: i.maxPoints };
      row[stage] = { points: i.points, enteredBy: i.enteredBy };
      rows.set(i.id, row);
    }
  }
  return [...rows.values()];
}

export function VillageEvaluationPage() {
  const { id = '', villageId = '' } = useParams();
  const campaign = useCampaign(id);
  const results = useResults(id);
  // A stage the caller may not open answers 404: that column then stays empty.
  const sheets = useQueries({
    queries: evaluationStages.map((stage) => ({
      queryKey: campaignKeys.sheet(id, stage, villageId),
      queryFn: () => api.get<ScoreSheet>(`/campaigns/${id}/sheets/${stage}/${villageId}`),
      meta: { silent: true },
    })),
  });
  if (campaign.isPending || sheets.some((s) => s.isPending)) return <PageLoading />;
  if (!campaign.data) return <Result status="404" title="评星年度不存在" subTitle={errorText(campaign.error)} />;

  const byStage: Partial<Record<EvaluationStage, ScoreSheet>> = {};
  evaluationStages.forEach((stage, i) => {
    const data = sheets[i]?.data;
    if (data) byStage[stage] = data;
  });
  const any = Object.values(byStage)[0];
  const result = results.data?.villages.find((v) => v.orgUnitId === villageId);
  if (!any && !result) return <Result status="404" title="无法查看该村的评星情况" subTitle="该村不在您可以查看的范围内。" extra={<Link to={`/campaigns/${id}`}>返回</Link>} />;
  const village = any?.village ?? { name: result?.name ?? '', townName: result?.townName ?? '' };
  const rows = sideBySide(byStage);
  const dimensions = [...new Set(rows.map((r) => r.dimensionName))];

  const stageCell = (stage: EvaluationStage) => (_: unknown, r: Row) => {
    const cell = r[stage];
    if (!byStage[stage]) return <Typography.Text type="secondary">—</Typography.Text>;
    if (!cell || cell === 'none') return <Typography.Text type="secondary">不评</Typography.Text>;
    if (cell.points === null) return <Typography.Text type="secondary">未填</Typography.Text>;
    return <span title={cell.enteredBy ? `填报人：${cell.enteredBy}` : undefined}>{cell.points}</span>;
  };
  const columns: TableColumnsType<Row> = [
    { title: '指标', dataIndex: 'name' },
    { title: '分值', dataIndex: 'maxPoints', width: 70, align: 'center' },
    ...evaluationStages.map((stage) => ({ title: stageLabels[stage], key: stage, width: 110, align: 'center' as const, render: stageCell(stage) })),
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
              {village.name}（{village.townName}）· 评星详情
            </span>
            <CampaignStatusTag status={campaign.data.status} />
          </Space>
        }
        extra={<Typography.Text type="secondary">{campaign.data.name}</Typography.Text>}
      >
        {result ? (
          <Row gutter={16}>
            <Col span={5}>
              <Statistic title="综合得分" value={result.score} precision={2} />
            </Col>
            <Col span={5}>
              <Typography.Text type="secondary">星级</Typography.Text>
              <div style={{ marginTop: 8 }}>
                <Stars value={result.stars} size={20} />
              </div>
            </Col>
            <Col span={5}>
              <Typography.Text type="secondary">系统建议</Typography.Text>
              <div style={{ marginTop: 8 }}>
                <Stars value={result.engineStars} size={16} />
              </div>
            </Col>
            <Col span={4}>
              <Statistic title="全市排名" value={result.rankInCity ?? '—'} />
            </Col>
            <Col span={5}>
              <Statistic title="镇内排名" value={result.rankInTown ?? '—'} />
            </Col>
          </Row>
        ) : (
          <Alert type="info" showIcon message="尚未生成定星结果" />
        )}
        {result && (result.vetoed || result.overridden || result.notes.length > 0) && (
          <Descriptions size="small" column={1} style={{ marginTop: 16 }}>
            <Descriptions.Item label="标记">
              <Space>
                {result.vetoed && <Tag color="red">一票否决</Tag>}
                {result.overridden && <Tag color="purple">已调整</Tag>}
              </Space>
            </Descriptions.Item>
            {result.notes.length > 0 && <Descriptions.Item label="说明">{result.notes.join('；')}</Descriptions.Item>}
          </Descriptions>
        )}
      </Card>
      <Card title="三个阶段逐项得分">
        <Row gutter={16} style={{ marginBottom: 16 }}>
          {evaluationStages.map((stage) => (
            <Col span={8} key={stage}>
              <Card size="small">
                <Statistic
                  title={stageLabels[stage]}
                  value={byStage[stage] ? byStage[stage].total : '—'}
                  suffix={byStage[stage] ? `/ ${byStage[stage].maxTotal}` : ''}
                />
              </Card>
            </Col>
          ))}
        </Row>
        {rows.length === 0 ? (
          <Empty description="暂无评分" />
        ) : (
          dimensions.map((d) => (
            <div key={d} style={{ marginBottom: 16 }}>
              <Typography.Title level={5}>{d}</Typography.Title>
              <Table<Row> rowKey="id" size="small" columns={columns} dataSource={rows.filter((r) => r.dimensionName === d)} pagination={false} />
            </div>
          ))
        )}
      </Card>
    </Space>
  );
}
