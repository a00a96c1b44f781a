// 擂台比武: every judge of the village's panel scores the secretary's presentation; the result is
// the trimmed mean, written as the department-stage points of the arena indicator.
import type { Standard } from '../../../../shared/standards/standard.js';
import { pointsProblem } from '../../../../shared/score-cell.js';
import { roundHalfUpDiv } from '../../standards/engine/exact-math.js';

/** The indicator id the shipped standards use for the arena; a campaign may name another. */
export const defaultArenaIndicatorId = 'arenaCompetition';
/** From this many judges on, the highest and the lowest score are dropped. */
export const trimFromJudges = 5;

export type ArenaIndicator = { id: string; name: string; maxPoints: number };
export type ArenaSource = 'default' | 'campaign' | 'none';

/** Scored indicators of the department stage: the ones an arena result may fill. */
export function arenaCandidates(standard: Standard): ArenaIndicator[] {
  return standard.dimensions.flatMap((d) =>
    d.indicators.filter((i) => i.kind === 'scored' && i.stages.includes('department')).map((i) => ({ id: i.id, name: i.name, maxPoints: i.maxPoints })),
  );
}

/**
 * The campaign's arena indicator: its own setting when it has one (null: no arena), else the
 * standard's `arenaCompetition` indicator if it is a department-stage scored indicator.
 */
export function resolveArenaIndicator(standard: Standard, setting: { indicatorId: string | null } | undefined): { indicator: ArenaIndicator | null; source: ArenaSource } {
  const candidates = arenaCandidates(standard);
  if (setting) {
    const indicator = candidates.find((c) => c.id === setting.indicatorId) ?? null;
    return { indicator, source: indicator ? 'campaign' : 'none' };
  }
  const indicator = candidates.find((c) => c.id === defaultArenaIndicatorId) ?? null;
  return { indicator, source: indicator ? 'default' : 'none' };
}

export type ArenaOutcome = {
  /** The result in integer hundredths of a point. */
  meanH: number;
  trimmed: boolean;
  dropped: { highestH: number; lowestH: number } | null;
};

/**
 * The trimmed mean of the judges' scores (integer hundredths): with five judges or more one
 * highest and one lowest score are dropped (one of each even when tied), else the plain mean;
 * rounded once to hundredths, half up. Null when nobody scored.
 */
export function arenaTrimmedMean(scoresH: readonly number[]): ArenaOutcome | null {
  if (scoresH.length === 0) return null;
  const sorted = [...scoresH].sort((a, b) => a - b);
  const trimmed = sorted.length >= trimFromJudges;
  const kept = trimmed ? sorted.slice(1, -1) : sorted;
  const sum = kept.reduce((n, x) => n + x, 0);
  return {
    meanH: roundHalfUpDiv(sum, kept.length),
    trimmed,
    dropped: trimmed ? { highestH: sorted[sorted.length - 1] as number, lowestH: sorted[0] as number } : null,
  };
}

/** A judge's score must lie in 0..max with at most two decimals. */
export function arenaPointsValid(points: number, maxPoints: number): boolean {
  return pointsProblem(points, maxPoints) === null;
}
