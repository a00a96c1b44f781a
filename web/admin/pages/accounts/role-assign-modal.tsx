import { useState } from 'react';
import { Alert, Button, Col, Form, Modal, Row, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Account } from '../../../../shared/contracts/accounts';
import { roleConflict, roleLabels, roleScopeLevel, roles, type Role, type RoleConflict } from '../../../../shared/roles';
import { messageFor } from '../../../../shared/errors';
import { useAssignRoles } from '../../api/accounts-hooks';
import { notifySuccess } from '../../components/feedback';
import { orgLevelLabels } from '../../components/org-labels';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { errorText } from '../../api/client';

type Grant = { role?: Role; orgUnitId?: string };
type Values = { roles: Grant[] };

const roleOptions = roles.map((r) => ({
  value: r,
  label: `${roleLabels[r]}（范围：${orgLevelLabels[roleScopeLevel[r]]}）`,
}));

/** 三权分立 and the inspector's separation, checked before submit; the server checks them again. */
function separationViolation(grants: Grant[]): RoleConflict | null {
  return roleConflict(grants.map((g) => g.role).filter((r): r is Role => !!r));
}

export function RoleAssignModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const assign = useAssignRoles();
  const [banner, setBanner] = useState<string | null>(null);
  const grants = Form.useWatch('roles', form) ?? [];

  const submit = async () => {
    const values = await form.validateFields().catch(() => null); // antd shows the field errors itself
    if (!values) return;
    setBanner(null);
    const conflict = separationViolation(values.roles);
    if (conflict) {
      setBanner(messageFor(conflict));
      return;
    }
    const seen = new Set<string>();
    const clean = values.roles
      .filter((g): g is Required<Grant> => !!g.role && !!g.orgUnitId)
      .filter((g) => {
        const key = `${g.role}:${g.orgUnitId}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    assign.mutate(
      { id: account.id, roles: clean },
      {
        onSuccess: () => {
          notifySuccess('角色已更新');
          onClose();
        },
        onError: (error) => setBanner(errorText(error)),
      },
    );
  };

  return (
    <Modal
      open
      width={680}
      title={`分配角色：${account.displayName}（${account.username}）`}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={assign.isPending}
      okText="保存"
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message="三权分立：系统管理员、安全管理员、审计管理员三类角色不能由同一账户兼任。"
        description="每个角色都在一个组织范围内生效：市级角色选择市，镇级角色选择镇（街道），村级角色选择村（社区）。"
      />
      {separationViolation(grants) && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={messageFor(separationViolation(grants) as RoleConflict)} />
      )}
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ roles: account.roles.map((r) => ({ role: r.role, orgUnitId: r.orgUnitId })) }}
      >
        <Form.List name="roles">
          {(fields, { add, remove }) => (
            <>
              {fields.length === 0 && (
                <Typography.Paragraph type="secondary">该账户暂无角色，无法使用任何业务功能。</Typography.Paragraph>
              )}
              {fields.map(({ key, name }) => {
                const role = grants[name]?.role;
                return (
                  <Row key={key} gutter={8} align="top">
                    <Col span={11}>
                      <Form.Item name={[name, 'role']} rules={[{ required: true, message: '请选择角色' }]}>
                        <Select
                          placeholder="角色"
                          options={roleOptions}
                          showSearch
                          optionFilterProp="label"
                          onChange={() => form.setFieldValue(['roles', name, 'orgUnitId'], undefined)}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={11}>
                      <Form.Item name={[name, 'orgUnitId']} rules={[{ required: true, message: '请选择管理范围' }]}>
                        <OrgTreeSelect
                          placeholder={role ? `选择${orgLevelLabels[roleScopeLevel[role]]}` : '先选择角色'}
                          selectableLevels={role ? [roleScopeLevel[role]] : []}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(name)} aria-label="移除角色" />
                    </Col>
                  </Row>
                );
              })}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 10}>
                添加角色
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
