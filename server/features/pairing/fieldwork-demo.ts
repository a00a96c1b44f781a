// The demo city's year of city- and town-level field work, generated deterministically from the
// village and leader order: 28 leaders paired with 50 villages, quarterly visits with a few
// pairings left overdue, key tasks with milestones, and town supervision with findings.
import { randomUUID } from 'node:crypto';
import type { keyTasks, leaderVisits, pairings, supervisionFindings, supervisionRecords } from '../../db/schema/fieldwork.js';
import { periodsOfYear } from './pairing.js';

export type DemoVillage = { id: string; path: string; name: string; index: number };
export type DemoPerson = { id: string; name: string };
export type FieldworkDemoInput = {
  countyId: string;
  year: number;
  /** YYYY-MM-DD: nothing is dated after it. */
  today: string;
  villages: DemoVillage[];
  leaders: DemoPerson[];
  /** The village's cadres, secretary first. */
  cadres: Map<string, DemoPerson[]>;
};

/** A stable spread of small integers: the demo looks varied but loads the same every time. */
export const mix = (a: number, b: number, m: number) => (((a + 1) * 2654435761 + (b + 1) * 40503) >>> 0) % m;

const ms = 86_400_000;
const toDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** A day within [from, min(to, today)], or null when that window has not begun. */
export function dayWithin(from: string, to: string, today: string, pick: number): string | null {
  const end = Math.min(dayMs(to), dayMs(today));
  const start = dayMs(from);
  if (end < start) return null;
  return toDay(start + (pick % (Math.floor((end - start) / ms) + 1)) * ms);
}

/** A day at a share (0–1) of the year so far. */
export function dayAt(year: number, today: string, share: number): string {
  const start = dayMs(`${year}-01-03`);
  const end = Math.max(start, Math.min(dayMs(today), dayMs(`${year}-12-20`)));
  return toDay(start + Math.floor(share * ((end - start) / ms)) * ms);
}

const findingsText = ['村集体经济收入偏低', '产业项目选址尚未落实', '村务公开不及时', '人居环境整治有死角', '党员活动室设施陈旧', '网格员配备不足'];
const followUps = ['协调农业农村局专题指导', '下月再次调度', '列入镇重点督办', '联系帮扶单位对接资金', '组织外出考察学习'];
const kinds = ['调研', '座谈', '现场指导', '走访慰问', '督导检查'] as const;
/** Pairings left without a visit since the last finished quarter: the department's chase list. */
export const overduePairingIndexes = [5, 17, 33, 46];

export function buildPairingDemo(input: FieldworkDemoInput) {
  const { countyId, year, today } = input;
  const pairingRows: (typeof pairings.$inferInsert)[] = [];
  const visitRows: (typeof leaderVisits.$inferInsert)[] = [];
  const quarters = periodsOfYear(year, 'quarter').filter((q) => q.start <= today);
  const lastEnded = quarters.filter((q) => q.end < today).length - 1;
  input.villages.forEach((v, j) => {
    const leader = input.leaders[j % input.leaders.length] as DemoPerson;
    const id = randomUUID();
    pairingRows.push({ id, countyId, leaderId: leader.id, villageId: v.id, orgPath: v.path, startDate: `${year - 1}-03-01`, endDate: null, note: '' });
    quarters.forEach((q, qi) => {
      const overdue = overduePairingIndexes.includes(j) && qi >= lastEnded;
      const missed = j % 11 === 3 && qi === 1;
      if (overdue || missed) return;
      const count = 1 + (mix(j, qi, 3) === 0 ? 1 : 0);
      for (let n = 0; n < count; n++) {
        const visitDate = dayWithin(q.start, q.end, today, mix(j, qi * 5 + n, 89));
        if (!visitDate) continue;
        const k = mix(j, qi + n, 97);
        visitRows.push({
          id: randomUUID(),
          countyId,
          pairingId: id,
          leaderId: leader.id,
          villageId: v.id,
          orgPath: v.path,
          visitDate,
          kind: kinds[k % kinds.length] as string,
          companions: k % 2 ? '市委组织部 联络员' : '镇党委副书记',
          findings: findingsText[k % findingsText.length] as string,
          followUp: followUps[k % followUps.length] as string,
        });
      }
    });
  });
  return { pairingRows, visitRows };
}

