// Opening the database and building the app from configuration: shared by main.ts and the CLI.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';
import { webDir } from './paths.js';
import { openDatabase, type Database } from './db/client.js';

export { webDir };

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ kind: 'postgres', url: config.databaseUrl, ownerUrl: config.databaseOwnerUrl ?? undefined });
  const dir = path.join(config.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  return openDatabase({ kind: 'pglite', dataDir: dir });
}
