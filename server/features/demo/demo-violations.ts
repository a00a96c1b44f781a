// The demo's violation register shows the separation of duties: whoever registers a case does not
// decide it. 信访专员 petition01 registered a case that 纪检专员 inspector01 checked and did not
// uphold; inspector01 registered one that waits for petition01. Neither touches a star: the
// finished campaign's results stay the engine's own, and this year's are not computed yet.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import type { FieldCrypto } from '../../security/field-crypto.js';
import { chinaDate } from '../../../shared/dates.js';
import { insertViolations } from '../evaluation/city/violations.queries.js';
import { maskPersonName } from '../evaluation/city/violations.js';

export type DemoViolationInput = {
  countyId: string;
  crypto: Pick<FieldCrypto, 'encrypt'>;
  now: Date;
  inspectorId: string;
  petitionId: string;
  /** Two villages with one of their people each. */
  cases: [{ villageId: string; path: string; personName: string }, { villageId: string; path: string; personName: string }];
};

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

export async function seedDemoViolations(db: Db, input: DemoViolationInput): Promise<void> {
  const { countyId, crypto, now } = input;
  const [petitionCase, disciplineCase] = input.cases;
  const record = (seq: number, c: (typeof input.cases)[number], category: 'petition' | 'discipline', details: string, reportedBy: string, reportedDaysAgo: number) => ({
    id: randomUUID(), countyId, seq, villageId: c.villageId, orgPath: c.path, category, occurredOn: chinaDate(daysAgo(now, reportedDaysAgo + 5)), status: 'reported' as const,
    personNameEnc: crypto.encrypt(c.personName), personNameMasked: maskPersonName(c.personName), detailsEnc: crypto.encrypt(details),
    decisionNoteEnc: null as string | null, reportedBy, reportedAt: daysAgo(now, reportedDaysAgo), decidedBy: null as string | null, decidedAt: null as Date | null, updatedAt: daysAgo(now, reportedDaysAgo),
  });
  const checked = record(1, petitionCase, 'petition', '群众来信反映该同志组织越级上访（演示数据）', input.petitionId, 20);
  await insertViolations(db, [
    { ...checked, status: 'dismissed', decisionNoteEnc: crypto.encrypt('经纪检专员核查，反映问题不属实，不予认定（演示数据）'), decidedBy: input.inspectorId, decidedAt: daysAgo(now, 12), updatedAt: daysAgo(now, 12) },
    record(2, disciplineCase, 'discipline', '巡察发现该同志违规发放补贴（演示数据），待信访专员核实', input.inspectorId, 3),
  ]);
}
