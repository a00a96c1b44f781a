import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, InputNumber, Popconfirm, Result, Space, Table, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import type { SelfEvaluation } from '../../../../shared/contracts/self-evaluation';
import { errorText } from '../../api/client';
import {
  useMoveSelfEvaluation,
  useRemoveSelfEvaluationFile,
  useSaveSelfEvaluation,
  useSelfEvaluation,
  useUploadSelfEvaluationFile,
  type SelfEvaluationStep,
} from '../../api/self-evaluation-hooks';
import { notifyError, notifySuccess } from '../../components/feedback';
import { PageLoading } from '../../components/page-loading';
import { useCrumbName } from '../../layout/crumb-names';
import { ReasonModal } from './reason-modal';
import { formatTime, SelfEvaluationStatusTag } from './self-evaluation-labels';

type Indicator = SelfEvaluation['indicators'][number];
type Draft = Record<string, { points: number | null; note: string }>;

const draftOf = (data: SelfEvaluation): Draft => Object.fromEntries(data.indicators.map((i) => [i.id, { points: i.points, note: i.note }]));
const outOfRange = (i: Indicator, p: number | null) => p !== null && (p < 0 || p > i.maxPoints || Math.round(p * 100) !== p * 100);

/** One village's 自评: the village fills and signs it, the town approves or returns, the department sends it back. */
export function SelfEvaluationPage() {
  const { id = '', villageId = '' } = useParams();
  const { data, isPending, error } = useSelfEvaluation(id, villageId);
  useCrumbName('village', villageId, data?.village.name);
  const save = useSaveSelfEvaluation(id, villageId);
  const move = useMoveSelfEvaluation(id, villageId);
  const upload = useUploadSelfEvaluationFile(id, villageId);
  const remove = useRemoveSelfEvaluationFile(id);
  const [draft, setDraft] = useState<Draft>({});
  const [asking, setAsking] = useState<'return' | 'unapprove' | null>(null);
  useEffect(() => {
    if (data) setDraft(draftOf(data));
  }, [data]);
  if (isPending) return <PageLoading />;
  if (!data) return <Result status="404" title="无法查看该村的自评" subTitle={errorText(error)} extra={<Link to="/self-evaluations">返回</Link>} />;

  const editing = data.actions.includes('edit');
  const changed = data.indicators.some((i) => draft[i.id]?.points !== i.points || draft[i.id]?.note !== i.note);
  const invalid = data.indicators.some((i) => outOfRange(i, draft[i.id]?.points ?? null));
  const set = (indicatorId: string, part: Partial<Draft[string]>) => setDraft((d) => ({ ...d, [indicatorId]: { points: null, note: '', ...d[indicatorId], ...part } }));
  const doSave = () =>
    save.mutateAsync({ version: data.version, items: data.indicators.map((i) => ({ indicatorId: i.id, points: draft[i.id]?.points ?? null, note: draft[i.id]?.note ?? '' })) });
  const onSave = async () => {
    try {
      await doSave();
      notifySuccess('自评已保存');
    } catch (e) {
      notifyError(errorText(e));
    }
  };
  const step = async (s: SelfEvaluationStep, done: string) => {
    try {
      if (s.move === 'submit' && changed) await doSave();
      await move.mutateAsync(s);
      setAsking(null);
      notifySuccess(done);
    } catch (e) {
      notifyError(errorText(e));
    }
  };

  const columns: TableColumnsType<Indicator> = [
    { title: '指标', dataIndex: 'name', render: (name: string, i) => <span title={i.dimensionName}>{name}</span> },
    { title: '分值', dataIndex: 'maxPoints', width: 64, align: 'center' },
    {
      title: '自评分',
      key: 'points',
      width: 130,
      render: (_, i) => {
        const p = draft[i.id]?.points ?? null;
        return editing ? (
          // No min/max/precision on the input: a typed value is never changed behind the user's back; the server refuses it.
          <InputNumber aria-label={`${i.name} 自评分`} value={p} status={outOutOfRangeStatus(i, p)} onChange={(v) => set(i.id, { points: v ?? null })} style={{ width: 110 }} />
        ) : (
          <span>{p ?? '—'}</span>
        );
      },
    },
    {
      title: '说明',
      key: 'note',
      render: (_, i) =>
        editing ? <Input aria-label={`${i.name} 说明`} value={draft[i.id]?.note ?? ''} maxLength={1000} onChange={(e) => set(i.id, { note: e.target.value })} /> : <span>{i.note || '—'}</span>,
    },
    {
      title: '佐证材料',
      key: 'files',
      width: 260,
      render: (_, i) => (
        <Space direction="vertical" size={2}>
          {i.files.map((f) => (
            <Space key={f.id} size={4}>
              <a href={f.downloadUrl} download={f.fileName}>
                <DownloadOutlined /> {f.fileName}
              </a>
              {editing && data.status !== 'not_started' && (
                <Popconfirm title="删除这份材料？" okText="删除" cancelText="取消" onConfirm={() => remove.mutateAsync(f.id).catch((e: unknown) => notifyError(errorText(e)))}>
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${f.fileName}`} />
                </Popconfirm>
              )}
            </Space>
          ))}
          {editing && data.status !== 'not_started' && (
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                upload.mutateAsync({ indicatorId: i.id, file }).then(() => notifySuccess('材料已上传'), (e: unknown) => notifyError(errorText(e)));
                return false;
              }}
            >
              <Button size="small" icon={<UploadOutlined />}>
                上传
              </Button>
            </Upload>
          )}
          {!editing && i.files.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Link to="/self-evaluations" aria-label="返回村自评列表">
              <ArrowLeftOutlined />
            </Link>
            <span>
              {data.village.name}（{data.village.townName}）· 村自评
            </span>
            <SelfEvaluationStatusTag status={data.status} />
          </Space>
        }
        extra={
          <Space>
            <Link to={`/campaigns/${id}/villages/${villageId}`}>评星详情</Link>
            {editing && (
              <Button onClick={onSave} loading={save.isPending} disabled={!changed || invalid}>
                保存
              </Button>
            )}
            {data.actions.includes('submit') && (
              <Popconfirm title="以本账号签署并提交自评？" description="提交后由镇审核，审核前不能再修改。" okText="签署提交" cancelText="取消" onConfirm={() => step({ move: 'submit' }, '自评已提交，等待镇审核')}>
                <Button type="primary" loading={move.isPending} disabled={invalid}>
                  签署提交
                </Button>
              </Popconfirm>
            )}
            {data.actions.includes('approve') && (
              <Popconfirm title="审核通过后自评锁定，确定通过？" okText="通过" cancelText="取消" onConfirm={() => step({ move: 'approve' }, '已审核通过')}>
                <Button type="primary" loading={move.isPending}>
                  审核通过
                </Button>
              </Popconfirm>
            )}
            {data.actions.includes('return') && (
              <Button danger onClick={() => setAsking('return')}>
                退回村
              </Button>
            )}
            {data.actions.includes('unapprove') && (
              <Button danger onClick={() => setAsking('unapprove')}>
                退回镇复核
              </Button>
            )}
          </Space>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {data.returnReason && data.status !== 'approved' && (
            <Alert type="warning" showIcon message={data.returnedBy === 'city' ? '组织部退回镇复核' : '镇已退回，请修改后重新提交'} description={`退回原因：${data.returnReason}`} />
          )}
          {data.lockReason && <Alert type="info" showIcon message={data.lockReason} />}
          <Descriptions size="small" column={4}>
            <Descriptions.Item label="自评总分">
              <span data-testid="self-total">
                {data.total} / {data.maxTotal}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label="提交（签署）">{data.submitted ? `${data.submitted.name} · ${formatTime(data.submitted.at)}` : '—'}</Descriptions.Item>
            <Descriptions.Item label="审核">{data.reviewed ? `${data.reviewed.name} · ${formatTime(data.reviewed.at)}` : '—'}</Descriptions.Item>
            <Descriptions.Item label="计分方式">{data.stageRoleText}</Descriptions.Item>
          </Descriptions>
          {data.status === 'not_started' && editing && <Typography.Text type="secondary">先填写自评分并保存，之后可以为各指标上传佐证材料。</Typography.Text>}
          <Table<Indicator> rowKey="id" size="small" columns={columns} dataSource={data.indicators} pagination={false} />
        </Space>
      </Card>
      {asking && (
        <ReasonModal
          open
          title={asking === 'return' ? '退回村修改' : '退回镇复核'}
          hint={asking === 'return' ? '村里会看到退回原因，修改后重新提交。' : '自评回到镇里待审核，镇可再退回村修改或重新审核通过。'}
          pending={move.isPending}
          onCancel={() => setAsking(null)}
          onOk={(reason) => step({ move: asking, reason }, '已退回')}
        />
      )}
    </Space>
  );
}

const outOutOfRangeStatus = (i: Indicator, p: number | null) => (outOfRange(i, p) ? ('error' as const) : undefined);
