#!/usr/bin/env node
// The `qosalqy` command. Runs the TypeScript sources through tsx (no separate server build step), and before
// `serve` rebuilds the web UI only when dist/web is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const st = statSync(target);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function ensureWebBuild() {
  const index = path.join(root, 'dist/web/index.html');
  if (!existsSync(path.join(root, 'src/web/index.html'))) return;
  const sources = ['src/web', 'src/i18n', 'src/domain', 'vite.config.ts'].map((p) =>
    newestMtime(path.join(root, p)),
  );
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built >= Math.max(...sources)) return;
  console.log(built ? 'The web UI sources changed: rebuilding…' : 'Building the web UI…');
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (process.argv[2] === 'serve' && !process.env.QOSALQY_SKIP_BUILD) ensureWebBuild();
register();
await import('../src/cli/main.ts');
