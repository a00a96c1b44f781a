import { and, between, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { violationRecords } from '../../../db/schema/evaluation-city.js';
import { yearRange } from '../city/violations.js';

/** A village's confirmed records of a year: what binds its stars. */
export function selectBindingRecords(db: Db, countyId: string, villageId: string, year: number) {
  const { from, to } = yearRange(year);
  return db
    .select({ id: violationRecords.id, seq: violationRecords.seq, category: violationRecords.category, occurredOn: violationRecords.occurredOn, villageId: violationRecords.villageId })
    .from(violationRecords)
    .where(and(eq(violationRecords.countyId, countyId), eq(violationRecords.villageId, villageId), eq(violationRecords.status, 'confirmed'), between(violationRecords.occurredOn, from, to)));
}

/** Every village's confirmed records of a year, for confirming many villages at once. */
export function selectAllBindingRecords(db: Db, countyId: string, year: number) {
  const { from, to } = yearRange(year);
  return db
    .select({ id: violationRecords.id, seq: violationRecords.seq, category: violationRecords.category, occurredOn: violationRecords.occurredOn, villageId: violationRecords.villageId })
    .from(violationRecords)
    .where(and(eq(violationRecords.countyId, countyId), eq(violationRecords.status, 'confirmed'), between(violationRecords.occurredOn, from, to)));
}
