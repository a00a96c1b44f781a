// The first accounts of a production install: no defaults exist, an operator creates them.
import { randomUUID } from 'node:crypto';
import type { Services } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import { roleScopeLevel, type Role } from '../../../shared/roles.js';
import { hashPassword } from '../../security/passwords.js';
import { recordAuditAs } from '../audit/audit.service.js';
import { selectUserByUsername } from '../auth/auth.queries.js';
import { assertPasswordAllowed } from '../auth/auth.service.js';
import { insertOrgUnits, selectCities } from '../orgs/orgs.queries.js';
import { insertUser, replaceRoleGrants } from './accounts.queries.js';

export type AdminInput = { username: string; displayName: string; password: string; role: Role; cityName?: string; cityCode?: string };

export async function createCityAdmin(services: Services, input: AdminInput) {
  if (roleScopeLevel[input.role] !== 'city') throw new AppError('account.role_scope_invalid');
  assertPasswordAllowed(services, input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(services, async (tx) => {
    if (await selectUserByUsername(tx.db, input.username)) throw new AppError('account.duplicate_username');
    const cities = await selectCities(tx.db);
    let city = input.cityCode ? cities.find((c) => c.code === input.cityCode) : cities.length === 1 ? cities[0] : undefined;
    if (!city) {
      if (!input.cityName) throw new Error(cities.length > 1 ? '库中有多个市：请用 --city-code 指定' : '库中还没有市：请用 --city 给出市的名称');
      const id = randomUUID();
      const row = { id, countyId: id, parentId: null, level: 'city' as const, kind: '市', name: input.cityName, code: input.cityCode ?? 'CITY', path: `/${id}/`, partyOrgType: '党委', partyOrgName: `中共${input.cityName}委员会`, sortOrder: 0, active: true };
      await insertOrgUnits(tx.db, [row]);
      city = { ...row, createdAt: new Date(), updatedAt: new Date() };
    }
    const id = randomUUID();
    await insertUser(tx.db, { id, countyId: city.countyId, username: input.username, displayName: input.displayName, passwordHash });
    await replaceRoleGrants(tx.db, city.countyId, id, [{ role: input.role, orgUnitId: city.id }]);
    await recordAuditAs(tx, { countyId: city.countyId, userId: null, username: 'cli', role: null, ip: null, requestId: null }, {
      event: 'account.create',
      objectType: 'user',
      objectId: id,
      after: { username: input.username, role: input.role, city: city.name },
    });
    return { id, city: city.name };
  });
}
