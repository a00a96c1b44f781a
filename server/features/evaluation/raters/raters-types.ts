// What the rater analysis reports: flags in the CLI's exact shape plus what the page needs to
// show the villages behind each flag.

export const raterFlagKinds = ['reciprocal_leniency', 'team_leniency', 'team_severity', 'outlier_rater'] as const;
export type RaterFlagKind = (typeof raterFlagKinds)[number];

/** One village behind a flag: the rater's score, what it is compared with, and the gap. */
export type FlagVillage = { villageId: string; villageName: string; score: number; reference: number; difference: number };

export type RaterFlag = {
  kind: RaterFlagKind;
  /** Towns: the team's town, or the two towns of a reciprocal pair. */
  unitIds?: string[];
  /** Judges, for outlier raters. */
  raterIds?: string[];
  /** Points above (+) or below (−) the reference; for a noisy judge the ratio of spreads. */
  effect: number;
  /** Villages the flag rests on. */
  n: number;
  message: string;
  /** A noisy judge, as opposed to one that sits off the panel. */
  aspect?: 'offset' | 'noise';
  /** What the effect had to exceed at this sample size. */
  threshold: number;
  villages: FlagVillage[];
};

/** The CLI's `--json` shape: exactly these fields. */
export type PublicRaterFlag = Pick<RaterFlag, 'kind' | 'unitIds' | 'raterIds' | 'effect' | 'n' | 'message'>;

export function publicFlag(f: RaterFlag): PublicRaterFlag {
  return { kind: f.kind, ...(f.unitIds ? { unitIds: f.unitIds } : {}), ...(f.raterIds ? { raterIds: f.raterIds } : {}), effect: f.effect, n: f.n, message: f.message };
}
