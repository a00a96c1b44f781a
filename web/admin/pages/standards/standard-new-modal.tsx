import { Form, Input, Modal, Radio, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useStandards } from '../../api/standards-hooks';

type Values = { start: 'copy' | 'blank'; from?: string; code: string; version: string; name: string; region: string };

const idPattern = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/** Picks a starting point and the new standard's identity; the editor does the rest. */
export function StandardNewModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const standards = useStandards({ page: 1, pageSize: 100 });
  const start = Form.useWatch('start', form);
  const options = (standards.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.code} · ${s.version}）` }));

  const submit = async () => {
    const v = await form.validateFields().catch(() => null); // antd shows the field errors itself
    if (!v) return;
    const params = new URLSearchParams({ code: v.code.trim(), version: v.version.trim(), name: v.name.trim(), region: v.region.trim() });
    if (v.start === 'copy' && v.from) params.set('from', v.from);
    onClose();
    void navigate(`/standards/new?${params.toString()}`);
  };

  return (
    <Modal title="新建评星标准" open onCancel={onClose} onOk={() => void submit().catch(() => undefined)} okText="下一步：编辑规则" width={600} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ start: 'copy' }}>
        <Form.Item name="start" label="起点">
          <Radio.Group
            options={[
              { value: 'copy', label: '以已有标准为基础修改（推荐）' },
              { value: 'blank', label: '空白标准（一个维度、一个指标）' },
            ]}
          />
        </Form.Item>
        {start !== 'blank' && (
          <Form.Item name="from" label="基础标准" rules={[{ required: true, message: '请选择作为基础的标准' }]}>
            <Select options={options} loading={standards.isPending} placeholder="选择最接近的已有标准" showSearch optionFilterProp="label" />
          </Form.Item>
        )}
        <Form.Item name="name" label="标准名称" rules={[{ required: true, whitespace: true, message: '请输入标准名称' }, { max: 200 }]}>
          <Input placeholder="如 某某市“五星级”乡村党组织创建评星标准（2026年）" />
        </Form.Item>
        <Form.Item name="region" label="适用地区" rules={[{ required: true, whitespace: true, message: '请输入适用地区' }, { max: 200 }]}>
          <Input placeholder="如 吉林省图们市" />
        </Form.Item>
        <Form.Item
          name="code"
          label="标准编码"
          extra="字母开头，可含字母、数字、_ - .，如 tumen-2026"
          rules={[
            { required: true, message: '请输入标准编码' },
            { pattern: idPattern, message: '编码须以字母开头，只含字母、数字、_ - .，不超过 64 个字符' },
          ]}
        >
          <Input placeholder="如 tumen-2026" />
        </Form.Item>
        <Form.Item name="version" label="版本号" rules={[{ required: true, whitespace: true, message: '请输入版本号' }, { max: 40 }]}>
          <Input placeholder="如 2026.1" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
