import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser flows against the real server: one file at a time (each owns a server and a browser),
// generous timeouts because the demo city is seeded on first start.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
