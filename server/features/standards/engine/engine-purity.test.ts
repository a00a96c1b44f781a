import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The engine is shared by the CLI, benchmarks and several features; it stays free of storage,
// HTTP and other features so that a rating can be reproduced from its inputs alone.
const folder = new URL('./', import.meta.url);

function importsOf(file: string): string[] {
  const text = readFileSync(new URL(file, folder), 'utf8');
  return [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
}

describe('the rating engine folder', () => {
  const files = readdirSync(folder).filter((f) => f.endsWith('.ts'));

  it('has the engine files', () => {
    expect(files).toContain('rating-engine.ts');
    expect(files).toContain('standard-validate.ts');
  });

  it.each(files)('%s imports only the engine, shared/ and libraries', (file) => {
    const bad = importsOf(file).filter((spec) => {
      if (!spec.startsWith('.')) return false;
      if (spec.startsWith('./')) return spec.includes('/', 2);
      return !spec.startsWith('../../../../shared/');
    });
    expect(bad).toEqual([]);
  });
});
