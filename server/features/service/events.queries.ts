// The timeline of commitments and problems (people read it on the page; auditors read the audit log).
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { fieldworkEvents } from '../../db/schema/fieldwork.js';

export type EventInsert = typeof fieldworkEvents.$inferInsert;

export async function insertEvents(db: Db, rows: EventInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(fieldworkEvents).values(rows.slice(i, i + 500));
}

export async function selectEvents(db: Db, countyId: string, objectId: string) {
  const rows = await db
    .select({
      at: fieldworkEvents.at,
      action: fieldworkEvents.action,
      fromStatus: fieldworkEvents.fromStatus,
      toStatus: fieldworkEvents.toStatus,
      actor: fieldworkEvents.actor,
      note: fieldworkEvents.note,
    })
    .from(fieldworkEvents)
    .where(and(eq(fieldworkEvents.countyId, countyId), eq(fieldworkEvents.objectId, objectId)))
    .orderBy(asc(fieldworkEvents.at), asc(fieldworkEvents.id));
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
