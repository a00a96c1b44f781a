import { useEffect, useState } from 'react';
import { Alert, DatePicker, Descriptions, Drawer, Form, Input, Modal, Radio, Select, Skeleton, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  violationCategories,
  violationCategoryLabels,
  violationStatusLabels,
  type Violation,
  type ViolationCategory,
} from '../../../../../shared/contracts/evaluation-results';
import { errorText } from '../../../api/client';
import { useCreateViolation, useDecideViolation, useRevealViolation, useUpdateViolation } from '../../../api/evaluation-results-hooks';
import { notifySuccess } from '../../../components/feedback';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { applyServerError } from '../../../components/server-error';

const villageLevels = ['village'] as const;
type FormValues = { villageId: string; personName: string; category: ViolationCategory; occurredOn: Dayjs; details?: string };

/** 登记 / 编辑: a record stays editable only while it waits for its check. */
export function ViolationFormModal({ violation, onClose }: { violation?: Violation; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const create = useCreateViolation();
  const update = useUpdateViolation();
  const reveal = useRevealViolation();
  const [banner, setBanner] = useState<string | null>(null);

  // Editing starts from the full record (the list holds only the masked name).
  useEffect(() => {
    if (!violation) return;
    reveal.mutate(violation.id, { onSuccess: (d) => form.setFieldsValue({ personName: d.personName, details: d.details ?? undefined }) });
  }, [violation?.id]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const onError = (e: unknown) => setBanner(applyServerError(form, e, { 'violation.future_date': 'occurredOn' }));
    const occurredOn = v.occurredOn.format('YYYY-MM-DD');
    if (violation) {
      update.mutate(
        { id: violation.id, input: { personName: v.personName, category: v.category, occurredOn, details: v.details?.trim() || null } },
        { onSuccess: () => (notifySuccess('已保存'), onClose()), onError },
      );
    } else {
      create.mutate(
        { villageId: v.villageId, personName: v.personName, category: v.category, occurredOn, ...(v.details?.trim() ? { details: v.details.trim() } : {}) },
        { onSuccess: (r) => (notifySuccess(`已登记，编号 ${r.caseNo}`), onClose()), onError },
      );
    }
  };

  return (
    <Modal
      title={violation ? `编辑核查记录 ${violation.caseNo}` : '登记核查记录'}
      open
      width={600}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="保存"
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        name="violation"
        initialValues={violation ? { category: violation.category, occurredOn: dayjs(violation.occurredOn) } : undefined}
      >
        {violation ? (
          <Form.Item label="村（社区）">
            <Input value={`${violation.village.townName} · ${violation.village.name}`} disabled />
          </Form.Item>
        ) : (
          <Form.Item name="villageId" label="村（社区）" rules={[{ required: true, message: '请选择村' }]}>
            <OrgTreeSelect selectableLevels={[...villageLevels]} placeholder="选择村（社区）" />
          </Form.Item>
        )}
        <Form.Item name="personName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 40 }]} extra="加密保存，仅纪检 / 信访专员和组织部管理员可见。">
          <Input placeholder={violation && reveal.isPending ? '读取中…' : '涉及的村干部或党员姓名'} />
        </Form.Item>
        <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={violationCategories.map((c) => ({ value: c, label: violationCategoryLabels[c] }))} />
        </Form.Item>
        <Form.Item name="occurredOn" label="发生日期" rules={[{ required: true, message: '请选择日期' }]} extra="按此日期的年份计入当年评星。">
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="details" label="情况说明" rules={[{ max: 2000 }]}>
          <Input.TextArea rows={4} showCount maxLength={2000} placeholder="选填：请勿填写身份证号、手机号" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 核查: 属实 feeds the rating (veto or downgrade by the standard), 不属实 closes it; both need a conclusion. */
export function ViolationDecideModal({ violation, onClose }: { violation: Violation; onClose: () => void }) {
  const [form] = Form.useForm<{ to: 'confirmed' | 'dismissed'; note: string }>();
  const decide = useDecideViolation();
  const [banner, setBanner] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    decide.mutate({ id: violation.id, input: { to: v.to, note: v.note.trim() } }, { onSuccess: () => (notifySuccess('核查结论已记录'), onClose()), onError: (e) => setBanner(errorText(e)) });
  };
  return (
    <Modal title={`核查结论 · ${violation.caseNo}`} open onCancel={onClose} onOk={() => void submit()} okText="确认" confirmLoading={decide.isPending} destroyOnHidden>
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="村">{`${violation.village.townName} · ${violation.village.name}`}</Descriptions.Item>
        <Descriptions.Item label="类别">{violationCategoryLabels[violation.category]}</Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical" name="decide">
        <Form.Item name="to" label="核查结果" rules={[{ required: true, message: '请选择核查结果' }]}>
          <Radio.Group
            options={[
              { value: 'confirmed', label: '属实（按标准一票否决或降星）' },
              { value: 'dismissed', label: '不属实' },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label="核查结论" rules={[{ required: true, whitespace: true, message: '请填写核查结论' }, { max: 1000 }]}>
          <Input.TextArea rows={4} showCount maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The full record: its read is audited on the server (violation.view). */
export function ViolationDetailDrawer({ violation, onClose }: { violation: Violation; onClose: () => void }) {
  const reveal = useRevealViolation();
  useEffect(() => {
    reveal.mutate(violation.id);
  }, [violation.id]);
  const d = reveal.data;
  return (
    <Drawer title={`核查记录 ${violation.caseNo}`} open width={520} onClose={onClose} destroyOnHidden>
      <Alert type="warning" showIcon message="本次查看已记入审计日志" style={{ marginBottom: 16 }} />
      {reveal.isError && <Alert type="error" showIcon message={errorText(reveal.error)} />}
      <Skeleton loading={reveal.isPending} active>
        {d && (
          <Descriptions bordered column={1} size="small">
            <Descriptions.Item label="村（社区）">{`${d.village.townName} · ${d.village.name}`}</Descriptions.Item>
            <Descriptions.Item label="姓名">{d.personName}</Descriptions.Item>
            <Descriptions.Item label="类别">{violationCategoryLabels[d.category]}</Descriptions.Item>
            <Descriptions.Item label="发生日期">{d.occurredOn}</Descriptions.Item>
            <Descriptions.Item label="核查状态">
              <Tag>{violationStatusLabels[d.status]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="情况说明">{d.details || '—'}</Descriptions.Item>
            <Descriptions.Item label="登记">{`${d.reportedByName} · ${new Date(d.reportedAt).toLocaleString('zh-CN', { hour12: false })}`}</Descriptions.Item>
            <Descriptions.Item label="核查结论">{d.decisionNote || '—'}</Descriptions.Item>
            <Descriptions.Item label="核查人">{d.decidedByName ? `${d.decidedByName} · ${new Date(d.decidedAt ?? '').toLocaleString('zh-CN', { hour12: false })}` : '—'}</Descriptions.Item>
          </Descriptions>
        )}
      </Skeleton>
    </Drawer>
  );
}
