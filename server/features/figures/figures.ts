// Recorded figures per village and year (problems closed, commitments fulfilled, training hours…):
// what the standard's formula indicators and the overview pages read. Each capability that
// records such work provides some figures; the evaluation stage collects them all.
import type { Db } from '../../db/client.js';

/** villageId → { figureId: value } */
export type VillageFigures = Map<string, Record<string, number>>;

export type FigureProvider = {
  /** The figure ids this provider fills, as standards name them (e.g. problemsListed). */
  figures: readonly string[];
  /** Every village of the county, or only `villageIds` (a chunk: one short statement on PGlite). */
  collect(db: Db, countyId: string, year: number, villageIds?: readonly string[]): Promise<VillageFigures>;
};

/** Merges providers' figures; a village missing from a provider simply lacks those figures. */
export function mergeFigures(parts: VillageFigures[]): VillageFigures {
  const out: VillageFigures = new Map();
  for (const part of parts) {
    for (const [villageId, values] of part) out.set(villageId, { ...out.get(villageId), ...values });
  }
  return out;
}

export async function collectFigures(db: Db, countyId: string, year: number, providers: readonly FigureProvider[]): Promise<VillageFigures> {
  return mergeFigures(await Promise.all(providers.map((p) => p.collect(db, countyId, year))));
}
