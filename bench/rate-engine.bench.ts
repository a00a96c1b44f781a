import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { createPrng, type Prng } from './prng.js';
import { rateCampaign } from '../server/features/standards/engine/rating-engine.js';
import type { RatingInput, VillageInput } from '../server/features/standards/engine/rating-input.js';
import type { Standard } from '../shared/standards/standard.js';

// Rating engine benchmark: generates a campaign (default 500,000 villages × 60 indicators × 3
// stages, seeded, so every run rates the same data), rates it in one call and prints
// villages/second and memory. Usage:
//   npx tsx bench/rate-engine.bench.ts [--villages N] [--explain none|full] [--seed S]
// The default rates without explanation texts (a province bulk run); --explain full also builds
// every village's Chinese explanation (what a county run returns), see docs/benchmarks.md.

const DIMENSIONS = 6;
const PER_DIMENSION = 10;
const FORMULAS = 4;

function parseArgs(argv: string[]): { villages: number; explain: 'full' | 'none'; seed: number } {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const villages = Number(value('--villages') ?? 500_000);
  const explain = value('--explain') === 'full' ? 'full' : 'none';
  const seed = Number(value('--seed') ?? 20221);
  if (!Number.isInteger(villages) || villages < 1) throw new Error('--villages must be a positive integer');
  return { villages, explain, seed };
}

/** 60 indicators (56 scored by the three stages, 4 from figures), 100 points, every rule kind on. */
export function benchStandard(): Standard {
  const dimensions: Standard['dimensions'] = [];
  const figures: NonNullable<Standard['figures']> = [];
  let n = 0;
  for (let d = 0; d < DIMENSIONS; d++) {
    const indicators: Standard['dimensions'][number]['indicators'] = [];
    for (let i = 0; i < PER_DIMENSION; i++, n++) {
      // 40 indicators of 2 points, 20 of 1 point: 100 in all.
      const maxPoints = n % 3 === 2 ? 1 : 2;
      const base = { id: `i${n}`, name: `指标${n}`, maxPoints, guidance: '', evidence: [] };
      if (n % 15 === 14) {
        const f = figures.length / 3;
        figures.push(
          { id: `f${f}n`, name: `分子${f}`, unit: '项' },
          { id: `f${f}d`, name: `分母${f}`, unit: '项' },
          { id: `f${f}`, name: `比率${f}`, unit: '%', ratio: { numerator: `f${f}n`, denominator: `f${f}d`, scale: 100, whenDenominatorZero: 100 } },
        );
        indicators.push({
          ...base,
          kind: 'formula',
          formula: { figure: `f${f}`, mapping: { type: 'piecewise', points: [{ x: 60, points: 0 }, { x: 100, points: maxPoints }] } },
        });
      } else {
        indicators.push({ ...base, kind: 'scored', stages: ['mutual', 'department', 'city'] });
      }
    }
    const maxPoints = indicators.reduce((sum, i) => sum + i.maxPoints, 0);
    dimensions.push({ id: `d${d}`, name: `维度${d}`, maxPoints, namedStar: { name: `星${d}`, minPoints: maxPoints * 0.8 }, indicators });
  }
  return {
    id: 'bench', name: '基准测试标准', version: '1', region: '基准', totalMaxScore: 100,
    stages: [
      { id: 'mutual', name: '摸底互评', weight: 20 },
      { id: 'department', name: '部门点评', weight: 30 },
      { id: 'city', name: '市级考评', weight: 50 },
    ],
    dimensions,
    figures,
    bonus: { cap: 5, items: [{ id: 'b1', name: '加分', maxPoints: 3, guidance: '' }] },
    deductions: { cap: 10, items: [{ id: 'x1', name: '扣分', maxPoints: 5, guidance: '' }] },
    satisfaction: { weightPercent: 30, basicallySatisfiedCredit: 80, caps: [{ belowPercent: 60, maxStars: 2 }] },
    levelScheme: {
      type: 'thresholds', minStars: 1,
      thresholds: [{ stars: 5, minScore: 90 }, { stars: 4, minScore: 80 }, { stars: 3, minScore: 70 }, { stars: 2, minScore: 60 }],
    },
    prerequisites: [{ type: 'lastYearStars', stars: 5, minStars: 4 }],
    vetoes: [
      { category: 'discipline', name: '违反党规党纪', effect: { type: 'noRating' } },
      { category: 'petition', name: '违规上访', effect: { type: 'capStars', maxStars: 2 } },
    ],
    quotas: { scope: 'city', base: 'allVillages', limits: [{ stars: 5, maxPercent: 10 }, { stars: 4, maxPercent: 30 }] },
    ranking: { keys: [{ key: 'stars' }, { key: 'finalScore' }, { key: 'stageScore', stage: 'city' }, { key: 'satisfactionRate' }] },
    townScheme: {
      ownScoreMax: 100, minStars: 1, capWhenVillageVetoed: 3,
      levels: [
        { stars: 5, minOwnScore: 90, minShareOfVillages: { atLeastStars: 3, percent: 90 } },
        { stars: 4, minOwnScore: 80, minAverageVillageStars: 3 },
        { stars: 3, minOwnScore: 70 },
      ],
    },
  };
}

function points(rng: Prng, max: number, quality: number): number {
  // Half points, around the village's quality.
  const raw = max * Math.min(1, Math.max(0, quality + (rng.next() - 0.5) * 0.3));
  return Math.round(raw * 2) / 2;
}

