import { useEffect, useState } from 'react';
import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import {
  evaluationStages,
  stageLabels,
  type Campaign,
  type CampaignCreate,
  type CampaignUpdate,
  type StageWeights,
  type StageWindows,
} from '../../../../../shared/contracts/campaigns';
import { useCreateCampaign, useStandardOptions, useUpdateCampaign } from '../../../api/campaigns-hooks';
import { useStandard } from '../../../api/standards-hooks';
import { isApiError } from '../../../api/client';
import { notifySuccess } from '../../../components/feedback';
import { applyServerError } from '../../../components/server-error';

type Range = [Dayjs, Dayjs];
type Values = {
  year: number;
  name: string;
  standardId: string;
  mutual: Range;
  department: Range;
  city: Range;
  customWeights: boolean;
  weights?: StageWeights;
  noticeDays: number;
};

type Props = { campaign?: Campaign; onClose: () => void };

const fieldByCode = { 'campaign.duplicate_year': 'year', 'campaign.weights_not_100': 'customWeights', 'campaign.no_self_stage': 'customWeights' };
const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const range = (w: { opens: string; closes: string }): Range => [dayjs(w.opens), dayjs(w.closes)];
const defaultName = (year: number) => `${year}年度“五星级”乡村党组织创建`;

type LooseStage = { id: string; name: string; kind?: string; weight: number; referenceOnly?: boolean };

/** The standard's stages as this form weighs them: the three stages and the self stage (kind self), when it has one. */
function stagesOf(document: Record<string, unknown> | undefined) {
  const stages = (Array.isArray(document?.stages) ? document.stages : []) as LooseStage[];
  const self = stages.find((s) => s.kind === 'self') ?? null;
  const weightOf = (id: string) => stages.find((s) => s.id === id)?.weight ?? 0;
  const weights: StageWeights = { mutual: weightOf('mutual'), department: weightOf('department'), city: weightOf('city'), ...(self ? { self: self.weight } : {}) };
  return { self, weights };
}

const weightsSum = (w?: Partial<StageWeights>) => (w ? (w.mutual ?? 0) + (w.department ?? 0) + (w.city ?? 0) + (w.self ?? 0) : 0);

