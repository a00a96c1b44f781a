import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ratingInputJsonSchemaUrl,
  renderRatingInputJsonSchema,
  renderStandardJsonSchema,
  standardJsonSchemaUrl,
} from './write-json-schema.js';

describe('checked-in JSON Schemas', () => {
  it('when the standard schema is regenerated from zod, then it equals standards/standard.schema.json', () => {
    // On failure run: npx tsx server/features/standards/write-json-schema.ts
    expect(readFileSync(standardJsonSchemaUrl, 'utf8')).toBe(renderStandardJsonSchema());
  });

  it('when the input schema is regenerated from zod, then it equals standards/rating-input.schema.json', () => {
    expect(readFileSync(ratingInputJsonSchemaUrl, 'utf8')).toBe(renderRatingInputJsonSchema());
  });
});
