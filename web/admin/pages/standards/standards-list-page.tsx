import { useState } from 'react';
import { Button, Card, Dropdown, Input, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownOutlined, FileExcelOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import type { StandardSummary } from '../../../../shared/contracts/standards';
import { standardExportJsonUrl, standardIndicatorsUrl, useStandards, type StandardFilters } from '../../api/standards-hooks';
import { useSession } from '../../auth/session';
import { LockTag } from './lock-tag';
import { StandardCloneModal } from './standard-clone-modal';
import { StandardImportJson } from './standard-import-json';
import { StandardNewModal } from './standard-new-modal';
import { num } from './standard-words';
import { serverPagination } from '../../components/server-pagination';

export function StandardsListPage() {
  const { can } = useSession();
  const writable = can('standard:write');
  const navigate = useNavigate();
  const [filters, setFilters] = useState<StandardFilters>({ page: 1, pageSize: 20 });
  const { data, isFetching } = useStandards(filters);
  const [cloning, setCloning] = useState<StandardSummary | null>(null);
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<StandardSummary> = [
    {
      title: '名称',
      dataIndex: 'name',
      render: (name: string, s) => <Link to={`/standards/${s.id}`}>{name}</Link>,
    },
    { title: '编码', dataIndex: 'code', width: 150 },
    { title: '版本', dataIndex: 'version', width: 70 },
    { title: '地区', dataIndex: 'region', width: 120, ellipsis: { showTitle: true } },
    { title: '年度', dataIndex: 'year', width: 60, render: (v: number | null) => v ?? '—' },
    { title: '满分', dataIndex: 'totalMaxScore', width: 60, render: (v: number) => num(v) },
    { title: '维度/指标', key: 'counts', width: 80, render: (_, s) => `${s.dimensionCount} / ${s.indicatorCount}` },
    { title: '状态', key: 'locked', width: 90, render: (_, s) => <LockTag standard={s} /> },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      width: 100,
      render: (v: string) => <Tooltip title={dayjs(v).format('YYYY-MM-DD HH:mm:ss')}>{dayjs(v).format('YYYY-MM-DD')}</Tooltip>,
    },
    {
      title: '操作',
      key: 'actions',
      width: writable ? 250 : 110,
      fixed: 'right',
      render: (_, s) => (
        <Space size={0} className="standard-actions">
          <Button type="link" size="small" onClick={() => void navigate(`/standards/${s.id}`)}>
            查看
          </Button>
          {writable && (
            <>
              <Tooltip title={s.locked ? `已锁定（${s.lockedReason ?? '已被评星年度使用'}），请复制为新版本后修改` : undefined}>
                <Button type="link" size="small" disabled={s.locked} onClick={() => void navigate(`/standards/${s.id}/edit`)}>
                  编辑
                </Button>
              </Tooltip>
              <Button type="link" size="small" onClick={() => setCloning(s)}>
                复制为新版本
              </Button>
            </>
          )}
          <Dropdown
            menu={{
              items: [
                { key: 'json', icon: <FileTextOutlined />, label: <a href={standardExportJsonUrl(s.id)}>导出 JSON</a> },
                { key: 'xlsx', icon: <FileExcelOutlined />, label: <a href={standardIndicatorsUrl(s.id)}>导出指标表（Excel）</a> },
              ],
            }}
          >
            <Button type="link" size="small">
              导出 <DownOutlined />
            </Button>
          </Dropdown>
        </Space>
      ),
    },
  ];

  const extra = writable && (
    <Space wrap>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
        新建标准
      </Button>
      <StandardImportJson />
    </Space>
  );

  return (
    <Card title="评星标准" extra={extra}>
      <Typography.Paragraph type="secondary">
        评星标准规定维度与指标、阶段权重、定星门槛和否决规则等，按版本管理；已被评星年度使用的版本锁定为只读，调整规则请复制为新版本。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          placeholder="名称或编码"
          allowClear
          onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined, page: 1 }))}
          style={{ width: 260 }}
          aria-label="搜索评星标准"
        />
      </Space>
      <Table<StandardSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 1100 }}
        data-testid="standards-table"
        pagination={serverPagination(filters, data?.total, setFilters, '个标准版本')}
      />
      {cloning && <StandardCloneModal source={cloning} onClose={() => setCloning(null)} />}
      {creating && <StandardNewModal onClose={() => setCreating(false)} />}
    </Card>
  );
}