const taskTemplates = [
  { category: '产业谋划', title: '特色种植基地建设', milestones: ['完成选址规划', '流转土地', '建成投产'] },
  { category: '乡村治理标准化', title: '乡村治理标准化试点', milestones: ['制定村规民约', '建立积分制', '通过镇级验收'] },
  { category: '人居环境整治', title: '人居环境综合整治', milestones: ['清理陈年垃圾', '建设边沟', '绿化美化'] },
  { category: '基层组织建设', title: '党群服务中心提档升级', milestones: ['完成设计', '装修改造', '投入使用'] },
];

export function buildKeyTaskDemo(input: FieldworkDemoInput) {
  const { countyId, year, today } = input;
  const rows: (typeof keyTasks.$inferInsert)[] = [];
  input.villages.forEach((v, i) => {
    const count = i % 5 === 0 ? 3 : 2;
    for (let n = 0; n < count; n++) {
      const tpl = taskTemplates[(i + n) % taskTemplates.length] as (typeof taskTemplates)[number];
      const r = mix(i, n, 20);
      const status = r < 6 ? 'done' : r < 16 ? 'in_progress' : r < 18 ? 'stalled' : 'planned';
      const progress = status === 'done' ? 100 : status === 'planned' ? 0 : 20 + mix(i, n + 7, 7) * 10;
      const dues = [0.3, 0.6, 0.95].map((s) => dayAt(year, `${year}-12-31`, s));
      const doneCount = status === 'done' ? 3 : Math.floor(progress / 34);
      rows.push({
        id: randomUUID(),
        countyId,
        villageId: v.id,
        orgPath: v.path,
        year,
        category: tpl.category,
        title: `${v.name}${tpl.title}`,
        description: '',
        ownerId: input.cadres.get(v.id)?.[0]?.id ?? null,
        status,
        progress,
        dueDate: `${year}-${r % 2 ? '10-31' : '12-31'}`,
        milestones: tpl.milestones.map((title, m) => ({
          title,
          dueDate: dues[m] as string,
          doneDate: m < doneCount ? ((dues[m] as string) <= today ? (dues[m] as string) : today) : null,
        })),
      });
    }
  });
  return rows;
}

const methods = ['蹲点调研', '访谈座谈', '日常调度', '分析研判', '现场指导'] as const;
const subjects = ['重点工作推进情况', '为民办实事进展', '问题清单销号情况', '村级班子运行情况', '产业项目落地情况'];
const findingTexts = ['会议记录不规范', '问题销号佐证材料不全', '实事项目进度滞后', '集体资产台账未更新', '网格走访覆盖不全', '党员积分未公示'];
const actions = ['已规范记录并组织学习', '已补齐佐证材料', '已制定倒排工期', '已完成台账更新', '已补充走访', '已在公开栏公示'];

/** Supervision records; each village's first one follows its first key task. */
export function buildSupervisionDemo(input: FieldworkDemoInput, tasks: readonly { id?: string; villageId: string }[] = []) {
  const { countyId, year, today } = input;
  const records: (typeof supervisionRecords.$inferInsert)[] = [];
  const findings: (typeof supervisionFindings.$inferInsert)[] = [];
  input.villages.forEach((v, i) => {
    for (let n = 0; n < 2; n++) {
      const recordDate = dayAt(year, today, (n + 0.2 + mix(i, n, 40) / 100) / 2.2);
      const id = randomUUID();
      records.push({
        id,
        countyId,
        villageId: v.id,
        orgPath: v.path,
        recordDate,
        method: methods[(i + n) % methods.length] as string,
        keyTaskId: n === 0 ? (tasks.find((t) => t.villageId === v.id)?.id ?? null) : null,
        subject: n === 0 ? '重点工作推进情况' : (subjects[mix(i, n, subjects.length)] as string),
        summary: '镇党委班子成员带队，听取村党组织书记汇报，查阅台账，走访党员群众。',
        participants: '镇党委副书记、组织委员',
      });
      const howMany = 1 + mix(i, n + 3, 2);
      for (let f = 0; f < howMany; f++) {
        const k = mix(i, n * 3 + f, findingTexts.length);
        const open = mix(i, n * 7 + f, 10) < 2;
        const dueDate = toDay(dayMs(recordDate) + 30 * ms);
        findings.push({
          id: randomUUID(),
          countyId,
          recordId: id,
          villageId: v.id,
          orgPath: v.path,
          description: findingTexts[k] as string,
          dueDate,
          status: open ? 'open' : 'closed',
          actionTaken: open ? '' : (actions[k] as string),
          closedDate: open ? null : dueDate <= today ? dueDate : today,
        });
      }
    }
  });
  return { records, findings };
}
