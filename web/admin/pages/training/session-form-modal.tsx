import { useMemo, useState } from 'react';
import { Alert, AutoComplete, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  audienceGroups,
  categoriesOf,
  courseTypeLabels,
  courseTypes,
  partnerDepartmentSuggestions,
  type AudienceGroup,
  type CourseType,
  type SessionCreate,
  type TrainingCategory,
  type TrainingSession,
} from '../../../../shared/contracts/training';
import { useOrgTree } from '../../api/org-units-hooks';
import { useCreateSession, useUpdateSession } from '../../api/training-sessions-hooks';
import { notifySuccess } from '../../components/feedback';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { applyServerError } from '../../components/server-error';

type Values = {
  courseType: CourseType;
  category?: TrainingCategory;
  topic: string;
  orgUnitId: string;
  organizer: string;
  partners: string[];
  lecturer?: string;
  dates: [Dayjs, Dayjs] | Dayjs;
  place: string;
  hours: number;
  audience: AudienceGroup[];
  capacity?: number | null;
  summary?: string;
};

type Props = {
  session?: TrainingSession;
  /** Preset course type for a new session (the study-tours page creates tours). */
  courseType?: CourseType;
  onClose: () => void;
  onSaved?: (session: TrainingSession) => void;
};

const day = 'YYYY-MM-DD';
const fieldByCode = { 'training.invalid_category': 'category', 'training.invalid_dates': 'dates', 'training.invalid_organizer': 'orgUnitId', 'org.not_found': 'orgUnitId' };

function initialValues(session: TrainingSession | undefined, courseType: CourseType, rootId: string | undefined, rootOrganizer: string): Partial<Values> {
  if (!session) {
    const today = dayjs();
    return {
      courseType,
      orgUnitId: rootId,
      organizer: rootOrganizer,
      partners: [],
      dates: courseType === 'tour' ? [today, today.add(4, 'day')] : today,
      hours: courseType === 'tour' ? 40 : courseType === 'mentoring' ? 4 : 3,
      audience: courseType === 'tour' ? ['两委干部'] : ['两委干部', '驻村干部', '致富带头人'],
    };
  }
  return {
    courseType: session.courseType,
    category: (session.category ?? undefined) as TrainingCategory | undefined,
    topic: session.topic,
    orgUnitId: session.orgUnitId,
    organizer: session.organizer,
    partners: session.partners,
    lecturer: session.lecturer ?? undefined,
    dates: session.courseType === 'tour' ? [dayjs(session.date), dayjs(session.endDate ?? session.date)] : dayjs(session.date),
    place: session.place,
    hours: session.hours,
    audience: session.audience as AudienceGroup[],
    capacity: session.capacity,
    summary: session.summary ?? undefined,
  };
}

function toInput(v: Values): SessionCreate {
  const [start, end] = Array.isArray(v.dates) ? v.dates : [v.dates, null];
  return {
    courseType: v.courseType,
    category: categoriesOf[v.courseType].length ? (v.category ?? null) : null,
    topic: v.topic.trim(),
    orgUnitId: v.orgUnitId,
    organizer: v.organizer.trim(),
    partners: v.partners ?? [],
    lecturer: v.lecturer?.trim() || null,
    date: start.format(day),
    endDate: end && !end.isSame(start, 'day') ? end.format(day) : null,
    place: v.place.trim(),
    hours: v.hours,
    audience: v.audience ?? [],
    capacity: v.capacity ?? null,
    summary: v.summary?.trim() || null,
  };
}

