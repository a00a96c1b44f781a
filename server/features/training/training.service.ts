// Sessions of the three courses: plan, change, finish or cancel, and the QR sign-in link.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import { chinaDate } from '../../../shared/dates.js';
import type { SessionCreate, SessionListQuery, SessionUpdate, SignInLink, TrainingSession } from '../../../shared/contracts/training.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  checkCategory,
  nextSessionStatus,
  nextSignInState,
  noCounts,
  presentSession,
  sessionSnapshot,
  type SessionAction,
  type SessionRow,
  type SignInAction,
} from './training.js';
import { sessionWritable, trainingReadScope, trainingWriteScope } from './training.policy.js';
import {
  countAttendance,
  insertSessions,
  listSessions,
  selectOrganizerUnit,
  selectSignInSecret,
  selectVisibleSession,
  selectWritableSession,
  updateSession,
} from './training.queries.js';

/** The HMAC of a sign-in token: what the table is searched by. */
export const signInTokenHash = (ctx: Pick<Ctx, 'crypto'>, token: string) => ctx.crypto.digest(`training-sign-in:${token}`);

async function present(ctx: Ctx, row: SessionRow): Promise<TrainingSession> {
  const counts = await countAttendance(ctx.db, ctx.principal.countyId, trainingReadScope(ctx.principal), [row.id]);
  return presentSession(row, counts.get(row.id) ?? noCounts, sessionWritable(trainingWriteScope(ctx.principal), row.orgPath));
}

export async function listTrainingSessions(ctx: Ctx, query: SessionListQuery) {
  const { page, pageSize, ...filter } = query;
  const countyId = ctx.principal.countyId;
  const readScope = trainingReadScope(ctx.principal);
  const writeScope = trainingWriteScope(ctx.principal);
  const result = await listSessions(ctx.db, countyId, readScope, filter, { page, pageSize });
  const counts = await countAttendance(ctx.db, countyId, readScope, result.items.map((r) => r.id));
  return {
    items: result.items.map((r) => presentSession(r, counts.get(r.id) ?? noCounts, sessionWritable(writeScope, r.orgPath))),
    total: result.total,
  };
}

/** A session organized outside the caller's view does not exist for the caller: 404. */
export async function findVisibleSession(ctx: Ctx, id: string): Promise<SessionRow> {
  const row = await selectVisibleSession(ctx.db, ctx.principal.countyId, trainingReadScope(ctx.principal), id);
  if (!row) throw new AppError('training.session_not_found');
  return row;
}

/** Only the organizer (inside the caller's write scope) changes a session; others get 404. */
export async function findWritableSession(ctx: Ctx, id: string): Promise<SessionRow> {
  const row = await selectWritableSession(ctx.db, ctx.principal.countyId, trainingWriteScope(ctx.principal), id);
  if (!row) throw new AppError('training.session_not_found');
  return row;
}

export async function getTrainingSession(ctx: Ctx, id: string): Promise<TrainingSession> {
  return present(ctx, await findVisibleSession(ctx, id));
}

function checkDates(date: string, endDate: string | null | undefined): void {
  if (endDate && endDate < date) throw new AppError('training.invalid_dates');
}

export async function createTrainingSession(ctx: Ctx, input: SessionCreate): Promise<TrainingSession> {
  const category = checkCategory(input.courseType, input.category);
  checkDates(input.date, input.endDate);
  return inTransaction(ctx, async (tx) => {
    const unit = await selectOrganizerUnit(tx.db, ctx.principal.countyId, trainingWriteScope(ctx.principal), input.orgUnitId);
    if (!unit) throw new AppError('org.not_found');
    if (unit.level === 'village') throw new AppError('training.invalid_organizer');
    if (!unit.active) throw new AppError('org.inactive');
    const row = {
      id: randomUUID(),
      countyId: ctx.principal.countyId,
      orgUnitId: unit.id,
      orgPath: unit.path,
      courseType: input.courseType,
      category,
      topic: input.topic,
      organizer: input.organizer,
      partners: input.partners,
      lecturer: input.lecturer ?? null,
      sessionDate: input.date,
      endDate: input.endDate ?? null,
      place: input.place,
      hours: input.hours,
      audience: input.audience,
      capacity: input.capacity ?? null,
      summary: input.summary ?? null,
    };
    await insertSessions(tx.db, [row]);
    const created = await findWritableSession(tx, row.id);
    await recordAudit(tx, { event: 'training.session_create', objectType: 'training_session', objectId: row.id, after: sessionSnapshot(created) });
    return present(tx, created);
  });
}

