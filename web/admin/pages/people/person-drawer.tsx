import { useState } from 'react';
import { Alert, Button, Col, DatePicker, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { positionTitles, type Person, type PersonCreate, type PositionTitle } from '../../../../shared/contracts/people';
import { isValidIdNumber, isValidPhone } from '../../../../shared/mask';
import { useCreatePerson, useUpdatePerson } from '../../api/people-hooks';
import { notifySuccess } from '../../components/feedback';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { applyServerError } from '../../components/server-error';

type PositionValues = { title: PositionTitle; orgUnitId?: string; startDate: Dayjs; endDate?: Dayjs | null };
type Values = {
  orgUnitId: string;
  name: string;
  gender: '男' | '女';
  birthYear?: number | null;
  idNumber?: string;
  phone?: string;
  partyMember: boolean;
  positions: PositionValues[];
};

type Props = { person?: Person; onClose: () => void };

const titleOptions = positionTitles.map((t) => ({ value: t, label: t }));
const fieldByCode = {
  'person.duplicate_id_number': 'idNumber',
  'person.invalid_id_number': 'idNumber',
  'person.invalid_phone': 'phone',
};
const day = 'YYYY-MM-DD';
const positionHeaders: [string, number][] = [
  ['职务', 5],
  ['任职组织（默认为所在组织）', 7],
  ['开始日期', 5],
  ['结束日期（在任留空）', 5],
];

function toInput(values: Values, editing: boolean): PersonCreate {
  const idNumber = values.idNumber?.trim().toUpperCase();
  const phone = values.phone?.trim();
  const input: PersonCreate = {
    orgUnitId: values.orgUnitId,
    name: values.name.trim(),
    gender: values.gender,
    birthYear: values.birthYear ?? null,
    partyMember: values.partyMember,
    positions: (values.positions ?? []).map((p) => ({
      title: p.title,
      orgUnitId: p.orgUnitId || undefined,
      startDate: p.startDate.format(day),
      endDate: p.endDate ? p.endDate.format(day) : null,
    })),
  };
  // The form never holds the stored numbers (only masks reach the browser): blank means unchanged
  // when editing, and "none" when creating.
  if (idNumber) input.idNumber = idNumber;
  else if (!editing) input.idNumber = null;
  if (phone) input.phone = phone;
  else if (!editing) input.phone = null;
  return input;
}

export function PersonDrawer({ person, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const [banner, setBanner] = useState<string | null>(null);
  const editing = Boolean(person);

  const initialValues: Partial<Values> = person
    ? {
        orgUnitId: person.orgUnitId,
        name: person.name,
        gender: person.gender,
        birthYear: person.birthYear,
        partyMember: person.partyMember,
        positions: person.positions.map((p) => ({
          title: p.title,
          orgUnitId: p.orgUnitId,
          startDate: dayjs(p.startDate),
          endDate: p.endDate ? dayjs(p.endDate) : null,
        })),
      }
    : { gender: '男', partyMember: false, positions: [] };

  const submit = async () => {
    const values = await form.validateFields().catch(() => null); // antd shows the field errors itself
    if (!values) return;
    setBanner(null);
    const input = toInput(values, editing);
    const onError = (error: unknown) => setBanner(applyServerError(form, error, fieldByCode));
    const onSuccess = () => {
      notifySuccess(editing ? '已保存' : '已新增人员');
      onClose();
    };
    if (person) update.mutate({ id: person.id, input }, { onSuccess, onError });
    else create.mutate(input, { onSuccess, onError });
  };

  return (
    <Drawer
      open
      width={720}
      title={person ? `编辑人员：${person.name}` : '新增人员'}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => void submit().catch(() => undefined)}>
            保存
          </Button>
        </Space>
      }
    >
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initialValues}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 40, message: '最多 40 个字' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="orgUnitId" label="所在组织" rules={[{ required: true, message: '请选择所在组织' }]}>
              <OrgTreeSelect allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="gender" label="性别" rules={[{ required: true, message: '请选择性别' }]}>
              <Radio.Group options={['男', '女']} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="birthYear" label="出生年份">
              <InputNumber min={1920} max={2020} precision={0} placeholder="如：1978" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="idNumber"
              label="身份证号"
              extra={editing ? `当前：${person?.idNumberMasked ?? '未登记'}，留空表示不修改` : undefined}
              rules={[{ validator: (_, v?: string) => (!v || isValidIdNumber(v.trim().toUpperCase()) ? Promise.resolve() : Promise.reject(new Error('身份证号格式不正确'))) }]}
            >
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="phone"
              label="手机号"
              extra={editing ? `当前：${person?.phoneMasked ?? '未登记'}，留空表示不修改` : undefined}
              rules={[{ validator: (_, v?: string) => (!v || isValidPhone(v.trim()) ? Promise.resolve() : Promise.reject(new Error('手机号应为 11 位'))) }]}
            >
              <Input maxLength={11} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="partyMember" label="是否党员" valuePropName="checked">
              <Switch checkedChildren="党员" unCheckedChildren="否" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>职务</Typography.Title>
        <Form.List name="positions">
          {(fields, { add, remove }) => (
            <>
              {fields.length > 0 && (
                <Row gutter={8} style={{ marginBottom: 4 }}>
                  {positionHeaders.map(([label, span]) => (
                    <Col key={label} span={span}>
                      <Typography.Text type="secondary">{label}</Typography.Text>
                    </Col>
                  ))}
                </Row>
              )}
              {fields.map(({ key, name }) => (
                <Row key={key} gutter={8} align="top">
                  <Col span={5}>
                    <Form.Item name={[name, 'title']} rules={[{ required: true, message: '请选择职务' }]}>
                      <Select placeholder="职务" options={titleOptions} showSearch optionFilterProp="label" />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item name={[name, 'orgUnitId']}>
                      <OrgTreeSelect placeholder="所在组织" />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[name, 'startDate']} rules={[{ required: true, message: '请选择开始日期' }]}>
                      <DatePicker placeholder="开始日期" style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item
                      name={[name, 'endDate']}
                      dependencies={[['positions', name, 'startDate']]}
                      rules={[
                        ({ getFieldValue }) => ({
                          validator: (_, end?: Dayjs | null) => {
                            const start = getFieldValue(['positions', name, 'startDate']) as Dayjs | undefined;
                            return !end || !start || !end.isBefore(start, 'day')
                              ? Promise.resolve()
                              : Promise.reject(new Error('结束日期不能早于开始日期'));
                          },
                        }),
                      ]}
                    >
                      <DatePicker placeholder="在任" style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(name)} aria-label="删除职务" />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ startDate: dayjs() })}>
                添加职务
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
