import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, SaveOutlined, SwapOutlined } from '@ant-design/icons';
import type { Campaign } from '../../../../../shared/contracts/campaigns';
import { useProposeTeams, useSaveTeams, useTeams } from '../../../api/campaigns-hooks';
import { errorText, isApiError } from '../../../api/client';
import { useOrgTree } from '../../../api/org-units-hooks';
import { notifySuccess } from '../../../components/feedback';
import { useDirectory, type PersonOption } from './directory';

type Row = { key: string; evaluatorTownId?: string; targetTownId?: string; leaderUserId: string | null; memberIds: string[] };

let rowSeq = 0;
const newKey = () => `row-${++rowSeq}`;

/** Problems a plan has before it goes to the server: one line per broken rule. */
export function planProblems(rows: Row[], townName: (id?: string) => string): string[] {
  const problems: string[] = [];
  rows.forEach((r, i) => {
    if (!r.evaluatorTownId || !r.targetTownId) problems.push(`第 ${i + 1} 行：请选择互评组所在镇和被评镇`);
    else if (r.evaluatorTownId === r.targetTownId) problems.push(`第 ${i + 1} 行：${townName(r.evaluatorTownId)}不能评本镇`);
  });
  const twice = (ids: (string | undefined)[]) => [...new Set(ids.filter((id, i) => id && ids.indexOf(id) !== i))];
  for (const id of twice(rows.map((r) => r.evaluatorTownId))) problems.push(`${townName(id)}派出了不止一个互评组`);
  for (const id of twice(rows.map((r) => r.targetTownId))) problems.push(`${townName(id)}被不止一个组评价`);
  return problems;
}

