import { Alert, Button, Card, Result, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import type { MutualSummary } from '../../../../../shared/contracts/evaluation-stages';
import { downloadUrl, errorText } from '../../../api/client';
import { useMutualSummary } from '../../../api/evaluation-stages-hooks';
import { PageLoading } from '../../../components/page-loading';
import { Stars } from '../campaign-labels';
import { RaterFlagNote } from '../raters/rater-flag-note';
import { useCrumbName } from '../../../layout/crumb-names';

type Row = MutualSummary['rows'][number];

/** 评星定级汇总表: one evaluated town's villages with their stage-1 figures and reference stars. */
export function MutualSummaryPage() {
  const { id = '', townId = '' } = useParams();
  const { data, isPending, error } = useMutualSummary(id, townId);
  useCrumbName('town', townId, data?.town.name);
  if (isPending) return <PageLoading />;
  if (!data) return <Result status="404" title="无法查看汇总表" subTitle={errorText(error)} />;

  const columns: TableColumnsType<Row> = [
    { title: '序号', key: 'no', width: 56, fixed: 'left', render: (_, __, i) => i + 1 },
    { title: '村（社区）', dataIndex: 'villageName', width: 110, fixed: 'left' },
    ...data.dimensions.map((d) => ({
      title: `${d.name}（${d.maxPoints}）`,
      key: d.id,
      width: 100,
      align: 'right' as const,
      render: (_: unknown, r: Row) => r.dimensionScores[d.id] ?? 0,
    })),
    { title: '互评得分', key: 'total', width: 110, align: 'right', render: (_, r) => <Typography.Text strong>{`${r.total} / ${r.maxTotal}`}</Typography.Text> },
    { title: '已评指标', key: 'entered', width: 90, align: 'center', render: (_, r) => `${r.entered}/${r.indicators}` },
    { title: '测评样本', key: 'sample', width: 90, align: 'right', render: (_, r) => r.survey?.sampleSize ?? '—' },
    { title: '满意率', key: 'rate', width: 90, align: 'right', render: (_, r) => (r.survey?.rate === null || r.survey?.rate === undefined ? '—' : `${r.survey.rate}%`) },
    { title: '走访户次', dataIndex: 'visits', width: 90, align: 'right' },
    { title: '折算得分', dataIndex: 'referenceScore', width: 90, align: 'right', render: (s: number | null) => s ?? '—' },
    { title: '参考星级', dataIndex: 'referenceStars', width: 120, render: (s: number | null) => (s === null ? <Typography.Text type="secondary">—</Typography.Text> : <Stars value={s} size={12} />) },
    // One line per village so the rows line up with the fixed columns; the full text is in the title.
    { title: '备注', dataIndex: 'notes', width: 260, ellipsis: true, render: (n: string[]) => <span title={n.join('；')}>{n.join('；') || '—'}</span> },
  ];

  return (
    <Card
      title={
        <Space>
          <Link to={`/campaigns/${id}/mutual`} aria-label="返回">
            <ArrowLeftOutlined />
          </Link>
          <span>评星定级汇总表 · {data.town.name}</span>
        </Space>
      }
      extra={
        <Button type="primary" icon={<FileExcelOutlined />} href={downloadUrl(`/campaigns/${id}/towns/${townId}/mutual-summary.xlsx`)}>
          导出 Excel
        </Button>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">互评组：{data.evaluatorTown?.name ?? '未分组'}</Typography.Text>
        <RaterFlagNote campaignId={id} townId={townId} />
        <Alert
          type="info"
          showIcon
          message="参考星级仅供参考：按互评满分折算为评星标准满分，连同群众测评结果按定级规则确定；评分未完成的村不给出参考星级。最终星级以市级考评后定星为准。"
        />
        <Table<Row> rowKey="villageId" size="small" columns={columns} dataSource={data.rows} pagination={false} scroll={{ x: 'max-content' }} sticky data-testid="summary-table" />
      </Space>
    </Card>
  );
}
