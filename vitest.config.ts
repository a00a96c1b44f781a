import { defineConfig } from 'vitest/config';

// Two projects: fast pure tests, and API tests that each build an app on a fresh database.
// `npm run test:pg` re-runs the API project against DATABASE_URL (a real PostgreSQL).
export default defineConfig({
  test: {
    // Every answer of every API test is written by both response serializers and compared
    // (server/http/response-serializer.ts).
    env: { FIVESTAR_CHECK_RESPONSES: '1' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'cli/**/*.test.ts'],
          exclude: ['**/*.api.test.ts', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'api',
          include: ['server/**/*.api.test.ts', 'cli/**/*.api.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
