/**
 * `npm run bench [-- options]`: the performance benchmarks (issue 4 item 6, issue 9 items 1–2), separate
 * from `npm test`. Each database gets a fresh, migrated database with the synthetic household book, then
 * the scenarios run; a table goes to stdout and the figures to bench/results/<ISO date-time>.json.
 *
 *   --quick                  PostgreSQL 20,000 households (PGlite 2,000 with --db pglite), fewer samples (< 5 min)
 *   --db pglite|postgres     only this database (default: both, PostgreSQL first)
 *   --only <name>            only scenarios whose name starts with this (repeatable; the book is loaded anyway)
 *   --households <n>         another size of book
 *   --keep                   leave the loaded database in place (its name is printed)
 *   --database <name|dir>    use this PostgreSQL database / PGlite directory (reused when it holds the book)
 *   --loader bulk|generate   how the book is loaded: bench/lib/bulk-load (default) or generateHouseholdBook
 *   --list                   list the scenarios
 *   --load [--minutes <n>]   only the load test (issue 10 item 6; also `npm run load`): n minutes (default 10)
 *                            of mixed traffic at ~100 requests/s on PostgreSQL (20,000 households unless
 *                            --households or --database say otherwise)
 *
 * PostgreSQL: BENCH_DATABASE_URL is the admin connection that creates and drops `qosalqy_bench_<timestamp>`;
 * by default the local server's Unix socket (/var/run/postgresql) when it has one, else 127.0.0.1:5432
 * (lib/target.ts DEFAULT_BENCH_DATABASE_URL). The results name the connection.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DatabaseKind } from '../src/adapters/db/database';
import { makeDeps } from '../src/adapters/runtime';
import { ROOT_DIR } from '../src/adapters/system/paths';
import { toCivil } from '../src/domain/calendar';
import { createRng } from '../src/domain/household/prng';
import { formatTable } from './lib/report';
import { type BenchContext, type Measurement, memoryNow, type Scenario } from './lib/scenario';
import {
  type DatabaseInfo,
  DEFAULT_BENCH_DATABASE_URL,
  databaseInfo,
  machineInfo,
  openTarget,
} from './lib/target';
import { baselineScenarios } from './scenarios/baselines';
import { householdScenarios, loadHouseholdBook } from './scenarios/households';
import { ensureYearOfActivity } from './scenarios/indicators';
import { httpScenarios } from './scenarios/http';
import { indicatorScenarios } from './scenarios/indicators';
import { issuanceScenarios } from './scenarios/issuance';
import { loadScenario } from './scenarios/load';
import { pscPathScenarios } from './scenarios/psc-path';
import { queueScenarios } from './scenarios/queue';

/** The registry: every scenario, in the order they run. */
export const SCENARIOS: readonly Scenario[] = [
  ...baselineScenarios,
  ...householdScenarios,
  ...httpScenarios,
  ...issuanceScenarios,
  ...pscPathScenarios,
  ...queueScenarios,
  ...indicatorScenarios,
];

const BOOK_SIZE: Record<DatabaseKind, { full: number; quick: number }> = {
  // --quick must finish in under 5 minutes on the shared 2-core machine: small books, the code paths all run.
  postgres: { full: 1_600_000, quick: 20_000 },
  pglite: { full: 100_000, quick: 2_000 },
};

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    db: { type: 'string', multiple: true },
    only: { type: 'string', multiple: true },
    households: { type: 'string' },
    keep: { type: 'boolean', default: false },
    database: { type: 'string' },
    loader: { type: 'string', default: 'bulk' },
    list: { type: 'boolean', default: false },
    load: { type: 'boolean', default: false },
    minutes: { type: 'string', default: '10' },
  },
  strict: true,
});

if (args.list) {
  console.log(`household-load   (always, before the scenarios) the synthetic book, rows/s`);
  console.log(`load             (only with --load) ${loadScenario.description}`);
  for (const s of SCENARIOS)
    console.log(`${s.name.padEnd(17)}${s.description}${s.once ? ' (once, no database)' : ''}`);
  process.exit(0);
}

const kinds = (args.db ?? (args.load || args.quick ? ['postgres'] : ['postgres', 'pglite'])).flatMap((d) =>
  d.split(','),
) as DatabaseKind[];
for (const k of kinds)
  if (k !== 'postgres' && k !== 'pglite') throw new Error(`--db: pglite or postgres, not ${k}`);
