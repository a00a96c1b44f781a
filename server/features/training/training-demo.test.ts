import { describe, expect, it } from 'vitest';
import { buildDemoCity } from '../demo/demo-city.js';
import { buildTrainingDemo, type DemoTrainingInput } from './training-demo.js';

/** The demo city with made-up ids and paths, as the demo loader would give them. */
function demoInput(today: string): DemoTrainingInput {
  const city = buildDemoCity();
  const ids = new Map<string, { id: string; path: string }>();
  const units = city.units.map((u) => {
    const parent = u.parentKey ? ids.get(u.parentKey) : undefined;
    const id = `${u.key}-id`;
    const path = parent ? `${parent.path}${id}/` : `/${id}/`;
    ids.set(u.key, { id, path });
    return { ...u, id, path, parentId: parent?.id ?? null };
  });
  return {
    countyId: 'county',
    today,
    now: new Date(`${today}T02:00:00Z`),
    city: { id: 'city-id', path: '/city-id/' },
    towns: units.filter((u) => u.level === 'town').map((u) => ({ id: u.id, name: u.name, path: u.path })),
    villages: units.filter((u) => u.level === 'village').map((u) => ({ id: u.id, name: u.name, path: u.path, townId: u.parentId ?? '' })),
    people: city.people.map((p, i) => ({ id: `p${i}`, name: p.name, unitId: (ids.get(p.unitKey) as { id: string }).id, titles: p.titles })),
  };
}

describe('demo training year', () => {
  const input = demoInput('2026-09-15');
  const plan = buildTrainingDemo(input);
  const sessionsOf = (type: string, year = '2026') => plan.sessions.filter((s) => s.courseType === type && s.sessionDate.startsWith(year) && s.status !== 'cancelled');
  const presentAt = (ids: string[]) => plan.attendance.filter((a) => ids.includes(a.sessionId) && a.status === 'present');

  it('when built, then this year’s lectures in the three categories reach 400+ cadre attendances', () => {
    const held = sessionsOf('lecture').filter((s) => s.status === 'completed');
    expect(new Set(held.map((s) => s.category))).toEqual(new Set(['思想理论', '专业能力', '综合提升']));
    const present = presentAt(held.map((s) => s.id));
    expect(present.length).toBeGreaterThan(400);
    expect(new Set(present.map((a) => a.personId)).size).toBeGreaterThan(200);
  });

  it('when built, then every town has mentoring with the industry, agriculture and science departments', () => {
    const mentoring = sessionsOf('mentoring');
    expect(new Set(mentoring.map((s) => s.orgUnitId))).toEqual(new Set(input.towns.map((t) => t.id)));
    for (const dept of ['工信局', '农业农村局', '科协']) expect(mentoring.some((s) => s.partners.includes(dept))).toBe(true);
  });

  it('when built, then two study tours (one to Yantai) take 35 different village secretaries, with their reports', () => {
    const tours = sessionsOf('tour');
    expect(tours.map((t) => t.place)).toEqual(['山东省烟台市', '浙江省湖州市安吉县']);
    const rows = plan.attendance.filter((a) => tours.some((t) => t.id === a.sessionId));
    expect(rows).toHaveLength(35);
    expect(new Set(rows.map((r) => r.personId)).size).toBe(35);
    const secretaries = new Set(input.people.filter((p) => p.titles.includes('书记')).map((p) => p.id));
    expect(rows.every((r) => secretaries.has(r.personId))).toBe(true);
    expect(rows.filter((r) => r.reportTitle).length).toBe(34);
  });

  it('when built, then local experts are cultivated by training and help villages; today’s lecture has sign-in open', () => {
    expect(plan.experts.length).toBeGreaterThanOrEqual(10);
    expect(plan.experts.some((e) => e.cultivatedBySessionId)).toBe(true);
    expect(plan.experts.every((e) => e.helped.length >= 1)).toBe(true);
    const live = plan.sessions.find((s) => s.id === plan.liveSessionId);
    expect(live).toMatchObject({ sessionDate: '2026-09-15', status: 'planned', signInState: 'open' });
    expect(plan.attendance.filter((a) => a.sessionId === plan.liveSessionId)).toHaveLength(30);
  });

  it('when built twice for the same day, then the plan has the same shape (ids aside)', () => {
    const again = buildTrainingDemo(input);
    const shape = (p: typeof plan) => p.attendance.map((a) => `${a.personId}:${a.status}:${a.method}`).join('|');
    expect(shape(again)).toBe(shape(plan));
    expect(again.sessions.map((s) => s.sessionDate)).toEqual(plan.sessions.map((s) => s.sessionDate));
  });

  it('when the year has just begun, then every session still falls inside it and before today', () => {
    const early = buildTrainingDemo(demoInput('2026-01-03'));
    const past = early.sessions.filter((s) => s.status === 'completed' && s.sessionDate.startsWith('2026'));
    expect(past.every((s) => s.sessionDate < '2026-01-03' && (s.endDate ?? s.sessionDate) < '2026-01-03')).toBe(true);
  });
});
