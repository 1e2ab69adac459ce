/**
 * Open-loop load at an even rate (the load test, issue 10 item 6): the requests of a kind go out evenly spaced —
 * `rate` a second, one every 1/rate s — as k6's constant-arrival-rate does. autocannon's own `overallRate` sends
 * each connection's quota for the second back to back when its one-second timer fires, and every connection's
 * timer starts at the same moment: a hundred requests of five kinds arrived together at the top of each second
 * and waited behind each other (lookup p50 61 ms at a load average of 0.3 — the generator's burst, not the
 * server). Same options and result as lib/cannon.ts, same request sequences (setupRequest / onResponse with a
 * per-connection context), over undici.
 *
 * Each of `connections` lanes runs its sequence in order, one request at a time, like a connection of
 * autocannon; lane k sends its j-th request at phase + (k + j·connections)/rate seconds. A lane whose previous
 * answer has not come back by its next slot sends as soon as it does (counted in `late`): the lanes are the
 * ceiling on requests in flight, as connections were.
 */
import type autocannon from 'autocannon';
import { Pool } from 'undici';
import { assertLoopback, type CannonOptions, type CannonRun } from './cannon';
import { summarize } from './stats';

export interface PacedRun extends CannonRun {
  /** Requests sent after their slot because the lane's previous answer was still out. */
  readonly late: number;
  /** When each response's request went out (ms since the epoch), in the order of `samples`. */
  readonly sentAt: readonly number[];
}

type Prepared = { method: string; path: string; headers?: Record<string, string>; body?: string };

export async function paced(
  options: CannonOptions & { readonly rate: number; readonly phase?: number },
): Promise<PacedRun> {
  assertLoopback(options.url);
  const pool = new Pool(options.url, { connections: options.connections, keepAliveTimeout: 30_000 });
  const sequence: autocannon.Request[] = options.requests ?? [
    {
      method: options.method ?? 'GET',
      path: options.path ?? '/',
      ...(options.headers ? { headers: options.headers } : {}),
      ...(options.body !== undefined ? { body: options.body } : {}),
    },
  ];
  const samples: number[] = [];
  const sentAt: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let late = 0;
  const intervalMs = 1000 / options.rate;
  const phaseMs = (options.phase ?? 0) * intervalMs;
  const started = performance.now();
  const endAt = started + options.seconds * 1000;

  const lane = async (k: number) => {
    const context: Record<string, unknown> = {};
    for (let j = 0; ; j++) {
      const slot = started + phaseMs + (k + j * options.connections) * intervalMs;
      if (slot >= endAt) return;
      const wait = slot - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      else if (j > 0) late++;
      const step = sequence[j % sequence.length]!;
      const base: Prepared = {
        method: step.method ?? 'GET',
        path: step.path ?? '/',
        ...(step.headers ? { headers: step.headers as Record<string, string> } : {}),
        ...(step.body !== undefined ? { body: String(step.body) } : {}),
      };
      const req = (
        typeof step.setupRequest === 'function' ? step.setupRequest(base as never, context) : base
      ) as Prepared;
      const t0 = performance.now();
      try {
        const res = await pool.request({
          method: req.method as 'GET',
          path: req.path,
          headers: req.headers ?? {},
          ...(req.body !== undefined ? { body: req.body } : {}),
        });
        const body = await res.body.text();
        samples.push(performance.now() - t0);
        sentAt.push(performance.timeOrigin + t0);
        if (res.statusCode < 200 || res.statusCode > 299)
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        if (typeof step.onResponse === 'function') step.onResponse(res.statusCode, body, context, {});
      } catch {
        errors++;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, (_, k) => lane(k)));
  } finally {
    await pool.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const non2xx = Object.values(statuses).reduce((s, n) => s + n, 0);
  return {
    latency: summarize(samples),
    samples,
    throughput: samples.length / seconds,
    responses: samples.length,
    statuses,
    non2xx,
    errors,
    seconds,
    late,
    sentAt,
  };
}

/**
 * One call at a time at an even rate (a call every 1/rate s) for `seconds`: the latency of a single step — a
 * database round trip, a commit — as the server meets it under paced traffic, where each call finds the
 * machine idle (on a VM a sleeping process takes time to wake; back to back the same call is several times
 * faster). A call slower than its interval delays the next; calls that throw are counted, not timed.
 */
export async function pacedCalls(
  rate: number,
  seconds: number,
  call: () => Promise<unknown>,
): Promise<{ samples: number[]; errors: number }> {
  const samples: number[] = [];
  let errors = 0;
  const intervalMs = 1000 / rate;
  const started = performance.now();
  for (let j = 0; ; j++) {
    const slot = started + j * intervalMs;
    if (slot >= started + seconds * 1000) break;
    const wait = slot - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const t0 = performance.now();
    try {
      await call();
      samples.push(performance.now() - t0);
    } catch {
      errors++;
    }
  }
  return { samples, errors };
}
