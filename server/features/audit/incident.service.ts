// After a breach (PIPL art. 57): whose records did this account reveal or export since a date?
// Read from the audit trail only, so it answers for accounts that are already disabled.
import type { Services } from '../../context.js';
import { selectPeopleByIds, selectRevealingRows } from './incident.queries.js';

export type AffectedReport = {
  people: { id: string; name: string; idNumberMasked: string | null; phoneMasked: string | null; at: Date }[];
  records: { at: Date; event: string; objectType: string | null; objectId: string | null; detail: unknown }[];
};

export async function affectedBy(services: Services, username: string, since: Date): Promise<AffectedReport> {
  const rows = await selectRevealingRows(services.db, username, since);
  const firstSeen = new Map<string, Date>();
  for (const r of rows) if (r.event === 'person.reveal' && r.objectId && !firstSeen.has(r.objectId)) firstSeen.set(r.objectId, r.at);
  const found = await selectPeopleByIds(services.db, [...firstSeen.keys()]);
  return {
    people: found.map((p) => ({ ...p, at: firstSeen.get(p.id) as Date })).sort((a, b) => a.at.getTime() - b.at.getTime()),
    // Views of discipline/petition records and exports: each with what the audit row says it held.
    records: rows.filter((r) => r.event !== 'person.reveal').map((r) => ({ at: r.at, event: r.event, objectType: r.objectType, objectId: r.objectId, detail: r.after })),
  };
}
