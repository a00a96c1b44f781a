// Where the files that ship beside the code live (migrations, standards, the built web pages).
// Found from the project root, not relative to this file, so the same code works run from the
// TypeScript sources (tsx, tests) and from the compiled bundle in dist/node/.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'migrations'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('fivestar: project root (package.json + migrations/) not found');
    dir = parent;
  }
}

export const projectRoot = findProjectRoot();
export const migrationsDir = path.join(projectRoot, 'migrations');
export const standardsDir = path.join(projectRoot, 'standards');
export const webDir = path.join(projectRoot, 'dist', 'web');
