// 群众测评: the survey counts a team enters, checked the way the rating engine will read them.
// How a "基本满意" answer counts is the standard's business (satisfaction.basicallySatisfiedCredit):
// the counts go to the engine as they are, and the rate shown is the one the engine computes.
import type { Standard } from '../../../../shared/standards/standard.js';
import type { SatisfactionInput } from '../../standards/engine/rating-input.js';

export type SurveyCounts = { sampleSize: number; satisfied: number; basicallySatisfied: number; unsatisfied: number };
export type SurveyProblem = 'counts_mismatch' | 'sample_too_small';

export function surveyProblems(counts: SurveyCounts, standard: Standard): SurveyProblem[] {
  const problems: SurveyProblem[] = [];
  if (counts.satisfied + counts.basicallySatisfied + counts.unsatisfied !== counts.sampleSize) problems.push('counts_mismatch');
  const min = standard.satisfaction?.minSampleSize;
  if (min !== undefined && counts.sampleSize < min) problems.push('sample_too_small');
  return problems;
}

export const surveyProblemText: Record<SurveyProblem, string> = {
  counts_mismatch: '满意、基本满意、不满意人数之和应等于样本数',
  sample_too_small: '样本数少于评星标准要求的最少人数',
};

/** The engine's input shape (rating-input.ts `satisfactionCountsSchema`). */
export function satisfactionInput(c: SurveyCounts): SatisfactionInput {
  return { sampleSize: c.sampleSize, satisfied: c.satisfied, basicallySatisfied: c.basicallySatisfied, unsatisfied: c.unsatisfied };
}

export const basicallySatisfiedCredit = (standard: Standard) => standard.satisfaction?.basicallySatisfiedCredit ?? 100;
