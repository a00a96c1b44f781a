import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { onUniqueViolation } from '../../db/errors.js';
import { AppError } from '../../../shared/errors.js';
import { chinaDate } from '../../../shared/dates.js';
import type { Person, PersonCreate, PersonListQuery, PersonUpdate } from '../../../shared/contracts/people.js';
import { recordAudit } from '../audit/audit.service.js';
import { selectOrgUnit } from '../orgs/orgs.queries.js';
import { checkContact, encodeContact, idNumberHmac } from './contact-data.js';
import { personSnapshot, positionsWithDefaultOrg, presentPerson, type PersonRow, type PositionRow } from './people.js';
import { peopleReadScope, peopleWriteScope } from './people.policy.js';
import {
  listPeople,
  replacePositions,
  insertPeople,
  selectPerson,
  selectPersonIdByIdHmac,
  selectPersonSecrets,
  selectPositions,
  updatePerson,
} from './people.queries.js';
import type { Db } from '../../db/client.js';

/** The people filter shared by the list and the export; an org filter covers its subtree. */
export async function personFilterOf(ctx: Ctx, q: Partial<PersonListQuery>) {
  const { orgUnitId, page: _p, pageSize: _s, count: _c, ...rest } = q;
  let underPath: string | undefined;
  if (orgUnitId) {
    const unit = await selectOrgUnit(ctx.db, ctx.principal.countyId, peopleReadScope(ctx.principal), orgUnitId);
    if (!unit) throw new AppError('org.not_found');
    underPath = unit.path;
  }
  return { ...rest, underPath, today: chinaDate(ctx.now()) };
}

export async function withPositions(db: Db, countyId: string, rows: PersonRow[]): Promise<Person[]> {
  // Grouped once: filtering every position for every person was quadratic (2 s for an export of 10,000).
  const byPerson = new Map<string, PositionRow[]>();
  for (const p of await selectPositions(db, countyId, rows.map((r) => r.id))) {
    const list = byPerson.get(p.personId);
    if (list) list.push(p);
    else byPerson.set(p.personId, [p]);
  }
  return rows.map((r) => presentPerson(r, byPerson.get(r.id) ?? []));
}

export async function listPersons(ctx: Ctx, query: PersonListQuery) {
  const filter = await personFilterOf(ctx, query);
  const page = await listPeople(ctx.db, ctx.principal.countyId, peopleReadScope(ctx.principal), filter, query);
  return { ...page, items: await withPositions(ctx.db, ctx.principal.countyId, page.items) };
}

export async function getPerson(ctx: Ctx, id: string, scope = peopleReadScope(ctx.principal)): Promise<Person> {
  const row = await selectPerson(ctx.db, ctx.principal.countyId, scope, id);
  if (!row) throw new AppError('person.not_found');
  const [person] = await withPositions(ctx.db, ctx.principal.countyId, [row]);
  return person as Person;
}

/** The units named by a person and their positions must all lie where the caller may write. */
async function writableUnit(ctx: Ctx, orgUnitId: string) {
  const unit = await selectOrgUnit(ctx.db, ctx.principal.countyId, peopleWriteScope(ctx.principal), orgUnitId);
  if (!unit) throw new AppError('org.not_found');
  return unit;
}

async function assertIdNumberFree(ctx: Ctx, idNumber: string | null | undefined, selfId?: string) {
  if (!idNumber) return;
  const other = await selectPersonIdByIdHmac(ctx.db, ctx.principal.countyId, idNumberHmac(ctx.crypto, idNumber));
  if (other && other.id !== selfId) throw new AppError('person.duplicate_id_number');
}

export async function createPerson(ctx: Ctx, input: PersonCreate): Promise<Person> {
  checkContact(input.idNumber, input.phone);
  return inTransaction(ctx, async (tx) => {
    const unit = await writableUnit(tx, input.orgUnitId);
    const positions = positionsWithDefaultOrg(input.positions, unit.id);
    for (const p of positions) await writableUnit(tx, p.orgUnitId);
    await assertIdNumberFree(tx, input.idNumber);
    const id = randomUUID();
    const countyId = ctx.principal.countyId;
    const contact = encodeContact(ctx.crypto, { idNumber: input.idNumber ?? null, phone: input.phone ?? null });
    const row = { id, countyId, orgUnitId: unit.id, orgPath: unit.path, name: input.name, gender: input.gender, birthYear: input.birthYear ?? null, partyMember: input.partyMember, ...contact };
    await onUniqueViolation(insertPeople(tx.db, [row]), 'person.duplicate_id_number');
    await replacePositions(tx.db, countyId, id, positions.map((p) => ({ ...p, countyId, personId: id })));
    const person = await getPerson(tx, id, [unit.path]);
    await recordAudit(tx, { event: 'person.create', objectType: 'person', objectId: id, after: personSnapshot(person) });
    return person;
  });
}

export async function updatePersonDetails(ctx: Ctx, id: string, input: PersonUpdate): Promise<Person> {
  checkContact(input.idNumber, input.phone);
  return inTransaction(ctx, async (tx) => {
    const before = await getPerson(tx, id, peopleWriteScope(ctx.principal));
    const unit = await writableUnit(tx, input.orgUnitId ?? before.orgUnitId);
    await assertIdNumberFree(tx, input.idNumber, id);
    const { positions, idNumber, phone, orgUnitId: _o, ...plain } = input;
    const countyId = ctx.principal.countyId;
    await onUniqueViolation(
      updatePerson(tx.db, countyId, id, { ...plain, orgUnitId: unit.id, orgPath: unit.path, ...encodeContact(ctx.crypto, { idNumber, phone }), updatedAt: ctx.now() }),
      'person.duplicate_id_number',
    );
    if (positions) {
      const rows = positionsWithDefaultOrg(positions, unit.id);
      for (const p of rows) await writableUnit(tx, p.orgUnitId);
      await replacePositions(tx.db, countyId, id, rows.map((p) => ({ ...p, countyId, personId: id })));
    }
    const after = await getPerson(tx, id, [unit.path]);
    await recordAudit(tx, { event: 'person.update', objectType: 'person', objectId: id, before: personSnapshot(before), after: personSnapshot(after) });
    return after;
  });
}

/** Full ID number and phone, for those who may edit the person; every view is audited. */
export async function revealPerson(ctx: Ctx, id: string) {
  return inTransaction(ctx, async (tx) => {
    await getPerson(tx, id, peopleWriteScope(ctx.principal));
    const secrets = await selectPersonSecrets(tx.db, ctx.principal.countyId, id);
    await recordAudit(tx, { event: 'person.reveal', objectType: 'person', objectId: id });
    return {
      idNumber: secrets?.idNumberEnc ? ctx.crypto.decrypt(secrets.idNumberEnc) : null,
      phone: secrets?.phoneEnc ? ctx.crypto.decrypt(secrets.phoneEnc) : null,
    };
  });
}
