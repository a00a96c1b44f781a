import { useState } from 'react';
import { Alert, Form, Modal } from 'antd';
import type { OrgLevel, OrgUnit } from '../../../../shared/contracts/org-units';
import { useMoveOrgUnit } from '../../api/org-units-hooks';
import { errorText } from '../../api/client';
import { notifySuccess } from '../../components/feedback';
import { OrgTreeSelect } from '../../components/org-tree-select';

const townOnly: OrgLevel[] = ['town'];

/** Only villages move, and only to another town (e.g. after a township merger). */
export function OrgMoveModal({ unit, onClose }: { unit: OrgUnit; onClose: () => void }) {
  const [form] = Form.useForm<{ parentId: string }>();
  const move = useMoveOrgUnit();
  const [banner, setBanner] = useState<string | null>(null);

  const submit = async () => {
    const checked = await form.validateFields().catch(() => null); // antd shows the field errors itself
    if (!checked) return;
    const { parentId } = checked;
    setBanner(null);
    move.mutate(
      { id: unit.id, parentId },
      {
        onSuccess: () => {
          notifySuccess('已调整隶属关系');
          onClose();
        },
        onError: (error) => setBanner(errorText(error)),
      },
    );
  };

  return (
    <Modal
      open
      title={`调整隶属：${unit.name}`}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={move.isPending}
      okText="确定调整"
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={`当前隶属：${unit.parentName ?? '—'}。调整后，该村的人员、账户管理范围随之变更。`}
      />
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="parentId" label="调整到" rules={[{ required: true, message: '请选择目标镇（街道）' }]}>
          <OrgTreeSelect placeholder="请选择镇（街道）" selectableLevels={townOnly} maxLevel="town" exclude={unit.parentId ?? undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
