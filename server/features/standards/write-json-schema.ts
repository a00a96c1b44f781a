import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ratingInputSchema } from './engine/rating-input.js';
import { standardSchema } from '../../../shared/standards/standard.js';

// Writes the JSON Schemas of the standard and of the rating input, generated from the zod schemas,
// into standards/. Editors use them for completion in a standard file ("$schema"). A unit test
// fails when the checked-in files differ from what this script would write.
// Run: npx tsx server/features/standards/write-json-schema.ts

export const standardJsonSchemaUrl = new URL('../../../standards/standard.schema.json', import.meta.url);
export const ratingInputJsonSchemaUrl = new URL('../../../standards/rating-input.schema.json', import.meta.url);

export function renderStandardJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(standardSchema, { target: 'draft-2020-12' }), null, 2)}\n`;
}

export function renderRatingInputJsonSchema(): string {
  const schema = z.toJSONSchema(ratingInputSchema.meta({ title: 'Rating input (评星数据)' }), { target: 'draft-2020-12' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export function writeJsonSchemas(): string[] {
  writeFileSync(standardJsonSchemaUrl, renderStandardJsonSchema());
  writeFileSync(ratingInputJsonSchemaUrl, renderRatingInputJsonSchema());
  return [fileURLToPath(standardJsonSchemaUrl), fileURLToPath(ratingInputJsonSchemaUrl)];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const file of writeJsonSchemas()) process.stdout.write(`wrote ${file}\n`);
}
