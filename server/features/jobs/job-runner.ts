// Long work off the request path: an in-process runner. The request inserts the job row and
// answers 202; the work runs on this process's event loop (it yields between its steps), and
// the row records queued → running → done or failed with the result or the error code. Progress
// is kept in memory while the job runs: a progress write would wait for the job's own
// transaction on PGlite (one connection), so the row gets it only when the job ends.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { AppError, type ErrorCode } from '../../../shared/errors.js';
import { failUnfinishedJobs, insertJob, selectJob, updateJob, type JobRow } from './jobs.queries.js';

export type JobProgress = { step: string; done: number; total: number };
export type ReportProgress = (p: JobProgress) => void;
export type JobView = Pick<JobRow, 'id' | 'kind' | 'subjectId' | 'status' | 'step' | 'done' | 'total' | 'result' | 'errorCode' | 'startedBy' | 'createdAt' | 'updatedAt' | 'finishedAt'>;

type Live = { row: JobRow };
/** The work gets its job's id too: an export keys the file it leaves by it. */
type JobWork = (progress: ReportProgress, job: { id: string }) => Promise<unknown>;

export type JobRunner = {
  /** Inserts the job (409 `conflictCode` when one of the kind runs on the subject) and starts it. */
  start(spec: { countyId: string; kind: string; subjectId: string; startedBy: string; conflictCode: ErrorCode }, work: JobWork): Promise<JobView>;
  find(countyId: string, id: string): Promise<JobView | undefined>;
  /** Resolves when no job is running (tests, shutdown). */
  idle(): Promise<void>;
  /** Marks jobs a previous process left unfinished as failed (jobs.interrupted); run once on start. */
  failInterrupted(): Promise<number>;
};

export function createJobRunner(db: Db, now: () => Date, options: { beforeRun?: () => Promise<void>; onUnexpected?: (err: unknown, job: { id: string; kind: string }) => void } = {}): JobRunner {
  const live = new Map<string, Live>();
  const running = new Set<Promise<void>>();

  async function run(entry: Live, work: JobWork): Promise<void> {
    const { row } = entry;
    try {
      await options.beforeRun?.();
      row.status = 'running';
      row.updatedAt = now();
      await updateJob(db, row.countyId, row.id, { status: 'running', updatedAt: row.updatedAt });
      const result = await work((p) => Object.assign(row, p, { updatedAt: now() }), { id: row.id });
      Object.assign(row, { status: 'done', result: result ?? null, done: row.total, updatedAt: now(), finishedAt: now() });
    } catch (err) {
      // The work runs its writes in one transaction: a failure has left the data as it was.
      const code = err instanceof AppError ? err.code : 'jobs.failed';
      // A refusal (AppError) is the job's answer; anything else is a fault the operator must see.
      if (!(err instanceof AppError)) options.onUnexpected?.(err, { id: row.id, kind: row.kind });
      // A refusal's details (an import's bad rows) stay with the failed job, as the 4xx body carries them.
      const details = err instanceof AppError ? (err.details ?? null) : null;
      Object.assign(row, { status: 'failed', errorCode: code, result: details, updatedAt: now(), finishedAt: now() });
    }
    try {
      await updateJob(db, row.countyId, row.id, { status: row.status, step: row.step, done: row.done, total: row.total, result: row.result, errorCode: row.errorCode, updatedAt: row.updatedAt, finishedAt: row.finishedAt });
    } finally {
      live.delete(row.id);
    }
  }

  return {
    async start(spec, work) {
      const at = now();
      const row: JobRow = { id: randomUUID(), countyId: spec.countyId, kind: spec.kind, subjectId: spec.subjectId, status: 'queued', step: '排队中', done: 0, total: 0, result: null, errorCode: null, startedBy: spec.startedBy, createdAt: at, updatedAt: at, finishedAt: null };
      await insertJob(db, row, spec.conflictCode);
      const entry = { row };
      live.set(row.id, entry);
      // Started on the next turn of the event loop: the request answers first.
      const done = new Promise<void>((resolve) => setImmediate(resolve)).then(() => run(entry, work));
      running.add(done);
      void done.finally(() => running.delete(done));
      return { ...row };
    },
    async find(countyId, id) {
      const entry = live.get(id);
      if (entry) return entry.row.countyId === countyId ? { ...entry.row } : undefined;
      return selectJob(db, countyId, id);
    },
    async idle() {
      while (running.size) await Promise.allSettled([...running]);
    },
    failInterrupted: () => failUnfinishedJobs(db, 'jobs.interrupted', now()),
  };
}
