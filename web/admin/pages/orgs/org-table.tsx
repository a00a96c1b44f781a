import { useState } from 'react';
import { Badge, Button, Input, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { OrgLevel, OrgUnit } from '../../../../shared/contracts/org-units';
import { useOrgUnits, type OrgUnitFilters } from '../../api/org-units-hooks';
import { orgLevelLabels } from '../../components/org-labels';
import { openPagination } from '../../components/open-pagination';

type Props = { onOpen: (id: string) => void };

const levelOptions = (['town', 'village', 'city'] as OrgLevel[]).map((l) => ({ value: l, label: orgLevelLabels[l] }));
const activeOptions = [
  { value: 'true', label: '启用' },
  { value: 'false', label: '已停用' },
];

export function OrgTable({ onOpen }: Props) {
  const [filters, setFilters] = useState<OrgUnitFilters>({ page: 1, pageSize: 20 });
  const { data, isFetching } = useOrgUnits(filters);
  // Any filter change returns to page 1, or the user lands on an empty page 7.
  const patch = (next: Partial<OrgUnitFilters>) => setFilters((f) => ({ ...f, ...next, page: 1, count: undefined }));

  const columns: TableColumnsType<OrgUnit> = [
    {
      title: '组织名称',
      dataIndex: 'name',
      render: (name: string, row) => <a onClick={() => onOpen(row.id)}>{name}</a>,
    },
    { title: '类型', dataIndex: 'kind', width: 90 },
    { title: '层级', dataIndex: 'level', width: 110, render: (l: OrgLevel) => orgLevelLabels[l] },
    { title: '组织编码', dataIndex: 'code', width: 140 },
    { title: '上级组织', dataIndex: 'parentName', render: (v: string | null) => v ?? '—' },
    { title: '党组织名称', dataIndex: 'partyOrgName', ellipsis: true },
    { title: '党组织类型', dataIndex: 'partyOrgType', width: 110, render: (v: string) => <Tag color="red">{v}</Tag> },
    {
      title: '状态',
      dataIndex: 'active',
      width: 90,
      render: (active: boolean) => (active ? <Badge status="success" text="启用" /> : <Badge status="default" text="已停用" />),
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => onOpen(row.id)}>
          查看
        </Button>
      ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          placeholder="名称或编码"
          allowClear
          onSearch={(q) => patch({ q: q.trim() || undefined })}
          style={{ width: 220 }}
          aria-label="按名称或编码搜索组织"
        />
        <Select
          placeholder="层级"
          allowClear
          options={levelOptions}
          value={filters.level}
          onChange={(level?: OrgLevel) => patch({ level })}
          style={{ width: 140 }}
        />
        <Select
          placeholder="状态"
          allowClear
          options={activeOptions}
          value={filters.active === undefined ? undefined : String(filters.active)}
          onChange={(v?: string) => patch({ active: v === undefined ? undefined : v === 'true' })}
          style={{ width: 120 }}
        />
      </Space>
      <Table<OrgUnit>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        data-testid="org-table"
        pagination={openPagination(filters, data, setFilters)}
      />
    </>
  );
}
