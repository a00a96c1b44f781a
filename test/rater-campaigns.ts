// Synthetic campaigns for the rater analysis: towns and villages with a true quality each,
// department and city scores as noisy references, stage-1 teams (rotation or paired swaps) and
// arena panels, with known leniency, severity and odd judges injected. Seeded: the same seed
// gives the same campaign.
import { createPrng, type Prng } from '../bench/prng.js';
import type { RaterScore, RaterUnit, RatersInput } from '../server/features/evaluation/raters/raters-input.js';

export type Assignment = 'rotation' | 'paired';
export type Injected = { lenient: string[]; severe: string[]; pairs: [string, string][]; offsetJudges: string[]; noisyJudges: string[]; towns: string[]; judges: string[] };

function gaussian(rng: Prng): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}
const clamp = (x: number) => Math.round(Math.min(100, Math.max(0, x)) * 100) / 100;
const sign = (rng: Prng) => (rng.next() < 0.5 ? -1 : 1);

function shuffle<T>(rng: Prng, items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

/** Who evaluates whom: each town the next (rotation), or towns swapped in pairs (the last three rotate when odd). */
function assign(rng: Prng, towns: string[], kind: Assignment): Map<string, string> {
  const target = new Map<string, string>();
  if (kind === 'rotation') {
    towns.forEach((t, i) => target.set(t, towns[(i + 1) % towns.length] as string));
    return target;
  }
  const order = shuffle(rng, towns);
  const odd = order.length % 2 === 1;
  const paired = odd ? order.slice(0, -3) : order;
  for (let i = 0; i < paired.length; i += 2) {
    target.set(paired[i] as string, paired[i + 1] as string);
    target.set(paired[i + 1] as string, paired[i] as string);
  }
  if (odd) {
    const [a, b, c] = order.slice(-3) as [string, string, string];
    target.set(a, b).set(b, c).set(c, a);
  }
  return target;
}

export function syntheticCampaign(seed: number, kind: Assignment, inject = true): { input: RatersInput; injected: Injected } {
  const rng = createPrng(seed);
  const townCount = rng.int(8, 16);
  const units: RaterUnit[] = [];
  const villages: { id: string; town: string; quality: number }[] = [];
  const towns = Array.from({ length: townCount }, (_, t) => `T${t + 1}`);
  for (const town of towns) {
    units.push({ id: town, name: `${town}镇`, level: 'town' });
    for (let v = 1, n = rng.int(8, 15); v <= n; v++) {
      const id = `${town}V${v}`;
      units.push({ id, name: `${town}镇${v}村`, level: 'village', parentId: town });
      villages.push({ id, town, quality: 60 + 35 * rng.next() });
    }
  }
  const target = assign(rng, towns, kind);
  const injected: Injected = { lenient: [], severe: [], pairs: [], offsetJudges: [], noisyJudges: [], towns, judges: [] };
  const bias = new Map<string, number>();
  const size = () => 5 + 4 * rng.next();
  if (inject) {
    const order = shuffle(rng, towns);
    if (kind === 'paired') {
      const a = order.find((t) => target.get(target.get(t) as string) === t) as string;
      const b = target.get(a) as string;
      bias.set(a, size()).set(b, size());
      injected.pairs.push([a, b]);
    }
    const free = order.filter((t) => !bias.has(t) && !bias.has(target.get(t) as string) && ![...bias.keys()].some((k) => target.get(k) === t));
    const lenient = free[0] as string;
    bias.set(lenient, size());
    injected.lenient.push(lenient);
    if (rng.next() < 0.5 && free[1] && target.get(free[1]) !== lenient && target.get(lenient) !== free[1]) {
      bias.set(free[1], -size());
      injected.severe.push(free[1]);
    }
  }
  const scores: RaterScore[] = [];
  for (const v of villages) {
    scores.push({ stage: 'department', raterId: 'dept', villageId: v.id, total: clamp(v.quality + 2 * gaussian(rng)) });
    scores.push({ stage: 'city', raterId: 'city', villageId: v.id, total: clamp(v.quality + 2 * gaussian(rng)) });
  }
  for (const [team, town] of target) {
    for (const v of villages.filter((x) => x.town === town)) {
      scores.push({ stage: 'mutual', raterId: `team-${team}`, raterUnitId: team, villageId: v.id, total: clamp(v.quality + (bias.get(team) ?? 0) + 2 * gaussian(rng)) });
    }
  }
  // Three panels, 5–7 judges each, villages dealt out in turn.
  const panels = [0, 1, 2].map((p) => Array.from({ length: rng.int(5, 7) }, (_, j) => `P${p + 1}J${j + 1}`));
  injected.judges = panels.flat();
  const offset = new Map<string, number>();
  const noisy = new Set<string>();
  if (inject) {
    const [oj, nj] = shuffle(rng, injected.judges);
    offset.set(oj as string, sign(rng) * (6 + 4 * rng.next()));
    noisy.add(nj as string);
    injected.offsetJudges.push(oj as string);
    injected.noisyJudges.push(nj as string);
  }
  villages.forEach((v, i) => {
    for (const judge of panels[i % 3] as string[]) {
      const spread = noisy.has(judge) ? 12 : 3;
      scores.push({ stage: 'arena', raterId: judge, villageId: v.id, total: clamp(v.quality + (offset.get(judge) ?? 0) + spread * gaussian(rng)) });
    }
  });
  return { input: { units, scores }, injected };
}
