import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { problemCategories, problemSources, problemStatuses, problemStatusLabels, type Problem, type ProblemCreate, type ProblemStatus } from '../../../../shared/contracts/fieldwork-service';
import { downloadUrl, errorText } from '../../api/client';
import type { Filters } from '../../api/fieldwork-pairing-hooks';
import { useCreateProblem, useImportProblems, useProblems } from '../../api/fieldwork-service-hooks';
import { useSession } from '../../auth/session';
import { notifySuccess } from '../../components/feedback';
import { ImportExcelButton } from '../../components/import-excel';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { afterToday, currentYear, dayText, overdueTag, YearSelect } from '../pairing/fieldwork-ui';
import { ProblemDrawer, problemColors } from './problem-drawer';
import { serverPagination } from '../../components/server-pagination';

const templateUrl = downloadUrl('/problems/import-template.xlsx');
const options = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));

export type ProblemPreset = Partial<Pick<ProblemCreate, 'villageId' | 'householdVisitId' | 'household' | 'source'>> & { reportedDate?: string };

type FormValues = Omit<ProblemCreate, 'reportedDate' | 'dueDate'> & { reportedDate: Dayjs; dueDate?: Dayjs };

export function ProblemModal({ preset, onClose }: { preset?: ProblemPreset; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const create = useCreateProblem();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: FormValues) => {
    setError(null);
    try {
      await create.mutateAsync({ ...v, householdVisitId: preset?.householdVisitId ?? null, reportedDate: dayText(v.reportedDate) as string, dueDate: dayText(v.dueDate) });
      notifySuccess('已登记问题');
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const initial = { source: '逐户走访', category: '基础设施', ...preset, reportedDate: preset?.reportedDate ? dayjs(preset.reportedDate) : dayjs(), dueDate: dayjs().add(30, 'day') };
  return (
    <Modal title="登记问题" open onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={create.isPending} width={640} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        <Form.Item name="villageId" label="村（社区）" rules={[{ required: true, message: '请选择村（社区）' }]}>
          <OrgTreeSelect selectableLevels={['village']} />
        </Form.Item>
        <Form.Item name="title" label="问题" rules={[{ required: true, message: '请填写问题' }, { max: 100 }]}>
          <Input placeholder="一句话说明问题，如：三组路灯损坏" />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="category" label="类别" rules={[{ required: true }]}>
            <Select style={{ width: 130 }} options={options(problemCategories)} />
          </Form.Item>
          <Form.Item name="source" label="来源" rules={[{ required: true }]}>
            <Select style={{ width: 130 }} options={options(problemSources)} />
          </Form.Item>
          <Form.Item name="household" label="农户">
            <Input maxLength={60} placeholder="如：三组 王某某户" style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Space size="large" wrap>
          <Form.Item name="reportedDate" label="发现日期" rules={[{ required: true }]}>
            <DatePicker disabledDate={afterToday} />
          </Form.Item>
          <Form.Item name="dueDate" label="办结时限">
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="description" label="详细情况">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ProblemsTab() {
  const { can } = useSession();
  const writable = can('service:write');
  const [filters, setFilters] = useState<Filters>({ year: currentYear(), page: 1, pageSize: 20 });
  const { data, isFetching } = useProblems(filters);
  const importProblems = useImportProblems();
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const patch = (next: Partial<Filters>) => setFilters((f) => ({ ...f, ...next, page: 1 }));
  const { page: _p, pageSize: _s, ...exportFilters } = filters;

  const columns: TableColumnsType<Problem> = [
    { title: '发现日期', dataIndex: 'reportedDate', width: 105 },
    { title: '村（社区）', key: 'v', width: 150, render: (_, p) => `${p.townName} · ${p.villageName}` },
    { title: '问题', dataIndex: 'title', ellipsis: true, render: (v: string, p) => <a onClick={() => setOpenId(p.id)}>{v}</a> },
    { title: '类别', dataIndex: 'category', width: 90 },
    { title: '来源', dataIndex: 'source', width: 90 },
    { title: '认领人', dataIndex: 'claimedByName', width: 120, render: (v: string) => v || '—' },
    { title: '办结时限', dataIndex: 'dueDate', width: 105, render: (v: string | null) => v ?? '—' },
    {
      title: '状态',
      dataIndex: 'status',
      width: 130,
      render: (s: ProblemStatus, p) => (
        <Space size={4}>
          <Tag color={problemColors[s]}>{problemStatusLabels[s]}</Tag>
          {p.overdue && overdueTag}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <YearSelect value={filters.year as number} onChange={(year) => patch({ year })} />
          <Input.Search placeholder="问题或农户" allowClear style={{ width: 170 }} onSearch={(q) => patch({ q: q.trim() || undefined })} aria-label="搜索问题" />
          <Select allowClear placeholder="状态" style={{ width: 110 }} options={problemStatuses.map((s) => ({ value: s, label: problemStatusLabels[s] }))} onChange={(status?: string) => patch({ status })} />
          <Select allowClear placeholder="类别" style={{ width: 110 }} options={options(problemCategories)} onChange={(category?: string) => patch({ category })} />
          <OrgTreeSelect placeholder="镇 / 村（含下级）" value={filters.orgUnitId as string | undefined} onChange={(orgUnitId) => patch({ orgUnitId })} style={{ width: 200 }} />
          <Space size={4}>
            <Switch size="small" aria-label="只看逾期" checked={Boolean(filters.overdue)} onChange={(v) => patch({ overdue: v || undefined })} />
            逾期
          </Space>
          {writable && (
            <Space size={4}>
              <Switch size="small" aria-label="我认领的" checked={Boolean(filters.mine)} onChange={(v) => patch({ mine: v || undefined })} />
              我认领的
            </Space>
          )}
        </Space>
        <Space wrap>
          {writable && (
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                登记问题
              </Button>
              <Button icon={<DownloadOutlined />} href={templateUrl}>
                下载导入模板
              </Button>
              <ImportExcelButton subject="问题" templateUrl={templateUrl} upload={importProblems.mutateAsync} />
            </>
          )}
          <Button icon={<FileExcelOutlined />} href={downloadUrl('/problems/export.xlsx', exportFilters)}>
            导出 Excel
          </Button>
        </Space>
      </Space>
      <Table<Problem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 1000 }}
        pagination={serverPagination(filters, data?.total, setFilters, '件')}
      />
      {adding && <ProblemModal onClose={() => setAdding(false)} />}
      {openId && <ProblemDrawer id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}
