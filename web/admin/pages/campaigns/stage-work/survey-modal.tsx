import { useEffect, useState } from 'react';
import { Alert, DatePicker, Form, InputNumber, Modal, Space, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorText } from '../../../api/client';
import { useSaveSurvey, useVillageSurvey } from '../../../api/evaluation-stages-hooks';
import { notifySuccess } from '../../../components/feedback';
import { PageLoading } from '../../../components/page-loading';

type Values = { sampleSize: number; satisfied: number; basicallySatisfied: number; unsatisfied: number; surveyDate?: Dayjs | null };

/** 群众测评: the mass-survey counts of one village; the three must add up to the sample. */
export function SurveyModal({ campaignId, village, onClose }: { campaignId: string; village: { id: string; name: string }; onClose: () => void }) {
  const { data, isPending } = useVillageSurvey(campaignId, village.id);
  const save = useSaveSurvey(campaignId, village.id);
  const [form] = Form.useForm<Values>();
  const [banner, setBanner] = useState<string | null>(null);
  const values = Form.useWatch([], form);

  useEffect(() => {
    const s = data?.survey;
    if (s) form.setFieldsValue({ ...s, surveyDate: s.surveyDate ? dayjs(s.surveyDate) : null });
  }, [data, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    save.mutate(
      { sampleSize: v.sampleSize, satisfied: v.satisfied, basicallySatisfied: v.basicallySatisfied, unsatisfied: v.unsatisfied, surveyDate: v.surveyDate ? v.surveyDate.format('YYYY-MM-DD') : null },
      { onSuccess: () => (notifySuccess('测评结果已保存'), onClose()), onError: (e) => setBanner(errorText(e)) },
    );
  };
  const sum = (values?.satisfied ?? 0) + (values?.basicallySatisfied ?? 0) + (values?.unsatisfied ?? 0);
  const editable = !!data?.canEdit;

  return (
    <Modal
      title={`群众满意度测评 · ${village.name}`}
      open
      onCancel={onClose}
      onOk={() => void submit()}
      okText="保存"
      okButtonProps={{ disabled: !editable }}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {isPending ? (
        <PageLoading />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {data?.lockReason && <Alert type="warning" showIcon message={data.lockReason} />}
          {banner && <Alert type="error" showIcon message={banner} />}
          <Typography.Text type="secondary">
            {data?.minSampleSize ? `评星标准要求样本不少于 ${data.minSampleSize} 人；` : ''}“基本满意”按 {data?.basicallySatisfiedCredit ?? 0}% 计入满意率。
          </Typography.Text>
          <Form form={form} layout="inline" name="survey" disabled={!editable} style={{ rowGap: 12 }}>
            <Form.Item name="sampleSize" label="样本数" rules={[{ required: true, message: '必填' }]}>
              <InputNumber min={1} precision={0} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item name="surveyDate" label="测评日期">
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="satisfied" label="满意" rules={[{ required: true, message: '必填' }]}>
              <InputNumber min={0} precision={0} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="basicallySatisfied" label="基本满意" rules={[{ required: true, message: '必填' }]}>
              <InputNumber min={0} precision={0} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item
              name="unsatisfied"
              label="不满意"
              dependencies={['sampleSize', 'satisfied', 'basicallySatisfied']}
              rules={[
                { required: true, message: '必填' },
                ({ getFieldValue }) => ({
                  validator: (_, u?: number) =>
                    (getFieldValue('satisfied') ?? 0) + (getFieldValue('basicallySatisfied') ?? 0) + (u ?? 0) === getFieldValue('sampleSize')
                      ? Promise.resolve()
                      : Promise.reject(new Error('三项人数之和应等于样本数')),
                }),
              ]}
            >
              <InputNumber min={0} precision={0} style={{ width: 100 }} />
            </Form.Item>
          </Form>
          <Space size="large">
            <Statistic title="三项合计" value={sum} suffix={`/ ${values?.sampleSize ?? 0}`} valueStyle={{ color: sum === values?.sampleSize ? '#389e0d' : '#cf1322', fontSize: 20 }} />
            {data?.survey?.rate !== undefined && data?.survey?.rate !== null && <Statistic title="已保存的满意率" value={data.survey.rate} suffix="%" valueStyle={{ fontSize: 20 }} />}
          </Space>
        </Space>
      )}
    </Modal>
  );
}
