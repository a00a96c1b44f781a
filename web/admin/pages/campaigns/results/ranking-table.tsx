import { useState } from 'react';
import { Button, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { CampaignResults } from '../../../../../shared/contracts/campaigns';
import { useResultsPage } from '../../../api/results-hooks';
import { Stars } from '../campaign-labels';

type Village = CampaignResults['villages'][number];

type Props = {
  campaignId: string;
  /** The towns to filter by (the caller's scope), in the order offered. */
  towns: { orgUnitId: string; name: string }[];
  /** Villages in the whole ranking (unfiltered), counted once for the page. */
  total: number;
  /** How the order is made, from the standard (shown above the list). */
  orderedBy?: string;
  /** A per-row change: 调整 (city stage) or 更正 (notice and after), for the department administrator. */
  action?: { label: string; onClick: (v: Village) => void };
};

/** `town` is the town's id; `q` part of a village's name. */
export type RankingFilters = { town?: string; stars?: number; q?: string };

/**
 * 拉榜排名: every village with its city and town rank, score, proposed and decided stars. The
 * server pages and filters it; a filter's total is counted once, on its first page.
 */
export function RankingTable({ campaignId, towns, total, orderedBy, action }: Props) {
  const [filters, setFilters] = useState<RankingFilters>({});
  const [paging, setPaging] = useState({ current: 1, pageSize: 20 });
  const filtered = filters.town !== undefined || filters.stars !== undefined || filters.q !== undefined;
  const filterKey = JSON.stringify([filters.town, filters.stars, filters.q]);
  // Totals of the filters seen, from their first page (a filter always starts on page 1).
  const [counted, setCounted] = useState<Record<string, number>>({});
  const askCount = filtered && paging.current === 1;
  const page = useResultsPage(campaignId, {
    page: paging.current,
    pageSize: paging.pageSize,
    town: filters.town,
    stars: filters.stars,
    search: filters.q,
    count: askCount || undefined,
    // The towns come once with the figures above (ResultsTab), not with every page.
    towns: false,
  });
  const answered = page.data?.page;
  if (askCount && answered?.total != null && !page.isPlaceholderData && counted[filterKey] !== answered.total) {
    setCounted((c) => ({ ...c, [filterKey]: answered.total as number }));
  }
  const matching = filtered ? counted[filterKey] : total;
  const rows = page.data?.villages ?? [];
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
    { title: page.data?.labelDisplay === 'labels' ? '等级' : '星级', dataIndex: 'stars', width: 120, render: (s: number | null) => <Stars value={s} /> },
    // The standard's own names for the levels (e.g. 达标 / 和美家园), where it has them.
    ...(page.data?.labelDisplay
      ? [{ title: '结果', dataIndex: 'label', width: 100, render: (l: string | null) => (l ? <Tag color="red">{l}</Tag> : <Typography.Text type="secondary">—</Typography.Text>) }]
      : []),
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
        <Select placeholder="所属镇" allowClear value={filters.town} onChange={(town?: string) => patch({ town })} options={towns.map((t) => ({ value: t.orgUnitId, label: t.name }))} style={{ width: 160 }} aria-label="所属镇" />
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
          {!filtered || matching === total ? `共 ${total} 个村` : matching === undefined ? '筛选中…' : `筛选出 ${matching} / ${total} 个村`}
        </Typography.Text>
      </Space>
      <Table<Village>
        rowKey="orgUnitId"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={page.isFetching}
        scroll={{ x: 1100 }}
        data-testid="ranking-table"
        pagination={{
          ...paging,
          // Without a count (never expected), one past the rows seen offers the next page.
          total: matching ?? (paging.current - 1) * paging.pageSize + rows.length + (answered?.hasMore ? 1 : 0),
          showSizeChanger: true,
          showTotal: matching === undefined ? undefined : (n) => `共 ${n} 个村`,
          onChange: (current, pageSize) => setPaging({ current, pageSize }),
        }}
      />
    </Space>
  );
}
