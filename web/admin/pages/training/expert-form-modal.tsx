import { useMemo, useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select, TreeSelect } from 'antd';
import { expertFields, expertKinds, type Expert, type ExpertCreate } from '../../../../shared/contracts/training';
import { useOrgTree } from '../../api/org-units-hooks';
import { useSaveExpert } from '../../api/training-experts-hooks';
import { useTrainingSessions } from '../../api/training-sessions-hooks';
import { notifySuccess } from '../../components/feedback';
import { toSelectTree } from '../../components/org-tree-utils';
import { applyServerError } from '../../components/server-error';
import { PersonPicker } from './person-picker';

type Values = Omit<ExpertCreate, 'cultivatedBySessionId'> & { cultivatedBySessionId?: string | null };

const fieldByCode = { 'person.not_found': 'personId', 'training.expert_exists': 'personId', 'training.invalid_village': 'helpedVillageIds', 'training.session_not_found': 'cultivatedBySessionId' };

/** Add a person to the local-expert pool, or change what they do and where they help. */
export function ExpertFormModal({ expert, onClose }: { expert?: Expert; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useSaveExpert();
  const tree = useOrgTree();
  const [q, setQ] = useState('');
  const sessions = useTrainingSessions({ q: q || undefined, page: 1, pageSize: 30 });
  const [banner, setBanner] = useState<string | null>(null);
  const villageTree = useMemo(() => toSelectTree(tree.data ?? [], { selectableLevels: ['village'] }), [tree.data]);
  const sessionOptions = [
    ...(expert?.cultivatedBy && !sessions.data?.items.some((s) => s.id === expert.cultivatedBy?.sessionId)
      ? [{ value: expert.cultivatedBy.sessionId, label: `${expert.cultivatedBy.date} ${expert.cultivatedBy.topic}` }]
      : []),
    ...(sessions.data?.items ?? []).filter((s) => s.courseType !== 'tour').map((s) => ({ value: s.id, label: `${s.date} ${s.topic}` })),
  ];

  const submit = async () => {
    const v = await form.validateFields().catch(() => null); // antd shows the field errors itself
    if (!v) return;
    setBanner(null);
    const common = {
      kind: v.kind,
      field: v.field,
      specialty: v.specialty.trim(),
      description: v.description?.trim() || null,
      cultivatedBySessionId: v.cultivatedBySessionId ?? null,
      helpedVillageIds: v.helpedVillageIds ?? [],
    };
    try {
      await save.mutateAsync(expert ? { id: expert.id, input: common } : { input: { ...common, personId: v.personId } });
      notifySuccess(expert ? '已保存' : '已加入乡土人才库');
      onClose();
    } catch (error) {
      setBanner(applyServerError(form, error, fieldByCode));
    }
  };

  return (
    <Modal open width={640} title={expert ? `编辑乡土人才 · ${expert.name}` : '加入乡土人才库'} onCancel={onClose} onOk={() => void submit()} okText="保存" confirmLoading={save.isPending} destroyOnHidden>
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={
          expert
            ? { ...expert, description: expert.description ?? undefined, cultivatedBySessionId: expert.cultivatedBy?.sessionId ?? null, helpedVillageIds: expert.helpedVillages.map((v) => v.id) }
            : { kind: '土专家', field: '种植', helpedVillageIds: [] }
        }
      >
        {!expert && (
          <Form.Item name="personId" label="人员" rules={[{ required: true, message: '请选择人员' }]} extra="从人员名册中选择；名册中没有的请先在“人员管理”中登记">
            <PersonPicker />
          </Form.Item>
        )}
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={expertKinds.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item name="field" label="领域" rules={[{ required: true }]}>
          <Radio.Group options={expertFields.map((f) => ({ value: f, label: f }))} />
        </Form.Item>
        <Form.Item name="specialty" label="专长" rules={[{ required: true, whitespace: true, message: '请填写专长' }, { max: 60 }]}>
          <Input placeholder="如：黑木耳栽培、延边黄牛养殖" />
        </Form.Item>
        <Form.Item name="description" label="事迹简介" rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} placeholder="可不填" />
        </Form.Item>
        <Form.Item name="cultivatedBySessionId" label="培养来源（哪次培训）">
          <Select showSearch allowClear filterOption={false} onSearch={setQ} options={sessionOptions} loading={sessions.isFetching} placeholder="搜索培训主题" />
        </Form.Item>
        <Form.Item name="helpedVillageIds" label="帮带村（社区）">
          <TreeSelect multiple treeData={villageTree} showSearch treeNodeFilterProp="title" placeholder="可多选" allowClear maxTagCount={6} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
