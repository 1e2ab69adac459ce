/** What a benchmark scenario gets and gives back. */
import type { DatabaseKind, Db } from '../../src/adapters/db/database';
import type { Deps } from '../../src/app/ports';
import type { Rng } from '../../src/domain/household/prng';
import type { LatencySummary } from './stats';

export interface Budget {
  /** Which figure the budget is about. */
  readonly metric: 'p50' | 'p95' | 'p99' | 'rate';
  /** ms for a percentile (at most), rows/s for a rate (at least). */
  readonly limit: number;
  /** Where the budget comes from, e.g. "issue 4 item 6". */
  readonly source: string;
}

export interface Measurement {
  readonly db: DatabaseKind;
  readonly name: string;
  readonly description: string;
  /** Latency of single calls (ms), when the scenario times calls. */
  readonly latency?: LatencySummary;
  /** Calls per second (latency scenarios) or rows per second (imports). */
  readonly throughput: number;
  readonly throughputUnit: 'ops/s' | 'rows/s';
  readonly concurrency?: number;
  readonly budget?: Budget & { readonly pass: boolean; readonly value: number };
  /**
   * Our figure divided by the baseline's, measured in the same run: latency ratios (same percentile, e.g. the
   * repository lookup vs a bare SELECT) and/or the throughput ratio (e.g. verifications over HTTP vs raw
   * Ed25519 on one core). Above 1 for latency, below 1 for throughput, means slower than the ceiling.
   */
  readonly baseline?: {
    readonly name: string;
    readonly ratioP50?: number;
    readonly ratioP99?: number;
    readonly ratioThroughput?: number;
  };
  /** Process memory after the scenario (this Node process; for PGlite it includes the database). */
  readonly memory: Memory;
  /** The server processes' memory, for scenarios that run the server in its own process(es). */
  readonly serverMemory?: readonly Memory[];
  /** The machine's 1-minute load average when the figure was taken: the 2 cores are shared. */
  readonly loadAverage1m: number;
  readonly extra?: Readonly<Record<string, number | string | boolean>>;
}

export interface Memory {
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
  readonly maxRssMiB: number;
  /** Server processes, when asked to collect first: heapUsed right after a full collection (what is retained). */
  readonly heapRetainedMiB?: number;
}

export interface BenchContext {
  readonly kind: DatabaseKind;
  readonly db: Db;
  readonly deps: Deps;
  readonly quick: boolean;
  /** Minutes of the load test (`--load --minutes`). */
  readonly loadMinutes: number;
  /** How the synthetic book is loaded: bench/lib/bulk-load (default) or generateHouseholdBook. */
  readonly loader: 'bulk' | 'generate';
  /** Seeded: the same run samples the same IINs and names. */
  readonly rng: Rng;
  /** The civil date lookups ask about, and the reference year of the generated book. */
  readonly asOf: string;
  readonly referenceYear: number;
  log(message: string): void;
  record(m: Omit<Measurement, 'db' | 'memory' | 'loadAverage1m'>): Measurement;
  /** A measurement already recorded in this run on this database, for ratios. */
  find(name: string): Measurement | undefined;
}

export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** Needs no database (PDF, signatures): run once, with the first database of the run. */
  readonly once?: boolean;
  run(ctx: BenchContext): Promise<void>;
}

export function memoryNow(): Memory {
  const m = process.memoryUsage();
  const mib = (b: number) => Math.round((b / 1024 ** 2) * 10) / 10;
  return {
    rssMiB: mib(m.rss),
    heapUsedMiB: mib(m.heapUsed),
    maxRssMiB: mib(process.resourceUsage().maxRSS * 1024),
  };
}

export function checkBudget(
  budget: Budget,
  latency: LatencySummary | undefined,
  throughput: number,
): Budget & { pass: boolean; value: number } {
  const value = budget.metric === 'rate' ? throughput : (latency?.[budget.metric] ?? Number.NaN);
  const pass = budget.metric === 'rate' ? value >= budget.limit : value <= budget.limit;
  return { ...budget, value, pass };
}

/** Our figure against its ceiling measured in the same run: latency ratios, and the throughput ratio. */
export function versus(
  ours: { latency?: LatencySummary; throughput: number },
  baseline: Pick<Measurement, 'name' | 'latency' | 'throughput'>,
): NonNullable<Measurement['baseline']> {
  return {
    name: baseline.name,
    ...(ours.latency && baseline.latency
      ? {
          ratioP50: ours.latency.p50 / baseline.latency.p50,
          ratioP99: ours.latency.p99 / baseline.latency.p99,
        }
      : {}),
    ratioThroughput: ours.throughput / baseline.throughput,
  };
}
