// `npm install` builds the web UI so that `npm start` can serve at once (issue: foundation).
// Skipped when the UI sources are not there (an install of the package as a dependency).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (existsSync('vite.config.ts') && existsSync('src/web/index.html') && !process.env.QOSALQY_SKIP_BUILD) {
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
