// Training figures per village and year for the standard's formula indicators (tumen-2022 reads
// trainingHoursTotal and cadreCount and derives trainingHoursPerCadre from them).
import type { Db } from '../../db/client.js';
import type { FigureProvider, VillageFigures } from '../figures/figures.js';
import { buildCoverage } from './records.js';
import { selectVillageCoverage, selectVillagesInScope } from './records.queries.js';
import { sharePercent, yearRange } from './training.js';

export const trainingFigureIds = ['trainingHoursTotal', 'cadreCount', 'trainedCadreCount', 'trainedCadreShare'] as const;

/**
 * - trainingHoursTotal: hours credited in the year to the village's two-committee cadres
 * - cadreCount: people holding 书记/副书记/主任/副主任/两委委员 at the village at any time that year
 * - trainedCadreCount: those of them present at one session or more
 * - trainedCadreShare: trainedCadreCount ÷ cadreCount in percent (0 without cadres)
 */
export const trainingFigureProvider: FigureProvider = {
  figures: trainingFigureIds,
  async collect(db: Db, countyId: string, year: number, villageIds?: readonly string[]): Promise<VillageFigures> {
    const everywhere = ['/'];
    const [villages, counts] = await Promise.all([
      selectVillagesInScope(db, countyId, everywhere, undefined, villageIds),
      selectVillageCoverage(db, countyId, everywhere, yearRange(year), villageIds),
    ]);
    const { villages: rows } = buildCoverage(villages, counts, []);
    return new Map(
      rows.map((r) => [
        r.orgUnitId,
        { trainingHoursTotal: r.hours, cadreCount: r.cadres, trainedCadreCount: r.trainedCadres, trainedCadreShare: sharePercent(r.trainedCadres, r.cadres) },
      ]),
    );
  },
};
