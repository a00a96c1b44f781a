// Pure rules of who evaluates whom.
export type TownRef = { id: string; name: string };

/** Each town evaluates the next one in order (the last evaluates the first): nobody its own. */
export function proposeRotation(towns: TownRef[]): { evaluatorTownId: string; targetTownId: string }[] {
  if (towns.length < 2) return [];
  return towns.map((t, i) => ({ evaluatorTownId: t.id, targetTownId: (towns[(i + 1) % towns.length] as TownRef).id }));
}

/** Problems of a team plan: a town evaluating itself, or twice, or a town evaluated twice. */
export function teamPlanProblems(teams: { evaluatorTownId: string; targetTownId: string }[]): string[] {
  const problems: string[] = [];
  const evaluators = new Set<string>();
  const targets = new Set<string>();
  for (const t of teams) {
    if (t.evaluatorTownId === t.targetTownId) problems.push('self');
    if (evaluators.has(t.evaluatorTownId)) problems.push('evaluator_twice');
    if (targets.has(t.targetTownId)) problems.push('target_twice');
    evaluators.add(t.evaluatorTownId);
    targets.add(t.targetTownId);
  }
  return problems;
}
