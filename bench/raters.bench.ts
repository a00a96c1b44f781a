// Rater analysis benchmark: many seeded synthetic campaigns (test/rater-campaigns.ts) joined into
// one input, as a prefecture running `fivestar raters` over all its counties at once; prints the
// size and the time of one analysis. Usage: npx tsx bench/raters.bench.ts [--campaigns N]
import { performance } from 'node:perf_hooks';
import { syntheticCampaign } from '../test/rater-campaigns.js';
import { analyseRaters } from '../server/features/evaluation/raters/raters.js';
import type { RatersInput } from '../server/features/evaluation/raters/raters-input.js';

const i = process.argv.indexOf('--campaigns');
const campaigns = Number(i >= 0 ? process.argv[i + 1] : 100);
if (!Number.isInteger(campaigns) || campaigns < 1) throw new Error('--campaigns must be a positive integer');

const input: RatersInput = { units: [], scores: [] };
for (let c = 0; c < campaigns; c++) {
  const { input: one } = syntheticCampaign(5000 + c, c % 2 ? 'paired' : 'rotation');
  const p = (id: string) => `c${c}-${id}`;
  input.units.push(...one.units.map((u) => ({ ...u, id: p(u.id), ...(u.parentId ? { parentId: p(u.parentId) } : {}) })));
  input.scores.push(...one.scores.map((s) => ({ ...s, raterId: p(s.raterId), villageId: p(s.villageId), ...(s.raterUnitId ? { raterUnitId: p(s.raterUnitId) } : {}) })));
}
const villages = input.units.filter((u) => u.level === 'village').length;
analyseRaters(input); // warm-up
const runs = 3;
const started = performance.now();
let flags = 0;
for (let r = 0; r < runs; r++) flags = analyseRaters(input).flags.length;
const ms = (performance.now() - started) / runs;
console.log(`raters: ${input.units.length - villages} towns, ${villages} villages, ${input.scores.length} scores → ${flags} flags in ${ms.toFixed(0)} ms (mean of ${runs})`);
