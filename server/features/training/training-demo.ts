// The demo city's training year, like the article's (三门课程): thematic lectures in the three
// categories reaching 400+ cadre attendances, mentoring with departments in every town, two study
// tours with 35 village secretaries and their reports, and local experts helping villages.
// Pure and deterministic: the same people and day give the same plan.
import { randomUUID } from 'node:crypto';
import type { AttendanceMethod, AttendanceStatus, AudienceGroup, CourseType } from '../../../shared/contracts/training.js';
import { titlesOfAudience } from './training.js';

export type DemoTrainingInput = {
  countyId: string;
  today: string;
  now: Date;
  city: { id: string; path: string };
  towns: { id: string; name: string; path: string }[];
  villages: { id: string; name: string; path: string; townId: string }[];
  people: { id: string; name: string; unitId: string; titles: readonly string[] }[];
};

export type DemoSession = {
  id: string;
  countyId: string;
  orgUnitId: string;
  orgPath: string;
  courseType: CourseType;
  category: string | null;
  topic: string;
  organizer: string;
  partners: string[];
  lecturer: string | null;
  sessionDate: string;
  endDate: string | null;
  place: string;
  hours: number;
  audience: AudienceGroup[];
  capacity: number | null;
  summary: string | null;
  status: 'planned' | 'completed' | 'cancelled';
  signInState: 'none' | 'open' | 'closed';
};

export type DemoAttendance = {
  countyId: string;
  sessionId: string;
  personId: string;
  status: AttendanceStatus;
  method: AttendanceMethod;
  signedInAt: Date | null;
  reportTitle?: string;
  reportText?: string;
  reportedOn?: string;
};

const day = 86_400_000;
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * day).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / day);

/** A day of this year before today, at `frac` of the way from 1 January to yesterday. */
function spread(today: string, frac: number): string {
  const start = `${today.slice(0, 4)}-01-01`;
  const elapsed = Math.max(0, daysBetween(start, today) - 1);
  return addDays(start, Math.floor(frac * elapsed));
}

const lectures = [
  { category: '思想理论', topic: '学习贯彻党的二十大精神专题辅导', frac: 0.1, hours: 3, audience: ['两委干部', '驻村干部', '致富带头人'] },
  { category: '专业能力', topic: '乡村治理标准化体系建设专题辅导', frac: 0.3, hours: 3, audience: ['两委干部', '驻村干部', '致富带头人'] },
  { category: '专业能力', topic: '吉林省党支部标准化体系（BTX）建设辅导', frac: 0.5, hours: 2.5, audience: ['两委干部'] },
  { category: '综合提升', topic: '村级集体经济发展与村务管理', frac: 0.7, hours: 3, audience: ['两委干部', '驻村干部', '致富带头人'] },
] as const;

const mentoringTopics = [
  { category: '种植养殖', topic: '黑木耳标准化栽培技术', partners: ['农业农村局', '科协'] },
  { category: '电子商务', topic: '农产品电商与直播带货', partners: ['工信局', '商务局'] },
  { category: '经营管理', topic: '农民专业合作社规范经营', partners: ['农业农村局'] },
  { category: '农业产业', topic: '特色产业规划与项目申报', partners: ['农业农村局', '乡村振兴局'] },
  { category: '种植养殖', topic: '肉牛科学养殖与疫病防控', partners: ['农业农村局', '科协'] },
] as const;

const tours = [
  {
    topic: '赴山东烟台学习党建引领乡村振兴经验',
    place: '山东省烟台市',
    frac: 0.4,
    summary: '实地学习烟台“党支部领办合作社”做法：村党组织牵头、群众入股、收益共享，壮大村级集体经济。',
  },
  {
    topic: '赴浙江安吉研修美丽乡村建设',
    place: '浙江省湖州市安吉县',
    frac: 0.62,
    summary: '学习安吉“两山”理念实践、村庄环境长效管护和乡村旅游运营经验。',
  },
] as const;

const expertSpecialties = [
  { field: '种植', specialty: '黑木耳栽培' },
  { field: '养殖', specialty: '延边黄牛养殖' },
  { field: '种植', specialty: '人参林下种植' },
  { field: '养殖', specialty: '稻田养蟹' },
  { field: '种植', specialty: '苹果梨嫁接与修剪' },
  { field: '农机', specialty: '农机维修' },
  { field: '加工', specialty: '朝鲜族辣白菜加工' },
  { field: '电商', specialty: '农产品直播带货' },
  { field: '养殖', specialty: '中华蜜蜂养殖' },
  { field: '种植', specialty: '设施蔬菜栽培' },
] as const;

const cultivatingTopics: Record<string, string[]> = { 种植: ['种植养殖', '农业产业'], 养殖: ['种植养殖', '农业产业'], 电商: ['电子商务'], 加工: ['经营管理'] };

/** A fixed pseudo-random 0–99 per person and session: deterministic, yet not patterned. */
const roll = (i: number, j: number) => (i * 37 + j * 101 + ((i * j) % 13)) % 100;

