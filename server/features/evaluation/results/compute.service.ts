// 生成定星建议 at province size without holding the server (issue 11). Three phases:
//   1. read — every input in statements of one chunk of villages, the event loop let through
//      between them;
//   2. rate — the engine and the rows' shaping in the rating worker (compute-rate.ts), their rows
//      written chunk by chunk to the staging tables (0024), outside any transaction;
//   3. switch — one short transaction: the campaign's results and kept inputs replaced from
//      staging, the seals' changes, the audit row. A failure anywhere leaves the results as they were.
// A first compute (no results yet) writes every row, kept input and seal in phase 2 under a new
// results generation, invisible until its switch moves the campaign to it (migration 0029): ten
// thousand rows and eighty thousand seals written in the switch held PGlite for seconds.
// One consistent state is read although phase 1 is many statements:
//   - PostgreSQL: phase 1 runs in one REPEATABLE READ, READ ONLY transaction (one snapshot, on a
//     connection of its own: nobody waits for it). The switch checks that the decisions and result
//     seals it merged and checked are still those of the snapshot (a fingerprint), else reads again.
//   - PGlite (one connection, one statement at a time): a transaction would hold every other
//     request, so phase 1 is plain statements, and the switch checks that no transaction but the
//     compute's own staging writes committed since phase 1 began (the transaction id counter),
//     else reads again. Inputs read in pieces are then one state, the state the switch writes on.
// After two such retries the third attempt runs the three phases inside one transaction, as the
// compute did before (correct, but it holds PGlite for the whole compute).
import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import type { Ctx } from '../../../context.js';
import { isEmbedded, statisticsXids, type Db } from '../../../db/client.js';
import { inTransaction } from '../../../db/transaction.js';
import { AppError } from '../../../../shared/errors.js';
import { startWorker } from '../../../workers.js';
import { recordAudit } from '../../audit/audit.service.js';
import { campaignStandard, findCampaign } from '../../campaigns/campaigns.service.js';
import { lockCampaignRow } from '../../campaigns/campaigns.queries.js';
import { mergeFigures, type VillageFigures } from '../../figures/figures.js';
import { figureProviders } from '../../figures/figure-providers.js';
import { campaignSatisfaction } from '../../surveys/satisfaction.service.js';
import { RatingInputError } from '../../standards/engine/rating-input.js';
import { selectApprovedSelfEvaluations } from '../../self-evaluation/self-evaluation.queries.js';
import { selfStageEntries, selfStageOf } from '../../self-evaluation/self-stage.js';
import { selectConfirmedViolations } from '../city/violations.queries.js';
import { ratingViolations } from '../city/violations.js';
import { applySealPlan, assertResultsSealed, planResultSeals, type SealPlan } from '../seals/seals.service.js';
import { emptyXor, xorHex, type StoredSeal } from '../seals/seal.js';
import type { ResultSealColumns } from '../seals/seal-sources.queries.js';
import type { PriorResult } from '../decisions/recompute.js';
import type { ReportProgress } from '../../jobs/job-runner.js';
import { buildRatingInput } from './rating-input-builder.js';
import { selectPreviousYearStars, selectTownScores } from './results.queries.js';
import { splitTask, type RatedChange, type RatedChunk, type RatedSummary, type RateTask } from './compute-rate.js';
import { fixedChunks, inChunks, timedChunks } from './compute-chunks.js';
import {
  countStaged,
  decisionsFingerprint,
  countGeneration,
  dropGenerations,
  dropStaged,
  newGeneration,
  nextXid,
  onlySessionWrites,
  replaceTownResults,
  selectPriorResults,
  selectResultSealsPage,
  selectResultVillageIds,
  selectSheetScoresText,
  selectUnitOrder,
  selectUnitsByIds,
  stageChunk,
  switchGeneration,
  switchToStaged,
  writeGenerationChunk,
} from './compute-staging.queries.js';

/** The steps 生成定星建议 reports when it runs as a job. */
const computeSteps = ['读取评分数据', '计算星级', '写入定星建议', '封存与留痕'] as const;

// Chunk sizes (compute-chunks.ts). PGlite: each kind of read sized to about 10 ms a statement,
// seal pages of 1,000 rows, 25 villages a staging write (each ~10 to 20 ms on the 2-core
// benchmark machine); PostgreSQL: big chunks, fewer round trips (docs/benchmarks.md, "Province compute").
const embeddedRead = { first: 50, min: 10, max: 1000, targetMs: 10 };
const serverRead = 1000;
const sealPage = { embedded: 1000, server: 5000 };
// A first compute's chunk writes every row with its 8 seals: 10 villages keep one under ~40 ms.
const writeChunk = { embedded: 25, embeddedFirst: 10, server: 500 };
// Villages a message of the task to the rating worker (each part's JSON ~30 ms at 500).
const taskPart = 500;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export type ComputeAnswer = RatedSummary['summary'] & { referrals: RatedSummary['referrals']; changes: RatedChange[]; mustReconfirm: number; kept: number };