/** Stage 1 teams: each town's team evaluates another town, never its own. */
export function TeamsCard({ campaign, canManage }: { campaign: Campaign; canManage: boolean }) {
  const teams = useTeams(campaign.id);
  const propose = useProposeTeams(campaign.id);
  const save = useSaveTeams(campaign.id);
  const tree = useOrgTree();
  const directory = useDirectory();
  const [rows, setRows] = useState<Row[]>([]);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editable = canManage && (campaign.status === 'draft' || campaign.status === 'mutual');

  const towns = useMemo(() => (tree.data ?? []).flatMap((city) => city.children.filter((t) => t.level === 'town' && t.active)), [tree.data]);
  const townName = (id?: string) => towns.find((t) => t.id === id)?.name ?? '—';
  const townOptions = towns.map((t) => ({ value: t.id, label: t.name }));

  useEffect(() => {
    if (teams.data && !dirty) {
      setRows(teams.data.map((t) => ({ key: t.id, evaluatorTownId: t.evaluatorTown.id, targetTownId: t.targetTown.id, leaderUserId: t.leaderUserId, memberIds: t.memberIds })));
    }
  }, [teams.data, dirty]);

  const edit = (key: string, patch: Partial<Row>) => {
    setDirty(true);
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };

  // A rotation keeps each town's own people: the team is the town's, only its target moves.
  const applyRotation = () =>
    propose.mutate(undefined, {
      onSuccess: (pairs) => {
        setDirty(true);
        setError(null);
        setRows(
          pairs.map((p) => {
            const same = rows.find((r) => r.evaluatorTownId === p.evaluatorTownId);
            return { key: newKey(), ...p, leaderUserId: same?.leaderUserId ?? null, memberIds: same?.memberIds ?? [] };
          }),
        );
      },
    });

  const problems = planProblems(rows, townName);
  const submit = () => {
    setError(null);
    save.mutate(
      {
        teams: rows.map((r) => ({
          evaluatorTownId: r.evaluatorTownId as string,
          targetTownId: r.targetTownId as string,
          leaderUserId: r.leaderUserId,
          memberIds: r.memberIds,
        })),
      },
      {
        onSuccess: () => {
          setDirty(false);
          notifySuccess('互评分组已保存');
        },
        onError: (e) => {
          const serverProblems = isApiError(e) ? ((e.details as { problems?: string[] } | undefined)?.problems ?? []) : [];
          setError([errorText(e), ...serverProblems].join('；'));
        },
      },
    );
  };

  const people = (ids: string[]) => <PeopleCell ids={ids} options={directory.options} />;
  const columns: TableColumnsType<Row> = [
    {
      title: '互评组（派出镇）',
      key: 'evaluator',
      width: 180,
      render: (_, r) =>
        editable ? (
          <Select aria-label="派出镇" value={r.evaluatorTownId} options={townOptions} onChange={(v) => edit(r.key, { evaluatorTownId: v })} style={{ width: 150 }} placeholder="选择镇" />
        ) : (
          townName(r.evaluatorTownId)
        ),
    },
    { title: '', key: 'arrow', width: 40, render: () => <SwapOutlined rotate={90} style={{ color: '#bfbfbf' }} /> },
    {
      title: '被评镇',
      key: 'target',
      width: 180,
      render: (_, r) =>
        editable ? (
          <Select
            aria-label="被评镇"
            value={r.targetTownId}
            options={townOptions.map((o) => ({ ...o, disabled: o.value === r.evaluatorTownId }))}
            onChange={(v) => edit(r.key, { targetTownId: v })}
            style={{ width: 150 }}
            status={r.evaluatorTownId && r.evaluatorTownId === r.targetTownId ? 'error' : undefined}
            placeholder="选择镇"
          />
        ) : (
          townName(r.targetTownId)
        ),
    },
    {
      title: '组长（镇党委副书记）',
      key: 'leader',
      width: 220,
      render: (_, r) =>
        editable && directory.available ? (
          <Select
            aria-label="组长"
            allowClear
            showSearch
            optionFilterProp="label"
            value={r.leaderUserId ?? undefined}
            options={directory.options}
            onChange={(v?: string) => edit(r.key, { leaderUserId: v ?? null })}
            style={{ width: 200 }}
            placeholder="选择组长账户"
          />
        ) : (
          people(r.leaderUserId ? [r.leaderUserId] : [])
        ),
    },
    {
      title: '成员',
      key: 'members',
      render: (_, r) =>
        editable && directory.available ? (
          <Select
            aria-label="成员"
            mode="multiple"
            showSearch
            optionFilterProp="label"
            value={r.memberIds}
            options={directory.options}
            onChange={(v: string[]) => edit(r.key, { memberIds: v })}
            style={{ minWidth: 240 }}
            placeholder="选择成员账户"
          />
        ) : (
          people(r.memberIds)
        ),
    },
    ...(editable
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_: unknown, r: Row) => (
              <Button type="link" size="small" danger onClick={() => (setDirty(true), setRows((all) => all.filter((x) => x.key !== r.key)))}>
                删除
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title="摸底互评分组"
      extra={
        editable && (
          <Space>
            <Button icon={<SwapOutlined />} loading={propose.isPending} onClick={applyRotation}>
              自动轮换分组
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => (setDirty(true), setRows((all) => [...all, { key: newKey(), leaderUserId: null, memberIds: [] }]))}>
              添加一组
            </Button>
            <Button type="primary" icon={<SaveOutlined />} disabled={!dirty || problems.length > 0} loading={save.isPending} onClick={submit}>
              保存分组
            </Button>
          </Space>
        )
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          message="分组规则：各镇由镇党委副书记带队组成互评组，到指定的其他镇开展摸底互评；不能评本镇，每个镇只派出一个组、只被一个组评价。"
        />
        {!editable && canManage && <Alert type="warning" showIcon message="摸底互评已结束，分组不能再调整。" />}
        {editable && !directory.available && rows.length > 0 && (
          <Typography.Text type="secondary">组长和成员沿用各镇已指定的账户；调整轮换时随派出镇一起保留。</Typography.Text>
        )}
        {problems.length > 0 && editable && <Alert type="error" showIcon message="分组有问题，暂不能保存" description={problems.join('；')} />}
        {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
        <Table<Row>
          rowKey="key"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={teams.isPending}
          pagination={false}
          locale={{ emptyText: <Empty description={editable ? '尚未分组：点击“自动轮换分组”生成方案' : '尚未分组'} /> }}
        />
      </Space>
    </Card>
  );
}

function PeopleCell({ ids, options }: { ids: string[]; options: PersonOption[] }) {
  if (ids.length === 0) return <Typography.Text type="secondary">未指定</Typography.Text>;
  const named = ids.map((id) => options.find((o) => o.value === id)?.label);
  if (named.every(Boolean)) {
    return (
      <Space size={[4, 4]} wrap>
        {named.map((n, i) => (
          <Tag key={ids[i]}>{n}</Tag>
        ))}
      </Space>
    );
  }
  return (
    <Tooltip title="账户名单由系统管理员维护">
      <Tag color="blue">已指定 {ids.length} 人</Tag>
    </Tooltip>
  );
}
