/**
 * One Qosalqy server in its own process, as `qosalqy serve` runs it on PostgreSQL (production pool, the same
 * buildApp), for the benchmarks: the load generator then has its own process and event loop, and two of these
 * on two ports are two real instances. Started by lib/instances.ts over IPC:
 *
 *   env BENCH_DATABASE_URL (required), BENCH_CLOCK_OFFSET_MS (the clock moved, e.g. into office hours)
 *   → sends { ready: url }; answers { memory: true } with this process's memory (after a full collection when
 *   the message also says collect: true); writes a heap snapshot on { snapshot: file }; answers { loopDelay: true }
 *   with the event loop's delay since the last such question; exits on { stop: true }.
 */
import type { AddressInfo } from 'node:net';
import { writeHeapSnapshot } from 'node:v8';
import type { Clock } from '../../src/app/ports';
import { startAuditSealer } from '../../src/adapters/db/audit-sealer';
import { startNameIndexer } from '../../src/adapters/db/name-indexer';
import { buildApp, openRuntime } from '../../src/adapters/runtime';
import { loopDelayOf, watchLoopDelay } from './loop-delay';
import { memoryNow } from './scenario';

const url = process.env.BENCH_DATABASE_URL;
if (!url || !process.send) throw new Error('server-child: start it through bench/lib/instances.ts');
const offset = Number(process.env.BENCH_CLOCK_OFFSET_MS ?? 0);

const runtime = await openRuntime({ databaseUrl: url, dataDir: '/nonexistent' });
if (offset) {
  const clock: Clock = { now: () => new Date(Date.now() + offset) };
  Object.assign(runtime.deps, { clock });
}
// Behind the bench's proxy (and autocannon's made-up client addresses): the client is in X-Forwarded-For.
const app = await buildApp(runtime, {
  publicBaseUrl: 'http://127.0.0.1',
  logLevel: 'warn',
  trustProxy: true,
});
await app.listen({ port: 0, host: '127.0.0.1' });
// The work `qosalqy serve` does after each commit, so that the figures include it: the audit chain sealed
// (ADR 0008: two rows rewritten per certificate) and imported names indexed (ADR 0010). Notifications are
// left out (their transports are the deployment's).
const sealer = startAuditSealer(runtime.deps.auditReader, (line) => console.error(line));
const names = startNameIndexer(runtime.deps, (line) => console.error(line));
process.send({ ready: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` });

// The loop's delay since the load test last asked (lib/loop-delay.ts).
const loop = watchLoopDelay();

const mib = (bytes: number) => Math.round((bytes / 1024 ** 2) * 10) / 10;
// Started with --expose-gc by lib/instances.ts; absent if someone runs this file by hand.
const collect = (globalThis as { gc?: () => void }).gc;

process.on(
  'message',
  async (m: {
    memory?: boolean;
    collect?: boolean;
    snapshot?: string;
    loopDelay?: boolean;
    stop?: boolean;
  }) => {
    if (m.memory) {
      const now = memoryNow();
      let retained: number | undefined;
      if (m.collect && collect) {
        // A full mark-compact: what is left is what something still references — the figure a leak grows.
        collect();
        retained = mib(process.memoryUsage().heapUsed);
      }
      process.send?.({
        memory: { ...now, ...(retained === undefined ? {} : { heapRetainedMiB: retained }) },
      });
    }
    if (m.snapshot) process.send?.({ snapshot: writeHeapSnapshot(m.snapshot) });
    if (m.loopDelay) {
      process.send?.({ loopDelay: loopDelayOf(loop) });
      loop.reset();
    }
    if (m.stop) {
      await app.close();
      await sealer.stop();
      await names.stop();
      await runtime.close();
      process.disconnect?.();
      process.exit(0);
    }
  },
);
// The parent died: do not linger.
process.on('disconnect', () => process.exit(0));
