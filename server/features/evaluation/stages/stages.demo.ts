// Stage-1 field work for the demo's current campaign: household visits in most villages, survey
// results for about half of them, and one submitted mutual-evaluation report. Deterministic (the
// same city gives the same records) and a few dozen rows, so the demo still loads in a moment.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/client.js';
import { chinaDate } from '../../../../shared/dates.js';
import { selectAllOrgUnits } from '../../orgs/orgs.queries.js';
import { selectCampaignRow } from '../../campaigns/campaigns.queries.js';
import { selectTeams } from '../assignments/assignments.queries.js';
import { markReportSubmitted, upsertMutualReport } from '../mutual/mutual-report.queries.js';
import { upsertSurveys } from '../mutual/surveys.queries.js';
import { insertMutualVisits } from '../mutual/visits.queries.js';

export type DemoStageWorkIds = {
  countyId: string;
  /** The current campaign, in stage 1, with its teams already saved (read from the database). */
  campaignId: string;
  /** The demo's "now": nothing is dated after it. */
  now: Date;
};

const findings = [
  '反映村内部分路灯损坏，夜间出行不便',
  '对村集体经济收益分配方式提出询问',
  '希望增加农技培训场次',
  '对村务公开的及时性表示满意',
  '反映灌溉水渠需要清淤',
  '对网格员上门服务表示认可',
];
const groups = ['一组', '二组', '三组', '四组', '五组', '六组'];

/** Adds days to a YYYY-MM-DD date. */
function shift(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function seedDemoStageWork(tx: { db: Db }, ids: DemoStageWorkIds): Promise<{ visits: number; surveys: number; reports: number }> {
  const { countyId, campaignId, now } = ids;
  const campaign = await selectCampaignRow(tx.db, countyId, campaignId);
  if (!campaign) throw new Error(`demo campaign ${campaignId} not found`);
  const today = chinaDate(now);
  const opens = campaign.windows.mutual.opens;
  const units = await selectAllOrgUnits(tx.db, countyId, ['/']);
  // Teams come back in no particular order; walk them in the evaluating towns' order (then code) so the demo is the same every time.
  const townOrder = (id: string) => units.find((u) => u.id === id);
  const teams = (await selectTeams(tx.db, countyId, campaignId))
    .map((t) => ({ ...t, writer: t.leaderUserId ?? t.memberIds[0] ?? null }))
    .sort((a, b) => (townOrder(a.evaluatorTownId)?.sortOrder ?? 0) - (townOrder(b.evaluatorTownId)?.sortOrder ?? 0) || (townOrder(a.evaluatorTownId)?.code ?? '').localeCompare(townOrder(b.evaluatorTownId)?.code ?? ''));
  const visits: Parameters<typeof insertMutualVisits>[1] = [];
  const surveys: Parameters<typeof upsertSurveys>[1] = [];
  let k = 0;
  for (const team of teams) {
    if (!team.writer) continue;
    const evaluator = units.find((u) => u.id === team.evaluatorTownId)?.name ?? '';
    const villages = units.filter((u) => u.parentId === team.targetTownId && u.level === 'village' && u.active).sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));
    for (const [i, v] of villages.entries()) {
      k++;
      // Two or three visits in four villages out of five, dated within the stage so far.
      if (k % 5 !== 0) {
        for (let n = 0; n < 2 + (k % 2); n++) {
          const day = shift(today, -((k + n * 3) % 10) - 1);
          visits.push({
            id: randomUUID(), countyId, campaignId, villageId: v.id, orgPath: v.path,
            household: `${groups[(k + n) % groups.length]} 演${['家', '氏户', '某户'][n % 3]}`,
            visitDate: day < opens ? opens : day,
            visitors: `${evaluator}互评组`,
            findings: findings[(k * 2 + n) % findings.length] as string,
            recordedBy: team.writer, createdAt: now, updatedAt: now,
          });
        }
      }
      // Survey results for about half the villages.
      if (i % 2 === 0) {
        const sampleSize = 40 + ((k * 7) % 21);
        const satisfied = Math.round(sampleSize * (0.74 + ((k * 13) % 19) / 100));
        const basicallySatisfied = Math.round((sampleSize - satisfied) * 0.7);
        surveys.push({
          countyId, campaignId, villageId: v.id, orgPath: v.path, sampleSize, satisfied, basicallySatisfied,
          unsatisfied: sampleSize - satisfied - basicallySatisfied, surveyDate: shift(today, -2) < opens ? opens : shift(today, -2), enteredBy: team.writer, enteredAt: now,
        });
      }
    }
  }
  await insertMutualVisits(tx.db, visits);
  await upsertSurveys(tx.db, surveys);
  // The first team has finished: its report on the town it evaluated is submitted.
  const first = teams.find((t) => t.writer);
  const town = first ? units.find((u) => u.id === first.targetTownId) : undefined;
  if (first?.writer && town) {
    const villages = units.filter((u) => u.parentId === town.id && u.level === 'village');
    await upsertMutualReport(tx.db, {
      countyId, campaignId, townId: town.id, orgPath: town.path, status: 'draft',
      narrative: `互评组通过实地踏查、入户走访和群众测评，对${town.name}各村进行了摸底互评。各村“两委”班子总体团结，为民办实事推进有力；产业发展不够均衡，部分村集体经济增收渠道单一，村务公开更新不够及时。`,
      findings: [
        ...(villages[0] ? [{ villageId: villages[0].id, text: '村务公开栏内容未按季度更新' }] : []),
        ...(villages[1] ? [{ villageId: villages[1].id, text: '党员教育管理台账记录不完整' }] : []),
        { villageId: null, text: '部分村集体经济增收渠道单一，需加强产业谋划' },
      ],
      updatedBy: first.writer, updatedAt: now,
    });
    await markReportSubmitted(tx.db, countyId, campaignId, town.id, first.writer, now);
  }
  return { visits: visits.length, surveys: surveys.length, reports: first?.writer && town ? 1 : 0 };
}
