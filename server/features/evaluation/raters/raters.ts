// The rater analysis: stage-1 teams against the later stages, and arena judges against their
// panel. Pure: the CLI runs it on a file, the campaign page on the campaign's own scores.
import type { RatersInput, RaterUnit } from './raters-input.js';
import { analyseJudges, type JudgeSummary } from './judge-deviation.js';
import { analyseTeams, type TeamCell, type TeamSummary } from './team-bias.js';
import type { RaterFlag } from './raters-types.js';

export type RatersAnalysis = {
  flags: RaterFlag[];
  cells: TeamCell[];
  teams: TeamSummary[];
  judges: JudgeSummary[];
  /** Why something was not judged (too few samples, a stage without scores). */
  notes: string[];
  scales: { teamSigma: number | null; judgeSigma: number | null; commonOffset: number; centred: boolean };
};

const kindOrder = { reciprocal_leniency: 0, team_leniency: 1, team_severity: 2, outlier_rater: 3 } as const;

/** `raterNames` gives judges a readable name in messages (the CLI has only ids). */
export function analyseRaters(input: RatersInput, raterNames: ReadonlyMap<string, string> = new Map()): RatersAnalysis {
  const units = new Map<string, RaterUnit>(input.units.map((u) => [u.id, u]));
  const teams = analyseTeams(units, input.scores);
  const judges = analyseJudges(units, input.scores, raterNames);
  const flags = [...teams.flags, ...judges.flags].sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || Math.abs(b.effect) - Math.abs(a.effect));
  return {
    flags,
    cells: teams.cells,
    teams: teams.teams,
    judges: judges.judges,
    notes: [...teams.notes, ...judges.notes],
    scales: { teamSigma: teams.sigma, judgeSigma: judges.sigma, commonOffset: teams.commonOffset, centred: teams.centred },
  };
}
