import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog, people } from '../../db/schema/core.js';

/** Events by which an account revealed or exported personal records. */
export const revealingEvents = ['person.reveal', 'violation.view', 'violation.list_view', 'export'] as const;

export function selectRevealingRows(db: Db, username: string, since: Date) {
  return db
    .select({ at: auditLog.at, event: auditLog.event, objectType: auditLog.objectType, objectId: auditLog.objectId, after: auditLog.after, countyId: auditLog.countyId })
    .from(auditLog)
    .where(and(eq(auditLog.username, username), gte(auditLog.at, since), inArray(auditLog.event, [...revealingEvents])))
    .orderBy(asc(auditLog.at), asc(auditLog.seq));
}

export function selectPeopleByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select({ id: people.id, name: people.name, idNumberMasked: people.idNumberMasked, phoneMasked: people.phoneMasked }).from(people).where(inArray(people.id, ids));
}
