import { useState } from 'react';
import { Card, Empty, Select, Space, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { selfEvaluationStatusLabels, selfEvaluationStatuses, type SelfEvaluationRow, type SelfEvaluationStatus } from '../../../../shared/contracts/self-evaluation';
import { useCampaigns } from '../../api/campaigns-hooks';
import { useSelfEvaluations } from '../../api/self-evaluation-hooks';
import { useSession } from '../../auth/session';
import { PageLoading } from '../../components/page-loading';
import { formatTime, SelfEvaluationStatusTag } from './self-evaluation-labels';

const actionText: Record<string, string> = { edit: '填报', submit: '填报', approve: '审核', return: '审核', unapprove: '查看' };

/**
 * 村自评: every village in the caller's scope with the state of its self-evaluation, town by town.
 * The village fills and submits, the town approves or returns, the department sees the approved
 * ones and may send one back. The campaign defaults to the latest one.
 */
export function SelfEvaluationsPage() {
  const { can } = useSession();
  const { data, isPending } = useCampaigns(1, 100);
  const [chosen, setChosen] = useState<string>();
  // The department starts on what the towns approved; the others on everything.
  const [status, setStatus] = useState<SelfEvaluationStatus | 'all'>(can('selfeval:unapprove') ? 'approved' : 'all');
  const [page, setPage] = useState(1);
  const campaigns = data?.items ?? [];
  const campaign = campaigns.find((c) => c.id === chosen) ?? campaigns[0];
  const list = useSelfEvaluations(campaign?.id ?? '', { page, pageSize: 50, ...(status === 'all' ? {} : { status }) }, !!campaign);
  if (isPending) return <PageLoading />;

  const counts = list.data?.counts ?? {};
  const total = Object.values(counts).reduce((n, c) => n + c, 0);
  const columns: TableColumnsType<SelfEvaluationRow> = [
    { title: '镇（街道）', dataIndex: 'townName', width: 120 },
    { title: '村（社区）', dataIndex: 'villageName', width: 140 },
    { title: '状态', dataIndex: 'status', width: 120, render: (s: SelfEvaluationStatus) => <SelfEvaluationStatusTag status={s} /> },
    { title: '自评总分', dataIndex: 'total', width: 90, align: 'right', render: (t: number | null) => t ?? '—' },
    { title: '提交（签署）', key: 'submitted', width: 200, render: (_, r) => (r.submitted ? `${r.submitted.name} · ${formatTime(r.submitted.at)}` : '—') },
    { title: '审核', key: 'reviewed', width: 200, render: (_, r) => (r.reviewed ? `${r.reviewed.name} · ${formatTime(r.reviewed.at)}` : '—') },
    {
      title: '退回原因',
      key: 'reason',
      render: (_, r) => (r.returnReason ? <Typography.Text type="danger">{r.returnedBy === 'city' ? '市级退回：' : '镇退回：'}{r.returnReason}</Typography.Text> : '—'),
    },
    {
      title: '操作',
      key: 'open',
      width: 80,
      render: (_, r) => <Link to={`/campaigns/${campaign?.id}/villages/${r.villageId}/self-evaluation`}>{r.actions[0] ? actionText[r.actions[0]] : '查看'}</Link>,
    },
  ];

  return (
    <Card
      title="村自评"
      extra={
        campaigns.length > 0 && (
          <Select aria-label="评星年度" value={campaign?.id} onChange={(v) => { setChosen(v); setPage(1); }} style={{ width: 300 }} options={campaigns.map((c) => ({ value: c.id, label: c.name }))} />
        )
      }
    >
      {campaign ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">村党组织书记账号填报并签署提交自评，镇审核通过或退回；审核通过后自评锁定，组织部可查看并退回镇里复核。</Typography.Text>
          <Tabs
            activeKey={status}
            onChange={(k) => { setStatus(k as SelfEvaluationStatus | 'all'); setPage(1); }}
            items={[{ key: 'all', label: `全部（${total}）` }, ...selfEvaluationStatuses.map((s) => ({ key: s, label: `${selfEvaluationStatusLabels[s]}（${counts[s] ?? 0}）` }))]}
          />
          <Table<SelfEvaluationRow>
            rowKey="villageId"
            size="small"
            loading={list.isFetching}
            columns={columns}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: '没有符合条件的村' }}
            pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          />
        </Space>
      ) : (
        <Empty description="暂无评星年度" />
      )}
    </Card>
  );
}
