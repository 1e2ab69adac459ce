#!/usr/bin/env node
// `npm test`: the whole suite, in the order that fails fastest — format/lint, types, the layer rule,
// then unit, integration (PGlite always, PostgreSQL when TEST_DATABASE_URL is set) and e2e tests.
import { spawnSync } from 'node:child_process';

const steps = [
  ['lint and format (biome)', 'npx', ['biome', 'check', '.']],
  ['typecheck (tsc)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['layer rule (dependency-cruiser)', 'npx', ['depcruise', 'src', '--config', '.dependency-cruiser.cjs']],
  ['dependency audit (runtime, high and critical)', 'node', ['scripts/dependency-audit.mjs']],
  // The e2e tests drive the built UI: build it from the sources under test, never test a stale dist/.
  ['web build (vite)', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  [
    'tests (vitest: unit, integration, e2e)',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=./scripts/summary-reporter.mjs'],
  ],
];

for (const [title, cmd, args] of steps) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✖ ${title} failed after ${seconds}s`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${title} (${seconds}s)`);
}
