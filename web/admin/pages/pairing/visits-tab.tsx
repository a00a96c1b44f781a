import { useState } from 'react';
import { Alert, Button, DatePicker, Descriptions, Drawer, Form, Image, Input, Modal, Select, Space, Table, Tag, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { CameraOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { visitKinds, type Visit } from '../../../../shared/contracts/fieldwork-pairing';
import { downloadUrl, errorText } from '../../api/client';
import { usePairings, useRecordVisit, useUploadVisitPhoto, useVisits, type Filters } from '../../api/fieldwork-pairing-hooks';
import { useSession } from '../../auth/session';
import { notifyError, notifySuccess } from '../../components/feedback';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { afterToday, currentYear, dayText, YearSelect } from './fieldwork-ui';
import { serverPagination } from '../../components/server-pagination';

const kindColors: Record<string, string> = { 调研: 'red', 座谈: 'blue', 现场指导: 'green', 走访慰问: 'orange', 督导检查: 'purple' };
const kindOptions = visitKinds.map((k) => ({ value: k, label: k }));

type FormValues = { pairingId: string; visitDate: Dayjs; kind: string; companions?: string; findings?: string; followUp?: string };

function VisitModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const record = useRecordVisit();
  const pairings = usePairings({ active: 'true', page: 1, pageSize: 100 });
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: FormValues) => {
    setError(null);
    try {
      await record.mutateAsync({ ...v, visitDate: dayText(v.visitDate) as string, kind: v.kind as Visit['kind'] });
      notifySuccess('已记录走访');
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal title="记录走访" open onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={record.isPending} width={640} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ visitDate: dayjs(), kind: '调研' }}>
        <Form.Item name="pairingId" label="包保关系" rules={[{ required: true, message: '请选择包保关系' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={pairings.isPending}
            placeholder="领导 · 村"
            options={(pairings.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.leaderName} · ${p.townName} ${p.villageName}` }))}
          />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="visitDate" label="走访日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker disabledDate={afterToday} />
          </Form.Item>
          <Form.Item name="kind" label="方式" rules={[{ required: true }]}>
            <Select options={kindOptions} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="companions" label="同行人员">
            <Input maxLength={200} style={{ width: 240 }} />
          </Form.Item>
        </Space>
        <Form.Item name="findings" label="发现问题">
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="followUp" label="后续措施">
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function VisitDrawer({ visit, onClose }: { visit: Visit; onClose: () => void }) {
  const { me, can } = useSession();
  const upload = useUploadVisitPhoto(me.csrfToken);
  const [photos, setPhotos] = useState(visit.photoIds);
  return (
    <Drawer title={`${visit.leaderName} 走访 ${visit.villageName}`} open onClose={onClose} width={560}>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="日期">{visit.visitDate}</Descriptions.Item>
        <Descriptions.Item label="地点">
          {visit.townName} · {visit.villageName}
        </Descriptions.Item>
        <Descriptions.Item label="方式">
          <Tag color={kindColors[visit.kind]}>{visit.kind}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="同行人员">{visit.companions || '—'}</Descriptions.Item>
        <Descriptions.Item label="发现问题">{visit.findings || '—'}</Descriptions.Item>
        <Descriptions.Item label="后续措施">{visit.followUp || '—'}</Descriptions.Item>
      </Descriptions>
      <h4 style={{ margin: '20px 0 8px' }}>现场照片（{photos.length}）</h4>
      <Image.PreviewGroup>
        <Space wrap>
          {photos.map((id) => (
            <Image key={id} src={`/api/visit-photos/${id}`} width={104} height={104} style={{ objectFit: 'cover' }} alt="走访照片" />
          ))}
        </Space>
      </Image.PreviewGroup>
      {can('visit:write') && (
        <Upload
          accept="image/jpeg,image/png"
          showUploadList={false}
          customRequest={({ file, onSuccess, onError }) => {
            upload
              .mutateAsync({ visitId: visit.id, file: file as File })
              .then((v) => {
                setPhotos(v.photoIds);
                onSuccess?.(v);
                notifySuccess('照片已上传');
              })
              .catch((e: unknown) => {
                onError?.(e as Error);
                notifyError(errorText(e));
              });
          }}
        >
          <Button icon={<CameraOutlined />} loading={upload.isPending} style={{ marginTop: 12 }}>
            上传照片（JPG/PNG，≤2 MB）
          </Button>
        </Upload>
      )}
    </Drawer>
  );
}

export function VisitsTab() {
  const { can } = useSession();
  const [filters, setFilters] = useState<Filters>({ year: currentYear(), page: 1, pageSize: 20 });
  const { data, isFetching } = useVisits(filters);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<Visit | null>(null);
  const patch = (next: Partial<Filters>) => setFilters((f) => ({ ...f, ...next, page: 1 }));
  const { page: _p, pageSize: _s, ...exportFilters } = filters;

  const columns: TableColumnsType<Visit> = [
    { title: '日期', dataIndex: 'visitDate', width: 110 },
    { title: '市级领导', dataIndex: 'leaderName', width: 100 },
    { title: '村（社区）', key: 'v', width: 170, render: (_, v) => `${v.townName} · ${v.villageName}` },
    { title: '方式', dataIndex: 'kind', width: 100, render: (k: string) => <Tag color={kindColors[k]}>{k}</Tag> },
    { title: '发现问题', dataIndex: 'findings', ellipsis: true },
    { title: '后续措施', dataIndex: 'followUp', ellipsis: true },
    { title: '照片', key: 'photos', width: 70, render: (_, v) => v.photoIds.length || '—' },
    { title: '', key: 'open', width: 70, render: (_, v) => <Button type="link" size="small" onClick={() => setOpen(v)}>详情</Button> },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <YearSelect value={filters.year as number} onChange={(year) => patch({ year })} />
          <Select allowClear placeholder="方式" options={kindOptions} style={{ width: 120 }} onChange={(kind?: string) => patch({ kind })} />
          <OrgTreeSelect placeholder="镇 / 村（含下级）" value={filters.orgUnitId as string | undefined} onChange={(orgUnitId) => patch({ orgUnitId })} style={{ width: 220 }} />
        </Space>
        <Space>
          {can('visit:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              记录走访
            </Button>
          )}
          <Button icon={<FileExcelOutlined />} href={downloadUrl('/visits/export.xlsx', exportFilters)}>
            导出 Excel
          </Button>
        </Space>
      </Space>
      <Table<Visit>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 1000 }}
        onRow={(v) => ({ onDoubleClick: () => setOpen(v) })}
        pagination={serverPagination(filters, data?.total, setFilters, '次走访')}
      />
      {adding && <VisitModal onClose={() => setAdding(false)} />}
      {open && <VisitDrawer visit={open} onClose={() => setOpen(null)} />}
    </>
  );
}
