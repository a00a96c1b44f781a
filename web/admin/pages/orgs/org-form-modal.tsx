import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { OrgKind, OrgUnit, OrgUnitCreate, PartyOrgType } from '../../../../shared/contracts/org-units';
import { orgKindLevel } from '../../../../shared/contracts/org-units';
import { useCreateOrgUnit, useUpdateOrgUnit } from '../../api/org-units-hooks';
import { notifySuccess } from '../../components/feedback';
import { childLevel, defaultPartyOrgType, orgKindsByLevel, partyOrgTypes } from '../../components/org-labels';
import { applyServerError } from '../../components/server-error';

type Props =
  | { mode: 'create'; parent: OrgUnit; onClose: () => void }
  | { mode: 'edit'; unit: OrgUnit; onClose: () => void };

type Values = { kind: OrgKind; name: string; code: string; partyOrgType: PartyOrgType; partyOrgName: string; sortOrder?: number };

const fieldByCode = { 'org.duplicate_code': 'code', 'org.invalid_parent': 'kind' };
const codePattern = /^[A-Za-z0-9-]{1,32}$/;

export function OrgFormModal(props: Props) {
  const [form] = Form.useForm<Values>();
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit();
  const [banner, setBanner] = useState<string | null>(null);

  const level = props.mode === 'create' ? childLevel(props.parent.level) ?? 'village' : props.unit.level;
  const kinds = orgKindsByLevel[level];
  const initialValues: Partial<Values> =
    props.mode === 'edit'
      ? {
          kind: props.unit.kind,
          name: props.unit.name,
          code: props.unit.code,
          partyOrgType: props.unit.partyOrgType,
          partyOrgName: props.unit.partyOrgName,
          sortOrder: props.unit.sortOrder,
        }
      : { kind: kinds[0], partyOrgType: defaultPartyOrgType[level] };

  const submit = async () => {
    const values = await form.validateFields().catch(() => null); // antd shows the field errors itself
    if (!values) return;
    setBanner(null);
    const onError = (error: unknown) => setBanner(applyServerError(form, error, fieldByCode));
    if (props.mode === 'create') {
      const input: OrgUnitCreate = { ...values, parentId: props.parent.id };
      create.mutate(input, {
        onSuccess: () => {
          notifySuccess('已新增组织');
          props.onClose();
        },
        onError,
      });
    } else {
      // Send only what changed: the audit row then shows the real change, not a full rewrite.
      const unit = props.unit;
      const input = Object.fromEntries(
        Object.entries(values).filter(([key, value]) => value !== undefined && value !== unit[key as keyof Values]),
      );
      if (Object.keys(input).length === 0) {
        props.onClose();
        return;
      }
      update.mutate(
        { id: unit.id, input },
        {
          onSuccess: () => {
            notifySuccess('已保存');
            props.onClose();
          },
          onError,
        },
      );
    }
  };

  // Suggest the Party organization name from the unit name, the way the department writes it.
  const onNameChange = (name: string) => {
    if (props.mode !== 'create' || form.isFieldTouched('partyOrgName')) return;
    const type = form.getFieldValue('partyOrgType') as PartyOrgType | undefined;
    form.setFieldValue('partyOrgName', name ? `中共${name}${level === 'town' ? '委员会' : type === '党总支' ? '总支部委员会' : '支部委员会'}` : '');
  };

  return (
    <Modal
      open
      title={props.mode === 'create' ? `新增下级组织（上级：${props.parent.name}）` : `编辑组织：${props.unit.name}`}
      onCancel={props.onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={create.isPending || update.isPending}
      okText="保存"
      width={560}
      destroyOnHidden
    >
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initialValues}>
        <Form.Item name="name" label="组织名称" rules={[{ required: true, whitespace: true, message: '请输入组织名称' }, { max: 60, message: '最多 60 个字' }]}>
          <Input placeholder={level === 'town' ? '如：月晴镇' : '如：白石村'} onChange={(e) => onNameChange(e.target.value)} />
        </Form.Item>
        <Form.Item
          name="code"
          label="组织编码"
          rules={[
            { required: true, whitespace: true, message: '请输入组织编码' },
            { pattern: codePattern, message: '编码只能包含字母、数字和短横线，最多 32 位' },
          ]}
        >
          <Input placeholder="如：222406-101" />
        </Form.Item>
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
          <Select options={kinds.filter((k) => orgKindLevel[k] === level).map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item name="partyOrgType" label="党组织类型" rules={[{ required: true, message: '请选择党组织类型' }]}>
          <Select options={partyOrgTypes.map((t) => ({ value: t, label: t }))} />
        </Form.Item>
        <Form.Item name="partyOrgName" label="党组织名称" rules={[{ required: true, whitespace: true, message: '请输入党组织名称' }, { max: 60, message: '最多 60 个字' }]}>
          <Input placeholder="如：中共白石村支部委员会" />
        </Form.Item>
        <Form.Item name="sortOrder" label="排序号" extra="数字越小越靠前">
          <InputNumber min={0} max={9999} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
