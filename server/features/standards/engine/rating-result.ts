import type { StageId } from '../../../../shared/standards/standard.js';

// The engine's output. Points are numbers with at most two decimals (exact hundredths divided by
// 100), rates are percentages with two decimals. Every explanation step is machine-readable
// (`rule` plus its numbers; `before`/`after` are scores or stars) and carries a Chinese `text`.

export type MissingItem =
  | { kind: 'score'; stage: StageId; indicatorId: string }
  | { kind: 'figure'; figure: string }
  | { kind: 'satisfaction' };

/** A bonus or deduction item given above its own maximum; real schemes write 每项1分，最多3分, so it counts at the maximum. */
export type ClippedItem = { id: string; name: string; given: number; maxPoints: number; count?: number };

export type ExplanationStep =
  | { rule: 'missing_data'; missing: MissingItem[]; text: string }
  | {
      rule: 'formula';
      indicatorId: string;
      figure: string;
      value: number | null;
      mapping: 'piecewise' | 'steps';
      maxPoints: number;
      before: null;
      after: number;
      text: string;
    }
  | {
      rule: 'stage_weight';
      weights: Partial<Record<StageId, number>>;
      referenceOnly: StageId[];
      stageScores: Partial<Record<StageId, number>>;
      formulaPoints: number;
      before: null;
      after: number;
      text: string;
    }
  | {
      rule: 'dimension_round';
      /** Sum of the dimension scores as shown (each rounded to two decimals). */
      shownSum: number;
      /** The indicator score, rounded once from the exact sum. */
      after: number;
      before: null;
      text: string;
    }
  | { rule: 'satisfaction_weight'; rate: number | null; weightPercent: number; before: number; after: number; text: string }
  | {
      rule: 'bonus' | 'deduction';
      items: Record<string, number>;
      /** Items given above their own maximum and counted at it. */
      clipped: ClippedItem[];
      claimed: number;
      cap: number;
      before: number;
      after: number;
      text: string;
    }
  | { rule: 'score_floor'; before: number; after: number; text: string }
  | { rule: 'score_round'; exact: string; before: null; after: number; text: string }
  | {
      rule: 'named_stars';
      dimensions: {
        dimension: string;
        name: string;
        score: number;
        minPoints: number;
        earned: boolean;
        /** The named star's second tier (format 2), when the standard sets one. */
        higher?: { name: string; minPoints: number; earned: boolean };
      }[];
      before: null;
      after: number;
      text: string;
    }
  | {
      rule: 'level';
      scheme: 'thresholds' | 'namedStars';
      score: number;
      namedStars: number | null;
      matched: { stars: number; minScore: number | null; minNamedStars: number | null } | null;
      before: null;
      after: number;
      text: string;
    }
  | {
      rule: 'prerequisite';
      stars: number;
      requirement: 'lastYearStars' | 'figure';
      figure: string | null;
      required: number;
      actual: number | null;
      met: boolean;
      before: number;
      after: number;
      text: string;
    }
  | { rule: 'satisfaction_cap'; rate: number | null; belowPercent: number; maxStars: number; before: number; after: number; text: string }
  | {
      rule: 'veto';
      category: string;
      name: string;
      effect: 'noRating' | 'capStars' | 'lowerStars';
      maxStars: number | null;
      by: number | null;
      reasons: string[];
      before: number | null;
      after: number | null;
      text: string;
    }
  | {
      rule: 'data_rule';
      name: string;
      figure: string;
      value: number | null;
      min: number;
      effect: 'noRating' | 'capStars' | 'lowerStars';
      before: number | null;
      after: number | null;
      text: string;
    }
  | { rule: 'violation_not_listed'; category: string; reasons: string[]; before: number | null; after: number | null; text: string }
  | {
      rule: 'quota';
      scope: 'city' | 'town';
      stars: number;
      maxPercent: number;
      base: number;
      limit: number;
      poolSize: number;
      position: number;
      kept: boolean;
      /** At the quota boundary: the village on the other side, the keys both share and the key that decided. */
      tieBreak: { with: string; equalOn: string[]; decidedBy: string } | null;
      /** 'target' for a quota given as about a share (format 2); absent for "at most". */
      kind?: 'target';
      /** Villages tied on every order key at the boundary, settled by the standard's tie policy (format 2). */
      tie?: { policy: 'allKeep' | 'refer'; villages: string[] };
      before: number;
      after: number;
      text: string;
    }
  | {
      rule: 'minimum_share';
      scope: 'city' | 'town';
      atMostStars: number;
      minPercent: number;
      base: number;
      required: number;
      before: number;
      after: number;
      text: string;
    }
  | { rule: 'outcome'; stars: number | null; label: string | null; before: null; after: number | null; text: string };

