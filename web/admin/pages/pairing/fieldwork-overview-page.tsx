import { useState } from 'react';
import { Alert, Card, Col, Empty, Flex, Progress, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { OverviewRow } from '../../../../shared/contracts/fieldwork-overview';
import { useCompliance, useFieldworkOverview } from '../../api/fieldwork-pairing-hooks';
import { FieldworkCharts } from './fieldwork-charts';
import { currentYear, YearSelect } from './fieldwork-ui';

const levelTitle = { city: '全市', town: '本镇（街道）', village: '本村（社区）', leader: '我的包保村' } as const;

function Stat({ title, value, suffix, extra, color }: { title: string; value: number | string; suffix?: string; extra: React.ReactNode; color?: string }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic title={title} value={value} suffix={suffix} valueStyle={color ? { color } : undefined} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {extra}
      </Typography.Text>
    </Card>
  );
}

const rowColumns = (first: string): TableColumnsType<OverviewRow> => [
  { title: first, dataIndex: 'name', fixed: 'left', width: 120, render: (v: string, r) => (r.townName ? <span title={r.townName}>{v}</span> : v) },
  { title: '包保领导走访', dataIndex: 'leaderVisits', width: 110, sorter: (a, b) => a.leaderVisits - b.leaderVisits },
  {
    title: '重点工作进度',
    key: 'kt',
    width: 170,
    sorter: (a, b) => a.keyTaskProgress - b.keyTaskProgress,
    render: (_, r) => (r.keyTasks ? <Progress percent={r.keyTaskProgress} size="small" format={(p) => `${p}%（${r.keyTasksDone}/${r.keyTasks}）`} /> : '—'),
  },
  { title: '督导记录', dataIndex: 'supervisionRecords', width: 90 },
  { title: '未解决症结', dataIndex: 'findingsOpen', width: 100, render: (v: number) => (v ? <Tag color="warning">{v}</Tag> : 0) },
  { title: '入户走访', dataIndex: 'householdVisits', width: 90 },
  { title: '实事兑现', key: 'cm', width: 100, render: (_, r) => `${r.commitmentsFulfilled} / ${r.commitmentsMade}` },
  { title: '问题销号', key: 'pb', width: 100, render: (_, r) => `${r.problemsClosed} / ${r.problemsListed}` },
  {
    title: '销号率',
    dataIndex: 'closureRate',
    width: 90,
    sorter: (a, b) => a.closureRate - b.closureRate,
    render: (v: number) => <Typography.Text type={v < 80 ? 'danger' : undefined}>{v}%</Typography.Text>,
  },
  { title: '逾期问题', dataIndex: 'problemsOverdue', width: 90, render: (v: number) => (v ? <Tag color="error">{v}</Tag> : 0) },
];

export function FieldworkOverviewPage() {
  const [year, setYear] = useState(currentYear);
  const { data, isPending, error } = useFieldworkOverview(year);
  const overdue = useCompliance({ year, overdueOnly: true, page: 1, pageSize: 100 });

  if (error) return <Alert type="error" showIcon message="概览加载失败" />;
  const t = data?.totals;
  const rows = data ? (data.level === 'city' ? data.towns : data.villages) : [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="fieldwork-overview">
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <div>
            <Space align="center">
              <Typography.Title level={4} style={{ margin: 0 }}>
                三级共进 · {data?.scopeName ?? '…'}
              </Typography.Title>
              {data && <Tag color="red">{levelTitle[data.level]}</Tag>}
            </Space>
            <br />
            <Typography.Text type="secondary">市级领导包保联系、镇级跟踪问效、村级为民服务的年度工作数据，与评星标准的计算指标同源。</Typography.Text>
          </div>
          <YearSelect value={year} onChange={setYear} />
        </Flex>
      </Card>
      <Skeleton loading={isPending} active>
        {t && data && (
          <>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={8} xl={4}>
                <Stat title="包保覆盖率" value={t.pairingCoverage} suffix="%" extra={`${t.pairedVillages} / ${t.villages} 个村有领导包保`} color="#c8161d" />
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Stat title="逾期未走访" value={data.overduePairings} suffix="对" extra={`共 ${data.pairings} 对包保关系`} color={data.overduePairings ? '#cf1322' : undefined} />
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Stat title="领导走访" value={t.leaderVisits} suffix="次" extra={`督导记录 ${t.supervisionRecords} 次`} />
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Stat title="重点工作平均进度" value={t.keyTaskProgress} suffix="%" extra={`已完成 ${t.keyTasksDone} / ${t.keyTasks} 项`} />
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Stat title="为民办实事已兑现" value={t.commitmentsFulfilled} suffix="件" extra={`年初承诺 ${t.commitmentsMade} 件`} color="#389e0d" />
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Stat title="问题销号率" value={t.closureRate} suffix="%" extra={`已销号 ${t.problemsClosed} / ${t.problemsListed}，逾期 ${t.problemsOverdue}`} />
              </Col>
            </Row>
            {t.villages > 0 ? <FieldworkCharts overview={data} /> : <Card><Empty description="范围内暂无村（社区）" /></Card>}
            <Card size="small" title={data.level === 'city' ? '各镇（街道）情况' : '各村（社区）情况'}>
              <Table<OverviewRow>
                rowKey="id"
                size="small"
                columns={rowColumns(data.level === 'city' ? '镇（街道）' : '村（社区）')}
                dataSource={rows}
                pagination={rows.length > 20 ? { pageSize: 20 } : false}
                scroll={{ x: 1100 }}
              />
            </Card>
            {data.level !== 'village' && (
              <Card size="small" title={`逾期未走访的包保关系（${overdue.data?.total ?? 0}）`} extra={<Link to="/pairing?tab=compliance">查看走访频次</Link>}>
                <Table
                  rowKey="id"
                  size="small"
                  loading={overdue.isPending}
                  dataSource={overdue.data?.items}
                  pagination={false}
                  locale={{ emptyText: '没有逾期未走访的包保关系' }}
                  columns={[
                    { title: '市级领导', dataIndex: 'leaderName', width: 120 },
                    { title: '包保村', key: 'v', render: (_, p) => `${p.townName} · ${p.villageName}` },
                    { title: '最近走访', dataIndex: 'lastVisitDate', width: 120, render: (v: string | null) => v ?? '本年未走访' },
                    { title: '未达标周期', dataIndex: 'missedPeriods', width: 110 },
                  ]}
                />
              </Card>
            )}
          </>
        )}
      </Skeleton>
    </Space>
  );
}
