// The demo city's village-level year: commitments in every state (62 fulfilled in the city, as
// Tumen's 62 livelihood matters), household visits and a problem list with most items closed.
import { randomUUID } from 'node:crypto';
import type { commitments, fieldworkEvents, householdVisits, problems } from '../../db/schema/fieldwork.js';
import { dayAt, mix, type FieldworkDemoInput } from '../pairing/fieldwork-demo.js';

export type ServiceDemoInput = FieldworkDemoInput & {
  /** The village administrator's account (claims and closes in the demo). */
  villageAccounts: Map<string, { id: string; displayName: string }>;
  townAccounts: Map<string, { id: string; displayName: string }>;
  /** The village's town id. */
  townOf: Map<string, string>;
};

type EventRow = typeof fieldworkEvents.$inferInsert;

const matters: [string, string][] = [
  ['基础设施', '硬化村屯道路 1.5 公里'],
  ['基础设施', '安装太阳能路灯 30 盏'],
  ['民生保障', '改造农村危房 4 户'],
  ['民生保障', '开办老年幸福食堂'],
  ['文化服务', '修缮村文化广场'],
  ['产业发展', '疏浚灌溉水渠 2 公里'],
  ['人居环境', '建设垃圾分类收集点 6 处'],
  ['基础设施', '改造自来水管网'],
  ['产业发展', '新建蔬菜大棚 10 栋'],
  ['文化服务', '开办农民夜校'],
  ['民生保障', '设立便民服务代办点'],
  ['基础设施', '修建漫水桥 1 座'],
  ['民生保障', '组织老年人免费体检'],
  ['人居环境', '整治房前屋后环境 3 处'],
  ['其他', '设立法律咨询室'],
];

