/**
 * Event-loop delay (node:perf_hooks `monitorEventLoopDelay`) in milliseconds: how long a ready callback — an
 * answer from PostgreSQL, a new request, a response to time — waited for its process's loop (that process's
 * own CPU work and collections, or its core taken by another process). The load test reads it in the server
 * (lib/server-child.ts) and in the load generator, to tell whose wait a slow answer was.
 */
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

export interface LoopDelay {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** The histogram's timer fires every this many ms; its samples are the whole interval, so this is taken off. */
const RESOLUTION_MS = 10;

export function watchLoopDelay(): IntervalHistogram {
  const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  h.enable();
  return h;
}

export function loopDelayOf(h: IntervalHistogram): LoopDelay {
  const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);
  return { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) };
}
