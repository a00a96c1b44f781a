// Pure pieces of the people register: presenting rows and the audit snapshot.
import type { Person, PositionInput } from '../../../shared/contracts/people.js';

export type PersonRow = {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  orgPath: string;
  name: string;
  gender: '男' | '女';
  birthYear: number | null;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  partyMember: boolean;
};

export type PositionRow = {
  id: string;
  personId: string;
  title: string;
  orgUnitId: string;
  orgUnitName: string;
  startDate: string;
  endDate: string | null;
};

export function presentPerson(row: PersonRow, positions: PositionRow[]): Person {
  return {
    id: row.id,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnitName,
    name: row.name,
    gender: row.gender,
    birthYear: row.birthYear,
    idNumberMasked: row.idNumberMasked,
    phoneMasked: row.phoneMasked,
    partyMember: row.partyMember,
    positions: positions
      .filter((p) => p.personId === row.id)
      .map(({ personId: _p, ...p }) => ({ ...p, title: p.title as Person['positions'][number]['title'] })),
  };
}

/** What the audit log keeps of a person: masked contact data only, never the plaintext. */
export function personSnapshot(p: {
  orgUnitId: string;
  name: string;
  gender: string;
  birthYear: number | null;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  partyMember: boolean;
  positions?: { title: string; orgUnitId: string; startDate: string; endDate: string | null }[];
}) {
  return {
    orgUnitId: p.orgUnitId,
    name: p.name,
    gender: p.gender,
    birthYear: p.birthYear,
    idNumber: p.idNumberMasked,
    phone: p.phoneMasked,
    partyMember: p.partyMember,
    positions: p.positions?.map(({ title, orgUnitId, startDate, endDate }) => ({ title, orgUnitId, startDate, endDate })),
  };
}

export function positionsWithDefaultOrg(positions: PositionInput[], orgUnitId: string) {
  return positions.map((p) => ({ title: p.title, orgUnitId: p.orgUnitId ?? orgUnitId, startDate: p.startDate, endDate: p.endDate ?? null }));
}
