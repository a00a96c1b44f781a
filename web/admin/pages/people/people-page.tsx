import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { positionTitles, type Person, type PositionTitle } from '../../../../shared/contracts/people';
import { downloadUrl } from '../../api/client';
import { useImportPeople, usePeople, type PeopleFilters } from '../../api/people-hooks';
import { useSession } from '../../auth/session';
import { ImportExcelButton } from '../../components/import-excel';
import { ExportJobButton } from '../../components/export-job-button';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { PersonDrawer } from './person-drawer';
import { useRevealDialog } from './reveal-person';
import { openPagination } from '../../components/open-pagination';

const templateUrl = downloadUrl('/people/import-template.xlsx');
const titleOptions = positionTitles.map((t) => ({ value: t, label: t }));
const partyOptions = [
  { value: 'true', label: '党员' },
  { value: 'false', label: '非党员' },
];

function currentPositions(person: Person) {
  const today = new Date().toISOString().slice(0, 10);
  return person.positions.filter((p) => !p.endDate || p.endDate >= today);
}

export function PeoplePage() {
  const { can } = useSession();
  const writable = can('people:write');
  const [filters, setFilters] = useState<PeopleFilters>({ page: 1, pageSize: 20 });
  const { data, isFetching } = usePeople(filters);
  const importPeople = useImportPeople();
  const reveal = useRevealDialog();
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const patch = (next: Partial<PeopleFilters>) => setFilters((f) => ({ ...f, ...next, page: 1, count: undefined }));
  // The export follows the filters on screen, not the page.
  const exportFilters = { q: filters.q, orgUnitId: filters.orgUnitId, title: filters.title, partyMember: filters.partyMember };

  const columns: TableColumnsType<Person> = [
    { title: '姓名', dataIndex: 'name', width: 90 },
    { title: '性别', dataIndex: 'gender', width: 60 },
    { title: '出生年份', dataIndex: 'birthYear', width: 90, render: (v: number | null) => v ?? '—' },
    { title: '所在组织', dataIndex: 'orgUnitName', width: 130, ellipsis: true },
    {
      title: '职务',
      key: 'positions',
      render: (_, p) => {
        const current = currentPositions(p);
        if (!current.length) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Space size={[0, 4]} wrap>
            {current.map((pos) => (
              <Tag key={pos.id} color={pos.title.includes('书记') ? 'red' : 'blue'} title={pos.orgUnitName}>
                {pos.title}
                {pos.orgUnitId !== p.orgUnitId ? `（${pos.orgUnitName}）` : ''}
              </Tag>
            ))}
          </Space>
        );
      },
    },
    { title: '身份证号', dataIndex: 'idNumberMasked', width: 175, render: (v: string | null) => v ?? '—' },
    { title: '手机号', dataIndex: 'phoneMasked', width: 120, render: (v: string | null) => v ?? '—' },
    {
      title: '党员',
      dataIndex: 'partyMember',
      width: 70,
      render: (v: boolean) => (v ? <Tag color="red">党员</Tag> : <Typography.Text type="secondary">否</Typography.Text>),
    },
    {
      title: '操作',
      key: 'actions',
      width: writable ? 180 : 130,
      render: (_, p) => (
        <Space size={0}>
          {writable && (
            <Button type="link" size="small" onClick={() => setEditing(p)}>
              编辑
            </Button>
          )}
          {(p.idNumberMasked || p.phoneMasked) && (
            <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => reveal(p)}>
              查看完整信息
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const extra = (
    <Space wrap>
      {writable && (
        <>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增人员
          </Button>
          <Button icon={<DownloadOutlined />} href={templateUrl}>
            下载导入模板
          </Button>
          <ImportExcelButton subject="人员" templateUrl={templateUrl} upload={importPeople.mutateAsync} />
        </>
      )}
      <ExportJobButton path="/people/export.xlsx" query={exportFilters} subject="人员名册" />
    </Space>
  );

  return (
    <Card title="人员管理" extra={extra}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          placeholder="按姓名搜索"
          allowClear
          onSearch={(q) => patch({ q: q.trim() || undefined })}
          style={{ width: 200 }}
          aria-label="按姓名搜索"
        />
        <OrgTreeSelect
          placeholder="所在组织（含下级）"
          value={filters.orgUnitId}
          onChange={(orgUnitId) => patch({ orgUnitId })}
          style={{ width: 240 }}
        />
        <Select
          placeholder="职务"
          allowClear
          options={titleOptions}
          value={filters.title}
          onChange={(title?: PositionTitle) => patch({ title })}
          style={{ width: 160 }}
        />
        <Select
          placeholder="是否党员"
          allowClear
          options={partyOptions}
          value={filters.partyMember === undefined ? undefined : String(filters.partyMember)}
          onChange={(v?: string) => patch({ partyMember: v === undefined ? undefined : v === 'true' })}
          style={{ width: 120 }}
        />
      </Space>
      <Table<Person>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 1100 }}
        pagination={openPagination(filters, data, setFilters, '人')}
      />
      {editing && <PersonDrawer person={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
