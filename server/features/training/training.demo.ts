// Loads the demo city's training year (see training-demo.ts), bulk-inserted so the demo stays
// quick to load. Today's lecture has its QR sign-in open, with a real, unguessable token.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import type { FieldCrypto } from '../../security/field-crypto.js';
import { chinaDate } from '../../../shared/dates.js';
import { insertExperts, insertHelpedVillages } from './experts.queries.js';
import { buildTrainingDemo, type DemoTrainingInput } from './training-demo.js';
import { insertAttendanceRows, insertSessions } from './training.queries.js';
import { signInTokenHash } from './training.service.js';

export type DemoTrainingArgs = {
  countyId: string;
  crypto: FieldCrypto;
  now: Date;
  units: { id: string; level: string; name: string; path: string; parentId: string | null }[];
  people: { id: string; name: string; unitId: string; titles: readonly string[] }[];
};

export async function seedDemoTraining(db: Db, args: DemoTrainingArgs) {
  const city = args.units.find((u) => u.level === 'city');
  if (!city) return { sessions: 0, attendances: 0, experts: 0 };
  const input: DemoTrainingInput = {
    countyId: args.countyId,
    today: chinaDate(args.now),
    now: args.now,
    city: { id: city.id, path: city.path },
    towns: args.units.filter((u) => u.level === 'town').map((u) => ({ id: u.id, name: u.name, path: u.path })),
    villages: args.units.filter((u) => u.level === 'village').map((u) => ({ id: u.id, name: u.name, path: u.path, townId: u.parentId ?? '' })),
    people: args.people,
  };
  const plan = buildTrainingDemo(input);
  const token = randomBytes(32).toString('base64url');
  await insertSessions(
    db,
    plan.sessions.map((s) =>
      s.id === plan.liveSessionId
        ? { ...s, signInTokenHash: signInTokenHash(args, token), signInTokenEnc: args.crypto.encrypt(token), signInOpenedAt: new Date(args.now.getTime() - 40 * 60_000) }
        : s,
    ),
  );
  await insertAttendanceRows(db, plan.attendance.map((a) => ({ ...a, updatedAt: args.now })));
  await insertExperts(db, plan.experts.map(({ helped: _h, ...e }) => e));
  await insertHelpedVillages(db, plan.experts.flatMap((e) => e.helped.map((villageId) => ({ countyId: args.countyId, expertId: e.id, villageId }))));
  return { sessions: plan.sessions.length, attendances: plan.attendance.length, experts: plan.experts.length };
}
