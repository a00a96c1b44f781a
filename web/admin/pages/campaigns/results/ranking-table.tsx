import { useMemo, useState } from 'react';
import { Button, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { CampaignResults } from '../../../../../shared/contracts/campaigns';
import { Stars } from '../campaign-labels';

type Village = CampaignResults['villages'][number];

type Props = {
  campaignId: string;
  villages: Village[];
  /** How the order is made, from the standard (shown above the list). */
  orderedBy?: string;
  /** A per-row change: 调整 (city stage) or 更正 (notice and after), for the department administrator. */
  action?: { label: string; onClick: (v: Village) => void };
};

export type RankingFilters = { town?: string; stars?: number; q?: string };

export function filterVillages(villages: Village[], f: RankingFilters): Village[] {
  return villages.filter(
    (v) => (!f.town || v.townName === f.town) && (f.stars === undefined || (v.stars ?? 0) === f.stars) && (!f.q || v.name.includes(f.q)),
  );
}

/** 拉榜排名: every village with its city and town rank, score, proposed and decided stars. */
export function RankingTable({ campaignId, villages, orderedBy, action }: Props) {
  const [filters, setFilters] = useState<RankingFilters>({});
  const [paging, setPaging] = useState({ current: 1, pageSize: 20 });
  const rows = useMemo(() => filterVillages(villages, filters), [villages, filters]);
  const towns = [...new Set(villages.map((v) => v.townName))];
  const patch = (next: RankingFilters) => {
    setFilters((f) => ({ ...f, ...next }));
    setPaging((p) => ({ ...p, current: 1 }));
  };

  const columns: TableColumnsType<Village> = [
    { title: '全市排名', dataIndex: 'rankInCity', width: 80, align: 'center', render: (r: number | null) => r ?? '—' },
    { title: '镇内排名', dataIndex: 'rankInTown', width: 80, align: 'center', render: (r: number | null) => r ?? '—' },
    {
      title: '村（社区）',
      dataIndex: 'name',
      width: 120,
      render: (name: string, v) => <Link to={`/campaigns/${campaignId}/villages/${v.orgUnitId}`}>{name}</Link>,
    },
    { title: '所属镇', dataIndex: 'townName', width: 100 },
    { title: '综合得分', dataIndex: 'score', width: 90, align: 'right', render: (s: number) => s.toFixed(2) },
    { title: '系统建议', dataIndex: 'engineStars', width: 110, render: (s: number | null) => <Stars value={s} size={12} /> },
    { title: '星级', dataIndex: 'stars', width: 120, render: (s: number | null) => <Stars value={s} /> },
    {
      title: '标记',
      key: 'flags',
      width: 150,
      render: (_, v) => (
        <Space size={[0, 4]} wrap>
          {v.vetoed && <Tag color="red">一票否决</Tag>}
          {v.overridden && (
            <Tooltip title={`调整理由：${v.overrideReason ?? ''}`}>
              <Tag color="purple">已调整</Tag>
            </Tooltip>
          )}
          {v.correction && (
            <Tooltip title={`更正：${v.correction.starsBefore ?? '不定级'} → ${v.correction.starsAfter ?? '不定级'} 星；理由：${v.correction.reason}`}>
              <Tag color="magenta">已更正</Tag>
            </Tooltip>
          )}
          {v.proposalChange && (
            <Tooltip title={`系统建议 ${v.proposalChange.engineBefore ?? '不定级'} → ${v.proposalChange.engineAfter ?? '不定级'} 星：${v.proposalChange.why}；须重新确认`}>
              <Tag color="orange">建议已变化</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: '说明',
      dataIndex: 'notes',
      render: (notes: string[]) =>
        notes.length ? (
          <Tooltip title={notes.join('；')}>
            <Typography.Text ellipsis style={{ maxWidth: 280 }}>
              {notes.join('；')}
            </Typography.Text>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: action ? 130 : 70,
      fixed: 'right',
      render: (_, v) => (
        <Space size={0}>
          <Link to={`/campaigns/${campaignId}/villages/${v.orgUnitId}`}>
            <Button type="link" size="small">
              详情
            </Button>
          </Link>
          {action && (
            <Button type="link" size="small" onClick={() => action.onClick(v)}>
              {action.label}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {orderedBy && (
        <Typography.Text type="secondary" data-testid="ranking-order">
          排名规则：{orderedBy}
        </Typography.Text>
      )}
      <Space wrap>
        <Input.Search placeholder="按村名搜索" allowClear onSearch={(q) => patch({ q: q.trim() || undefined })} style={{ width: 200 }} aria-label="按村名搜索" />
        <Select placeholder="所属镇" allowClear value={filters.town} onChange={(town?: string) => patch({ town })} options={towns.map((t) => ({ value: t, label: t }))} style={{ width: 160 }} aria-label="所属镇" />
        <Select
          placeholder="星级"
          allowClear
          value={filters.stars}
          onChange={(stars?: number) => patch({ stars })}
          options={[5, 4, 3, 2, 1, 0].map((s) => ({ value: s, label: s === 0 ? '未定级' : `${s} 星` }))}
          style={{ width: 120 }}
          aria-label="星级"
        />
        <Typography.Text type="secondary">
          {rows.length === villages.length ? `共 ${villages.length} 个村` : `筛选出 ${rows.length} / ${villages.length} 个村`}
        </Typography.Text>
      </Space>
      <Table<Village>
        rowKey="orgUnitId"
        size="middle"
        columns={columns}
        dataSource={rows}
        scroll={{ x: 1100 }}
        data-testid="ranking-table"
        pagination={{
          ...paging,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 个村`,
          onChange: (current, pageSize) => setPaging({ current, pageSize }),
        }}
      />
    </Space>
  );
}
