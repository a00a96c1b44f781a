import { useState } from 'react';
import { Badge, Button, Card, Col, DatePicker, Empty, Input, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileExcelOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { AuditEntry } from '../../../../shared/contracts/audit';
import { auditEventLabel, auditEventLabels, auditObjectLabel, auditObjectLabels } from '../../../../shared/audit-labels';
import { roleLabels, type Role } from '../../../../shared/roles';
import { downloadUrl } from '../../api/client';
import { useAuditLog, useAuditVerify, type AuditFilters, type AuditOutcome } from '../../api/audit-hooks';
import { serverPagination } from '../../components/server-pagination';

const eventOptions = Object.entries(auditEventLabels).map(([value, label]) => ({ value, label: `${label}（${value}）` }));
const objectOptions = Object.entries(auditObjectLabels).map(([value, label]) => ({ value, label }));
const outcomeMeta: Record<AuditOutcome, { label: string; color: string }> = {
  success: { label: '成功', color: 'success' },
  failure: { label: '失败', color: 'error' },
  denied: { label: '拒绝', color: 'warning' },
};
const outcomeOptions = (Object.keys(outcomeMeta) as AuditOutcome[]).map((o) => ({ value: o, label: outcomeMeta[o].label }));

function roleText(role: string | null): string {
  if (!role) return '—';
  return roleLabels[role as Role] ?? role;
}

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <Card size="small" title={title}>
      {value === null || value === undefined ? (
        <Typography.Text type="secondary">无</Typography.Text>
      ) : (
        <pre style={{ margin: 0, maxHeight: 320, overflow: 'auto', fontSize: 12 }}>{JSON.stringify(value, null, 2)}</pre>
      )}
    </Card>
  );
}

function ChainStatus() {
  const { data, isPending, isError, refetch, isFetching } = useAuditVerify();
  let badge: React.ReactNode;
  if (isPending) badge = <Badge status="processing" text="正在校验哈希链…" />;
  else if (isError || !data) badge = <Badge status="default" text="哈希链校验失败" />;
  else if (data.ok) badge = <Badge status="success" text={`哈希链完整（已校验 ${data.checked} 条）`} />;
  else if (data.truncated) badge = <Badge status="error" text={`最新的审计记录被删除：链头锚点为第 ${data.head?.seq ?? '?'} 条，日志只到第 ${(data.brokenAt ?? 1) - 1} 条`} />;
  else if (data.brokenAt !== null) badge = <Badge status="error" text={`哈希链在第 ${data.brokenAt} 条处断裂，日志可能被篡改`} />;
  else badge = <Badge status="error" text={`未知用户名登录失败记录的哈希链${data.unknownNames.truncated ? '末尾被删除' : `在第 ${data.unknownNames.brokenAt ?? '?'} 条处断裂`}，日志可能被篡改`} />;
  return (
    <Space data-testid="audit-chain-status">
      <SafetyCertificateOutlined />
      {badge}
      <Tooltip title="重新校验">
        <Button type="text" size="small" icon={<ReloadOutlined />} loading={isFetching} onClick={() => void refetch()} />
      </Tooltip>
    </Space>
  );
}

export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>({ page: 1, pageSize: 20 });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const { data, isFetching } = useAuditLog(filters);
  const patch = (next: Partial<AuditFilters>) => setFilters((f) => ({ ...f, ...next, page: 1 }));
  const exportQuery = { ...filters, page: undefined, pageSize: undefined };

  const onRange = (value: [Dayjs | null, Dayjs | null] | null) => {
    setRange(value);
    // Whole days in local time, sent with the offset so the server compares instants.
    patch({
      from: value?.[0] ? value[0].startOf('day').format() : undefined,
      to: value?.[1] ? value[1].endOf('day').format() : undefined,
    });
  };

  const columns: TableColumnsType<AuditEntry> = [
    { title: '序号', dataIndex: 'seq', width: 80 },
    { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
    { title: '用户', dataIndex: 'username', width: 120, render: (v: string | null) => v ?? '—' },
    { title: '角色', dataIndex: 'role', width: 130, render: roleText },
    {
      title: '事件',
      dataIndex: 'event',
      width: 170,
      render: (v: string) => <Tooltip title={v}>{auditEventLabel(v)}</Tooltip>,
    },
    {
      title: '对象',
      key: 'object',
      ellipsis: true,
      render: (_, e) =>
        e.objectType ? (
          <Tooltip title={e.objectType}>{`${auditObjectLabel(e.objectType)}${e.objectId ? ` / ${e.objectId}` : ''}`}</Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: '结果',
      dataIndex: 'outcome',
      width: 80,
      render: (o: AuditOutcome) => <Tag color={outcomeMeta[o].color}>{outcomeMeta[o].label}</Tag>,
    },
    { title: 'IP 地址', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Card
      title="审计日志"
      extra={
        <Space size="large" wrap>
          <ChainStatus />
          <Button icon={<FileExcelOutlined />} href={downloadUrl('/audit/export.xlsx', exportQuery)}>
            导出 Excel
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          placeholder="事件类型"
          allowClear
          showSearch
          optionFilterProp="label"
          options={eventOptions}
          value={filters.event}
          onChange={(event?: string) => patch({ event })}
          style={{ width: 240 }}
        />
        <Input.Search
          placeholder="用户名"
          allowClear
          onSearch={(v) => patch({ username: v.trim() || undefined })}
          style={{ width: 160 }}
          aria-label="按用户名筛选"
        />
        <Select
          placeholder="对象类型"
          allowClear
          showSearch
          optionFilterProp="label"
          options={objectOptions}
          value={filters.objectType}
          onChange={(objectType?: string) => patch({ objectType })}
          style={{ width: 180 }}
          aria-label="按对象类型筛选"
        />
        <Select
          placeholder="结果"
          allowClear
          options={outcomeOptions}
          value={filters.outcome}
          onChange={(outcome?: AuditOutcome) => patch({ outcome })}
          style={{ width: 110 }}
        />
        <DatePicker.RangePicker value={range} onChange={onRange} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Space>
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        locale={{ emptyText: <Empty description="没有符合条件的审计记录" /> }}
        expandable={{
          rowExpandable: (e) => e.before != null || e.after != null || !!e.requestId,
          expandedRowRender: (e) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {e.requestId && <Typography.Text type="secondary">请求编号：{e.requestId}</Typography.Text>}
              <Row gutter={16}>
                <Col span={12}>
                  <JsonBlock title="变更前" value={e.before} />
                </Col>
                <Col span={12}>
                  <JsonBlock title="变更后" value={e.after} />
                </Col>
              </Row>
            </Space>
          ),
        }}
        pagination={serverPagination(filters, data?.total, setFilters)}
      />
    </Card>
  );
}
