import { useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Form, Input, List, Modal, Space, Statistic, Table, Tag, Typography } from 'antd';
import { CheckCircleOutlined, LinkOutlined, SendOutlined } from '@ant-design/icons';
import { democraticLabels } from '../../../../../shared/contracts/evaluation-stages';
import { errorText } from '../../../api/client';
import {
  useArenaVillage,
  useDemocratic,
  usePublishReview,
  useReview,
  useSaveArenaScore,
  useSaveDemocratic,
  useSaveReviewComment,
} from '../../../api/evaluation-stages-hooks';
import { notifySuccess } from '../../../components/feedback';
import { PageLoading } from '../../../components/page-loading';
import { ScoreField, scoreText } from '../../../components/score-field';
import { checkCell } from '../../../../../shared/score-cell';

type Village = { id: string; name: string };
type ModalProps = { campaignId: string; village: Village; onClose: () => void };

/** 擂台比武: each panel judge scores the secretary's presentation once; the department sees every score and the trimmed mean. */
export function ArenaModal({ campaignId, village, onClose }: ModalProps) {
  const { data, isPending } = useArenaVillage(campaignId, village.id);
  const save = useSaveArenaScore(campaignId, village.id);
  const [text, setText] = useState('');
  const [banner, setBanner] = useState<string | null>(null);
  useEffect(() => setText(scoreText(data?.myPoints)), [data]);
  // Blank withdraws the judge's score; a bad value stays in the field, in red, and is not sent.
  const typed = data ? checkCell(text, data.indicator.maxPoints) : null;
  const submit = () => {
    if (!typed?.ok) return;
    save.mutate(typed.points, { onSuccess: () => (notifySuccess('擂台比武得分已保存'), onClose()), onError: (e) => setBanner(errorText(e)) });
  };

  return (
    <Modal title={`擂台比武 · ${village.name}`} open onCancel={onClose} onOk={submit} okText="保存我的评分" okButtonProps={{ disabled: !data?.canEdit || !typed?.ok }} confirmLoading={save.isPending} destroyOnHidden>
      {isPending || !data ? (
        <PageLoading />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {data.lockReason && <Alert type="info" showIcon message={data.lockReason} />}
          {banner && <Alert type="error" showIcon message={banner} />}
          <Typography.Text type="secondary">
            计入部门点评“{data.indicator.name}”（满分 {data.indicator.maxPoints} 分）。评委各自打分，五名及以上评委时去掉一个最高分和一个最低分后取平均。
          </Typography.Text>
          {data.canEdit && (
            <Space align="start">
              <span style={{ lineHeight: '32px' }}>我的评分：</span>
              <ScoreField label="擂台比武评分" maxPoints={data.indicator.maxPoints} value={text} onChange={setText} width={180} />
            </Space>
          )}
          <Space size="large">
            <Statistic title="已打分评委" value={data.result?.judgesScored ?? (data.scores?.length ?? 0)} suffix={`/ ${data.panelJudges}`} />
            {data.result && <Statistic title="擂台比武得分" value={data.result.points ?? '—'} />}
          </Space>
          {data.result?.dropped && (
            <Typography.Text type="secondary">
              已去掉最高分 {data.result.dropped.highest}、最低分 {data.result.dropped.lowest}
            </Typography.Text>
          )}
          {data.scores && (
            <Table
              rowKey="judgeUserId"
              size="small"
              pagination={false}
              dataSource={data.scores}
              columns={[
                { title: '评委', dataIndex: 'judgeName' },
                { title: '评分', dataIndex: 'points', align: 'right' as const },
                { title: '时间', dataIndex: 'enteredAt', render: (t: string) => new Date(t).toLocaleString('zh-CN', { hour12: false }) },
              ]}
            />
          )}
        </Space>
      )}
    </Modal>
  );
}

type Votes = { excellent: number; good: number; fair: number; poor: number };
type VoteTexts = Record<keyof Votes, string>;
/** A count as typed: a whole number, never rounded or set to 0 (the server checks the same). */
const voteRule = {
  validator: (_: unknown, value: unknown) =>
    /^\d{1,7}$/.test(String(value ?? '').trim()) && Number(String(value).trim()) <= 1_000_000 ? Promise.resolve() : Promise.reject(new Error('应为 0 至 1000000 的整数')),
};
const voteKeys = ['excellent', 'good', 'fair', 'poor'] as const;