/** Create a campaign, or edit one: weights and notice days only while it is still in draft. */
export function CampaignFormModal({ campaign, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const standards = useStandardOptions(!campaign);
  const create = useCreateCampaign();
  const update = useUpdateCampaign(campaign?.id ?? '');
  const [banner, setBanner] = useState<string | null>(null);
  const customWeights = Form.useWatch('customWeights', form);
  const standardId = Form.useWatch('standardId', form) ?? campaign?.standardId;
  const standard = useStandard(standardId);
  const { self, weights: standardWeights } = stagesOf(standard.data?.document);
  // A new campaign starts from the chosen standard's weights, the self stage's among them.
  useEffect(() => {
    if (!standard.data) return;
    if (!campaign && !form.getFieldValue('customWeights')) form.setFieldValue('weights', standardWeights);
    // A campaign stored before the self stage's weight was kept shows the standard's.
    if (campaign && standardWeights.self !== undefined && campaign.stageWeights.self === undefined) form.setFieldValue(['weights', 'self'], standardWeights.self);
  }, [standard.data]);
  const stageNames = ['摸底互评', '部门点评', '市级考评', ...(self ? [self.name] : [])].join('、');
  const draft = !campaign || campaign.status === 'draft';
  const thisYear = dayjs().year();

  const initialValues: Partial<Values> = campaign
    ? {
        year: campaign.year,
        name: campaign.name,
        standardId: campaign.standardId,
        mutual: range(campaign.windows.mutual),
        department: range(campaign.windows.department),
        city: range(campaign.windows.city),
        customWeights: true,
        weights: campaign.stageWeights,
        noticeDays: campaign.noticeDays,
      }
    : { year: thisYear, name: defaultName(thisYear), customWeights: false, weights: { mutual: 20, department: 30, city: 50 }, noticeDays: 5 };

  const submit = async () => {
    // An invalid form shows its messages beside the fields; nothing to send.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBanner(null);
    const windows: StageWindows = {
      mutual: { opens: day(v.mutual[0]), closes: day(v.mutual[1]) },
      department: { opens: day(v.department[0]), closes: day(v.department[1]) },
      city: { opens: day(v.city[0]), closes: day(v.city[1]) },
    };
    const onError = (error: unknown) => {
      const text = applyServerError(form, error, fieldByCode);
      // The server lists each window problem; show them all rather than the generic message.
      const problems = isApiError(error) ? (error.details as { problems?: string[] } | undefined)?.problems : undefined;
      setBanner(problems?.length ? `${text ?? ''}${problems.join('；')}` : text);
    };
    if (campaign) {
      const input: CampaignUpdate = { name: v.name, windows };
      if (draft) Object.assign(input, { stageWeights: v.weights, noticeDays: v.noticeDays });
      update.mutate(input, { onSuccess: () => (notifySuccess('已保存'), onClose()), onError });
      return;
    }
    const input: CampaignCreate = {
      year: v.year,
      name: v.name,
      standardId: v.standardId,
      windows,
      noticeDays: v.noticeDays,
      ...(v.customWeights && v.weights ? { stageWeights: v.weights } : {}),
    };
    create.mutate(input, {
      onSuccess: (created) => {
        notifySuccess('已创建评星年度');
        onClose();
        void navigate(`/campaigns/${created.id}`);
      },
      onError,
    });
  };

  return (
    <Modal
      title={campaign ? '修改评星年度' : '新建评星年度'}
      open
      width={640}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="保存"
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="horizontal" labelCol={{ span: 6 }} initialValues={initialValues} name="campaign">
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber
            min={2000}
            max={2100}
            precision={0}
            disabled={!!campaign}
            style={{ width: 140 }}
            onChange={(y) => {
              if (!campaign && typeof y === 'number' && !form.isFieldTouched('name')) form.setFieldValue('name', defaultName(y));
            }}
          />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 80, message: '名称不超过 80 字' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="standardId" label="评星标准" rules={[{ required: true, message: '请选择评星标准' }]}>
          <Select
            disabled={!!campaign}
            loading={standards.isPending}
            placeholder="选择本年度使用的标准版本"
            options={
              campaign
                ? [{ value: campaign.standardId, label: `${campaign.standardName}（${campaign.standardVersion}）` }]
                : standards.data?.items.map((s) => ({ value: s.id, label: `${s.name}（${s.version}）` }))
            }
          />
        </Form.Item>
        {evaluationStages.map((stage) => (
          <Form.Item key={stage} name={stage} label={`${stageLabels[stage]}时间`} rules={[{ required: true, message: `请选择${stageLabels[stage]}的起止日期` }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} placeholder={['开始日期', '结束日期']} />
          </Form.Item>
        ))}
        <Form.Item label="阶段权重" extra={draft ? `不自定义时使用评星标准中的权重；${stageNames}的权重之和应为 100${self ? '（村自评权重为 0 时仅供参考，不计入总分）' : ''}。` : '评星年度启动后权重不能再修改。'}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Form.Item name="customWeights" valuePropName="checked" noStyle>
              <Checkbox disabled={!draft || !!campaign}>自定义本年度阶段权重</Checkbox>
            </Form.Item>
            {(customWeights || campaign) && (
              <Space wrap>
                {evaluationStages.map((stage) => (
                  <Form.Item
                    key={stage}
                    name={['weights', stage]}
                    noStyle
                    rules={[{ required: true, message: '请填写权重' }]}
                  >
                    <InputNumber min={0} max={100} precision={0} addonBefore={stageLabels[stage]} addonAfter="%" disabled={!draft} style={{ width: 190 }} />
                  </Form.Item>
                ))}
                {self && (
                  <Form.Item name={['weights', 'self']} noStyle rules={[{ required: true, message: `请填写${self.name}权重` }]}>
                    <InputNumber min={0} max={100} precision={0} addonBefore={self.name} addonAfter="%" disabled={!draft} style={{ width: 190 }} data-testid="weight-self" />
                  </Form.Item>
                )}
                <Form.Item
                  name="weights"
                  noStyle
                  rules={[
                    {
                      validator: (_, w?: StageWeights) =>
                        weightsSum(w) === 100 ? Promise.resolve() : Promise.reject(new Error(`${stageNames}的权重之和应为 100，现为 ${weightsSum(w)}`)),
                    },
                  ]}
                >
                  <WeightsSum />
                </Form.Item>
              </Space>
            )}
          </Space>
        </Form.Item>
        <Form.Item name="noticeDays" label="公示期" rules={[{ required: true, message: '请填写公示期' }]} extra="按工作日计算，默认 5 个工作日。">
          <InputNumber min={1} max={30} precision={0} addonAfter="个工作日" disabled={!draft} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function WeightsSum({ value }: { value?: StageWeights }) {
  const sum = weightsSum(value);
  return <Typography.Text type={sum === 100 ? 'success' : 'danger'}>合计 {sum}%</Typography.Text>;
}
