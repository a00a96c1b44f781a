import { useState } from 'react';
import { Alert, DatePicker, Descriptions, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Attendance, TrainingSession } from '../../../../shared/contracts/training';
import { useSetTourReport } from '../../api/training-sessions-hooks';
import { notifySuccess } from '../../components/feedback';
import { applyServerError } from '../../components/server-error';

type Values = { title: string; content: string; submittedOn: Dayjs };

/** A study-tour participant's report: read it, or (organizers) record or correct it. */
export function TourReportModal({ session, attendance, editable, onClose }: { session: TrainingSession; attendance: Attendance; editable: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useSetTourReport();
  const [editing, setEditing] = useState(!attendance.report && editable);
  const [banner, setBanner] = useState<string | null>(null);
  const r = attendance.report;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null); // antd shows the field errors itself
    if (!v) return;
    try {
      await save.mutateAsync({ id: session.id, personId: attendance.personId, report: { title: v.title.trim(), content: v.content.trim(), submittedOn: v.submittedOn.format('YYYY-MM-DD') } });
      notifySuccess('研修报告已保存');
      onClose();
    } catch (error) {
      setBanner(applyServerError(form, error));
    }
  };

  return (
    <Modal
      open
      width={680}
      title={`研修报告 · ${attendance.personName}（${attendance.orgUnitName}）`}
      onCancel={onClose}
      okText={editing ? '保存' : editable ? '修改' : '关闭'}
      onOk={() => (editing ? void submit() : editable ? setEditing(true) : onClose())}
      confirmLoading={save.isPending}
      cancelButtonProps={{ style: editing || editable ? undefined : { display: 'none' } }}
      destroyOnHidden
    >
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      {editing ? (
        <Form form={form} layout="vertical" initialValues={{ title: r?.title, content: r?.content, submittedOn: r ? dayjs(r.submittedOn) : dayjs() }}>
          <Form.Item name="title" label="报告题目" rules={[{ required: true, whitespace: true, message: '请填写题目' }, { max: 100 }]}>
            <Input placeholder="如：烟台研修心得" />
          </Form.Item>
          <Form.Item name="content" label="报告内容" rules={[{ required: true, whitespace: true, message: '请填写内容' }, { max: 5000 }]}>
            <Input.TextArea rows={8} placeholder="学到了什么，回村后准备怎么做" />
          </Form.Item>
          <Form.Item name="submittedOn" label="提交日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Form>
      ) : r ? (
        <>
          <Descriptions size="small" column={2} items={[{ key: 't', label: '题目', children: r.title }, { key: 'd', label: '提交日期', children: r.submittedOn }]} />
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{r.content}</Typography.Paragraph>
        </>
      ) : (
        <Typography.Text type="secondary">尚未提交研修报告。</Typography.Text>
      )}
    </Modal>
  );
}
