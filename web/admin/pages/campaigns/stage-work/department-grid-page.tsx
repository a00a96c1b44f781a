// 表格录入 for stage 2: a judge's villages × their arena score, or × the democratic vote counts,
// typed or pasted like a spreadsheet and saved as one block the server stores whole or not at all.
import { Result, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { checkCell, type CellCheck } from '../../../../../shared/score-cell';
import { checkVoteCell, voteKeys, voteRowProblem, type VoteKey } from '../../../../../shared/vote-cell';
import { democraticLabels } from '../../../../../shared/contracts/evaluation-stages';
import type { ArenaGrid, DemocraticGrid } from '../../../../../shared/contracts/department-grids';
import { errorText, isApiError } from '../../../api/client';
import { departmentGridWorkbookUrl, useDepartmentGrid, useSaveDepartmentGrid, useUploadDepartmentGrid } from '../../../api/department-grids-hooks';
import { BlockGrid, cellTextOf, type BlockColumn } from '../../../components/block-grid';
import { notifySuccess } from '../../../components/feedback';
import { PageLoading } from '../../../components/page-loading';
import { scoreError, scoreText } from '../../../components/score-field';
import { BlockEntryCard, useBlockEntry } from './block-entry';

export function DepartmentGridPage() {
  const { id = '', kind = '' } = useParams();
  if (kind === 'arena') return <ArenaGridView campaignId={id} />;
  if (kind === 'democratic') return <DemocraticGridView campaignId={id} />;
  return <Result status="404" title="没有这个表格" />;
}

/** The score field's own wording for a bad value, so the grid and the form refuse alike. */
const arenaCheck = (maxPoints: number) => (text: string): CellCheck => {
  const error = scoreError(text, maxPoints);
  return error ? { ok: false, reason: error } : checkCell(text, maxPoints);
};

function ArenaGridView({ campaignId }: { campaignId: string }) {
  const { data: grid, isPending, error } = useDepartmentGrid(campaignId, 'arena');
  const save = useSaveDepartmentGrid(campaignId, 'arena');
  const upload = useUploadDepartmentGrid(campaignId, 'arena');
  const entry = useBlockEntry();
  if (isPending) return <PageLoading />;
  if (!grid) return <Result status="warning" title="擂台比武评分表无法打开" subTitle={errorText(error)} />;
  const check = arenaCheck(grid.indicator.maxPoints);
  const columns: BlockColumn[] = [{ id: 'points', title: '我的评分', sub: `满分 ${grid.indicator.maxPoints}`, check }];
  const stored = (r: ArenaGrid['rows'][number]) => scoreText(r.points);
  const editing = grid.rows.filter((r) => r.canEdit && entry.drafts[r.villageId]?.points !== undefined);
  const bad = editing.filter((r) => !check(entry.drafts[r.villageId]?.points ?? '').ok).length;
  const body = editing.flatMap((r) => {
    const c = check(entry.drafts[r.villageId]?.points ?? '');
    return c.ok && c.points !== r.points ? [{ villageId: r.villageId, points: c.points }] : [];
  });
  const onSave = () => {
    const sent = entry.drafts;
    save.mutate({ rows: body }, { onSuccess: () => (entry.saved(sent), notifySuccess(`已保存 ${body.length} 个村的擂台比武评分`)), onError: entry.refused });
  };
  return (
    <BlockEntryCard
      title={`${grid.campaignName} · 擂台比武评分（表格录入）`}
      subject="擂台比武评分表"
      lockReason={grid.lockReason}
      window={grid.window}
      editableRows={grid.rows.length}
      hasRows={grid.rows.length > 0}
      emptyText="您不是任何评委组的评委，没有擂台比武评分任务"
      changed={body.length}
      bad={bad}
      saving={save.isPending}
      banner={entry.banner}
      workbookUrl={departmentGridWorkbookUrl(campaignId, 'arena')}
      upload={async (args) => {
        const report = await upload(args);
        entry.reset();
        return report;
      }}
      onSave={onSave}
    >
      <Typography.Text type="secondary">
        计入部门点评“{grid.indicator.name}”。每位评委只填自己的评分，留空表示不评分（已保存的评分将撤回）；五名及以上评委时去掉一个最高分和一个最低分后取平均。
      </Typography.Text>
      <BlockGrid testId="arena-grid" rows={grid.rows} columns={columns} stored={stored} drafts={entry.drafts} onDrafts={entry.onDrafts} locked={grid.lockReason !== null} errors={entry.errors} />
    </BlockEntryCard>
  );
}

const voteColumns: BlockColumn[] = voteKeys.map((k) => ({ id: k, title: democraticLabels[k], sub: '票', check: checkVoteCell }));

function DemocraticGridView({ campaignId }: { campaignId: string }) {
  const { data: grid, isPending, error, refetch } = useDepartmentGrid(campaignId, 'democratic');
  const save = useSaveDepartmentGrid(campaignId, 'democratic');
  const upload = useUploadDepartmentGrid(campaignId, 'democratic');
  const entry = useBlockEntry();
  if (isPending) return <PageLoading />;
  if (!grid) return <Result status="warning" title="民主评价票数表无法打开" subTitle={errorText(error)} />;
  type Row = DemocraticGrid['rows'][number];
  const stored = (r: Row, k: string) => (r.votes ? String(r.votes[k as VoteKey]) : '');
  const countsOf = (r: Row) => Object.fromEntries(voteKeys.map((k) => [k, checkVoteCell(cellTextOf(entry.drafts, stored, r, k))])) as Record<VoteKey, CellCheck>;
  /** A row's counts, or why it cannot be saved: a bad cell (shown at the cell) or the row's rule. */
  const rowState = (r: Row) => {
    const checks = countsOf(r);
    if (voteKeys.some((k) => !checks[k].ok)) return { bad: true as const, problem: null };
    const counts = Object.fromEntries(voteKeys.map((k) => [k, (checks[k] as { points: number | null }).points])) as Record<VoteKey, number | null>;
    const problem = voteRowProblem(counts);
    return problem ? { bad: true as const, problem: problem.reason } : { bad: false as const, counts };
  };
  const editing = grid.rows.filter((r) => r.canEdit && entry.drafts[r.villageId] !== undefined);
  const states = editing.map((r) => ({ r, s: rowState(r) }));
  const bad = states.filter(({ s }) => s.bad).length;
  const body = states.flatMap(({ r, s }) => {
    if (s.bad || voteKeys.every((k) => s.counts[k] === null)) return [];
    const counts = s.counts as Record<VoteKey, number>;
    // `based`: the counts this grid shows, so another judge's save in between is not overwritten unseen.
    return r.votes && voteKeys.every((k) => r.votes?.[k] === counts[k]) ? [] : [{ villageId: r.villageId, ...counts, based: r.votes }];
  });
  const onSave = () => {
    const sent = entry.drafts;
    save.mutate(
      { rows: body },
      {
        onSuccess: () => (entry.saved(sent), notifySuccess(`已保存 ${body.length} 个村的民主评价票数`)),
        onError: (e) => {
          entry.refused(e);
          // Another judge saved first: show their counts (the typed ones stay as drafts) before a new try.
          if (isApiError(e) && e.code === 'democratic.conflict') void refetch();
        },
      },
    );
  };
  const total = (r: Row) => {
    const s = rowState(r);
    if (s.problem) return <Typography.Text type="danger">{s.problem}</Typography.Text>;
    if (s.bad) return '—';
    return voteKeys.reduce((n, k) => n + (s.counts[k] ?? 0), 0);
  };
  return (
    <BlockEntryCard
      title={`${grid.campaignName} · 民主评价票数（表格录入）`}
      subject="民主评价票数表"
      lockReason={grid.lockReason}
      window={grid.window}
      editableRows={grid.rows.filter((r) => r.canEdit).length}
      hasRows={grid.rows.length > 0}
      emptyText="您在本年度没有民主评价录入任务"
      changed={body.length}
      bad={bad}
      saving={save.isPending}
      banner={entry.banner}
      workbookUrl={departmentGridWorkbookUrl(campaignId, 'democratic')}
      upload={async (args) => {
        const report = await upload(args);
        entry.reset();
        return report;
      }}
      onSave={onSave}
    >
      <Typography.Text type="secondary">每村四项票数全部填写，合计不能为 0；票数作为定星参考，不计入得分。</Typography.Text>
      <BlockGrid
        testId="democratic-grid"
        rows={grid.rows}
        columns={voteColumns}
        stored={stored}
        drafts={entry.drafts}
        onDrafts={entry.onDrafts}
        locked={grid.lockReason !== null}
        errors={entry.errors}
        trailing={{ title: '合计', render: total }}
      />
    </BlockEntryCard>
  );
}