if (args.database && kinds.length > 1) throw new Error('--database names one database: add --db');
if (args.loader !== 'bulk' && args.loader !== 'generate') throw new Error('--loader: bulk or generate');
const loader = args.loader;
const only = (args.only ?? []).flatMap((o) => o.split(','));
const selected = args.load
  ? [loadScenario]
  : SCENARIOS.filter((s) => only.length === 0 || only.some((o) => s.name.startsWith(o)));
const loadMinutes = Number(args.minutes);
if (!(loadMinutes > 0)) throw new Error('--minutes: a positive number');
const households = args.households
  ? Number.parseInt(args.households, 10)
  : args.load && !args.database
    ? 20_000
    : undefined;
if (households !== undefined && !(households > 0)) throw new Error('--households: a positive integer');

const started = new Date();
const stamp = started.toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15);
const adminUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
const log = (message: string) =>
  process.stderr.write(`[${((performance.now() / 1000) | 0).toString().padStart(5)} s] ${message}\n`);

const loadAverageAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
const measurements: Measurement[] = [];
const databases: Record<string, DatabaseInfo & { location: string; kept: boolean; households: number }> = {};
const failures: string[] = [];
const today = toCivil(started.getTime()).date;

for (const kind of kinds) {
  const size = households ?? BOOK_SIZE[kind][args.quick ? 'quick' : 'full'];
  log(`${kind}: opening the database…`);
  const target = await openTarget(kind, { adminUrl, keep: args.keep, database: args.database, stamp });
  log(`${kind}: ${target.reused ? 'reusing' : 'created'} ${target.location}`);
  try {
    databases[kind] = {
      ...(await databaseInfo(target)),
      location: target.location,
      kept: args.keep,
      households: size,
    };
    const ctx: BenchContext = {
      kind,
      db: target.db,
      deps: await makeDeps(target.db),
      quick: args.quick,
      loadMinutes,
      loader,
      rng: createRng(`qosalqy-bench-${kind}`),
      asOf: today,
      referenceYear: Number(today.slice(0, 4)),
      log: (m) => log(`${kind}: ${m}`),
      record(m) {
        const full: Measurement = {
          ...m,
          db: kind,
          memory: memoryNow(),
          loadAverage1m: Math.round(os.loadavg()[0]! * 100) / 100,
        };
        measurements.push(full);
        log(`${kind}: ${formatTable([full]).split('\n').at(-1)}`);
        return full;
      },
      find: (name) => measurements.find((x) => x.db === kind && x.name === name),
    };
    await loadHouseholdBook(ctx, size);
    // A year of activity behind the book, before the scenarios (issue 9): a full run, or any run that measures
    // the indicators. A run narrowed with --only to other scenarios skips it (it takes minutes), and so does
    // the load test, which is specified on a fresh book.
    const wantsActivity = only.length === 0 || selected.some((s) => s.name === 'indicators');
    if (!args.load && wantsActivity) await ensureYearOfActivity(ctx);
    for (const scenario of selected) {
      if (scenario.once && kind !== kinds[0]) continue;
      log(`${kind}: ${scenario.name}…`);
      try {
        await scenario.run(ctx);
      } catch (e) {
        // One broken scenario should not cost the other figures of a 30-minute run.
        failures.push(`${kind} ${scenario.name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        log(`${kind}: ${scenario.name} FAILED: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  } finally {
    await target.close();
    log(`${kind}: ${args.keep || target.reused ? `kept ${target.location}` : `removed ${target.location}`}`);
  }
}

const finished = new Date();
const resultsDir = path.join(ROOT_DIR, 'bench/results');
mkdirSync(resultsDir, { recursive: true });
const file = path.join(
  resultsDir,
  `${started
    .toISOString()
    .replace(/:/g, '-')
    .replace(/\.\d+Z$/, 'Z')}.json`,
);
writeFileSync(
  file,
  `${JSON.stringify(
    {
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      quick: args.quick,
      machine: { ...machineInfo(), loadAverageAtStart },
      databases,
      measurements,
      failures,
    },
    null,
    2,
  )}\n`,
);

console.log(formatTable(measurements));
console.log(
  `\n${measurements.length} figures in ${((finished.getTime() - started.getTime()) / 1000).toFixed(0)} s → ${path.relative(process.cwd(), file)}`,
);
if (failures.length) {
  console.error(`\n${failures.length} scenario(s) failed:\n${failures.join('\n')}`);
  process.exitCode = 1;
}
