// Robust statistics for the rater analysis: medians and the median absolute deviation resist a
// few wild scores, which a mean and a standard deviation do not.

/** Scales a MAD to a standard deviation for normally distributed scores. */
export const madToSigma = 1.4826;
/** The standard error of a median is about this factor times σ/√n (normal scores). */
export const medianErrorFactor = 1.2533;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Median absolute deviation around a given centre (the values' own median by default). */
export function mad(values: readonly number[], centre: number = median(values)): number {
  return median(values.map((v) => Math.abs(v - centre)));
}

/** σ estimated from deviations that are already centred (each group's own median removed). */
export function sigmaFromDeviations(deviations: readonly number[]): number {
  return madToSigma * median(deviations.map((d) => Math.abs(d)));
}

export function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** One decimal, for effects shown to people and written to JSON. */
export const round1 = (x: number): number => Math.round(x * 10) / 10;