/** Plan or change a session. The organizing unit (city or own town) decides who may change it later. */
export function SessionFormModal({ session, courseType: preset = 'lecture', onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const tree = useOrgTree();
  const create = useCreateSession();
  const update = useUpdateSession();
  const [banner, setBanner] = useState<string | null>(null);
  const root = tree.data?.[0];
  const rootOrganizer = root ? (root.level === 'city' ? '市委组织部' : `${root.name}党委`) : '';
  const type = Form.useWatch('courseType', form) ?? session?.courseType ?? preset;
  const initial = useMemo(() => initialValues(session, preset, root?.id, rootOrganizer), [session, preset, root?.id, rootOrganizer]);
  const categories = categoriesOf[type];
  const busy = create.isPending || update.isPending;

  const submit = async () => {
    const values = await form.validateFields().catch(() => null); // antd shows the field errors itself
    if (!values) return;
    setBanner(null);
    const input = toInput(values);
    try {
      const saved = session
        ? await update.mutateAsync({ id: session.id, input: (({ courseType: _c, orgUnitId: _o, ...rest }) => rest)(input) })
        : await create.mutateAsync(input);
      notifySuccess(session ? '培训场次已保存' : '培训场次已创建');
      onSaved?.(saved);
      onClose();
    } catch (error) {
      setBanner(applyServerError(form, error, fieldByCode));
    }
  };

  if (!tree.data) return null;
  return (
    <Modal
      open
      title={session ? '编辑培训场次' : type === 'tour' ? '新建研修提升课' : '新建培训场次'}
      width={760}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="保存"
      confirmLoading={busy}
      destroyOnHidden
    >
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initial} requiredMark>
        <Form.Item name="courseType" label="课程类型" rules={[{ required: true }]}>
          <Radio.Group
            disabled={Boolean(session)}
            optionType="button"
            buttonStyle="solid"
            options={courseTypes.map((t) => ({ value: t, label: courseTypeLabels[t] }))}
            onChange={(e) => {
              const next = e.target.value as CourseType;
              form.setFieldsValue({ category: undefined, dates: next === 'tour' ? [dayjs(), dayjs().add(4, 'day')] : dayjs(), hours: next === 'tour' ? 40 : next === 'mentoring' ? 4 : 3 });
            }}
          />
        </Form.Item>
        <Row gutter={16}>
          {categories.length > 0 && (
            <Col span={8}>
              <Form.Item name="category" label={type === 'lecture' ? '课程类别' : '培训方向'} rules={[{ required: true, message: '请选择类别' }]}>
                <Select options={categories.map((c) => ({ value: c, label: c }))} placeholder="请选择" />
              </Form.Item>
            </Col>
          )}
          <Col span={categories.length > 0 ? 16 : 24}>
            <Form.Item name="topic" label={type === 'tour' ? '研修主题' : '培训主题'} rules={[{ required: true, whitespace: true, message: '请填写主题' }, { max: 100 }]}>
              <Input placeholder={type === 'tour' ? '如：赴山东烟台学习党建引领乡村振兴经验' : '如：乡村治理标准化体系建设专题辅导'} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="orgUnitId" label="举办单位" rules={[{ required: true, message: '请选择举办单位' }]} tooltip="市级（组织部）或镇（街道）；镇级管理员只能为本镇举办">
              <OrgTreeSelect maxLevel="town" selectableLevels={['city', 'town']} allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="organizer" label="主办部门" rules={[{ required: true, whitespace: true, message: '请填写主办部门' }, { max: 60 }]}>
              <AutoComplete options={partnerDepartmentSuggestions.map((d) => ({ value: d }))} placeholder="如：市委组织部" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="partners" label="合办部门" tooltip="可选择或直接输入，如工信局、农业农村局、科协">
              <Select mode="tags" options={partnerDepartmentSuggestions.map((d) => ({ value: d, label: d }))} placeholder="可多选" maxTagCount={4} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lecturer" label={type === 'tour' ? '带队 / 联系人' : '授课人'} rules={[{ max: 60 }]}>
              <Input placeholder="可不填" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="dates" label={type === 'tour' ? '研修日期' : '培训日期'} rules={[{ required: true, message: '请选择日期' }]}>
              {type === 'tour' ? <DatePicker.RangePicker style={{ width: '100%' }} /> : <DatePicker style={{ width: '100%' }} />}
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="place" label={type === 'tour' ? '目的地' : '培训地点'} rules={[{ required: true, whitespace: true, message: '请填写地点' }, { max: 100 }]}>
              <Input placeholder={type === 'tour' ? '如：山东省烟台市' : '如：市委党校报告厅'} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="hours" label="学时" rules={[{ required: true, message: '请填写学时' }]} tooltip="出席者计入的学时，可为 0.5 的倍数">
              <InputNumber min={0.5} max={200} step={0.5} style={{ width: '100%' }} addonAfter="学时" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="capacity" label="人数上限" tooltip="扫码签到达到上限后，须由工作人员手工登记">
              <InputNumber min={1} max={10000} style={{ width: '100%' }} placeholder="不限" addonAfter="人" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="audience" label="培训对象" tooltip="扫码签到只在培训对象中核对身份；不选表示不限">
          <Checkbox.Group options={audienceGroups.map((g) => ({ value: g, label: g }))} />
        </Form.Item>
        <Form.Item name="summary" label={type === 'tour' ? '研修收获' : '内容摘要'} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} placeholder={type === 'tour' ? '学到了什么、准备如何运用' : '可不填'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
