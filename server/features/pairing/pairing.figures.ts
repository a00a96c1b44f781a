// City-level figures per village and year, for formula indicators and the overview pages.
import type { FigureProvider, VillageFigures } from '../figures/figures.js';
import { selectPairingFigures } from './pairing-figures.queries.js';

export const pairingFigureIds = ['pairedLeaders', 'visitsByLeaders', 'keyTasks', 'keyTasksDone', 'keyTaskProgress'] as const;

export const pairingFigureProvider: FigureProvider = {
  figures: pairingFigureIds,
  async collect(db, countyId, year, villageIds): Promise<VillageFigures> {
    const rows = await selectPairingFigures(db, countyId, year, villageIds);
    return new Map(
      rows.map((r) => [
        r.village_id,
        {
          pairedLeaders: Number(r.paired_leaders),
          visitsByLeaders: Number(r.visits),
          keyTasks: Number(r.key_tasks),
          keyTasksDone: Number(r.key_tasks_done),
          keyTaskProgress: Number(r.key_task_progress),
        },
      ]),
    );
  },
};
