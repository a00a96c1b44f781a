// Forward-only migrations: migrations/NNNN_name.sql, each applied once, in its own transaction.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { migrationsDir } from '../paths.js';

export type SqlRunner = {
  exec(text: string): Promise<void>;
  query(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
};
export type MigrationTarget = SqlRunner & {
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
};

export { migrationsDir };

export async function listMigrations(): Promise<string[]> {
  return (await readdir(migrationsDir)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
}

/** Applies pending migrations; returns the names applied now. */
export async function runMigrations(target: MigrationTarget): Promise<string[]> {
  await target.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const done = new Set((await target.query('SELECT name FROM schema_migrations')).map((r) => String(r.name)));
  const applied: string[] = [];
  for (const name of await listMigrations()) {
    if (done.has(name)) continue;
    const text = await readFile(path.join(migrationsDir, name), 'utf8');
    await target.transaction(async (tx) => {
      await tx.exec(text);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
    });
    applied.push(name);
  }
  return applied;
}
