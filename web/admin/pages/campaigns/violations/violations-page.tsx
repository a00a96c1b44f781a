import { useMemo, useState } from 'react';
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, EyeOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  violationCategories,
  violationCategoryLabels,
  violationStatusLabels,
  violationStatuses,
  type Violation,
  type ViolationCategory,
  type ViolationStatus,
} from '../../../../../shared/contracts/evaluation-results';
import { downloadUrl } from '../../../api/client';
import { useOrgTree } from '../../../api/org-units-hooks';
import { useImportViolations, useViolations, type ViolationFilters } from '../../../api/evaluation-results-hooks';
import { useSession } from '../../../auth/session';
import { ImportExcelButton } from '../../../components/import-excel';
import { ViolationDecideModal, ViolationDetailDrawer, ViolationFormModal } from './violation-modals';
import { serverPagination } from '../../../components/server-pagination';

const templateUrl = downloadUrl('/violations/import-template.xlsx');
export const violationStatusColors: Record<ViolationStatus, string> = { reported: 'orange', confirmed: 'red', dismissed: 'default' };

/**
 * 违纪违法核查: the register the discipline and petition officers keep. Names are masked in the
 * list; opening a record shows the person and details and is written to the audit log.
 */
export function ViolationsPage() {
  const { can } = useSession();
  const writable = can('violation:write');
  const [filters, setFilters] = useState<ViolationFilters>({ page: 1, pageSize: 20 });
  const { data, isFetching } = useViolations(filters);
  const tree = useOrgTree();
  const importViolations = useImportViolations();
  const [editing, setEditing] = useState<Violation | 'new' | null>(null);
  const [deciding, setDeciding] = useState<Violation | null>(null);
  const [viewing, setViewing] = useState<Violation | null>(null);
  const patch = (next: Partial<ViolationFilters>) => setFilters((f) => ({ ...f, ...next, page: 1 }));
  const towns = useMemo(() => (tree.data ?? []).flatMap((c) => c.children.filter((t) => t.level === 'town')), [tree.data]);
  const thisYear = new Date().getFullYear();

  const columns: TableColumnsType<Violation> = [
    { title: '编号', dataIndex: 'caseNo', width: 130 },
    { title: '村（社区）', key: 'village', width: 170, render: (_, v) => `${v.village.townName} · ${v.village.name}` },
    { title: '姓名', dataIndex: 'personNameMasked', width: 90 },
    { title: '类别', dataIndex: 'category', width: 130, render: (c: ViolationCategory) => violationCategoryLabels[c] },
    { title: '发生日期', dataIndex: 'occurredOn', width: 110 },
    { title: '核查状态', dataIndex: 'status', width: 100, render: (s: ViolationStatus) => <Tag color={violationStatusColors[s]}>{violationStatusLabels[s]}</Tag> },
    { title: '登记人', dataIndex: 'reportedByName', width: 110 },
    { title: '核查人', dataIndex: 'decidedByName', width: 110, render: (n: string | null) => n ?? <Typography.Text type="secondary">—</Typography.Text> },
    {
      title: '操作',
      key: 'actions',
      width: writable ? 210 : 90,
      fixed: 'right',
      render: (_, v) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setViewing(v)}>
            查看
          </Button>
          {writable && v.status === 'reported' && (
            <>
              <Button type="link" size="small" onClick={() => setEditing(v)}>
                编辑
              </Button>
              <Button type="link" size="small" onClick={() => setDeciding(v)}>
                核查
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined />
          违纪违法核查
        </Space>
      }
      extra={
        writable && (
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              登记
            </Button>
            <Button icon={<DownloadOutlined />} href={templateUrl}>
              下载导入模板
            </Button>
            <ImportExcelButton subject="核查记录" templateUrl={templateUrl} upload={importViolations.mutateAsync} />
          </Space>
        )
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="会同纪委监委、信访部门核查村干部和党员违反党规党纪、违规上访、违法犯罪等情况。核查属实的记录按评星标准一票否决或降星；姓名和情况说明加密保存，每次查看均记入审计日志。"
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select placeholder="镇（街道）" allowClear style={{ width: 150 }} value={filters.townId} onChange={(townId?: string) => patch({ townId })} options={towns.map((t) => ({ value: t.id, label: t.name }))} />
        <Select
          placeholder="类别"
          allowClear
          style={{ width: 150 }}
          value={filters.category}
          onChange={(category?: ViolationCategory) => patch({ category })}
          options={violationCategories.map((c) => ({ value: c, label: violationCategoryLabels[c] }))}
        />
        <Select
          placeholder="核查状态"
          allowClear
          style={{ width: 120 }}
          value={filters.status}
          onChange={(status?: ViolationStatus) => patch({ status })}
          options={violationStatuses.map((s) => ({ value: s, label: violationStatusLabels[s] }))}
        />
        <Select
          placeholder="年度"
          allowClear
          style={{ width: 110 }}
          value={filters.year}
          onChange={(year?: number) => patch({ year })}
          options={[0, 1, 2, 3].map((k) => ({ value: thisYear - k, label: `${thisYear - k} 年` }))}
        />
      </Space>
      <Table<Violation>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 1150 }}
        locale={{ emptyText: '暂无核查记录' }}
        pagination={serverPagination(filters, data?.total, setFilters)}
      />
      {editing && <ViolationFormModal violation={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {deciding && <ViolationDecideModal violation={deciding} onClose={() => setDeciding(null)} />}
      {viewing && <ViolationDetailDrawer violation={viewing} onClose={() => setViewing(null)} />}
    </Card>
  );
}
