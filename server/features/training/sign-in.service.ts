// The public QR sign-in: a trainee opens /m/sign-in/<token> on their phone, gives their name and
// the last four digits of their phone or ID number, and is marked present once.
import type { Services } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../../shared/errors.js';
import { chinaDate } from '../../../shared/dates.js';
import type { PublicSession, SignInRequest, SignInResult } from '../../../shared/contracts/training.js';
import { recordAuditAs } from '../audit/audit.service.js';
import { markPresentOnce, selectAttendanceOf, selectSignInCandidates } from './attendance.queries.js';
import { lastFourMatches, publicSignInState, publicStateErrors, titlesOfAudience } from './training.js';
import { countAttendance, selectSessionByTokenHash } from './training.queries.js';
import { signInTokenHash } from './training.service.js';

type Client = { ip: string; requestId: string };

async function sessionOfToken(services: Services, token: string) {
  const session = await selectSessionByTokenHash(services.db, signInTokenHash(services, token));
  if (!session) throw new AppError('training.sign_in_not_found');
  return session;
}

/** What the phone shows before the form: the session and whether sign-in is open now. */
export async function describeSignIn(services: Services, token: string): Promise<PublicSession> {
  const s = await sessionOfToken(services, token);
  return {
    topic: s.topic,
    courseType: s.courseType,
    date: s.date,
    endDate: s.endDate,
    place: s.place,
    organizer: s.organizer,
    hours: Number(s.hours),
    state: publicSignInState(s, chinaDate(services.now())),
  };
}

export async function signInByToken(services: Services, client: Client, token: string, input: SignInRequest): Promise<SignInResult> {
  return inTransaction(services, async (tx) => {
    const session = await sessionOfToken(tx, token);
    const today = chinaDate(services.now());
    const state = publicSignInState(session, today);
    if (state !== 'open') throw new AppError(publicStateErrors[state]);
    // Exactly one person under the organizer, in the audience, with this name and last four
    // digits. None and several get the same answer, so the form never tells who exists.
    const candidates = await selectSignInCandidates(tx.db, session.countyId, session.orgPath, input.name, titlesOfAudience(session.audience), today);
    const matches = candidates.filter((c) =>
      lastFourMatches(input.last4, c.phoneEnc ? services.crypto.decrypt(c.phoneEnc) : null, c.idNumberEnc ? services.crypto.decrypt(c.idNumberEnc) : null),
    );
    const person = matches.length === 1 ? matches[0] : undefined;
    if (!person) throw new AppError('training.sign_in_unmatched');
    const reply = (result: SignInResult['result'], at: Date): SignInResult => ({
      result,
      name: person.name,
      topic: session.topic,
      hours: Number(session.hours),
      signedInAt: at.toISOString(),
    });
    const existing = await selectAttendanceOf(tx.db, session.countyId, session.id, person.id, today);
    if (existing?.status === 'present') return reply('already_signed_in', existing.signedInAt ?? services.now());
    if (session.capacity !== null) {
      const present = (await countAttendance(tx.db, session.countyId, ['/'], [session.id])).get(session.id)?.present ?? 0;
      if (present >= session.capacity) throw new AppError('training.session_full');
    }
    const now = services.now();
    const marked = await markPresentOnce(tx.db, { countyId: session.countyId, sessionId: session.id, personId: person.id, signedInAt: now, updatedAt: now });
    // Lost a race with a second tap: the other request marked the person; nothing changes here.
    if (!marked) return reply('already_signed_in', now);
    await recordAuditAs(
      tx,
      { countyId: session.countyId, userId: null, username: null, role: null, ip: client.ip, requestId: client.requestId },
      {
        event: 'training.sign_in',
        objectType: 'training_session',
        objectId: session.id,
        before: existing ? { status: existing.status } : null,
        after: { personId: person.id, status: 'present', method: 'qr' },
      },
    );
    return reply('signed_in', now);
  });
}
