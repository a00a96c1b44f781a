import { useMemo, useState } from 'react';
import { Button, Col, Input, Progress, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { EvaluationStage } from '../../../../../shared/contracts/campaigns';
import { useSheetList, type SheetListItem } from '../../../api/campaigns-hooks';

type Props = { campaignId: string; stage: EvaluationStage; emptyText?: string };

const percent = (s: SheetListItem) => (s.total === 0 ? 0 : Math.round((s.entered / s.total) * 100));

/** The villages whose sheets the caller may open in a stage, with how far each is filled. */
export function SheetProgressTable({ campaignId, stage, emptyText }: Props) {
  const { data, isPending, isFetching } = useSheetList(campaignId, stage);
  const [town, setTown] = useState<string>();
  const [q, setQ] = useState('');
  const [state, setState] = useState<'done' | 'todo'>();
  // Grouped by town (the server lists villages in code order across towns).
  const sorted = useMemo(() => {
    const towns = [...new Set((data ?? []).map((s) => s.townName))];
    return [...(data ?? [])].sort((a, b) => towns.indexOf(a.townName) - towns.indexOf(b.townName));
  }, [data]);
  const rows = useMemo(
    () =>
      sorted.filter(
        (s) =>
          (!town || s.townName === town) &&
          (!q || s.name.includes(q)) &&
          (!state || (state === 'done' ? s.entered >= s.total : s.entered < s.total)),
      ),
    [sorted, town, q, state],
  );
  const towns = [...new Set((data ?? []).map((s) => s.townName))];
  const done = (data ?? []).filter((s) => s.total > 0 && s.entered >= s.total).length;
  const scorer = (data ?? []).some((s) => s.canScore);
  const started = (data ?? []).filter((s) => s.entered > 0 && s.entered < s.total).length;

  const columns: TableColumnsType<SheetListItem> = [
    { title: '村（社区）', dataIndex: 'name', width: 160 },
    { title: '所属镇', dataIndex: 'townName', width: 140 },
    {
      title: '填报进度',
      key: 'progress',
      render: (_, s) => (
        <Space style={{ width: '100%' }}>
          <Progress percent={percent(s)} size="small" style={{ width: 220, margin: 0 }} status={s.entered >= s.total ? 'success' : 'normal'} />
          <Typography.Text type="secondary">
            {s.entered}/{s.total} 项
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_, s) => (
        <Link to={`/campaigns/${campaignId}/sheets/${stage}/${s.villageId}`}>
          <Button type="link" size="small">
            {s.canScore ? (s.entered > 0 ? '继续打分' : '打分') : '查看'}
          </Button>
        </Link>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title={scorer ? '评分任务' : '参评村'} value={data?.length ?? 0} suffix="个村" loading={isPending} />
        </Col>
        <Col span={6}>
          <Statistic title="已完成" value={done} suffix="个村" valueStyle={{ color: '#389e0d' }} loading={isPending} />
        </Col>
        <Col span={6}>
          <Statistic title="填报中" value={started} suffix="个村" valueStyle={{ color: '#d48806' }} loading={isPending} />
        </Col>
        <Col span={6}>
          <Statistic title="未开始" value={(data?.length ?? 0) - done - started} suffix="个村" loading={isPending} />
        </Col>
      </Row>
      <Space wrap>
        <Input.Search placeholder="按村名搜索" allowClear onSearch={(v) => setQ(v.trim())} style={{ width: 200 }} aria-label="按村名搜索" />
        {towns.length > 1 && (
          <Select placeholder="所属镇" allowClear value={town} onChange={setTown} options={towns.map((t) => ({ value: t, label: t }))} style={{ width: 160 }} />
        )}
        <Select
          placeholder="完成情况"
          allowClear
          value={state}
          onChange={setState}
          options={[
            { value: 'todo', label: '未完成' },
            { value: 'done', label: '已完成' },
          ]}
          style={{ width: 120 }}
        />
        {scorer && (data ?? []).some((s) => !s.canScore) && <Tag>标注“查看”的村不是您的评分任务</Tag>}
      </Space>
      <Table<SheetListItem>
        rowKey="villageId"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={isFetching}
        locale={{ emptyText: emptyText ?? '本阶段暂无评分任务' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 个村` }}
      />
    </Space>
  );
}
