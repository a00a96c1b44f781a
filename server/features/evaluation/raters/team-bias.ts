// Stage-1 teams against the later stages: per village, the team's total minus the mean of the
// department and city totals of the same village (the reference); per team and per team × town
// the median of those differences. A team whose median sits beyond both a floor and k standard
// errors is lenient or severe; two towns that evaluated each other and both sit high are a
// reciprocal pair (reported once, as the pair).
import type { RaterScore, RaterUnit } from './raters-input.js';
import { mean, median, medianErrorFactor, round1, sigmaFromDeviations } from './robust-stats.js';
import { raterRules as R, refStageNames } from './rater-rules.js';
import type { FlagVillage, RaterFlag } from './raters-types.js';

export type TeamCell = {
  teamTownId: string;
  teamTownName: string;
  townId: string;
  townName: string;
  n: number;
  /** Median of (team − reference); null below the minimum sample. */
  rawMedian: number | null;
  /** rawMedian minus the common offset of all teams. */
  bias: number | null;
  villages: FlagVillage[];
};

export type TeamSummary = { townId: string; name: string; n: number; rawMedian: number | null; bias: number | null; threshold: number | null; villages: FlagVillage[] };

export type TeamAnalysis = { cells: TeamCell[]; teams: TeamSummary[]; flags: RaterFlag[]; notes: string[]; sigma: number | null; commonOffset: number; centred: boolean };

type Residual = FlagVillage & { teamTownId: string; townId: string; refStages: ('department' | 'city')[] };

function residuals(units: Map<string, RaterUnit>, scores: readonly RaterScore[]): Residual[] {
  const refs = new Map<string, { department: number[]; city: number[] }>();
  const mutual = new Map<string, number[]>();
  for (const s of scores) {
    if (s.stage === 'department' || s.stage === 'city') {
      const r = refs.get(s.villageId) ?? { department: [], city: [] };
      r[s.stage].push(s.total);
      refs.set(s.villageId, r);
    } else if (s.stage === 'mutual' && s.raterUnitId) {
      // Several members of one team may score a village: the team's score is their mean.
      const key = `${s.raterUnitId}\u0000${s.villageId}`;
      mutual.set(key, [...(mutual.get(key) ?? []), s.total]);
    }
  }
  const out: Residual[] = [];
  for (const [key, totals] of mutual) {
    const [teamTownId, villageId] = key.split('\u0000') as [string, string];
    const r = refs.get(villageId);
    const stageMeans = r ? (['department', 'city'] as const).filter((st) => r[st].length > 0).map((st) => ({ st, m: mean(r[st]) })) : [];
    if (stageMeans.length === 0) continue;
    const village = units.get(villageId) as RaterUnit;
    const score = mean(totals);
    const reference = mean(stageMeans.map((x) => x.m));
    out.push({ teamTownId, townId: village.parentId as string, villageId, villageName: village.name, score: round1(score), reference: round1(reference), difference: score - reference, refStages: stageMeans.map((x) => x.st) });
  }
  return out.sort((a, b) => b.difference - a.difference);
}

const nameOf = (units: Map<string, RaterUnit>, id: string) => units.get(id)?.name ?? id;
const refLabel = (rs: Residual[]) => {
  const stages = new Set(rs.flatMap((r) => r.refStages));
  return (['department', 'city'] as const).filter((s) => stages.has(s)).map((s) => refStageNames[s]).join('、');
};
const signed = (x: number) => `${x >= 0 ? '高' : '低'} ${Math.abs(round1(x)).toFixed(1)} 分`;
const present = (rs: Residual[]): FlagVillage[] => rs.map(({ villageId, villageName, score, reference, difference }) => ({ villageId, villageName, score, reference, difference: round1(difference) }));