export function buildTrainingDemo(input: DemoTrainingInput) {
  const { countyId, today } = input;
  const year = Number(today.slice(0, 4));
  const sessions: DemoSession[] = [];
  const attendance: DemoAttendance[] = [];
  const personIndex = new Map(input.people.map((p, i) => [p.id, i]));
  const villageOf = new Map(input.villages.map((v) => [v.id, v]));
  // Three villages lag behind (the coverage page's "which villages are behind").
  const behind = new Set(input.villages.filter((_v, i) => i % 17 === 5).map((v) => v.id));
  const pathOf = (unitId: string) => villageOf.get(unitId)?.path ?? input.towns.find((t) => t.id === unitId)?.path ?? '';

  const session = (s: Omit<DemoSession, 'id' | 'countyId'>): DemoSession => {
    const row = { ...s, id: randomUUID(), countyId };
    sessions.push(row);
    return row;
  };
  const roster = (s: DemoSession) => {
    const titles = new Set<string>(titlesOfAudience(s.audience));
    return input.people.filter((p) => p.titles.some((t) => titles.has(t)) && pathOf(p.unitId).startsWith(s.orgPath));
  };
  /** Marks a session's roster: present below `presentBelow`, then excused, absent, or no row. */
  const attend = (s: DemoSession, j: number, presentBelow: number, listedBelow: number, method: (i: number) => AttendanceMethod) => {
    for (const p of roster(s)) {
      const i = personIndex.get(p.id) ?? 0;
      const h = roll(i, j);
      if (h >= listedBelow) continue;
      const cut = behind.has(p.unitId) ? Math.max(0, presentBelow - 80) : presentBelow;
      const status: AttendanceStatus = h < cut ? 'present' : h < cut + (listedBelow - cut) / 2 ? 'excused' : 'absent';
      const m = status === 'present' ? method(i) : 'manual';
      const signedInAt = m === 'qr' ? new Date(Date.parse(`${s.sessionDate}T00:30:00Z`) + (i % 40) * 60_000) : null;
      attendance.push({ countyId, sessionId: s.id, personId: p.id, status, method: m, signedInAt });
    }
  };
  const city = { orgUnitId: input.city.id, orgPath: input.city.path, organizer: '市委组织部' };
  const lecture = { ...city, courseType: 'lecture' as const, capacity: 500, summary: null, status: 'completed' as const, signInState: 'closed' as const, endDate: null };

  // This year: four lectures (the three categories), mentoring in every town, two study tours.
  lectures.forEach((l, j) => {
    const s = session({ ...lecture, category: l.category, topic: l.topic, partners: ['市委党校'], lecturer: '市委党校 演示讲师', sessionDate: spread(today, l.frac), place: '市委党校报告厅', hours: l.hours, audience: [...l.audience] });
    attend(s, j, 90, 100, (i) => (i % 6 === 0 ? 'manual' : 'qr'));
  });
  const townMentoring = new Map<string, DemoSession[]>();
  input.towns.forEach((town, t) => {
    for (const k of [0, 1]) {
      const m = mentoringTopics[(2 * t + k) % mentoringTopics.length] ?? mentoringTopics[0];
      const s = session({
        orgUnitId: town.id,
        orgPath: town.path,
        organizer: `${town.name}党委`,
        courseType: 'mentoring',
        category: m.category,
        topic: m.topic,
        partners: [...m.partners],
        lecturer: `${m.partners[0]}技术专家`,
        sessionDate: spread(today, k === 0 ? 0.2 + 0.1 * t : 0.55 + 0.08 * t),
        endDate: null,
        place: `${town.name}党群服务中心`,
        hours: 4,
        audience: ['两委干部', '致富带头人', '乡土人才'],
        capacity: 120,
        summary: null,
        status: 'completed',
        signInState: k === 0 ? 'closed' : 'none',
      });
      townMentoring.set(town.id, [...(townMentoring.get(town.id) ?? []), s]);
      attend(s, 10 + 2 * t + k, 62, 76, () => (t === 0 ? 'import' : k === 0 ? 'qr' : 'manual'));
    }
  });
  const secretaries = input.people.filter((p) => p.titles.includes('书记') && villageOf.has(p.unitId));
  tours.forEach((tour, k) => {
    const start = spread(today, tour.frac);
    const end = addDays(start, 4) < today ? addDays(start, 4) : start;
    const s = session({ ...city, courseType: 'tour', category: null, topic: tour.topic, partners: [], lecturer: null, sessionDate: start, endDate: end, place: tour.place, hours: 40, audience: ['两委干部'], capacity: k === 0 ? 18 : 17, summary: tour.summary, status: 'completed', signInState: 'none' });
    // 35 strong village secretaries: 18 to Yantai, 17 to Anji, none twice.
    const chosen = secretaries.slice(0, 35).filter((_p, i) => i % 2 === k);
    chosen.forEach((p, i) => {
      const reported = !(k === 1 && i === chosen.length - 1);
      attendance.push({
        countyId,
        sessionId: s.id,
        personId: p.id,
        status: 'present',
        method: 'manual',
        signedInAt: null,
        ...(reported ? { reportTitle: `${tour.place.replace(/^.*省/, '')}研修心得`, reportText: `${p.name}：${tour.summary}回村后拟结合本村实际，推动党支部领办合作社、完善村务管理。`, reportedOn: addDays(end, 7) < today ? addDays(end, 7) : today } : {}),
      });
    });
  });
  // Today: a lecture with QR sign-in open (30 already in); next: one planned; one cancelled.
  const live = session({ ...lecture, category: '综合提升', topic: '乡村振兴政策解读专题辅导', partners: ['市乡村振兴局'], lecturer: '市乡村振兴局 演示科长', sessionDate: today, place: '市委党校报告厅', hours: 2, audience: ['两委干部', '驻村干部'], capacity: 300, status: 'planned', signInState: 'open' });
  roster(live)
    .slice(0, 30)
    .forEach((p, i) => attendance.push({ countyId, sessionId: live.id, personId: p.id, status: 'present', method: 'qr', signedInAt: new Date(input.now.getTime() - (30 - i) * 60_000) }));
  session({ ...lecture, category: '专业能力', topic: '驻村第一书记履职能力提升', partners: ['市委党校'], lecturer: '市委党校 演示讲师', sessionDate: addDays(today, 10), place: '市委党校', hours: 3, audience: ['驻村干部'], capacity: 60, status: 'planned', signInState: 'none' });
  const lastTown = input.towns[input.towns.length - 1];
  if (lastTown) {
    session({ orgUnitId: lastTown.id, orgPath: lastTown.path, organizer: `${lastTown.name}党委`, courseType: 'mentoring', category: '种植养殖', topic: '设施农业大棚管理（因天气取消）', partners: ['农业农村局'], lecturer: null, sessionDate: spread(today, 0.45), endDate: null, place: `${lastTown.name}农业示范园`, hours: 3, audience: ['两委干部', '致富带头人'], capacity: 80, summary: null, status: 'cancelled', signInState: 'none' });
  }

  // Last year, lighter: two lectures and one mentoring course per town, for year-on-year records.
  const last = `${year - 1}`;
  [
    { category: '思想理论', topic: '学习党章党规专题辅导', date: `${last}-04-15` },
    { category: '专业能力', topic: '农村基层治理能力提升', date: `${last}-09-20` },
  ].forEach((l, j) => {
    const s = session({ ...lecture, category: l.category, topic: l.topic, partners: ['市委党校'], lecturer: '市委党校 演示讲师', sessionDate: l.date, place: '市委党校报告厅', hours: 3, audience: ['两委干部', '驻村干部'] });
    attend(s, 30 + j, 85, 100, () => 'manual');
  });
  input.towns.forEach((town, t) => {
    const m = mentoringTopics[(t + 2) % mentoringTopics.length] ?? mentoringTopics[0];
    const s = session({ orgUnitId: town.id, orgPath: town.path, organizer: `${town.name}党委`, courseType: 'mentoring', category: m.category, topic: m.topic, partners: [...m.partners], lecturer: `${m.partners[0]}技术专家`, sessionDate: `${last}-06-${String(10 + t).padStart(2, '0')}`, endDate: null, place: `${town.name}党群服务中心`, hours: 4, audience: ['两委干部', '致富带头人'], capacity: 120, summary: null, status: 'completed', signInState: 'none' });
    attend(s, 40 + t, 55, 70, () => 'manual');
  });

  // Local experts: the register's 土专家, and some pioneers recognised as 田秀才.
  const townOf = (unitId: string) => villageOf.get(unitId)?.townId ?? '';
  const candidates = input.people.filter((p) => villageOf.has(p.unitId) && (p.titles.includes('土专家') || (p.titles.includes('致富带头人') && (personIndex.get(p.id) ?? 0) % 4 === 0)));
  const experts = candidates.map((p, k) => {
    const spec = expertSpecialties[k % expertSpecialties.length] ?? expertSpecialties[0];
    const sameTown = input.villages.filter((v) => v.townId === townOf(p.unitId));
    const at = sameTown.findIndex((v) => v.id === p.unitId);
    const helped = [1, 2].slice(0, 1 + (k % 2)).map((d) => sameTown[(at + d) % sameTown.length]?.id).filter((id): id is string => Boolean(id) && id !== p.unitId);
    // Cultivated by a mentoring course of their town on their subject, when there was one.
    const subject = cultivatingTopics[spec.field] ?? [];
    const cultivated = (townMentoring.get(townOf(p.unitId)) ?? []).find((m) => subject.includes(m.category ?? ''));
    return {
      id: randomUUID(),
      countyId,
      personId: p.id,
      kind: p.titles.includes('土专家') ? ('土专家' as const) : ('田秀才' as const),
      field: spec.field,
      specialty: spec.specialty,
      description: `在${villageOf.get(p.unitId)?.name ?? '本村'}示范${spec.specialty}，手把手带动周边农户。`,
      cultivatedBySessionId: cultivated?.id ?? null,
      helped: [p.unitId, ...new Set(helped)],
    };
  });
  return { sessions, attendance, experts, liveSessionId: live.id };
}