export async function updateTrainingSession(ctx: Ctx, id: string, input: SessionUpdate): Promise<TrainingSession> {
  return inTransaction(ctx, async (tx) => {
    const before = await findWritableSession(tx, id);
    if (before.status === 'cancelled') throw new AppError('training.session_cancelled');
    const category = input.category !== undefined ? checkCategory(before.courseType, input.category) : before.category;
    const date = input.date ?? before.date;
    const endDate = input.endDate !== undefined ? input.endDate : before.endDate;
    checkDates(date, endDate);
    const { date: _d, endDate: _e, category: _c, ...plain } = input;
    await updateSession(tx.db, ctx.principal.countyId, id, { ...plain, category, sessionDate: date, endDate, updatedAt: ctx.now() });
    const after = await findWritableSession(tx, id);
    await recordAudit(tx, {
      event: 'training.session_update',
      objectType: 'training_session',
      objectId: id,
      before: sessionSnapshot(before),
      after: sessionSnapshot(after),
    });
    return present(tx, after);
  });
}

/** Finishing or cancelling also closes the QR link; a session with attendees cannot be cancelled. */
export async function changeSessionStatus(ctx: Ctx, id: string, action: SessionAction): Promise<TrainingSession> {
  return inTransaction(ctx, async (tx) => {
    const session = await findWritableSession(tx, id);
    const status = nextSessionStatus(session.status, action);
    if (action === 'complete' && session.date > chinaDate(ctx.now())) throw new AppError('training.session_in_future');
    if (action === 'cancel') {
      const counts = await countAttendance(tx.db, ctx.principal.countyId, ['/'], [id]);
      if ((counts.get(id)?.present ?? 0) > 0) throw new AppError('training.session_has_attendance');
    }
    const signInState = session.signInState === 'open' ? 'closed' : session.signInState;
    const closedAt = session.signInState === 'open' ? { signInClosedAt: ctx.now() } : {};
    await updateSession(tx.db, ctx.principal.countyId, id, { status, signInState, ...closedAt, updatedAt: ctx.now() });
    await recordAudit(tx, {
      event: action === 'complete' ? 'training.session_complete' : 'training.session_cancel',
      objectType: 'training_session',
      objectId: id,
      before: { status: session.status, signInState: session.signInState },
      after: { status, signInState },
    });
    return present(tx, { ...session, status, signInState });
  });
}

function linkOf(state: SignInLink['state'], token: string | null, openedAt: Date | null, closedAt: Date | null): SignInLink {
  return {
    state,
    path: token ? `/m/sign-in/${token}` : null,
    openedAt: openedAt?.toISOString() ?? null,
    closedAt: closedAt?.toISOString() ?? null,
  };
}

/** The organizer sees the link again (to show the QR on a screen); others never see the token. */
export async function getSignInLink(ctx: Ctx, id: string): Promise<SignInLink> {
  const session = await findWritableSession(ctx, id);
  const secret = await selectSignInSecret(ctx.db, ctx.principal.countyId, id);
  const token = secret?.tokenEnc ? ctx.crypto.decrypt(secret.tokenEnc) : null;
  return linkOf(session.signInState, token, secret?.openedAt ?? null, secret?.closedAt ?? null);
}

export async function changeSignIn(ctx: Ctx, id: string, action: SignInAction): Promise<SignInLink> {
  return inTransaction(ctx, async (tx) => {
    const session = await findWritableSession(tx, id);
    const next = nextSignInState(session.status, session.signInState, action);
    const set: Parameters<typeof updateSession>[3] = { signInState: next.state, updatedAt: ctx.now() };
    if (next.newToken) {
      // 32 random bytes: unguessable; kept as an HMAC for lookup and encrypted for re-display.
      const token = randomBytes(32).toString('base64url');
      set.signInTokenHash = signInTokenHash(ctx, token);
      set.signInTokenEnc = ctx.crypto.encrypt(token);
    }
    if (next.state === 'open' && session.signInState !== 'open') Object.assign(set, { signInOpenedAt: ctx.now(), signInClosedAt: null });
    if (next.state === 'closed') set.signInClosedAt = ctx.now();
    await updateSession(tx.db, ctx.principal.countyId, id, set);
    if (next.state !== session.signInState || next.newToken) {
      await recordAudit(tx, {
        event: `training.sign_in_${action}`,
        objectType: 'training_session',
        objectId: id,
        before: { signInState: session.signInState },
        after: { signInState: next.state, newLink: next.newToken },
      });
    }
    return getSignInLink(tx, id);
  });
}
