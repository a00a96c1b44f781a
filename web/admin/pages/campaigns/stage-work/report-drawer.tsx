import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { mutualReportStatusLabels, type MutualReportSave } from '../../../../../shared/contracts/evaluation-stages';
import { errorText } from '../../../api/client';
import { useMutualReport, useSaveMutualReport, useSubmitMutualReport } from '../../../api/evaluation-stages-hooks';
import { notifySuccess } from '../../../components/feedback';
import { PageLoading } from '../../../components/page-loading';

type Props = { campaignId: string; town: { id: string; name: string }; villages: { id: string; name: string }[]; onClose: () => void };
type Values = { narrative: string; findings: { villageId: string | null; text: string }[] };
const wholeTown = '__town__';

/** 互评报告: written by the evaluating team as a draft, then submitted; read-only afterwards. */
export function ReportDrawer({ campaignId, town, villages, onClose }: Props) {
  const { data, isPending } = useMutualReport(campaignId, town.id);
  const save = useSaveMutualReport(campaignId, town.id);
  const submitReport = useSubmitMutualReport(campaignId, town.id);
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [banner, setBanner] = useState<string | null>(null);
  const editable = !!data?.canEdit;

  useEffect(() => {
    if (data) form.setFieldsValue({ narrative: data.narrative, findings: data.findings.map((f) => ({ villageId: f.villageId ?? wholeTown, text: f.text })) });
  }, [data, form]);

  const values = async (): Promise<MutualReportSave | null> => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return null;
    return { narrative: v.narrative ?? '', findings: (v.findings ?? []).map((f) => ({ villageId: f.villageId === wholeTown ? null : f.villageId, text: f.text.trim() })) };
  };
  const saveDraft = async () => {
    const input = await values();
    if (input) save.mutate(input, { onSuccess: () => notifySuccess('草稿已保存'), onError: (e) => setBanner(errorText(e)) });
  };
  const submit = async () => {
    const input = await values();
    if (!input) return;
    modal.confirm({
      title: '提交互评报告？',
      content: '提交后报告不能再修改，组织部可以查看。',
      okText: '提交',
      onOk: () =>
        save
          .mutateAsync(input)
          .then(() => submitReport.mutateAsync())
          .then(() => notifySuccess('互评报告已提交'))
          .catch((e: unknown) => setBanner(errorText(e))),
    });
  };

  return (
    <Drawer
      title={`互评报告 · ${town.name}`}
      open
      width={720}
      onClose={onClose}
      destroyOnHidden
      extra={
        editable && (
          <Space>
            <Button loading={save.isPending} onClick={() => void saveDraft()}>
              保存草稿
            </Button>
            <Button type="primary" icon={<SendOutlined />} loading={submitReport.isPending} onClick={() => void submit()}>
              提交
            </Button>
          </Space>
        )
      }
    >
      {isPending || !data ? (
        <PageLoading />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label="被评镇">{data.town.name}</Descriptions.Item>
            <Descriptions.Item label="互评组">{data.evaluatorTown?.name ?? '未分组'}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag color={data.status === 'submitted' ? 'green' : data.status === 'draft' ? 'orange' : 'default'}>{mutualReportStatusLabels[data.status]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="最后修改">{data.updatedBy ? `${data.updatedBy} · ${new Date(data.updatedAt ?? '').toLocaleString('zh-CN', { hour12: false })}` : '—'}</Descriptions.Item>
          </Descriptions>
          {data.lockReason && <Alert type="info" showIcon message={data.lockReason} />}
          {banner && <Alert type="error" showIcon message={banner} closable onClose={() => setBanner(null)} />}
          <Form form={form} layout="vertical" name="report" disabled={!editable}>
            <Form.Item name="narrative" label="总体情况" rules={[{ max: 20000 }]}>
              <Input.TextArea rows={8} placeholder="实地踏查、入户走访、群众测评的总体情况，主要成效和存在的问题" showCount maxLength={20000} />
            </Form.Item>
            <Typography.Text strong>发现的问题</Typography.Text>
            <Form.List name="findings">
              {(fields, { add, remove }) => (
                <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
                  {fields.map((field) => (
                    <Space key={field.key} align="start" style={{ width: '100%' }}>
                      <Form.Item name={[field.name, 'villageId']} rules={[{ required: true, message: '请选择' }]} style={{ width: 150, marginBottom: 0 }}>
                        <Select options={[{ value: wholeTown, label: '全镇' }, ...villages.map((v) => ({ value: v.id, label: v.name }))]} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'text']} rules={[{ required: true, whitespace: true, message: '请填写问题' }, { max: 1000 }]} style={{ width: 440, marginBottom: 0 }}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="问题描述" />
                      </Form.Item>
                      {editable && <MinusCircleOutlined onClick={() => remove(field.name)} style={{ marginTop: 8, color: '#999' }} aria-label="删除" />}
                    </Space>
                  ))}
                  {editable && (
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ villageId: wholeTown, text: '' })}>
                      添加问题
                    </Button>
                  )}
                  {!editable && fields.length === 0 && <Typography.Text type="secondary">无</Typography.Text>}
                </Space>
              )}
            </Form.List>
          </Form>
        </Space>
      )}
    </Drawer>
  );
}