export function benchInput(standard: Standard, villages: number, seed: number): RatingInput {
  const rng = createPrng(seed);
  const scored = standard.dimensions.flatMap((d) => d.indicators).filter((i) => i.kind === 'scored');
  const towns = Array.from({ length: Math.max(1, Math.ceil(villages / 25)) }, (_, t) => ({ id: `t${t}`, name: `镇${t}`, ownScore: rng.int(60, 98) }));
  const template = JSON.parse(JSON.stringify(Object.fromEntries(scored.map((i) => [i.id, 0.5])))) as Record<string, number>;
  const list: VillageInput[] = new Array(villages);
  for (let v = 0; v < villages; v++) {
    const quality = 0.55 + rng.next() * 0.45;
    // Copies of one template keep every score record on a shared hidden class, as JSON.parse does.
    const mutual: Record<string, number> = { ...template };
    const department: Record<string, number> = { ...template };
    const city: Record<string, number> = { ...template };
    for (const i of scored) {
      mutual[i.id] = points(rng, i.maxPoints, quality);
      department[i.id] = points(rng, i.maxPoints, quality);
      city[i.id] = points(rng, i.maxPoints, quality);
    }
    const figures: Record<string, number> = {};
    for (let f = 0; f < FORMULAS; f++) {
      const denominator = rng.int(5, 40);
      figures[`f${f}d`] = denominator;
      figures[`f${f}n`] = Math.round(denominator * Math.min(1, quality + 0.1));
    }
    const sample = 50;
    const satisfied = Math.round(sample * quality);
    const basically = Math.min(sample - satisfied, rng.int(0, 10));
    const roll = rng.next();
    list[v] = {
      id: `v${v}`,
      name: `村${v}`,
      townId: `t${v % towns.length}`,
      scores: { mutual, department, city },
      bonus: roll < 0.05 ? { b1: 2 } : undefined,
      deductions: roll > 0.95 ? { x1: 3 } : undefined,
      satisfaction: { sampleSize: sample, satisfied, basicallySatisfied: basically, unsatisfied: sample - satisfied - basically },
      violations:
        roll < 0.005
          ? [{ category: 'discipline', reason: '违反党规党纪' }]
          : roll > 0.995
            ? [{ category: 'petition', reason: '违规上访' }]
            : undefined,
      lastYearStars: rng.int(1, 5),
      figures,
    };
  }
  return { towns, villages: list };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/**
 * Data and results of a province run need more than Node's default heap (about 4 GB here) when
 * every village carries its explanation: re-run this script in a child with a larger heap.
 */
function respawnWithLargerHeap(villages: number, explain: 'full' | 'none'): boolean {
  const perVillageKb = explain === 'full' ? 12 : 6;
  const neededMb = Math.ceil(1024 + (villages * perVillageKb) / 1024);
  const limitMb = v8.getHeapStatistics().heap_size_limit / 1024 / 1024;
  if (limitMb >= neededMb || process.env.FIVESTAR_BENCH_CHILD === '1' || process.argv[1] === undefined) return false;
  process.stdout.write(`heap limit ${Math.round(limitMb)} MB < ~${neededMb} MB needed: re-running with --max-old-space-size=${neededMb}\n`);
  const child = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${neededMb}`, process.argv[1], ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, FIVESTAR_BENCH_CHILD: '1' },
  });
  process.exitCode = child.status ?? 1;
  return true;
}

function main(): void {
  const { villages, explain, seed } = parseArgs(process.argv.slice(2));
  if (respawnWithLargerHeap(villages, explain)) return;
  const standard = benchStandard();
  const t0 = performance.now();
  const input = benchInput(standard, villages, seed);
  const t1 = performance.now();
  const beforeRss = process.memoryUsage().rss;
  const beforeHeap = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const result = rateCampaign(standard, input, { explain });
  const t2 = performance.now();
  // CPU time as well as wall time: on a shared machine the wall clock also counts other work.
  const cpu = process.cpuUsage(cpuBefore);
  const after = process.memoryUsage();
  const seconds = (t2 - t1) / 1000;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const five = result.summary.byStars['5'] ?? 0;
  const cpus = os.cpus();
  const lines = [
    `node ${process.version}, ${cpus.length} CPU (${cpus[0]?.model ?? '?'}), heap limit ${Math.round(v8.getHeapStatistics().heap_size_limit / 1024 / 1024)} MB`,
    `villages: ${villages}, indicators: ${standard.dimensions.length * PER_DIMENSION} × 3 stages, explain: ${explain}`,
    `generate: ${((t1 - t0) / 1000).toFixed(2)} s`,
    `rate:     ${seconds.toFixed(2)} s  (${Math.round(villages / seconds).toLocaleString('en-US')} villages/s); cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (user ${(cpu.user / 1e6).toFixed(2)}, system ${(cpu.system / 1e6).toFixed(2)}); load average ${os.loadavg()[0]?.toFixed(2)}`,
    `memory:   rss ${mb(beforeRss)} before rating, ${mb(after.rss)} after, peak ${mb(peakRss)}; heapUsed ${mb(beforeHeap)} before, ${mb(after.heapUsed)} after`,
    `check:    ${result.villages.length} results, ${five} five-star, ${result.summary.vetoed} vetoed, first ${result.villages[0]?.id} ${result.villages[0]?.finalScore}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