/** 民主评价: vote counts, kept as reference (the standard does not score them). */
export function DemocraticModal({ campaignId, village, onClose }: ModalProps) {
  const { data, isPending } = useDemocratic(campaignId, village.id);
  const save = useSaveDemocratic(campaignId, village.id);
  const [form] = Form.useForm<VoteTexts>();
  const [banner, setBanner] = useState<string | null>(null);
  useEffect(() => {
    const votes = data?.votes;
    if (votes) form.setFieldsValue(Object.fromEntries(voteKeys.map((k) => [k, String(votes[k])])) as VoteTexts);
  }, [data, form]);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v) save.mutate(Object.fromEntries(voteKeys.map((k) => [k, Number(v[k].trim())])) as Votes, { onSuccess: () => (notifySuccess('民主评价票数已保存'), onClose()), onError: (e) => setBanner(errorText(e)) });
  };
  return (
    <Modal title={`民主评价 · ${village.name}`} open onCancel={onClose} onOk={() => void submit()} okText="保存" okButtonProps={{ disabled: !data?.canEdit }} confirmLoading={save.isPending} destroyOnHidden>
      {isPending ? (
        <PageLoading />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {data?.lockReason && <Alert type="info" showIcon message={data.lockReason} />}
          {banner && <Alert type="error" showIcon message={banner} />}
          <Typography.Text type="secondary">民主评价票数作为定星参考，不计入得分。</Typography.Text>
          <Form form={form} layout="inline" name="democratic" disabled={!data?.canEdit} initialValues={{ excellent: '0', good: '0', fair: '0', poor: '0' }}>
            {voteKeys.map((k) => (
              <Form.Item key={k} name={k} label={democraticLabels[k]} rules={[voteRule]}>
                <Input inputMode="numeric" style={{ width: 120 }} addonAfter="票" />
              </Form.Item>
            ))}
          </Form>
          {data?.votes && (
            <Typography.Text type="secondary">
              共 {data.votes.total} 票 · {data.votes.enteredBy} 录入
            </Typography.Text>
          )}
        </Space>
      )}
    </Modal>
  );
}

/** 点评意见与在村公示: the panel's comment; once stage 2 is complete the department publishes the notice. */
export function ReviewDrawer({ campaignId, village, onClose }: ModalProps) {
  const { data, isPending } = useReview(campaignId, village.id);
  const saveComment = useSaveReviewComment(campaignId, village.id);
  const publish = usePublishReview(campaignId, village.id);
  const [comment, setComment] = useState('');
  const [banner, setBanner] = useState<string | null>(null);
  useEffect(() => setComment(data?.comment ?? ''), [data]);

  return (
    <Drawer title={`点评意见与公示 · ${village.name}`} open width={620} onClose={onClose} destroyOnHidden>
      {isPending || !data ? (
        <PageLoading />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {banner && <Alert type="error" showIcon message={banner} closable onClose={() => setBanner(null)} />}
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="评委组">{data.panels.map((p) => `${p.name}（${p.departments}）`).join('；') || '—'}</Descriptions.Item>
            <Descriptions.Item label="部门点评得分">
              {data.departmentTotal} / {data.departmentMax}
            </Descriptions.Item>
            <Descriptions.Item label="完成情况">
              {data.complete ? <Tag color="green" icon={<CheckCircleOutlined />}>部门点评已完成</Tag> : <List size="small" dataSource={data.missing} renderItem={(m) => <List.Item style={{ padding: '2px 0' }}>{m}</List.Item>} />}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text strong>点评意见</Typography.Text>
          <Input.TextArea rows={6} value={comment} onChange={(e) => setComment(e.target.value)} disabled={!data.canComment} maxLength={4000} showCount placeholder="评委组对本村的点评意见和整改建议" />
          {data.lockReason && !data.canComment && <Typography.Text type="secondary">{data.lockReason}</Typography.Text>}
          <Space>
            {data.canComment && (
              <Button
                loading={saveComment.isPending}
                disabled={!comment.trim()}
                onClick={() => saveComment.mutate(comment.trim(), { onSuccess: () => notifySuccess('点评意见已保存'), onError: (e) => setBanner(errorText(e)) })}
              >
                保存点评意见
              </Button>
            )}
            {data.canPublish && !data.published && (
              <Button type="primary" icon={<SendOutlined />} disabled={!data.complete} loading={publish.isPending} onClick={() => publish.mutate(undefined, { onSuccess: () => notifySuccess('已发布在村公示'), onError: (e) => setBanner(errorText(e)) })}>
                发布在村公示
              </Button>
            )}
          </Space>
          {data.published && (
            <Alert
              type="success"
              showIcon
              message={`已于 ${new Date(data.published.publishedAt).toLocaleString('zh-CN', { hour12: false })} 由 ${data.published.publishedBy} 发布在村公示`}
              description={
                <a href={data.published.publicPath} target="_blank" rel="noreferrer">
                  <LinkOutlined /> 打开公示页面（可打印张贴）
                </a>
              }
            />
          )}
        </Space>
      )}
    </Drawer>
  );
}
