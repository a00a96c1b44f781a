// A campaign's own scores as the rater analysis' input: each stage's sheet total as a share of
// that stage's maximum (0–100, since the stages score different indicators), the stage-1 total
// credited to the team assigned to the village's town, arena points as a share of the arena
// indicator's maximum. Sheets not yet complete are left out and counted, never guessed.
import type { RaterScore, RaterUnit, RatersInput } from './raters-input.js';

type SheetStage = 'mutual' | 'department' | 'city';

export type CampaignScoreRows = {
  units: { id: string; name: string; level: string; parentId: string | null }[];
  entries: { stage: SheetStage; villageId: string; indicatorId: string; points: number | string }[];
  /** Indicator id → max points, per stage (from the campaign's standard). */
  stageIndicators: Record<SheetStage, Map<string, number>>;
  teams: { id: string; evaluatorTownId: string; targetTownId: string }[];
  arena: { villageId: string; judgeUserId: string; points: number | string }[];
  arenaMaxPoints: number | null;
};

const stageNames: Record<SheetStage, string> = { mutual: '互评', department: '部门点评', city: '市级考评' };
const pct = (points: number, max: number) => Math.round((points / max) * 10_000) / 100;

export function campaignRatersInput(rows: CampaignScoreRows): { input: RatersInput; notes: string[]; counts: Record<SheetStage | 'arena', number> } {
  const units: RaterUnit[] = rows.units
    .filter((u) => u.level === 'town' || u.level === 'village')
    .map((u) => ({ id: u.id, name: u.name, level: u.level as 'town' | 'village', ...(u.parentId ? { parentId: u.parentId } : {}) }));
  const villageTown = new Map(units.filter((u) => u.level === 'village').map((u) => [u.id, u.parentId]));
  const sheets = new Map<string, { stage: SheetStage; villageId: string; points: number; filled: Set<string> }>();
  for (const e of rows.entries) {
    const max = rows.stageIndicators[e.stage].get(e.indicatorId);
    if (max === undefined || !villageTown.has(e.villageId)) continue;
    const key = `${e.stage}\u0000${e.villageId}`;
    const sheet = sheets.get(key) ?? { stage: e.stage, villageId: e.villageId, points: 0, filled: new Set<string>() };
    sheet.points += Number(e.points);
    sheet.filled.add(e.indicatorId);
    sheets.set(key, sheet);
  }
  const teamFor = new Map(rows.teams.map((t) => [t.targetTownId, t]));
  const scores: RaterScore[] = [];
  const incomplete: Record<SheetStage, number> = { mutual: 0, department: 0, city: 0 };
  const counts = { mutual: 0, department: 0, city: 0, arena: 0 };
  let unassigned = 0;
  for (const s of sheets.values()) {
    const indicators = rows.stageIndicators[s.stage];
    if (s.filled.size < indicators.size) {
      incomplete[s.stage]++;
      continue;
    }
    const total = pct(s.points, [...indicators.values()].reduce((a, b) => a + b, 0));
    if (s.stage === 'mutual') {
      const team = teamFor.get(villageTown.get(s.villageId) ?? '');
      if (!team) {
        unassigned++;
        continue;
      }
      scores.push({ stage: 'mutual', raterId: team.id, raterUnitId: team.evaluatorTownId, villageId: s.villageId, total });
    } else scores.push({ stage: s.stage, raterId: s.stage, villageId: s.villageId, total });
    counts[s.stage]++;
  }
  if (rows.arenaMaxPoints) {
    for (const a of rows.arena) {
      if (!villageTown.has(a.villageId)) continue;
      scores.push({ stage: 'arena', raterId: a.judgeUserId, villageId: a.villageId, total: pct(Number(a.points), rows.arenaMaxPoints) });
      counts.arena++;
    }
  }
  const notes = (Object.keys(incomplete) as SheetStage[]).filter((s) => incomplete[s] > 0).map((s) => `${incomplete[s]} 张${stageNames[s]}评分表尚未填完，未计入。`);
  if (unassigned > 0) notes.push(`${unassigned} 个村的互评分数找不到负责的互评组，未计入。`);
  return { input: { units, scores }, notes, counts };
}
