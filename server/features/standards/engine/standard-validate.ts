import { checkStandardStructure } from './standard-checks.js';
import { checkLevelRules } from './standard-level-checks.js';
import { checkStandardRules } from './standard-rule-checks.js';
import { upgradeStandard } from './standard-upgrade.js';
import { checkFormatVersion } from './standard-version-checks.js';
import { standardSchema, type Standard } from '../../../../shared/standards/standard.js';
import { describeZodIssues, type PathError } from './zod-issues.js';

export type StandardError = PathError;
export type StandardValidation = { ok: true; standard: Standard } | { ok: false; errors: StandardError[] };

/**
 * Validates a parsed JSON document as a rating standard: first the shape (zod), then, only when
 * the shape is right, the cross-field rules. Every error carries the path to the offending place.
 */
export function validateStandard(json: unknown): StandardValidation {
  const parsed = standardSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: describeZodIssues(parsed.error, json, 'standard') };
  const errors: StandardError[] = [];
  const report = (path: string, code: string, message: string): void => {
    errors.push({ path, code, message });
  };
  checkFormatVersion(parsed.data, report);
  checkStandardStructure(parsed.data, report);
  checkStandardRules(parsed.data, report);
  checkLevelRules(parsed.data, report);
  return errors.length === 0 ? { ok: true, standard: parsed.data } : { ok: false, errors };
}

/** Thrown where a standard must already be valid (the engine). */
export class InvalidStandardError extends Error {
  readonly code = 'standard.invalid';
  constructor(readonly errors: StandardError[]) {
    super(`invalid standard: ${errors.map((e) => `${e.path} ${e.code}`).join('; ')}`);
    this.name = 'InvalidStandardError';
  }
}

export function assertValidStandard(json: unknown): Standard {
  const result = validateStandard(json);
  if (!result.ok) throw new InvalidStandardError(result.errors);
  return result.standard;
}

/** A valid standard in the current format (a format-1 file is upgraded); throws InvalidStandardError. */
export function readStandard(json: unknown): Standard {
  return upgradeStandard(assertValidStandard(json));
}
