// 待办: one answer to "what waits for me", composed of one count per kind of work the caller's
// roles do, each within the same scope the work itself is done in. A kind with nothing waiting is
// left out, so the list and the menu badges fall as the work is done.
import type { Ctx } from '../../context.js';
import { chinaDate } from '../../../shared/dates.js';
import { stageLabels, type EvaluationStage } from '../../../shared/contracts/campaigns.js';
import type { Desk, DeskItem } from '../../../shared/contracts/desk.js';
import { hasPermission, scopePaths } from '../auth/principal.js';
import { getGrid } from '../evaluation/sheets/grid/grid.service.js';
import { selectAssignedVillageIds } from '../evaluation/assignments/assignments.queries.js';
import { fieldScope } from '../pairing/field-scope.service.js';
import { pairingCompliance } from '../pairing/pairing.service.js';
import { countCommitments, countObjections, countProblems, countRectifications, countViolations, selectRunningCampaigns } from './desk.queries.js';

type Campaign = Awaited<ReturnType<typeof selectRunningCampaigns>>[number];

/** Score sheets of the running stage with an indicator still blank, for the assigned scorer. */
async function sheetItems(ctx: Ctx, running: Campaign[], today: string): Promise<DeskItem[]> {
  const items: DeskItem[] = [];
  for (const c of running) {
    const stage = c.status as EvaluationStage;
    if (!['mutual', 'department', 'city'].includes(stage)) continue;
    const window = c.windows[stage];
    if (today > window.closes) continue;
    const grid = await getGrid(ctx, c.id, stage);
    const typed = grid.indicators.filter((i) => i.computedFrom === null);
    const open = grid.rows.filter((r) => r.canScore && typed.some((i) => r.points[i.id] === null));
    if (open.length === 0) continue;
    items.push({
      kind: 'sheets',
      title: `${stageLabels[stage]}评分`,
      count: open.length,
      overdue: 0,
      deadline: window.closes,
      detail: today < window.opens ? `${c.name}：${open.length} 个村待评分，${window.opens} 开放填报` : `${c.name}：${open.length} 个村的评分表尚未填完`,
      link: `/campaigns/${c.id}/grid/${stage}`,
    });
  }
  return items;
}

export async function getDesk(ctx: Ctx): Promise<Desk> {
  const { db, principal } = ctx;
  const countyId = principal.countyId;
  const today = chinaDate(ctx.now());
  const running = await selectRunningCampaigns(db, countyId);
  const items: DeskItem[] = [...(await sheetItems(ctx, running, today))];
  const add = (item: Omit<DeskItem, 'count' | 'overdue' | 'deadline'>, w: { count: number; overdue: number; earliest: string | null }) => {
    if (w.count > 0) items.push({ ...item, count: w.count, overdue: w.overdue, deadline: w.earliest });
  };

  // The village claims what is listed and works it; the town confirms what the village closed.
  const villageWork = principal.roles.some((r) => r.role === 'village_admin') ? scopePaths(principal, 'service:write') : [];
  add({ kind: 'problems_claim', title: '问题待认领', detail: '问题清单中尚未认领的问题', link: '/service?tab=problems' }, await countProblems(db, countyId, villageWork, 'open', today));
  const approve = scopePaths(principal, 'service:approve');
  add({ kind: 'problems_confirm', title: '销号待确认', detail: '村已销号、等待镇级确认的问题', link: '/service?tab=problems' }, await countProblems(db, countyId, approve, 'resolved', today));
  add({ kind: 'commitments_approve', title: '承诺待审核', detail: '村提交的承诺事项', link: '/service?tab=commitments' }, await countCommitments(db, countyId, approve, 'submitted'));

  add(
    { kind: 'rectifications_submit', title: '整改待提交', detail: '评委下达、尚未提交或被退回的整改任务', link: '/rectifications' },
    await countRectifications(db, countyId, { paths: scopePaths(principal, 'rectification:submit') }, ['open', 'returned'], today),
  );
  if (hasPermission(principal, 'score:department')) {
    const panelVillages = new Set<string>();
    for (const c of running) for (const id of await selectAssignedVillageIds(db, countyId, c.id, 'department', principal.userId)) panelVillages.add(id);
    add(
      { kind: 'rectifications_verify', title: '整改待验收', detail: '本评委组村已提交的整改', link: '/rectifications' },
      await countRectifications(db, countyId, { villageIds: [...panelVillages] }, ['submitted'], today),
    );
  }
  if (running.some((c) => c.status === 'notice')) {
    add({ kind: 'objections_answer', title: '异议待答复', detail: '公示期收到、尚未答复的异议', link: '/campaigns' }, await countObjections(db, countyId, scopePaths(principal, 'campaign:manage')));
  }
  add({ kind: 'violations_confirm', title: '违纪信访待核实', detail: '已登记、尚未确认或不予认定的记录', link: '/violations' }, await countViolations(db, countyId, scopePaths(principal, 'violation:write')));

  if (hasPermission(principal, 'visit:write')) {
    const overdue = (await pairingCompliance(ctx, await fieldScope(ctx, 'visit:write'), Number(today.slice(0, 4)))).filter((p) => p.overdue).length;
    add({ kind: 'visits_overdue', title: '走访未达频次', detail: '结对联系村的走访次数未达到规定频次', link: '/pairing' }, { count: overdue, overdue, earliest: null });
  }
  return { items, total: items.reduce((n, i) => n + i.count, 0) };
}
