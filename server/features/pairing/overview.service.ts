// The field-work overview of the caller's scope, built from the same figure providers the
// standard's formula indicators read.
import type { Ctx } from '../../context.js';
import type { FieldworkOverview, OverviewRow } from '../../../shared/contracts/fieldwork-overview.js';
import { collectFigures } from '../figures/figures.js';
import { selectAllOrgUnits } from '../orgs/orgs.queries.js';
import { serviceFigureProvider } from '../service/service.figures.js';
import { selectOverdueProblems } from '../service/service-figures.queries.js';
import { supervisionFigureProvider } from '../supervision/supervision.figures.js';
import { fieldScope, todayOf } from './field-scope.service.js';
import { leaderRows, sumFigures } from './overview.js';
import { pairingFigureProvider } from './pairing.figures.js';
import { pairingCompliance } from './pairing.service.js';

export const fieldworkFigureProviders = [pairingFigureProvider, supervisionFigureProvider, serviceFigureProvider];

export async function getFieldworkOverview(ctx: Ctx, year: number): Promise<FieldworkOverview> {
  const countyId = ctx.principal.countyId;
  const scope = await fieldScope(ctx, 'fieldwork:read');
  const [figures, units, overdue, compliance] = await Promise.all([
    collectFigures(ctx.db, countyId, year, fieldworkFigureProviders),
    selectAllOrgUnits(ctx.db, countyId, scope.paths),
    selectOverdueProblems(ctx.db, countyId, year, todayOf(ctx)),
    pairingCompliance(ctx, scope, year),
  ]);
  const overdueOf = new Map(overdue.map((r) => [r.village_id, Number(r.n)]));
  const villages = units.filter((u) => u.level === 'village' && u.active);
  const entry = (id: string) => ({ values: figures.get(id) ?? {}, overdueProblems: overdueOf.get(id) ?? 0 });
  const villageRows: OverviewRow[] = villages.map((v) => ({ id: v.id, name: v.name, townName: v.parentName, ...sumFigures([entry(v.id)]) }));
  const byTown = new Map<string, { name: string; ids: string[] }>();
  for (const v of villages) {
    const key = v.parentId ?? v.id;
    const town = byTown.get(key) ?? { name: v.parentName ?? '', ids: [] };
    town.ids.push(v.id);
    byTown.set(key, town);
  }
  const townRows: OverviewRow[] = [...byTown].map(([id, t]) => ({ id, name: t.name, townName: null, ...sumFigures(t.ids.map(entry)) }));
  const roots = units.filter((u) => scope.paths.includes(u.path));
  const level = scope.leaderId ? 'leader' : (roots.find((u) => u.level === 'city')?.level ?? roots.find((u) => u.level === 'town')?.level ?? 'village');
  return {
    year,
    level,
    scopeName: scope.leaderId ? (compliance[0]?.leaderName ?? '') : roots.map((u) => u.name).join('、'),
    totals: sumFigures(villages.map((v) => entry(v.id))),
    pairings: compliance.length,
    overduePairings: compliance.filter((c) => c.overdue).length,
    towns: townRows,
    villages: villageRows,
    leaders: leaderRows(compliance),
  };
}
