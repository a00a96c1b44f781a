// Town-supervision figures per village and year.
import type { FigureProvider, VillageFigures } from '../figures/figures.js';
import { selectSupervisionFigures } from './supervision-figures.queries.js';

export const supervisionFigureProvider: FigureProvider = {
  figures: ['supervisionRecords', 'findingsListed', 'findingsOpen'],
  async collect(db, countyId, year, villageIds): Promise<VillageFigures> {
    const rows = await selectSupervisionFigures(db, countyId, year, villageIds);
    return new Map(
      rows.map((r) => [r.village_id, { supervisionRecords: Number(r.records), findingsListed: Number(r.findings), findingsOpen: Number(r.findings_open) }]),
    );
  },
};
