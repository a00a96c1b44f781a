// Pure pieces of the local-expert pool: the row shown to users and the audit snapshot.
import type { Expert } from '../../../shared/contracts/training.js';

export type ExpertRow = {
  id: string;
  personId: string;
  name: string;
  orgUnitId: string;
  orgUnitName: string;
  kind: Expert['kind'];
  field: string;
  specialty: string;
  description: string | null;
  cultivatedBySessionId: string | null;
  cultivatedTopic: string | null;
  cultivatedDate: string | null;
  active: boolean;
};

export function presentExpert(row: ExpertRow, villages: { expertId: string; id: string; name: string }[]): Expert {
  return {
    id: row.id,
    personId: row.personId,
    name: row.name,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnitName,
    kind: row.kind,
    field: row.field as Expert['field'],
    specialty: row.specialty,
    description: row.description,
    cultivatedBy:
      row.cultivatedBySessionId && row.cultivatedTopic && row.cultivatedDate
        ? { sessionId: row.cultivatedBySessionId, topic: row.cultivatedTopic, date: row.cultivatedDate }
        : null,
    helpedVillages: villages.filter((v) => v.expertId === row.id).map(({ id, name }) => ({ id, name })),
    active: row.active,
  };
}

export function expertSnapshot(e: Pick<Expert, 'personId' | 'kind' | 'field' | 'specialty' | 'active'> & { cultivatedBySessionId: string | null; helpedVillageIds: string[] }) {
  const { personId, kind, field, specialty, active, cultivatedBySessionId, helpedVillageIds } = e;
  return { personId, kind, field, specialty, active, cultivatedBySessionId, helpedVillageIds };
}
