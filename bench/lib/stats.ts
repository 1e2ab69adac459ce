/**
 * Latency statistics for the benchmarks. No HDR-histogram library is installed, and a benchmark keeps at most
 * a few thousand samples, so the exact nearest-rank percentile over the sorted samples is used instead.
 */

export interface LatencySummary {
  readonly n: number;
  readonly min: number;
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentile (the smallest sample with at least p% of the samples at or below it). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    n: sorted.length,
    min: sorted[0] ?? Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

export interface TimedRun {
  /** Milliseconds of each measured call. */
  readonly samples: number[];
  /** Wall-clock milliseconds of the measured calls (excluding the warm-up). */
  readonly wallMs: number;
}

/**
 * Calls `work(i)` for i in [0, n) with `concurrency` callers in flight. Before that, `warmup` unmeasured
 * calls of `warmupWork(i)` (default `work`), one at a time: give them inputs other than the measured ones,
 * so that the measured calls do not find their own rows already cached.
 */
export async function timeCalls(
  n: number,
  work: (i: number) => Promise<unknown>,
  options: { warmup?: number; concurrency?: number; warmupWork?: (i: number) => Promise<unknown> } = {},
): Promise<TimedRun> {
  const warm = options.warmupWork ?? work;
  for (let i = 0; i < (options.warmup ?? 0); i++) await warm(i);
  const samples = new Array<number>(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const t0 = performance.now();
      await work(i);
      samples[i] = performance.now() - t0;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  return { samples, wallMs: performance.now() - started };
}
