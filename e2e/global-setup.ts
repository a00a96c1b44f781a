import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The server serves the built admin bundle, so the flows test what ships. Set E2E_SKIP_BUILD=1
 * to reuse an existing dist/web while iterating on tests only.
 */
export default function setup(): void {
  const built = existsSync(`${repoRoot}/dist/web/admin/index.html`);
  if (process.env.E2E_SKIP_BUILD === '1' && built) return;
  // Vite keeps an inherited NODE_ENV; under vitest that is "test", which would ship React's and
  // antd's development builds. Test what users get.
  const result = spawnSync('npm', ['run', 'build:web', '--silent'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('npm run build:web failed; cannot run browser tests');
}
