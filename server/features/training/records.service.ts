// People's training records, coverage per village and town, and the year's overview.
import type { Ctx } from '../../context.js';
import { AppError } from '../../../shared/errors.js';
import { chinaDate } from '../../../shared/dates.js';
import {
  audienceGroups,
  audienceTitles,
  type Coverage,
  type CoverageQuery,
  type PersonRecord,
  type RecordListQuery,
  type RecordRow,
  type TrainingOverview,
} from '../../../shared/contracts/training.js';
import { selectOrgUnit } from '../orgs/orgs.queries.js';
import { hoursCredited, splitTitles } from './attendance.js';
import { selectPersonRef } from './attendance.queries.js';
import { buildCoverage, personYears } from './records.js';
import {
  countActiveExperts,
  countTrainees,
  listRecords,
  selectCourseFigures,
  selectPersonHistory,
  selectTours,
  selectTownsInScope,
  selectTownTrainees,
  selectVillageCoverage,
  selectVillagesInScope,
} from './records.queries.js';
import { coverageFigures, roundHours, yearRange } from './training.js';
import { trainingReadScope } from './training.policy.js';

export function yearOrCurrent(ctx: Pick<Ctx, 'now'>, year?: number): number {
  return year ?? Number(chinaDate(ctx.now()).slice(0, 4));
}

const everyAudienceTitle = audienceGroups.flatMap((g) => audienceTitles[g]);

async function underPathOf(ctx: Ctx, orgUnitId?: string): Promise<string | undefined> {
  if (!orgUnitId) return undefined;
  const unit = await selectOrgUnit(ctx.db, ctx.principal.countyId, trainingReadScope(ctx.principal), orgUnitId);
  if (!unit) throw new AppError('org.not_found');
  return unit.path;
}

export type RecordFilterInput = Omit<RecordListQuery, 'page' | 'pageSize'>;

async function recordFilterOf(ctx: Ctx, q: RecordFilterInput) {
  const year = yearOrCurrent(ctx, q.year);
  return {
    year,
    filter: {
      range: yearRange(year),
      underPath: await underPathOf(ctx, q.orgUnitId),
      titles: q.group ? audienceTitles[q.group] : everyAudienceTitle,
      trained: q.trained,
      q: q.q,
      today: chinaDate(ctx.now()),
    },
  };
}

/** The people of the audience groups (and anyone trained) with their year's sessions and hours. */
export async function listTrainingRecords(ctx: Ctx, query: RecordListQuery, limit?: number): Promise<{ items: (RecordRow & { orgUnitCode: string })[]; total: number; year: number }> {
  const { page, pageSize, ...rest } = query;
  const { year, filter } = await recordFilterOf(ctx, rest);
  const result = await listRecords(ctx.db, ctx.principal.countyId, trainingReadScope(ctx.principal), filter, limit ? { page: 1, pageSize: limit } : { page, pageSize });
  return {
    year,
    total: result.total,
    items: result.items.map((r) => ({ ...r, titles: splitTitles(r.titles), sessions: Number(r.sessions), hours: roundHours(Number(r.hours)) })),
  };
}

export async function getPersonRecord(ctx: Ctx, personId: string, year?: number): Promise<PersonRecord> {
  const countyId = ctx.principal.countyId;
  const person = await selectPersonRef(ctx.db, countyId, trainingReadScope(ctx.principal), personId, chinaDate(ctx.now()));
  if (!person) throw new AppError('person.not_found');
  const history = await selectPersonHistory(ctx.db, countyId, personId);
  return {
    person: { id: person.id, name: person.name, orgUnitName: person.orgUnitName, titles: splitTitles(person.titles) },
    year: yearOrCurrent(ctx, year),
    years: personYears(history),
    history: history.map(({ hours, ...h }) => ({ ...h, hoursCredited: hoursCredited(h.status, hours) })),
  };
}

export async function getCoverage(ctx: Ctx, query: CoverageQuery): Promise<Coverage> {
  const year = yearOrCurrent(ctx, query.year);
  const countyId = ctx.principal.countyId;
  const scope = trainingReadScope(ctx.principal);
  const underPath = await underPathOf(ctx, query.orgUnitId);
  const [villages, counts, towns] = await Promise.all([
    selectVillagesInScope(ctx.db, countyId, scope, underPath),
    selectVillageCoverage(ctx.db, countyId, underPath ? [underPath] : scope, yearRange(year)),
    selectTownsInScope(ctx.db, countyId, scope),
  ]);
  const built = buildCoverage(villages, counts, towns);
  return { year, towns: built.towns, villages: built.villages };
}

export async function getOverview(ctx: Ctx, yearInput?: number): Promise<TrainingOverview> {
  const year = yearOrCurrent(ctx, yearInput);
  const range = yearRange(year);
  const countyId = ctx.principal.countyId;
  const scope = trainingReadScope(ctx.principal);
  const [villages, counts, towns, byCourse, trainees, townTrainees, tours, experts] = await Promise.all([
    selectVillagesInScope(ctx.db, countyId, scope),
    selectVillageCoverage(ctx.db, countyId, scope, range),
    selectTownsInScope(ctx.db, countyId, scope),
    selectCourseFigures(ctx.db, countyId, scope, range),
    countTrainees(ctx.db, countyId, scope, range),
    selectTownTrainees(ctx.db, countyId, scope, range),
    selectTours(ctx.db, countyId, scope, range),
    countActiveExperts(ctx.db, countyId, scope),
  ]);
  const coverage = buildCoverage(villages, counts, towns);
  const perTown = new Map(townTrainees.map((t) => [t.townId, t]));
  const courses = byCourse.map((c) => ({ ...c, sessions: Number(c.sessions), attendances: Number(c.attendances), trainees: Number(c.trainees), hours: roundHours(Number(c.hours)) }));
  const sum = (key: 'sessions' | 'attendances' | 'hours') => courses.reduce((n, c) => n + c[key], 0);
  const { hours: _cadreHours, ...cadreCoverage } = coverageFigures(coverage.total);
  const tourRows = tours.map((t) => ({ id: t.id, topic: t.topic, place: t.place, date: t.date, endDate: t.endDate, participants: Number(t.participants), reports: Number(t.reports) }));
  return {
    year,
    totals: {
      sessions: sum('sessions'),
      trainees,
      attendances: sum('attendances'),
      hours: roundHours(sum('hours')),
      ...cadreCoverage,
      tours: tourRows.length,
      tourParticipants: tourRows.reduce((n, t) => n + t.participants, 0),
      reports: tourRows.reduce((n, t) => n + t.reports, 0),
      experts,
    },
    byCourse: courses,
    towns: coverage.towns.map((t) => ({ ...t, trainees: Number(perTown.get(t.orgUnitId)?.trainees ?? 0), attendances: Number(perTown.get(t.orgUnitId)?.attendances ?? 0) })),
    tours: tourRows,
  };
}
