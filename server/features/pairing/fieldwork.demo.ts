// Loads the demo city's field work: leader accounts acting as the 28 city leaders, and a year of
// pairings, visits, key tasks, supervision, commitments and the problem list. Deterministic and
// bulk-inserted, so the demo stays quick to load.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { chinaDate } from '../../../shared/dates.js';
import { insertUser, replaceRoleGrants } from '../accounts/accounts.queries.js';
import { insertCommitments } from '../service/commitments.queries.js';
import { insertEvents } from '../service/events.queries.js';
import { insertHouseholdVisits } from '../service/household-visits.queries.js';
import { insertProblems } from '../service/problems.queries.js';
import { buildCommitmentDemo, buildProblemDemo } from '../service/service-demo.js';
import { insertFindings, insertRecords } from '../supervision/supervision.queries.js';
import { buildKeyTaskDemo, buildPairingDemo, buildSupervisionDemo, type DemoPerson, type FieldworkDemoInput } from './fieldwork-demo.js';
import { selectUnitAdmins } from './fieldwork-demo.queries.js';
import { insertKeyTasks } from './key-tasks.queries.js';
import { insertPairings, upsertVisitRule } from './pairing.queries.js';
import { insertVisits } from './visits.queries.js';

export type DemoFieldworkArgs = {
  countyId: string;
  /** The shared demo hash: leader accounts use the published demo password too. */
  passwordHash: string;
  now: Date;
  units: { id: string; level: string; name: string; path: string; parentId: string | null }[];
  people: { id: string; name: string; unitId: string; titles: readonly string[] }[];
};

const cadreTitles = new Set(['书记', '主任', '副书记', '副主任', '两委委员']);

export async function seedDemoFieldwork(db: Db, args: DemoFieldworkArgs) {
  const { countyId } = args;
  const today = chinaDate(args.now);
  const year = Number(today.slice(0, 4));
  const city = args.units.find((u) => u.level === 'city');
  const villageUnits = args.units.filter((u) => u.level === 'village');
  const leaders: DemoPerson[] = args.people.filter((p) => p.titles.includes('市级领导')).map((p) => ({ id: p.id, name: p.name }));
  // leader01 … leader28: each account acts as its person, so a leader sees their own pairings.
  for (const [i, leader] of leaders.entries()) {
    const id = randomUUID();
    const username = `leader${String(i + 1).padStart(2, '0')}`;
    await insertUser(db, { id, countyId, username, displayName: leader.name, passwordHash: args.passwordHash, personId: leader.id });
    if (city) await replaceRoleGrants(db, countyId, id, [{ role: 'city_leader', orgUnitId: city.id }]);
  }
  const cadres = new Map<string, DemoPerson[]>();
  for (const p of args.people) {
    if (!p.titles.some((t) => cadreTitles.has(t))) continue;
    cadres.set(p.unitId, [...(cadres.get(p.unitId) ?? []), { id: p.id, name: p.name }]);
  }
  const admins = await selectUnitAdmins(db, countyId, ['village_admin', 'town_admin']);
  const adminOf = (role: string) => new Map(admins.filter((a) => a.role === role).map((a) => [a.orgUnitId, { id: a.id, displayName: a.displayName }]));
  const input: FieldworkDemoInput = {
    countyId,
    year,
    today,
    villages: villageUnits.map((v, index) => ({ id: v.id, path: v.path, name: v.name, index })),
    leaders,
    cadres,
  };
  const { pairingRows, visitRows } = buildPairingDemo(input);
  const keyTaskRows = buildKeyTaskDemo(input);
  const supervision = buildSupervisionDemo(input, keyTaskRows);
  const serviceInput = { ...input, villageAccounts: adminOf('village_admin'), townAccounts: adminOf('town_admin'), townOf: new Map(villageUnits.map((v) => [v.id, v.parentId ?? ''])) };
  const commitments = buildCommitmentDemo(serviceInput);
  const problems = buildProblemDemo(serviceInput);
  await upsertVisitRule(db, { countyId, year, period: 'quarter', minVisits: 1, updatedAt: args.now });
  await insertPairings(db, pairingRows);
  await insertVisits(db, visitRows);
  await insertKeyTasks(db, keyTaskRows);
  await insertRecords(db, supervision.records);
  await insertFindings(db, supervision.findings);
  await insertCommitments(db, commitments.rows);
  await insertHouseholdVisits(db, problems.visits);
  await insertProblems(db, problems.rows);
  await insertEvents(db, [...commitments.events, ...problems.events]);
  return { leaders: leaders.length, pairings: pairingRows.length, visits: visitRows.length, commitments: commitments.rows.length, problems: problems.rows.length };
}