/**
 * Runs the engine over the campaign's data and stores the proposal. Decisions are kept (see
 * decisions/recompute.ts); the answer lists every village whose proposed stars moved.
 * `progress` hears each of computeSteps as it starts (the job's progress).
 */
export async function computeResults(ctx: Ctx, campaignId: string, progress: ReportProgress = () => {}): Promise<ComputeAnswer> {
  const step = (i: number) => progress({ step: computeSteps[i] as string, done: i, total: computeSteps.length });
  const embedded = isEmbedded(ctx.db);
  for (let attempt = 1; attempt < 3; attempt++) {
    const answer = await attemptCompute(ctx, campaignId, step, embedded ? 'embedded' : 'snapshot');
    if (answer) return answer;
  }
  return inTransaction(ctx, async (tx) => (await attemptCompute(tx, campaignId, step, 'transaction')) as ComputeAnswer);
}

type Mode = 'embedded' | 'snapshot' | 'transaction';
type Read = Awaited<ReturnType<typeof readInputs>>;

async function readInputs(ctx: Ctx, campaignId: string, mode: Mode) {
  const { db } = ctx;
  const countyId = ctx.principal.countyId;
  const embedded = isEmbedded(db);
  // On PGlite a statement's promise settles without the event loop turning: without a pause
  // after each, a run of statements would hold the server as one.
  const between = async <T>(p: Promise<T>) => {
    const value = await p;
    await yieldToLoop();
    return value;
  };
  const chunks = <T>(ids: readonly string[], read: (chunk: readonly string[]) => Promise<T>) =>
    inChunks(ids, embedded ? timedChunks(embeddedRead) : fixedChunks(serverRead), (chunk) => between(read(chunk)));
  const campaign = await between(findCampaign(ctx, campaignId));
  if (campaign.status !== 'city') throw new AppError('results.not_editable', { status: campaign.status });
  const standard = await between(campaignStandard(ctx, campaign));
  // Towns and villages: their order in one statement, the rows by id in chunks.
  const order = await between(selectUnitOrder(db, countyId));
  const byId = new Map((await chunks(order, (ids) => selectUnitsByIds(db, countyId, ids))).flat().map((u) => [u.id, u]));
  const units = order.map((id) => byId.get(id)).filter((u) => u !== undefined);
  const villages = units.filter((u) => u.level === 'village').map((u) => ({ id: u.id, name: u.name, townId: u.parentId as string, path: u.path }));
  const ids = villages.map((v) => v.id);
  const ownScores = await between(selectTownScores(db, countyId, campaignId));
  const towns = units.filter((u) => u.level === 'town').map((u) => ({ id: u.id, name: u.name, ownScore: ownScores.get(u.id) ?? null }));
  const surveyParts = await chunks(ids, (chunk) => campaignSatisfaction(ctx, countyId, campaignId, chunk));
  const surveys = { inputs: new Map(surveyParts.flatMap((p) => [...p.inputs])), sources: new Map(surveyParts.flatMap((p) => [...p.sources])) };
  const self = selfStageOf(standard);
  const selfEntries = self ? selfStageEntries(standard, await between(selectApprovedSelfEvaluations(db, countyId, campaignId))) : [];
  const figureParts: VillageFigures[] = [];
  for (const provider of figureProviders) figureParts.push(...(await chunks(ids, (chunk) => provider.collect(db, countyId, campaign.year, chunk))));
  const figures = mergeFigures(figureParts);
  const lastYearStars = new Map((await chunks(ids, (chunk) => selectPreviousYearStars(db, countyId, campaign.year, chunk))).flatMap((m) => [...m]));
  const violations = ratingViolations(await between(selectConfirmedViolations(db, countyId, campaign.year)));
  // Sheet scores stay empty here: the worker fills them from the chunks' JSON text.
  const input = buildRatingInput(standard, { villages, towns, entries: selfEntries, figures, lastYearStars, satisfaction: surveys.inputs, violations }, { id: campaign.id, name: campaign.name, year: campaign.year });
  const scores = await chunks(ids, (chunk) => selectSheetScoresText(db, countyId, campaignId, chunk));
  const prior: (PriorResult & ResultSealColumns)[] = (await chunks(ids, (chunk) => selectPriorResults(db, countyId, campaignId, chunk))).flat();
  // Results of villages closed since the last compute: gone from the new results, their seals too.
  const rated = new Set(ids);
  const closed = (await between(selectResultVillageIds(db, countyId, campaignId))).filter((id) => !rated.has(id));
  if (closed.length) prior.push(...(await chunks(closed, (chunk) => selectPriorResults(db, countyId, campaignId, chunk))).flat());
  const seals: StoredSeal[] = [];
  const pageSize = embedded ? sealPage.embedded : sealPage.server;
  for (let page = await between(selectResultSealsPage(db, countyId, campaignId, '', pageSize)); page.length > 0; page = await between(selectResultSealsPage(db, countyId, campaignId, page[page.length - 1]?.rowKey as string, pageSize))) {
    seals.push(...page);
    if (page.length < pageSize) break;
  }
  const fingerprint = mode === 'snapshot' ? await decisionsFingerprint(db, countyId, campaignId) : null;
  return { campaign, standard, self, villages, surveys, input, scores, prior, closed, seals, fingerprint };
}

