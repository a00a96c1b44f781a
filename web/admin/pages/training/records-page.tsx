import { useState } from 'react';
import { Button, Card, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { audienceGroups, type AudienceGroup, type RecordRow } from '../../../../shared/contracts/training';
import { downloadUrl } from '../../api/client';
import { useTrainingRecords, type RecordFilters } from '../../api/training-records-hooks';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { PersonRecordDrawer } from './person-record-drawer';
import { YearSelect, currentYear, formatHours } from './training-labels';
import { serverPagination } from '../../components/server-pagination';

const trainedOptions = [
  { value: 'all', label: '全部' },
  { value: 'yes', label: '已参训' },
  { value: 'no', label: '本年未参训' },
];

/** 培训档案: each person's sessions and hours in the year; who has not been trained yet. */
export function RecordsPage() {
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<RecordFilters>({
    year: Number(params.get('year')) || currentYear(),
    group: (params.get('group') as AudienceGroup | null) ?? undefined,
    trained: params.get('trained') === 'false' ? false : undefined,
    orgUnitId: params.get('orgUnitId') ?? undefined,
    page: 1,
    pageSize: 20,
  });
  const [personId, setPersonId] = useState<string>();
  const { data, isFetching } = useTrainingRecords(filters);
  const patch = (next: Partial<RecordFilters>) => setFilters((f) => ({ ...f, ...next, page: 1 }));
  const { page: _p, pageSize: _s, ...exportFilters } = filters;

  const columns: TableColumnsType<RecordRow> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 110,
      render: (name: string, r) => (
        <Typography.Link onClick={() => setPersonId(r.personId)} data-testid={`record-${name}`}>
          {name}
        </Typography.Link>
      ),
    },
    { title: '所在组织', dataIndex: 'orgUnitName', width: 140, ellipsis: true },
    {
      title: '职务',
      key: 'titles',
      render: (_, r) => (
        <Space size={[0, 4]} wrap>
          {r.titles.map((t) => (
            <Tag key={t} color={t.includes('书记') ? 'red' : undefined}>
              {t}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: '参训场次', dataIndex: 'sessions', width: 100, align: 'right', sorter: (a, b) => a.sessions - b.sessions },
    {
      title: '参训学时',
      dataIndex: 'hours',
      width: 100,
      align: 'right',
      sorter: (a, b) => a.hours - b.hours,
      render: (h: number) => (h > 0 ? <Typography.Text strong>{formatHours(h)}</Typography.Text> : <Typography.Text type="danger">0</Typography.Text>),
    },
    { title: '最近参训', dataIndex: 'lastDate', width: 120, render: (d: string | null) => d ?? <Typography.Text type="secondary">本年未参训</Typography.Text> },
  ];

  return (
    <Card
      title="培训档案"
      extra={
        <Button icon={<FileExcelOutlined />} href={downloadUrl('/training/records/export.xlsx', exportFilters)}>
          导出 Excel
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <YearSelect value={filters.year ?? currentYear()} onChange={(year) => patch({ year })} />
        <OrgTreeSelect placeholder="所在组织（含下级）" value={filters.orgUnitId} onChange={(orgUnitId) => patch({ orgUnitId })} style={{ width: 220 }} />
        <Select
          placeholder="人员类别"
          allowClear
          style={{ width: 130 }}
          value={filters.group}
          onChange={(group) => patch({ group })}
          options={audienceGroups.map((g) => ({ value: g, label: g }))}
        />
        <Segmented
          options={trainedOptions}
          value={filters.trained === undefined ? 'all' : filters.trained ? 'yes' : 'no'}
          onChange={(v) => patch({ trained: v === 'all' ? undefined : v === 'yes' })}
        />
        <Input.Search placeholder="按姓名搜索" allowClear style={{ width: 180 }} onSearch={(q) => patch({ q: q.trim() || undefined })} aria-label="按姓名搜索人员" />
      </Space>
      <Table<RecordRow>
        rowKey="personId"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        locale={{ emptyText: filters.trained === false ? '本年度没有未参训的人员' : '暂无培训档案' }}
        pagination={serverPagination(filters, data?.total, setFilters, '人')}
      />
      <PersonRecordDrawer personId={personId} year={filters.year ?? currentYear()} onClose={() => setPersonId(undefined)} />
    </Card>
  );
}
