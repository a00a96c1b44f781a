import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { attendanceStatusLabels, attendanceStatuses, type AttendanceStatus, type TrainingSession } from '../../../../shared/contracts/training';
import { useSetAttendance } from '../../api/training-sessions-hooks';
import { notifySuccess } from '../../components/feedback';
import { applyServerError } from '../../components/server-error';
import { PersonPicker } from './person-picker';

type Values = { personId: string; status: AttendanceStatus; note?: string };

const fieldByCode = { 'person.not_found': 'personId', 'training.not_a_secretary': 'personId' };

/** Attendance by hand: the organizer picks a person and a status; a repeat replaces the status. */
export function AddAttendanceModal({ session, onClose }: { session: TrainingSession; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useSetAttendance();
  const [banner, setBanner] = useState<string | null>(null);
  const tour = session.courseType === 'tour';

  const submit = async () => {
    const v = await form.validateFields().catch(() => null); // antd shows the field errors itself
    if (!v) return;
    setBanner(null);
    try {
      const saved = await save.mutateAsync({ id: session.id, personId: v.personId, input: { status: v.status, note: v.note?.trim() || null } });
      notifySuccess(`已登记：${saved.personName}（${attendanceStatusLabels[saved.status]}）`);
      form.resetFields(['personId', 'note']);
    } catch (error) {
      setBanner(applyServerError(form, error, fieldByCode));
    }
  };

  return (
    <Modal open title={tour ? '选派研修学员' : '手工登记考勤'} onCancel={onClose} onOk={() => void submit()} okText="登记" cancelText="完成" confirmLoading={save.isPending} destroyOnHidden>
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ status: 'present' }}>
        <Form.Item name="personId" label={tour ? '村党组织书记' : '人员'} rules={[{ required: true, message: '请选择人员' }]} extra={tour ? '研修提升课的学员须为现任村党组织书记' : undefined}>
          <PersonPicker title={tour ? '书记' : undefined} />
        </Form.Item>
        <Form.Item name="status" label="考勤" rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={attendanceStatuses.map((s) => ({ value: s, label: attendanceStatusLabels[s] }))} />
        </Form.Item>
        <Form.Item name="note" label="备注" rules={[{ max: 200 }]}>
          <Input placeholder="如：请假原因" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