async function attemptCompute(ctx: Ctx, campaignId: string, step: (i: number) => void, mode: Mode): Promise<ComputeAnswer | null> {
  const countyId = ctx.principal.countyId;
  step(0);
  // PGlite: the transaction id counter before the first read (see the head of this file).
  const since = mode === 'embedded' ? await nextXid(ctx.db) : null;
  const read: Read =
    mode === 'snapshot'
      ? await ctx.db.transaction((tx) => readInputs({ ...ctx, db: tx as unknown as Db }, campaignId, mode), { isolationLevel: 'repeatable read', accessMode: 'read only' })
      : await readInputs(ctx, campaignId, mode);
  // As assertSealed did: a recomputation builds on the decisions only as they were sealed.
  await assertResultsSealed(ctx, campaignId, read.prior, read.seals);
  step(1);
  const runId = randomUUID();
  const ours = new Set<string>();
  // A first compute: rows, kept inputs and seals written under a generation of their own. The
  // sequence may take a transaction id: it is the compute's own, like its writes.
  let generation: number | null = null;
  if (read.prior.length === 0 && read.seals.length === 0) {
    const taken = await newGeneration(ctx.db);
    generation = taken.generation;
    if (taken.xid) ours.add(taken.xid);
  }
  // What the generation's chunks wrote: a result row and a kept input a village, and the seals.
  const written = { villages: 0, seals: 0, xor: emptyXor };
  let switched = false;
  const sealRows: ResultSealColumns[] = [];
  const changes: RatedChange[] = [];
  // Rows staged: only those that differ from the stored ones (compute-staging.queries.ts).
  let staged = 0;
  let chunksDone = 0;
  try {
    const chunkSize = !isEmbedded(ctx.db) ? writeChunk.server : generation !== null ? writeChunk.embeddedFirst : writeChunk.embedded;
    const done = await rateInWorker(read, ctx, campaignId, chunkSize, async (chunk) => {
      if (chunksDone++ === 0) step(2);
      changes.push(...chunk.changes);
      if (generation !== null) {
        const seals = await planResultSeals(ctx, campaignId, chunk.seals, []);
        ours.add(await writeGenerationChunk(ctx.db, { countyId, campaignId, generation, sealedAt: ctx.now() }, { results: chunk.results, kept: chunk.kept, seals: seals.fresh }));
        written.villages += chunk.seals.length;
        written.seals += seals.fresh.length;
        written.xor = xorHex(written.xor, seals.xorDelta);
      } else {
        const { xid, staged: n } = await stageChunk(ctx.db, runId, chunk.results, chunk.kept);
        ours.add(xid);
        sealRows.push(...chunk.seals);
        staged += n;
      }
      await yieldToLoop();
    });
    // A first compute's seals are written already: the plan only moves the root.
    const plan: SealPlan =
      generation !== null ? { kind: 'result', fresh: [], gone: [], xorDelta: written.xor, countDelta: written.seals } : await planResultSeals(ctx, campaignId, sealRows, read.seals);
    step(3);
    return await inTransaction(ctx, async (tx) => {
      if (mode === 'embedded') {
        // First statement of the switch: any transaction id handed out since `since` that is not
        // one of our staging writes (nor the embedded ANALYZE's, which changes statistics only)
        // is someone else's write — the pieces read may not be one state.
        const until = await nextXid(tx.db);
        const statistics = statisticsXids(ctx.db);
        const others: bigint[] = [];
        for (let x = since as bigint; x < until; x++) if (!ours.has(String(x)) && !statistics.has(String(x))) others.push(x);
        if (others.length && !(await onlySessionWrites(tx.db, others))) return null;
      }
      await lockCampaignRow(tx.db, countyId, campaignId);
      const campaign = await findCampaign(tx, campaignId);
      if (campaign.status !== 'city') throw new AppError('results.not_editable', { status: campaign.status });
      if (mode === 'snapshot' && (await decisionsFingerprint(tx.db, countyId, campaignId)) !== read.fingerprint) return null;
      if (generation !== null) {
        // On PGlite no other write happened since the reads (above); elsewhere the generation's
        // rows are counted: another compute's clean-up may have taken them.
        if (mode === 'snapshot') {
          const n = await countGeneration(tx.db, countyId, campaignId, generation);
          if (n.results !== written.villages || n.kept !== written.villages || n.seals !== written.seals) return null;
        }
        await switchGeneration(tx.db, countyId, campaignId, generation);
      } else {
        if ((await countStaged(tx.db, countyId, runId)) !== staged) return null;
        await switchToStaged(tx.db, countyId, campaignId, runId, read.closed);
      }
      await replaceTownResults(tx.db, countyId, campaignId, done.towns);
      await applySealPlan(tx, campaignId, plan);
      const reconfirm = changes.filter((c) => c.mustReconfirm).length;
      const { summary, referrals } = done;
      await recordAudit(tx, {
        event: 'results.compute',
        objectType: 'campaign',
        objectId: campaignId,
        after: { ...summary, ...(referrals.length ? { referrals: referrals.map((r) => ({ stars: r.stars, townId: r.townId, places: r.places, villages: r.villages })) } : {}), changes: changes.map((c) => ({ villageId: c.villageId, engineStarsBefore: c.engineStarsBefore, engineStarsAfter: c.engineStarsAfter, why: c.why, kept: c.kept })), mustReconfirm: reconfirm },
      });
      const kept = read.prior.filter((p) => p.overrideReason !== null || p.confirmedAt !== null).length;
      switched = true;
      return { ...summary, referrals, changes, mustReconfirm: reconfirm, kept };
    });
  } finally {
    if (generation === null) await dropStaged(ctx.db, countyId, { runId });
    // Not switched: this compute's generation goes. Switched: every generation but the campaign's.
    else await dropGenerations(ctx.db, countyId, campaignId, switched ? 'stale' : { only: generation });
  }
}

