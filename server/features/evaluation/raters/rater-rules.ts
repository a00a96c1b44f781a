// The thresholds of the rater analysis in one place (docs/raters.md explains each). Scores are on
// a 0–100 scale, so the floors are points of a hundred.

export const raterRules = {
  /** A team is judged on at least this many villages that also have a department or city score. */
  minVillages: 5,
  /** A judge is judged on at least this many villages scored beside two or more other judges. */
  minJudgeVillages: 5,
  /** A panel median needs the judge plus at least two others. */
  minJudgesPerVillage: 3,
  /** Below this gap nobody acts on a flag, however sure the statistics are. */
  teamFloor: 3,
  judgeFloor: 3,
  /** How many standard errors of a median a bias must exceed (about 1% of clean teams by chance). */
  k: 2.5,
  /** Each side of a reciprocal pair must be lenient by this much; the pair's mean must pass k. */
  pairSideK: 1.5,
  pairSideFloor: 2,
  /** A judge is noisy when their typical deviation is this many times the others' … */
  noiseRatio: 1.8,
  /** … and at least this many points. */
  noiseFloor: 3,
  /** Below this many teams the common offset of stage 1 cannot be told from a shared leniency. */
  minTeamsToCentre: 6,
  /** Perfectly agreeing scores give a zero MAD: never divide by less than this. */
  sigmaFloor: 0.5,
} as const;

export const refStageNames = { department: '部门点评', city: '市级考评' } as const;