export type RuleName = ExplanationStep['rule'];

export type VillageResult = {
  id: string;
  name: string;
  townId: string;
  townName: string;
  finalScore: number;
  baseScore: number;
  stageScores: Partial<Record<StageId, number>>;
  dimensionScores: Record<string, number>;
  satisfactionRate: number | null;
  bonusPoints: number;
  deductionPoints: number;
  /** Level before prerequisites, caps, vetoes and quotas. */
  levelFromScore: number;
  /** Final stars; null when a veto removed the rating. */
  stars: number | null;
  /** Ids of the dimensions whose named star was earned. */
  namedStars: string[];
  /** Ids of the dimensions whose named star reached its higher tier; only when the standard has tiers (format 2). */
  higherNamedStars?: string[];
  /** Outcome label of the final level (达标, 和美家园, 合格 …); only when the standard has outcomes (format 2); null when vetoed. */
  label?: string | null;
  /** True when a veto removed the rating (一票否决). Caps and downgrades leave it false. */
  vetoed: boolean;
  rankInTown: number | null;
  rankInCity: number | null;
  /** Short Chinese notes for tables (veto, caps, quota, missing data). */
  notes: string[];
  explanation: ExplanationStep[];
};

export type TownStep =
  | { rule: 'town_own_score'; ownScore: number; maxScore: number; text: string }
  | {
      rule: 'town_villages';
      villageCount: number;
      byStars: Record<string, number>;
      vetoed: number;
      averageStars: number | null;
      text: string;
    }
  | {
      rule: 'town_level';
      ownScore: number | null;
      matched: { stars: number } | null;
      checks: { stars: number; condition: 'ownScore' | 'averageVillageStars' | 'shareOfVillages'; required: number; actual: number | null; met: boolean }[];
      before: null;
      after: number;
      text: string;
    }
  | { rule: 'town_veto_cap'; vetoedVillages: number; maxStars: number; before: number; after: number; text: string }
  | { rule: 'missing_data'; missing: { kind: 'townScore' }[]; text: string };

export type TownResult = {
  id: string;
  name: string;
  ownScore: number | null;
  villageCount: number;
  averageVillageStars: number | null;
  /** Null when the standard has no town scheme. */
  stars: number | null;
  explanation: TownStep[];
};

export type RatingSummary = {
  villages: number;
  vetoed: number;
  byStars: Record<string, number>;
  /** Villages by outcome label; only when the standard has outcomes (format 2). */
  byLabel?: Record<string, number>;
  /** Share of all villages at three stars or more, in percent (two decimals, half up). */
  atLeastThreeStarsPercent: number;
  townsByStars: Record<string, number>;
};

/** Villages tied at a quota boundary that the standard refers to the department (ties: 'refer'). */
export type Referral = {
  scope: 'city' | 'town';
  /** The town of a town-scope quota; null for the city. */
  townId: string | null;
  stars: number;
  /** Places still open among the tied villages. */
  places: number;
  /** Ids of the tied villages; until decided each has one star less. */
  villages: string[];
  text: string;
};

export type RatingResult = {
  standard: { id: string; name: string; version: string };
  /** Ties for the department to decide (format 2, ties: 'refer'); only present when there are some. */
  referrals?: Referral[];
  /** Rated villages in city ranking order, then vetoed villages by name. */
  villages: VillageResult[];
  /** Towns by stars, own score and name. */
  towns: TownResult[];
  summary: RatingSummary;
};
