import type { StandardDetail, StandardSummary } from '../../../shared/contracts/standards.js';
import type { Standard } from '../../../shared/standards/standard.js';
import type { StandardRow } from './standards.queries.js';

export function presentStandardSummary(row: StandardRow): StandardSummary {
  const doc = row.document as Standard;
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: row.name,
    region: row.region,
    year: row.year,
    totalMaxScore: doc.totalMaxScore,
    dimensionCount: doc.dimensions.length,
    indicatorCount: doc.dimensions.reduce((n, d) => n + d.indicators.length, 0),
    locked: row.lockedAt !== null,
    lockedReason: row.lockedReason,
    clonedFrom: row.clonedFrom,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentStandardDetail(row: StandardRow): StandardDetail {
  return { ...presentStandardSummary(row), document: row.document as Record<string, unknown> };
}