/** 199 commitments; 7g mod 199 walks them all once, so exactly 62 land on 已兑现. */
export function commitmentState(g: number, total: number): { status: string; outcome: string | null } {
  const r = (7 * g) % total;
  if (r < 40) return { status: 'published', outcome: 'fulfilled' };
  if (r < 62) return { status: 'settled', outcome: 'fulfilled' };
  if (r < 66) return { status: 'published', outcome: 'partly' };
  if (r < 70) return { status: 'settled', outcome: 'partly' };
  if (r < 73) return { status: 'published', outcome: 'unfulfilled' };
  if (r < 150) return { status: 'in_progress', outcome: null };
  if (r < 170) return { status: 'approved', outcome: null };
  if (r < 182) return { status: 'submitted', outcome: null };
  if (r < 188) return { status: 'returned', outcome: null };
  return { status: 'draft', outcome: null };
}

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:30:00+08:00`);
const ev = (countyId: string, objectType: 'problem' | 'commitment', id: string, orgPath: string, day: string, hour: number, action: string, from: string | null, to: string | null, actor: string, note = ''): EventRow => ({
  countyId,
  objectType,
  objectId: id,
  orgPath,
  at: at(day, hour),
  action,
  fromStatus: from,
  toStatus: to,
  actor,
  note,
});

export function buildCommitmentDemo(input: ServiceDemoInput) {
  const { countyId, year, today } = input;
  const rows: (typeof commitments.$inferInsert)[] = [];
  const events: EventRow[] = [];
  const perVillage = input.villages.map((_v, i) => 3 + (i % 3));
  const total = perVillage.reduce((a, b) => a + b, 0);
  let g = 0;
  input.villages.forEach((v, i) => {
    const village = input.villageAccounts.get(v.id);
    const town = input.townAccounts.get(input.townOf.get(v.id) ?? '');
    for (let n = 0; n < (perVillage[i] ?? 3); n++, g++) {
      const [category, title] = matters[(i * 4 + n) % matters.length] as [string, string];
      const { status, outcome } = commitmentState(g, total);
      const id = randomUUID();
      const created = dayAt(year, today, 0.01 + n * 0.01);
      const submitted = dayAt(year, today, 0.04 + n * 0.01);
      const approved = dayAt(year, today, 0.08 + n * 0.01);
      const settled = dayAt(year, today, 0.85 + mix(i, n, 12) / 100);
      const published = dayAt(year, today, 0.99);
      const isApproved = ['approved', 'in_progress', 'settled', 'published'].includes(status);
      rows.push({
        id,
        countyId,
        villageId: v.id,
        orgPath: v.path,
        year,
        category,
        title,
        description: `${v.name}年初“两委”会议确定，经党员大会和村民代表会议通过。`,
        targetDate: `${year}-11-30`,
        status: status as 'draft',
        outcome: outcome as 'fulfilled' | null,
        outcomeReason: outcome === 'partly' ? '受汛期影响，剩余工程顺延至明年春季' : outcome === 'unfulfilled' ? '上级配套资金未到位' : '',
        evidence: outcome && outcome !== 'unfulfilled' ? '验收单、施工前后照片、群众签字确认表' : '',
        returnReason: status === 'returned' ? '请写明资金来源和完成时限' : '',
        progressNote: status === 'in_progress' ? `已完成约 ${30 + mix(i, n, 6) * 10}%` : '',
        approvedBy: isApproved ? (town?.id ?? null) : null,
        approvedDate: isApproved ? approved : null,
        settledDate: outcome ? settled : null,
        publishedDate: status === 'published' ? published : null,
        createdBy: village?.id ?? null,
      });
      const who = village?.displayName ?? '村级管理员';
      const townName = town?.displayName ?? '镇级管理员';
      events.push(ev(countyId, 'commitment', id, v.path, created, 9, 'create', null, 'draft', who));
      if (status === 'draft') continue;
      events.push(ev(countyId, 'commitment', id, v.path, submitted, 10, 'submit', 'draft', 'submitted', who));
      if (status === 'submitted') continue;
      if (status === 'returned') {
        events.push(ev(countyId, 'commitment', id, v.path, approved, 11, 'return', 'submitted', 'returned', townName, '请写明资金来源和完成时限'));
        continue;
      }
      events.push(ev(countyId, 'commitment', id, v.path, approved, 11, 'approve', 'submitted', 'approved', townName));
      if (status === 'approved') continue;
      events.push(ev(countyId, 'commitment', id, v.path, approved, 15, 'start', 'approved', 'in_progress', who));
      if (!outcome) continue;
      events.push(ev(countyId, 'commitment', id, v.path, settled, 10, 'settle', 'in_progress', 'settled', who));
      if (status === 'published') events.push(ev(countyId, 'commitment', id, v.path, published, 16, 'publish', 'settled', 'published', who));
    }
  });
  return { rows, events };
}

const groups = ['一组', '二组', '三组', '四组', '五组', '六组'];
const surnames = ['王', '李', '张', '刘', '陈', '金', '崔', '朴'];
const problemTemplates: [string, string][] = [
  ['基础设施', '屯内道路坑洼积水'],
  ['基础设施', '路灯损坏不亮'],
  ['社会保障', '低保认定材料不会办'],
  ['医疗教育', '慢性病用药报销咨询'],
  ['环境卫生', '房后垃圾堆放'],
  ['矛盾纠纷', '邻里宅基地边界纠纷'],
  ['产业发展', '农产品销路不畅'],
  ['基础设施', '自来水压力不足'],
  ['社会保障', '独居老人冬季取暖困难'],
  ['其他', '户籍迁移手续咨询'],
];

export function buildProblemDemo(input: ServiceDemoInput) {
  const { countyId, year, today } = input;
  const visits: (typeof householdVisits.$inferInsert)[] = [];
  const rows: (typeof problems.$inferInsert)[] = [];
  const events: EventRow[] = [];
  input.villages.forEach((v, i) => {
    const account = input.villageAccounts.get(v.id);
    const town = input.townAccounts.get(input.townOf.get(v.id) ?? '');
    const cadres = input.cadres.get(v.id) ?? [];
    // Most households visited have nothing to report: those visits are on record too.
    const quiet = 8 + mix(i, 3, 6);
    for (let n = 0; n < quiet; n++) {
      const cadre = cadres[(n + 1) % Math.max(1, cadres.length)];
      visits.push({
        id: randomUUID(),
        countyId,
        villageId: v.id,
        orgPath: v.path,
        visitDate: dayAt(year, today, (n + 0.3) / quiet),
        household: `${groups[mix(i, n + 20, groups.length)]} ${surnames[mix(i, n + 30, surnames.length)]}演某户`,
        visitors: cadre?.name ?? '村“两委”干部',
        notes: '家庭生产生活正常，无诉求。',
        recordedBy: account?.id ?? null,
      });
    }
    const count = 6 + mix(i, 1, 5);
    for (let n = 0; n < count; n++) {
      const share = Math.min(0.97, (n + 0.5) / count + mix(i, n, 5) / 100);
      const reported = dayAt(year, today, share);
      const household = `${groups[mix(i, n, groups.length)]} ${surnames[mix(i, n + 9, surnames.length)]}演某户`;
      const cadre = cadres[n % Math.max(1, cadres.length)];
      let visitId: string | null = null;
      if (n % 4 !== 3) {
        visitId = randomUUID();
        visits.push({ id: visitId, countyId, villageId: v.id, orgPath: v.path, visitDate: reported, household, visitors: cadre?.name ?? '村“两委”干部', notes: '入户走访，了解家庭生产生活情况。', recordedBy: account?.id ?? null });
      }
      const [category, title] = problemTemplates[mix(i, n + 2, problemTemplates.length)] as [string, string];
      // Most are closed; the latest are still being worked; a few have slipped past their due date.
      const r = mix(i, n + 4, 100);
      const recent = share > 0.93;
      const status = recent ? (r < 30 ? 'open' : r < 60 ? 'claimed' : 'in_progress') : r < 60 ? 'confirmed' : r < 91 ? 'resolved' : r < 95 ? 'in_progress' : r < 98 ? 'claimed' : 'open';
      // Recent items are still within their time limit; a few older open ones have slipped past it.
      const dueDate = dayAt(year, `${year}-12-31`, Math.min(1, share + (recent ? 0.15 : r % 3 === 0 ? 0.05 : 0.1)));
      const claimedDate = reported;
      const resolvedDate = dayAt(year, today, Math.min(0.99, share + 0.03));
      const confirmedDate = dayAt(year, today, Math.min(0.995, share + 0.05));
      const id = randomUUID();
      const claimed = status !== 'open';
      const closed = status === 'resolved' || status === 'confirmed';
      rows.push({
        id,
        countyId,
        villageId: v.id,
        orgPath: v.path,
        year,
        title,
        description: '',
        household,
        category,
        source: visitId ? '逐户走访' : n % 8 === 3 ? '群众来访' : '网格巡查',
        householdVisitId: visitId,
        reportedDate: reported,
        dueDate,
        status: status as 'open',
        claimedBy: claimed ? (account?.id ?? null) : null,
        claimedByName: claimed ? (cadre?.name ?? account?.displayName ?? '') : '',
        assigneeId: claimed ? (cadre?.id ?? null) : null,
        claimedDate: claimed ? claimedDate : null,
        resolution: closed ? '已协调解决，群众认可' : '',
        resolvedBy: closed ? (account?.id ?? null) : null,
        resolvedDate: closed ? resolvedDate : null,
        confirmedVia: status === 'confirmed' ? (r % 2 ? 'villager' : 'town') : null,
        confirmedDate: status === 'confirmed' ? confirmedDate : null,
        createdBy: account?.id ?? null,
      });
      const who = account?.displayName ?? '村级管理员';
      events.push(ev(countyId, 'problem', id, v.path, reported, 9, 'create', null, 'open', who));
      if (!claimed) continue;
      events.push(ev(countyId, 'problem', id, v.path, claimedDate, 10, 'claim', 'open', 'claimed', who, cadre ? `由${cadre.name}负责` : ''));
      if (status === 'claimed') continue;
      events.push(ev(countyId, 'problem', id, v.path, claimedDate, 14, 'start', 'claimed', 'in_progress', who));
      if (!closed) continue;
      events.push(ev(countyId, 'problem', id, v.path, resolvedDate, 10, 'resolve', 'in_progress', 'resolved', who, '已协调解决，群众认可'));
      if (status === 'confirmed') {
        const villager = r % 2 === 1;
        events.push(ev(countyId, 'problem', id, v.path, confirmedDate, 11, villager ? 'villager_confirm' : 'confirm', 'resolved', 'confirmed', villager ? '村民' : (town?.displayName ?? '镇级管理员')));
      }
    }
  });
  return { visits, rows, events };
}
