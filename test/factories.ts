// Small, explicit test data: a city with two towns of two villages each, and one account per role.
import { randomUUID } from 'node:crypto';
import type { Services } from '../server/context.js';
import { insertOrgUnits } from '../server/features/orgs/orgs.queries.js';
import { insertUser, replaceRoleGrants } from '../server/features/accounts/accounts.queries.js';
import { hashPassword } from '../server/security/passwords.js';
import { childPath } from '../server/features/orgs/orgs.js';
import type { Role } from '../shared/roles.js';

export const testPassword = 'Test-Password-2026';

let passwordHash: Promise<string> | null = null;
const sharedHash = () => (passwordHash ??= hashPassword(testPassword));

type Unit = { id: string; path: string; name: string; code: string };
export type TestCity = {
  countyId: string;
  city: Unit;
  towns: [Unit, Unit];
  villages: { town1: [Unit, Unit]; town2: [Unit, Unit] };
  users: Record<string, string>;
};

export async function makeCity(services: Services): Promise<TestCity> {
  const countyId = randomUUID();
  const rows: Parameters<typeof insertOrgUnits>[1] = [];
  const unit = (parent: Unit | null, level: 'city' | 'town' | 'village', name: string, code: string): Unit => {
    const id = parent ? randomUUID() : countyId;
    const path = parent ? childPath(parent.path, id) : `/${id}/`;
    const kind = level === 'city' ? '市' : level === 'town' ? '镇' : '行政村';
    const partyOrgType = level === 'village' ? '党支部' : '党委';
    rows.push({ id, countyId, parentId: parent?.id ?? null, level, kind, name, code, path, partyOrgType, partyOrgName: `${name}${partyOrgType}` });
    return { id, path, name, code };
  };
  const city = unit(null, 'city', '测试市', 'CITY');
  const t1 = unit(city, 'town', '甲镇', 'T1');
  const t2 = unit(city, 'town', '乙镇', 'T2');
  const villages = {
    town1: [unit(t1, 'village', '甲一村', 'T1-V1'), unit(t1, 'village', '甲二村', 'T1-V2')] as [Unit, Unit],
    town2: [unit(t2, 'village', '乙一村', 'T2-V1'), unit(t2, 'village', '乙二村', 'T2-V2')] as [Unit, Unit],
  };
  await insertOrgUnits(services.db, rows);
  const users: Record<string, string> = {};
  const accounts: [string, Role, Unit][] = [
    ['orgadmin', 'orgadmin', city],
    ['sysadmin', 'sysadmin', city],
    ['secadmin', 'secadmin', city],
    ['auditor', 'auditor', city],
    ['leader', 'city_leader', city],
    ['town1', 'town_admin', t1],
    ['town2', 'town_admin', t2],
    ['v11', 'village_admin', villages.town1[0]],
    ['v21', 'village_admin', villages.town2[0]],
  ];
  for (const [username, role, scope] of accounts) {
    users[username] = await makeAccount(services, countyId, username, role, scope.id);
  }
  return { countyId, city, towns: [t1, t2], villages, users };
}

export async function makeAccount(services: Services, countyId: string, username: string, role: Role | null, orgUnitId: string) {
  const id = randomUUID();
  // Created on the app's clock, so idle and password-age rules measure from the test's own time.
  await insertUser(services.db, { id, countyId, username, displayName: `${username} 测试`, passwordHash: await sharedHash(), createdAt: services.now(), passwordChangedAt: services.now() });
  if (role) await replaceRoleGrants(services.db, countyId, id, [{ role, orgUnitId }]);
  return id;
}