/** Sends the task to a fresh rating worker and hands each chunk of rows to `onChunk`, in order. */
async function rateInWorker(read: Read, ctx: Ctx, campaignId: string, chunkSize: number, onChunk: (chunk: RatedChunk) => Promise<void>): Promise<RatedSummary> {
  const task: RateTask = {
    standard: read.standard,
    input: read.input,
    self: read.self,
    sources: Object.fromEntries(read.surveys.sources),
    paths: Object.fromEntries(read.villages.map((v) => [v.id, v.path])),
    prior: read.prior,
    countyId: ctx.principal.countyId,
    campaignId,
    now: ctx.now().toISOString(),
    ids: read.villages.map(() => randomUUID()),
  };
  const worker: Worker = startWorker('rating-worker');
  try {
    const inbox: ({ chunk: RatedChunk } | { done: RatedSummary } | { error: { issues?: RatingInputError['issues']; message?: string } })[] = [];
    let wake: (() => void) | null = null;
    let failure: unknown = null;
    worker.on('message', (m) => {
      inbox.push(m);
      wake?.();
    });
    worker.on('error', (err) => {
      failure = err;
      wake?.();
    });
    const { head, parts } = splitTask(task, taskPart);
    worker.postMessage({ task: JSON.stringify(head) });
    for (const part of parts) {
      await yieldToLoop();
      worker.postMessage({ part: JSON.stringify(part) });
    }
    await yieldToLoop();
    for (const scores of read.scores) worker.postMessage({ scores });
    worker.postMessage({ go: chunkSize });
    for (;;) {
      if (failure) throw failure;
      const m = inbox.shift();
      if (!m) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      if ('chunk' in m) {
        await onChunk(m.chunk);
        // The worker sends the next chunk when asked (rating-worker.ts).
        worker.postMessage({ next: true });
      }
      else if ('done' in m) return m.done;
      else if (m.error.issues) throw new RatingInputError(m.error.issues);
      else throw new Error(`rating worker: ${m.error.message}`);
    }
  } finally {
    await worker.terminate();
  }
}
