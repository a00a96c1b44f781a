// Item 28 (PIPL 55-56): a personal-information impact assessment exists before discipline and
// petition data are processed, and is kept 3 years. The assessment is a written document
// (docs/security.md); what software can hold it to: it has a date, says it is kept 3 years and
// covers purpose, necessity, who sees the data, protection, risks and retention; and it names
// every column the database keeps about discipline/petition cases, so a new column (new
// processing) cannot ship without the assessment being brought up to date first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { projectRoot } from '../../paths.js';
import { openTestDatabase } from '../../../test/test-database.js';
import type { Database } from '../../db/client.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

function assessment(): string {
  const doc = readFileSync(path.join(projectRoot, 'docs', 'security.md'), 'utf8');
  const start = doc.indexOf('## PIPL impact assessment');
  expect(start).toBeGreaterThan(-1);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end === -1 ? undefined : end);
}

describe('item 28: the impact assessment for discipline and petition data', () => {
  it('when the assessment is read, then it is dated, kept 3 years and covers what PIPL art. 56 asks', () => {
    const text = assessment();
    expect(text).toMatch(/评估日期[^\n]*\d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/Kept 3 years/);
    for (const part of ['**What**', '**Purpose and necessity**', '**Who may see it**', '**Protection**', '**Risks and answers**', '**Retention**', '**Columns covered**']) {
      expect(text, part).toContain(part);
    }
  });

  it('when the database is migrated, then every column of every discipline/petition table is named by the assessment', async () => {
    const res = (await database.db.execute(
      sql`SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = 'public' AND (table_name LIKE '%violation%' OR table_name LIKE '%petition%')
          ORDER BY table_name, ordinal_position`,
    )) as unknown as { rows: { table_name: string; column_name: string }[] };
    const tables = [...new Set(res.rows.map((r) => r.table_name))];
    expect(tables).toContain('violation_records');
    const text = assessment();
    const missing: string[] = [];
    for (const table of tables) {
      // The bullet (it may wrap over several lines) that names the table.
      const line = text.split('\n- ').find((l) => l.includes(`\`${table}\``));
      for (const { column_name } of res.rows.filter((r) => r.table_name === table)) {
        if (!line || !new RegExp(`\\b${column_name}\\b`).test(line)) missing.push(`${table}.${column_name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
