// Field-work test data on top of the TestCity: two city leaders (the `leader` account acts as the
// first, a new `leader2` as the second), a town leader, and village cadres to claim problems.
import { randomUUID } from 'node:crypto';
import { loginAs, type TestApp, type Client } from './test-app.js';
import { makeAccount } from './factories.js';
import { insertPeople, insertPositions } from '../server/features/people/people.queries.js';
import { updateUser } from '../server/features/accounts/accounts.queries.js';

export type FieldworkPeople = {
  leaderA: string;
  leaderB: string;
  /** A 两委 cadre of 甲一村 and of 乙一村. */
  cadre11: string;
  cadre21: string;
};

export async function makeFieldworkPeople(t: TestApp): Promise<FieldworkPeople> {
  const { countyId, city, villages, towns } = t.city;
  const db = t.app.services.db;
  const person = async (name: string, unit: { id: string; path: string }, title: string) => {
    const id = randomUUID();
    await insertPeople(db, [{ id, countyId, orgUnitId: unit.id, orgPath: unit.path, name, gender: '男', partyMember: true }]);
    await insertPositions(db, [{ countyId, personId: id, orgUnitId: unit.id, title, startDate: '2024-01-01' }]);
    return id;
  };
  const leaderA = await person('领导甲', city, '市级领导');
  const leaderB = await person('领导乙', city, '市级领导');
  const cadre11 = await person('干部甲一', villages.town1[0], '两委委员');
  const cadre21 = await person('干部乙一', villages.town2[0], '两委委员');
  await updateUser(db, countyId, t.city.users.leader as string, { personId: leaderA });
  const leader2 = await makeAccount(t.app.services, countyId, 'leader2', 'city_leader', city.id);
  await updateUser(db, countyId, leader2, { personId: leaderB });
  t.city.users.leader2 = leader2;
  t.city.users.tl1 = await makeAccount(t.app.services, countyId, 'tl1', 'town_leader', towns[0].id);
  t.city.users.v12 = await makeAccount(t.app.services, countyId, 'v12', 'village_admin', villages.town1[1].id);
  return { leaderA, leaderB, cadre11, cadre21 };
}

/** A pairing made through the API by the department. */
export async function pairThrough(org: Client, leaderId: string, villageId: string, startDate = '2026-01-01'): Promise<string> {
  const res = await org.post('/api/pairings', { leaderId, villageId, startDate });
  if (res.statusCode !== 200) throw new Error(`pairing failed: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/** An open problem of a village, logged through the API by a village or town writer. */
export async function logProblem(client: Client, villageId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await client.post('/api/problems', {
    villageId,
    title: '路灯损坏',
    category: '基础设施',
    source: '逐户走访',
    household: '三组 测试户',
    reportedDate: '2026-02-10',
    dueDate: '2026-04-30',
    ...overrides,
  });
  if (res.statusCode !== 200) throw new Error(`problem failed: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/** A commitment walked through the API up to `until` (draft by default). */
export async function makeCommitment(
  village: Client,
  town: Client,
  villageId: string,
  until: 'draft' | 'submitted' | 'approved' | 'in_progress' | 'settled' | 'published' = 'draft',
  title = '硬化村道 2 公里',
): Promise<string> {
  const res = await village.post('/api/commitments', { villageId, year: 2026, category: '基础设施', title });
  if (res.statusCode !== 200) throw new Error(`commitment failed: ${res.statusCode} ${res.body}`);
  const id = res.json().id as string;
  const steps: [string, Client, unknown][] = [
    ['submit', village, {}],
    ['approve', town, {}],
    ['start', village, {}],
    ['settle', village, { outcome: 'fulfilled', evidence: '验收单' }],
    ['publish', village, {}],
  ];
  const order = ['draft', 'submitted', 'approved', 'in_progress', 'settled', 'published'];
  for (const [action, who, body] of steps.slice(0, order.indexOf(until))) {
    const step = await who.post(`/api/commitments/${id}/${action}`, body);
    if (step.statusCode !== 200) throw new Error(`${action} failed: ${step.statusCode} ${step.body}`);
  }
  return id;
}

/** Logs several accounts in at once, typed as a tuple. */
export async function loginAll<const N extends readonly string[]>(t: TestApp, names: N): Promise<{ [K in keyof N]: Client }> {
  return (await Promise.all(names.map((u) => loginAs(t.app, u)))) as { [K in keyof N]: Client };
}
