// Pure: where the satisfaction figures came from, as a step of a village's explanation (also built
// in the rating worker, which loads no database code).
/** The explanation's steps with the source line put before the first satisfaction step (or last). */
export function withSourceStep<S extends { rule: string }>(steps: S[], source: string | undefined): (S | { rule: 'satisfaction_source'; text: string })[] {
  if (!source) return steps;
  const at = steps.findIndex((s) => s.rule.startsWith('satisfaction'));
  const step = { rule: 'satisfaction_source' as const, text: source };
  return at === -1 ? [...steps, step] : [...steps.slice(0, at), step, ...steps.slice(at)];
}