export function analyseTeams(units: Map<string, RaterUnit>, scores: readonly RaterScore[]): TeamAnalysis {
  const notes: string[] = [];
  const all = residuals(units, scores);
  const hasMutual = scores.some((s) => s.stage === 'mutual');
  if (!hasMutual) notes.push('尚无互评分数，无法判断互评组是否偏宽或偏严。');
  else if (all.length === 0) notes.push('互评过的村还没有部门点评或市级考评分数可对照，暂不判断互评组。');

  const byTeam = groupBy(all, (r) => r.teamTownId);
  const byCell = groupBy(all, (r) => `${r.teamTownId}\u0000${r.townId}`);
  const enough = [...byTeam].filter(([, rs]) => rs.length >= R.minVillages);
  for (const [teamTownId, rs] of byTeam) {
    if (rs.length < R.minVillages) notes.push(`${nameOf(units, teamTownId)}互评组只有 ${rs.length} 个村同时有部门点评或市级考评分数（少于 ${R.minVillages} 个），不作判断。`);
  }
  // σ from every team's villages around that team's own median: leniency does not inflate it.
  const deviations = enough.flatMap(([, rs]) => {
    const m = median(rs.map((r) => r.difference));
    return rs.map((r) => r.difference - m);
  });
  const sigma = deviations.length ? Math.max(R.sigmaFloor, sigmaFromDeviations(deviations)) : null;
  // Stage 1 often scores other indicators than stages 2 and 3: a shift all teams share is no
  // team's leniency. With few teams a shared shift cannot be told from collusion, so none is removed.
  const centred = enough.length >= R.minTeamsToCentre;
  const threshold = (n: number) => Math.max(R.teamFloor, (R.k * medianErrorFactor * (sigma ?? 0)) / Math.sqrt(n));
  const commonOffset = centred ? sharedOffset(enough.map(([, rs]) => ({ m: median(rs.map((r) => r.difference)), n: rs.length })), threshold) : 0;

  const cells: TeamCell[] = [...byCell].map(([key, rs]) => {
    const [teamTownId, townId] = key.split('\u0000') as [string, string];
    const ok = rs.length >= R.minVillages && sigma !== null;
    const raw = ok ? median(rs.map((r) => r.difference)) : null;
    return { teamTownId, teamTownName: nameOf(units, teamTownId), townId, townName: nameOf(units, townId), n: rs.length, rawMedian: raw === null ? null : round1(raw), bias: raw === null ? null : round1(raw - commonOffset), villages: present(rs) };
  });
  const teams: TeamSummary[] = [...byTeam].map(([townId, rs]) => {
    const ok = rs.length >= R.minVillages && sigma !== null;
    const raw = ok ? median(rs.map((r) => r.difference)) : null;
    return { townId, name: nameOf(units, townId), n: rs.length, rawMedian: raw === null ? null : round1(raw), bias: raw === null ? null : raw - commonOffset, threshold: ok ? round1(threshold(rs.length)) : null, villages: present(rs) };
  });

  const offsetNote = centred && Math.abs(commonOffset) >= 0.05 ? `；各互评组通常${signed(commonOffset)}，已扣除` : '';
  const flags: RaterFlag[] = [];
  const paired = new Set<string>();
  for (const [key, rs] of byCell) {
    const [a, b] = key.split('\u0000') as [string, string];
    const back = byCell.get(`${b}\u0000${a}`);
    if (a > b || !back || sigma === null || rs.length < R.minVillages || back.length < R.minVillages) continue;
    const eA = median(rs.map((r) => r.difference)) - commonOffset;
    const eB = median(back.map((r) => r.difference)) - commonOffset;
    const side = (n: number) => Math.max(R.pairSideFloor, (R.pairSideK * medianErrorFactor * sigma) / Math.sqrt(n));
    const pairSe = (medianErrorFactor * sigma * Math.sqrt(1 / rs.length + 1 / back.length)) / 2;
    const effect = (eA + eB) / 2;
    if (eA <= side(rs.length) || eB <= side(back.length) || effect <= Math.max(R.teamFloor, R.k * pairSe)) continue;
    paired.add(a).add(b);
    const [na, nb] = [nameOf(units, a), nameOf(units, b)];
    const rawA = median(rs.map((r) => r.difference));
    const rawB = median(back.map((r) => r.difference));
    flags.push({
      kind: 'reciprocal_leniency', unitIds: [a, b], effect: round1(effect), n: rs.length + back.length,
      message: `${na}与${nb}互评，双方都偏高：${na}评${nb}各村比${refLabel(rs)}${signed(rawA)}（中位数，${rs.length} 个村），${nb}评${na}各村${signed(rawB)}（${back.length} 个村）${offsetNote}`,
      threshold: round1(Math.max(R.teamFloor, R.k * pairSe)), villages: present([...rs, ...back]),
    });
  }
  for (const t of teams) {
    if (t.bias === null || t.threshold === null || Math.abs(t.bias) <= t.threshold) continue;
    const lenient = t.bias > 0;
    if (lenient && paired.has(t.townId)) continue;
    const rs = byTeam.get(t.townId) as Residual[];
    const targets = [...new Set(rs.map((r) => nameOf(units, r.townId)))].join('、');
    flags.push({
      kind: lenient ? 'team_leniency' : 'team_severity', unitIds: [t.townId], effect: round1(t.bias), n: t.n,
      message: `${t.name}评${targets}各村比${refLabel(rs)}${signed(t.rawMedian as number)}（中位数，${t.n} 个村）${offsetNote}`,
      threshold: t.threshold, villages: t.villages,
    });
  }
  return { cells, teams: teams.map((t) => ({ ...t, bias: t.bias === null ? null : round1(t.bias) })), flags, notes, sigma: sigma === null ? null : Math.round(sigma * 100) / 100, commonOffset: round1(commonOffset), centred };
}

/**
 * The shift all teams share: the median of team medians, then again over the teams that do not
 * stand out from it, so two or three lenient teams do not drag the baseline toward themselves.
 */
function sharedOffset(teams: { m: number; n: number }[], threshold: (n: number) => number): number {
  const first = median(teams.map((t) => t.m));
  const usual = teams.filter((t) => Math.abs(t.m - first) <= threshold(t.n));
  return usual.length >= Math.ceil(teams.length / 2) ? median(usual.map((t) => t.m)) : first;
}

export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}
