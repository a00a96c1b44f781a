import { useMemo, useState } from 'react';
import { Alert, Button, Card, Drawer, Empty, Result, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined, PlusOutlined, TableOutlined, TrophyOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useCampaign } from '../../../api/campaigns-hooks';
import { errorText } from '../../../api/client';
import { useArenaList, useArenaSettings, useReviews, useSaveArenaSettings, type ReviewListItem } from '../../../api/evaluation-stages-hooks';
import { useSession } from '../../../auth/session';
import { notifyError, notifySuccess } from '../../../components/feedback';
import { PageLoading } from '../../../components/page-loading';
import { RectificationCreateModal, RectificationTable } from './rectification-table';
import { ArenaModal, DemocraticModal, ReviewDrawer } from './village-review-modals';
import { RaterFlagNote } from '../raters/rater-flag-note';

type Row = ReviewListItem & { panelJudges: number; judgesScored: number; myPoints: number | null; arenaPoints: number | null };
type Open = { kind: 'arena' | 'democratic' | 'review' | 'rectification' | 'newTask'; village: { id: string; name: string } } | null;

/** 部门点评工作台: per village the field-survey sheet, arena, democratic votes, comment and notice, rectification. */
export function DepartmentWorkPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const campaign = useCampaign(id);
  // A county has tens of villages: one page of each list covers them all.
  const reviews = useReviews(id, 1, 100);
  const arena = useArenaList(id, 1, 100);
  const [town, setTown] = useState<string>();
  const [open, setOpen] = useState<Open>(null);
  const rows = useMemo<Row[]>(() => {
    const byVillage = new Map((arena.data?.items ?? []).map((a) => [a.villageId, a]));
    return (reviews.data?.items ?? []).map((r) => {
      const a = byVillage.get(r.villageId);
      return { ...r, panelJudges: a?.panelJudges ?? 0, judgesScored: a?.judgesScored ?? 0, myPoints: a?.myPoints ?? null, arenaPoints: a?.points ?? null };
    });
  }, [reviews.data, arena.data]);
  if (reviews.isPending || campaign.isPending) return <PageLoading />;
  if (!reviews.data) return <Result status="warning" title="无法打开部门点评工作台" subTitle={errorText(reviews.error)} />;

  const judge = can('score:department');
  const towns = [...new Set(rows.map((r) => r.townName))];
  const shown = rows.filter((r) => !town || r.townName === town);
  const v = (r: Row) => ({ id: r.villageId, name: r.villageName });
  const columns: TableColumnsType<Row> = [
    { title: '村（社区）', dataIndex: 'villageName', width: 110 },
    { title: '所属镇', dataIndex: 'townName', width: 100 },
    { title: '部门点评得分', dataIndex: 'departmentTotal', width: 110, align: 'right' },
    {
      title: '擂台比武',
      key: 'arena',
      width: 170,
      render: (_, r) => (
        <Space size={4}>
          <Typography.Text type="secondary">
            {r.judgesScored}/{r.panelJudges} 评委
          </Typography.Text>
          {r.arenaPoints !== null && <Tag color="gold">{r.arenaPoints} 分</Tag>}
          {judge && r.myPoints !== null && <Tag>我：{r.myPoints}</Tag>}
        </Space>
      ),
    },
    {
      title: '点评与公示',
      key: 'review',
      width: 150,
      render: (_, r) =>
        r.publishedAt ? <Tag color="green">已公示</Tag> : r.complete ? <Tag color="blue">待发布公示</Tag> : r.hasComment ? <Tag color="orange">已点评</Tag> : <Tag>未完成</Tag>,
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, r) => (
        <Space size={0} wrap>
          <Link to={`/campaigns/${id}/sheets/department/${r.villageId}`}>
            <Button type="link" size="small">
              实地勘察打分
            </Button>
          </Link>
          <Button type="link" size="small" icon={<TrophyOutlined />} onClick={() => setOpen({ kind: 'arena', village: v(r) })}>
            擂台比武
          </Button>
          <Button type="link" size="small" onClick={() => setOpen({ kind: 'democratic', village: v(r) })}>
            民主评价
          </Button>
          <Button type="link" size="small" onClick={() => setOpen({ kind: 'review', village: v(r) })}>
            点评公示
          </Button>
          <Button type="link" size="small" onClick={() => setOpen({ kind: 'rectification', village: v(r) })}>
            整改
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <RaterFlagNote campaignId={id} judges />
      <Card
        title={
          <Space>
            <Link to={judge ? '/my-tasks/department' : `/campaigns/${id}`} aria-label="返回">
              <ArrowLeftOutlined />
            </Link>
            <span>部门点评工作台 · {campaign.data?.name}</span>
          </Space>
        }
      >
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text type="secondary">评委组通过实地勘察、擂台比武、民主评价进行点评，下达整改任务，点评结果在村公示后作为定星参考。</Typography.Text>
          <Space wrap>
            {judge && (
              <Link to={`/campaigns/${id}/department/grid/arena`}>
                <Button icon={<TableOutlined />}>擂台比武表格录入</Button>
              </Link>
            )}
            <Link to={`/campaigns/${id}/department/grid/democratic`}>
              <Button icon={<TableOutlined />}>民主评价表格录入</Button>
            </Link>
          </Space>
          {can('campaign:manage') && <ArenaSettingsBar campaignId={id} />}
          {towns.length > 1 && <Select placeholder="所属镇" allowClear value={town} onChange={setTown} style={{ width: 160 }} options={towns.map((t) => ({ value: t, label: t }))} />}
          <Table<Row>
            rowKey="villageId"
            size="middle"
            columns={columns}
            dataSource={shown}
            scroll={{ x: 1100 }}
            pagination={{ defaultPageSize: 20, showTotal: (t) => `共 ${t} 个村` }}
            locale={{ emptyText: <Empty description="您在本年度没有部门点评任务" /> }}
          />
        </Space>
      </Card>
      {open?.kind === 'arena' && <ArenaModal campaignId={id} village={open.village} onClose={() => setOpen(null)} />}
      {open?.kind === 'democratic' && <DemocraticModal campaignId={id} village={open.village} onClose={() => setOpen(null)} />}
      {open?.kind === 'review' && <ReviewDrawer campaignId={id} village={open.village} onClose={() => setOpen(null)} />}
      {open?.kind === 'rectification' && (
        <Drawer
          title={`整改任务 · ${open.village.name}`}
          open
          width={820}
          onClose={() => setOpen(null)}
          destroyOnHidden
          extra={
            (judge || can('campaign:manage')) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ kind: 'newTask', village: open.village })}>
                下达整改任务
              </Button>
            )
          }
        >
          <RectificationTable campaignId={id} villageId={open.village.id} />
        </Drawer>
      )}
      {open?.kind === 'newTask' && <RectificationCreateModal campaignId={id} village={open.village} onClose={() => setOpen({ kind: 'rectification', village: open.village })} />}
    </Space>
  );
}

/** Which department indicator the arena result is written to; fixed once stage 2 starts. */
function ArenaSettingsBar({ campaignId }: { campaignId: string }) {
  const { data } = useArenaSettings(campaignId);
  const save = useSaveArenaSettings(campaignId);
  if (!data) return null;
  return (
    <Alert
      type="info"
      showIcon
      icon={<TrophyOutlined />}
      message={
        <Space wrap>
          <span>擂台比武计入指标：</span>
          <Select
            style={{ width: 240 }}
            value={data.indicatorId ?? '__none__'}
            disabled={!data.canEdit}
            loading={save.isPending}
            onChange={(value: string) =>
              save.mutate(value === '__none__' ? null : value, { onSuccess: () => notifySuccess('已设置擂台比武计分指标'), onError: (e) => notifyError(errorText(e)) })
            }
            options={[{ value: '__none__', label: '本年度不开展擂台比武' }, ...data.candidates.map((c) => ({ value: c.id, label: `${c.name}（${c.maxPoints} 分）` }))]}
          />
          {data.source === 'default' && <Typography.Text type="secondary">（评星标准默认）</Typography.Text>}
          {data.lockReason && <Typography.Text type="secondary">{data.lockReason}</Typography.Text>}
        </Space>
      }
    />
  );
}
