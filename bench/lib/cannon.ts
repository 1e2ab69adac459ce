/**
 * HTTP load with autocannon (loopback only, bounded in time): every response's latency is kept, so the
 * percentiles are the exact nearest-rank ones of lib/stats (autocannon's own summary has no p95), and the
 * status codes are counted so that a run with errors is seen as one.
 */
import autocannon from 'autocannon';
import { type LatencySummary, summarize } from './stats';

export interface CannonOptions {
  /** http://127.0.0.1:<port> — only loopback addresses are accepted. */
  readonly url: string;
  readonly connections: number;
  /** Seconds; the run stops by itself. */
  readonly seconds: number;
  /** Requests a second over all connections (open-loop pacing); unset: as fast as the server answers. */
  readonly rate?: number;
  readonly method?: 'GET' | 'POST';
  readonly path?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** A sequence each connection runs in turn (autocannon `requests`), for bodies that vary per request. */
  readonly requests?: autocannon.Request[];
}

export interface CannonRun {
  readonly latency: LatencySummary;
  /** Each response's latency (ms). */
  readonly samples: readonly number[];
  /** Responses a second over the measured seconds. */
  readonly throughput: number;
  readonly responses: number;
  /** Responses that were not 2xx, by status. */
  readonly statuses: Record<string, number>;
  readonly non2xx: number;
  /** Connection errors and time-outs. */
  readonly errors: number;
  readonly seconds: number;
}

const LOOPBACK = /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/;

/** Load goes to loopback only (every load generator here checks its target with this). */
export function assertLoopback(url: string): void {
  if (!LOOPBACK.test(url)) throw new Error(`load goes to loopback only, not ${url}`);
}

export async function cannon(options: CannonOptions): Promise<CannonRun> {
  assertLoopback(options.url);
  const samples: number[] = [];
  const statuses: Record<string, number> = {};
  let finish!: (r: autocannon.Result) => void;
  let fail!: (e: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      // autocannon takes the path from the URL (its `path` option is not applied to a plain run).
      url: options.path ? `${options.url}${options.path}` : options.url,
      connections: options.connections,
      duration: options.seconds,
      ...(options.rate ? { overallRate: options.rate } : {}),
      method: options.method ?? 'GET',
      ...(options.headers ? { headers: options.headers } : {}),
      ...(options.body !== undefined ? { body: options.body } : {}),
      ...(options.requests ? { requests: options.requests } : {}),
      timeout: 30,
    },
    (err, result) => (err ? fail(err) : finish(result)),
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    samples.push(responseTime);
    if (statusCode < 200 || statusCode > 299) statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await done;
  return {
    latency: summarize(samples),
    samples,
    throughput: samples.length / result.duration,
    responses: samples.length,
    statuses,
    non2xx: result.non2xx,
    errors: result.errors,
    seconds: result.duration,
  };
}

/** A made-up client address per request (RFC 5737 documentation ranges), sent as X-Forwarded-For to a
 * server that trusts its proxy, so that per-address rate limits see many citizens rather than one loopback. */
export function clientAddress(i: number): string {
  const block = ['192.0.2', '198.51.100', '203.0.113'][i % 3]!;
  return `${block}.${1 + (Math.floor(i / 3) % 254)}`;
}
