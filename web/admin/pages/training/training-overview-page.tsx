import { useState } from 'react';
import { Button, Card, Col, Empty, Progress, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { BookOutlined, ClockCircleOutlined, CompassOutlined, ExperimentOutlined, FileExcelOutlined, SolutionOutlined, TeamOutlined, TrophyOutlined, UserOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { courseTypeLabels, type CoverageRow } from '../../../../shared/contracts/training';
import { downloadUrl } from '../../api/client';
import { useCoverage, useTrainingOverview } from '../../api/training-records-hooks';
import { TrainingCharts } from './training-charts';
import { YearSelect, currentYear, dateSpan, formatHours } from './training-labels';

function Stat({ title, value, suffix, icon, color, loading }: { title: string; value: number | string; suffix?: string; icon: React.ReactNode; color: string; loading: boolean }) {
  return (
    <Card size="small">
      <Skeleton loading={loading} active paragraph={{ rows: 1 }}>
        <Statistic title={title} value={value} suffix={suffix} prefix={<span style={{ color, marginRight: 4 }}>{icon}</span>} />
      </Skeleton>
    </Card>
  );
}

const shareColor = (share: number) => (share >= 90 ? '#389e0d' : share >= 70 ? '#faad14' : '#cf1322');

/** 培训概览: who was trained, in what, how many hours, and which villages are behind. */
export function TrainingOverviewPage() {
  const [year, setYear] = useState(currentYear());
  const { data: o, isPending } = useTrainingOverview(year);
  const coverage = useCoverage(year);
  const villages = [...(coverage.data?.villages ?? [])].filter((v) => v.cadres > 0).sort((a, b) => a.trainedShare - b.trainedShare || a.hoursPerCadre - b.hoursPerCadre);
  const t = o?.totals;

  const villageColumns: TableColumnsType<CoverageRow> = [
    { title: '村（社区）', dataIndex: 'name', width: 120 },
    { title: '镇（街道）', dataIndex: 'parentName', width: 110 },
    { title: '两委干部', dataIndex: 'cadres', width: 90, align: 'right' },
    { title: '已参训', dataIndex: 'trainedCadres', width: 80, align: 'right' },
    {
      title: '参训率',
      dataIndex: 'trainedShare',
      width: 200,
      sorter: (a, b) => a.trainedShare - b.trainedShare,
      render: (v: number) => <Progress percent={v} size="small" strokeColor={shareColor(v)} format={(p) => `${p}%`} />,
    },
    { title: '人均学时', dataIndex: 'hoursPerCadre', width: 100, align: 'right', sorter: (a, b) => a.hoursPerCadre - b.hoursPerCadre, render: formatHours },
    {
      title: '',
      key: 'who',
      width: 120,
      render: (_, v) =>
        v.trainedCadres < v.cadres && (
          <Link to={`/training/records?year=${year}&group=两委干部&trained=false&orgUnitId=${v.orgUnitId}`}>未参训名单</Link>
        ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <Typography.Text strong>年度</Typography.Text>
          <YearSelect value={year} onChange={setYear} />
          <Typography.Text type="secondary">三门课程：专题辅导课、帮带指导课、研修提升课</Typography.Text>
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        {[
          { title: '参训人数', value: t?.trainees ?? 0, suffix: '人', icon: <TeamOutlined />, color: '#c8161d' },
          { title: '培训场次', value: t?.sessions ?? 0, suffix: '场', icon: <BookOutlined />, color: '#d48806' },
          { title: '参训人次', value: t?.attendances ?? 0, suffix: '人次', icon: <SolutionOutlined />, color: '#1677ff' },
          { title: '总学时', value: formatHours(t?.hours ?? 0), suffix: '学时', icon: <ClockCircleOutlined />, color: '#13c2c2' },
          { title: '两委干部参训率', value: t?.trainedShare ?? 0, suffix: `%（${t?.trainedCadres ?? 0}/${t?.cadres ?? 0}）`, icon: <UserOutlined />, color: '#389e0d' },
          { title: '两委干部人均学时', value: formatHours(t?.hoursPerCadre ?? 0), suffix: '学时', icon: <TrophyOutlined />, color: '#c8161d' },
          { title: '外出研修 / 学员', value: `${t?.tours ?? 0} / ${t?.tourParticipants ?? 0}`, suffix: '批 / 人', icon: <CompassOutlined />, color: '#722ed1' },
          { title: '乡土人才', value: t?.experts ?? 0, suffix: '人', icon: <ExperimentOutlined />, color: '#fa8c16' },
        ].map((s) => (
          <Col xs={12} md={8} xl={6} key={s.title}>
            <Stat {...s} loading={isPending} />
          </Col>
        ))}
      </Row>
      {o && (o.totals.attendances > 0 || o.totals.cadres > 0) ? <TrainingCharts overview={o} villages={coverage.data?.villages ?? []} /> : !isPending && <Card><Empty description={`${year} 年还没有培训记录`} /></Card>}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title="三门课程" loading={isPending}>
            <Table
              size="small"
              rowKey={(c) => `${c.courseType}-${c.category ?? ''}`}
              pagination={false}
              dataSource={o?.byCourse ?? []}
              columns={[
                { title: '课程', key: 'c', render: (_, c) => `${courseTypeLabels[c.courseType]}${c.category ? ` · ${c.category}` : ''}` },
                { title: '场次', dataIndex: 'sessions', align: 'right' },
                { title: '人次', dataIndex: 'attendances', align: 'right' },
                { title: '人数', dataIndex: 'trainees', align: 'right' },
                { title: '学时', dataIndex: 'hours', align: 'right', render: formatHours },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title="研修提升课" extra={<Link to="/training/tours">全部</Link>} loading={isPending}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={o?.tours ?? []}
              locale={{ emptyText: '本年度暂无外出研修' }}
              columns={[
                { title: '研修', dataIndex: 'topic', ellipsis: true, render: (v: string, r) => <Link to={`/training/sessions/${r.id}`}>{v}</Link> },
                { title: '目的地', dataIndex: 'place', width: 140, ellipsis: true },
                { title: '日期', key: 'd', width: 150, render: (_, r) => dateSpan(r.date, r.endDate) },
                { title: '学员', dataIndex: 'participants', width: 60, align: 'right' },
                { title: '报告', key: 'r', width: 80, render: (_, r) => <Tag color={r.reports >= r.participants ? 'success' : 'warning'}>{r.reports}/{r.participants}</Tag> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title="各村（社区）两委干部参训情况（参训率低的在前）"
        extra={
          <Button size="small" icon={<FileExcelOutlined />} href={downloadUrl('/training/coverage/export.xlsx', { year })}>
            导出 Excel
          </Button>
        }
      >
        <Table<CoverageRow> size="small" rowKey="orgUnitId" loading={coverage.isPending} dataSource={villages} columns={villageColumns} pagination={{ pageSize: 10, showTotal: (n) => `共 ${n} 个村（社区）` }} />
      </Card>
    </Space>
  );
}
