// Village-level figures per year, under the ids the shipped standards name (problemsListed,
// problemsClosed, commitmentsMade, commitmentsFulfilled): what formula indicators read.
import type { FigureProvider, VillageFigures } from '../figures/figures.js';
import { selectServiceFigures } from './service-figures.queries.js';

/**
 * Counting rules: a problem counts in the year it was reported and is closed once resolved (销号)
 * or confirmed; a commitment is made once the town approved it, and fulfilled when its year-end
 * verdict is 已兑现 (settled or published).
 */
export const serviceFigureProvider: FigureProvider = {
  figures: ['problemsListed', 'problemsClosed', 'commitmentsMade', 'commitmentsFulfilled', 'householdVisits'],
  async collect(db, countyId, year, villageIds): Promise<VillageFigures> {
    const rows = await selectServiceFigures(db, countyId, year, villageIds);
    return new Map(
      rows.map((r) => [
        r.village_id,
        {
          problemsListed: Number(r.problems_listed),
          problemsClosed: Number(r.problems_closed),
          commitmentsMade: Number(r.commitments_made),
          commitmentsFulfilled: Number(r.commitments_fulfilled),
          householdVisits: Number(r.household_visits),
        },
      ]),
    );
  },
};
