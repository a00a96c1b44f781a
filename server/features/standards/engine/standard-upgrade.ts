import { stageIds, type LegacyStageId, type Standard } from '../../../../shared/standards/standard.js';

// Format 1 → format 2. Format 2 is a superset of format 1: what changes on reading an old file
// is only what format 1 left implicit. Stages get their kind from their id (the three ids of
// format 1 are also kinds) and are put in the order the format-1 engine used (mutual, department,
// city), so an upgraded standard rates every campaign exactly as before (a test runs every
// shipped standard both ways).

export function formatVersionOf(standard: Pick<Standard, 'formatVersion'>): 1 | 2 {
  return standard.formatVersion === 2 ? 2 : 1;
}

/** The standard in format 2 (a format-2 standard is returned as it is). Expects a valid standard. */
export function upgradeStandard(standard: Standard): Standard {
  if (formatVersionOf(standard) === 2) return standard;
  const order = (id: string): number => stageIds.indexOf(id as LegacyStageId);
  const stages = [...standard.stages]
    .sort((a, b) => order(a.id) - order(b.id))
    .map((stage) => ({ ...stage, kind: stage.id as LegacyStageId }));
  return { ...standard, formatVersion: 2, stages };
}
