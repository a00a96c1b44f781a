// Loads the demo city into an empty database (demo mode only).
import { randomUUID } from 'node:crypto';
import type { Services } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { hashPassword } from '../../security/passwords.js';
import { childPath } from '../orgs/orgs.js';
import { countAllOrgUnits, insertOrgUnits } from '../orgs/orgs.queries.js';
import { insertPeople, insertPositions } from '../people/people.queries.js';
import { encodeContact } from '../people/contact-data.js';
import { insertUser, replaceRoleGrants } from '../accounts/accounts.queries.js';
import { recordAuditAs } from '../audit/audit.service.js';
import { insertStandardRow } from '../standards/standards.queries.js';
import { loadShippedStandards } from '../standards/shipped-standards.js';
import { seedDemoTraining } from '../training/training.demo.js';
import { seedDemoCampaigns } from '../evaluation/evaluation.demo.js';
import { seedDemoStageWork } from '../evaluation/stages/stages.demo.js';
import { seedDemoPanels } from '../evaluation/sheets/grid/grid.demo.js';
import { chinaDate } from '../../../shared/dates.js';
import { seedDemoFieldwork } from '../pairing/fieldwork.demo.js';
import { buildDemoCity, demoPassword } from './demo-city.js';
import { sealExistingCampaign } from '../evaluation/seals/seals.service.js';
import { seedDemoViolations } from './demo-violations.js';

export async function isDatabaseEmpty(services: Services): Promise<boolean> {
  return (await countAllOrgUnits(services.db)) === 0;
}

export async function seedDemoCity(services: Services): Promise<{ countyId: string; units: number; people: number; accounts: number }> {
  const city = buildDemoCity();
  // One hash serves every demo account: they share the published demo password anyway.
  const passwordHash = await hashPassword(demoPassword);
  const standards = await loadShippedStandards();
  return inTransaction(services, async (tx) => {
    const ids = new Map<string, { id: string; path: string }>();
    const countyId = randomUUID();
    const rows = city.units.map((u) => {
      const id = u.key === 'city' ? countyId : randomUUID();
      const parent = u.parentKey ? ids.get(u.parentKey) : undefined;
      const path = parent ? childPath(parent.path, id) : `/${id}/`;
      ids.set(u.key, { id, path });
      const { key: _k, parentKey: _p, ...rest } = u;
      return { ...rest, id, countyId, parentId: parent?.id ?? null, path };
    });
    await insertOrgUnits(tx.db, rows);
    const startDate = '2024-01-01';
    const people = city.people.map((p) => {
      const unit = ids.get(p.unitKey) as { id: string; path: string };
      const { idNumber, phone, titles, unitKey: _u, ...rest } = p;
      return { row: { ...rest, id: randomUUID(), countyId, orgUnitId: unit.id, orgPath: unit.path, ...encodeContact(services.crypto, { idNumber, phone }) }, titles, unitId: unit.id };
    });
    await insertPeople(tx.db, people.map((p) => p.row));
    await insertPositions(tx.db, people.flatMap((p) => p.titles.map((title) => ({ countyId, personId: p.row.id, orgUnitId: p.unitId, title, startDate }))));
    const accountIds = new Map<string, string>();
    for (const a of city.accounts) {
      const id = randomUUID();
      accountIds.set(a.username, id);
      await insertUser(tx.db, { id, countyId, username: a.username, displayName: a.displayName, passwordHash });
      await replaceRoleGrants(tx.db, countyId, id, [{ role: a.role, orgUnitId: (ids.get(a.unitKey) as { id: string }).id }]);
    }
    const standardIds = new Map<string, string>();
    for (const s of standards) {
      const id = randomUUID();
      standardIds.set(s.id, id);
      await insertStandardRow(tx.db, { id, countyId, code: s.id, version: s.version, name: s.name, region: s.region, year: s.year ?? null, document: s });
    }
    const towns = rows.filter((u) => u.level === 'town');
    const { currentId, finishedId } = await seedDemoCampaigns(tx.db, {
      countyId,
      standardId: standardIds.get('tumen-2022') as string,
      standard: standards.find((s) => s.id === 'tumen-2022') as (typeof standards)[number],
      orgadminId: accountIds.get('orgadmin') as string,
      townAdminIds: towns.map((_t, i) => accountIds.get(`town0${i + 1}`) as string),
      towns: towns.map((t) => ({ id: t.id, name: t.name })),
      villages: rows.filter((u) => u.level === 'village').map((u) => ({ id: u.id, name: u.name, townId: u.parentId as string, path: u.path })),
      year: Number(chinaDate(services.now()).slice(0, 4)),
      now: services.now(),
    });
    await seedDemoStageWork(tx, { countyId, campaignId: currentId, now: services.now() });
    await seedDemoPanels(tx.db, {
      countyId,
      campaignId: currentId,
      judgeIds: [1, 2, 3, 4, 5].map((i) => accountIds.get(`judge0${i}`) as string),
      towns,
      villages: rows.filter((u) => u.level === 'village').map((u) => ({ id: u.id, townId: u.parentId as string })),
    });
    // The demo's rows are written by the application: seal them as every later save will be.
    for (const id of [finishedId, currentId]) await sealExistingCampaign({ ...tx, principal: { countyId } }, id);
    const villageRows = rows.filter((u) => u.level === 'village');
    const caseIn = (i: number) => {
      const v = villageRows[i] as (typeof villageRows)[number];
      return { villageId: v.id, path: v.path, personName: people.find((p) => p.unitId === v.id && p.titles.includes('两委委员'))?.row.name ?? '王演' };
    };
    await seedDemoViolations(tx.db, {
      countyId,
      crypto: services.crypto,
      now: services.now(),
      inspectorId: accountIds.get('inspector01') as string,
      petitionId: accountIds.get('petition01') as string,
      cases: [caseIn(15), caseIn(28)],
    });
    await seedDemoFieldwork(tx.db, { countyId, passwordHash, now: services.now(), units: rows, people: people.map((p) => ({ id: p.row.id, name: p.row.name, unitId: p.unitId, titles: p.titles })) });
    await seedDemoTraining(tx.db, { countyId, crypto: services.crypto, now: services.now(), units: rows, people: people.map((p) => ({ id: p.row.id, name: p.row.name, unitId: p.unitId, titles: p.titles })) });
    await recordAuditAs(tx, { countyId, userId: null, username: 'system', role: null, ip: null, requestId: null }, {
      event: 'demo.seed',
      objectType: 'county',
      objectId: countyId,
      after: { units: rows.length, people: people.length, accounts: city.accounts.length, standards: standards.length },
    });
    return { countyId, units: rows.length, people: people.length, accounts: city.accounts.length };
  });
}
