/**
 * The national indicator table for a year (issue 8 item 6): ≤ 1 s p95 on PostgreSQL over 5 million
 * applications, 5 million queue tickets and 2 million survey answers. A year of activity is bulk-loaded
 * (bench/lib/activity-load.ts) into the year before the reference year; the daily roll-ups are built once (the
 * first read after a bulk load rebuilds every day it touched — measured apart); then the ministry analyst's
 * table for the year is timed through the use case the HTTP route calls (`getIndicators`). A second series
 * writes one late fact (an old application decided) before every read, so each read also rebuilds a day.
 *
 *   npm run bench -- --db postgres --only indicators --households 20000
 */
import { type RawBuilder, sql } from 'kysely';
import { getIndicators } from '../../src/app/kpi/get-indicators';
import type { UserRecord } from '../../src/app/ports';
import { addUser } from '../../src/app/users/add-user';
import { type ActivityCounts, loadActivity } from '../lib/activity-load';
import { type BenchContext, type Budget, checkBudget, type Scenario } from '../lib/scenario';
import { summarize, timeCalls } from '../lib/stats';

const BUDGET = {
  metric: 'p95',
  limit: 1000,
  source: 'issue 8 item 6: national table for a year over 5M applications, 5M tickets, 2M answers ≤ 1 s p95',
} as const satisfies Budget;

const FULL: ActivityCounts = {
  applications: 5_000_000,
  documents: 1_000_000,
  tickets: 5_000_000,
  complaints: 50_000,
  surveys: 2_000_000,
};
const scaled = (f: number): ActivityCounts => ({
  applications: FULL.applications / f,
  documents: FULL.documents / f,
  tickets: FULL.tickets / f,
  complaints: FULL.complaints / f,
  surveys: FULL.surveys / f,
});

/** The issue's sizes on PostgreSQL; PGlite (one process, in memory) gets a 25th, --quick a 100th. */
function sizes(ctx: BenchContext): ActivityCounts {
  if (ctx.quick) return scaled(100);
  return ctx.kind === 'postgres' ? FULL : scaled(25);
}

async function ministryAnalyst(ctx: BenchContext): Promise<UserRecord> {
  const username = 'bench.ministry';
  const made = await addUser(ctx.deps, {
    username,
    password: 'bench-ministry-password',
    displayName: 'Bench Ministry',
    role: 'ministry_analyst',
  });
  if (!made.ok && made.error.code !== 'USER.EXISTS') throw new Error(made.error.code);
  const user = await ctx.deps.uow.run((repos) => repos.users.findByUsername(username));
  if (!user) throw new Error('no bench ministry user');
  return user;
}

const count = async (ctx: BenchContext, query: RawBuilder<{ n: string }>) =>
  Number((await query.execute(ctx.db.kysely)).rows[0]?.n ?? 0);

/**
 * "A year of activity" (issue 9 item 1) in the year before the reference year: loaded once, before any scenario
 * runs (bench/run.ts), so every scenario of a full run measures a book with a year of applications, documents,
 * tickets, complaints and survey answers behind it; a kept database that already holds them is reused.
 */
export async function ensureYearOfActivity(ctx: BenchContext): Promise<void> {
  const year = ctx.referenceYear - 1;
  const want = sizes(ctx);
  const have = await count(
    ctx,
    sql`select count(*) as n from applications
          where received_at >= ${`${year}-01-01T00:00:00+05:00`} and received_at < ${`${year + 1}-01-01T00:00:00+05:00`}`,
  );
  if (have < want.applications) {
    ctx.log(`indicators: loading a year of activity (${year}): ${JSON.stringify(want)}`);
    const loaded = await loadActivity(ctx.db, year, want, ctx.log);
    ctx.record({
      name: 'indicators.activity-load',
      description: `a year of activity by INSERT … SELECT generate_series (${loaded.akimats} akimats, ${loaded.pscs} PSCs)`,
      throughput: loaded.rows / loaded.seconds,
      throughputUnit: 'rows/s',
      extra: { rows: loaded.rows, seconds: Math.round(loaded.seconds) },
    });
  } else {
    ctx.log(`indicators: ${have} applications of ${year} already there`);
  }
}

const nationalTable: Scenario = {
  name: 'indicators',
  description: 'the national Appendix 3 table for a year over a bulk-loaded year of activity (p95 ≤ 1 s)',
  async run(ctx) {
    await ensureYearOfActivity(ctx);
    const year = ctx.referenceYear - 1;
    const want = sizes(ctx);

    // The first read after a bulk load rebuilds every day the load touched.
    const t0 = performance.now();
    const days = Number(
      (await sql<{ days: number }>`select kpi_refresh() as days`.execute(ctx.db.kysely)).rows[0]?.days ?? 0,
    );
    const buildSeconds = (performance.now() - t0) / 1000;
    // What autovacuum does after a bulk change; the rebuild leaves the monthly rows' old versions behind.
    await sql`vacuum analyze kpi_daily, kpi_monthly`.execute(ctx.db.kysely);
    const rolled = await count(ctx, sql`select count(*) as n from kpi_daily`);
    ctx.record({
      name: 'indicators.rollup-build',
      description: `kpi_refresh() after the bulk load: ${days} days rebuilt into ${rolled} roll-up rows`,
      throughput: days / Math.max(buildSeconds, 1e-3),
      throughputUnit: 'rows/s',
      extra: { days, rollupRows: rolled, seconds: Math.round(buildSeconds * 10) / 10 },
    });

    const user = await ministryAnalyst(ctx);
    const samples = ctx.quick ? 10 : 40;
    let offices = 0;
    const read = async () => {
      const table = await getIndicators(ctx.deps, user, { period: String(year) });
      if (!table.ok) throw new Error(table.error.code);
      offices = table.value.rows.length;
      const onTime = table.value.total.indicators.find((c) => c.code === '1.1');
      if (!onTime || onTime.value.denominator === 0) throw new Error('1.1 counted nothing');
    };
    const steady = await timeCalls(samples, read, { warmup: 3 });
    const latency = summarize(steady.samples);
    ctx.record({
      name: 'indicators.national-year',
      description: `GET /api/v1/indicators?period=${year} as the ministry analyst (use case), country and its oblasts`,
      latency,
      throughput: (samples * 1000) / steady.wallMs,
      throughputUnit: 'ops/s',
      ...(ctx.kind === 'postgres' ? { budget: checkBudget(BUDGET, latency, 0) } : {}),
      extra: { ...want, oblastRows: offices, rollupRows: rolled },
    });

    // Late data: before each read an application received on an old day is decided, so the read rebuilds it.
    const ids = (
      await sql<{ id: string }>`select id from applications
        where received_at >= ${`${year}-02-01T00:00:00+05:00`} and received_at < ${`${year}-11-01T00:00:00+05:00`}
        order by id limit ${samples}`.execute(ctx.db.kysely)
    ).rows.map((r) => r.id);
    const late = await timeCalls(ids.length, async (i) => {
      await sql`update applications
        set state = jsonb_set(state, '{completedAt}', to_jsonb(${new Date().toISOString()}::text))
        where id = ${ids[i]!}`.execute(ctx.db.kysely);
      await read();
    });
    const lateLatency = summarize(late.samples);
    ctx.record({
      name: 'indicators.national-year-late',
      description:
        'the same table right after a late decision on an old day (write + rebuild that day + read)',
      latency: lateLatency,
      throughput: (ids.length * 1000) / late.wallMs,
      throughputUnit: 'ops/s',
    });
  },
};

export const indicatorScenarios: readonly Scenario[] = [nationalTable];
