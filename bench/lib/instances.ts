/**
 * Qosalqy servers for the HTTP scenarios. On PostgreSQL each instance is its own process (lib/server-child.ts)
 * on its own port, all on one database, as a deployment runs them; an optional proxy process (lib/proxy-child.ts)
 * spreads requests over them. On PGlite the database lives in this process, so there is one in-process server
 * and the load generator shares its event loop (the figures say so).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { writeHeapSnapshot } from 'node:v8';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../../src/adapters/http/server';
import { makeDeps, sharedSecret } from '../../src/adapters/runtime';
import type { Clock } from '../../src/app/ports';
import { emptyFastify } from './empty-fastify';
import type { LoopDelay } from './loop-delay';
import type { BenchContext, Measurement } from './scenario';
import { memoryNow } from './scenario';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface Instances {
  /** Each instance's base URL. */
  readonly urls: readonly string[];
  /** The proxy's URL when asked for, else the first instance's. */
  readonly url: string;
  /** The server (and proxy) processes' pids, for their CPU (lib/cpu.ts); empty when they run in this one. */
  readonly pids: readonly number[];
  /** Each server process's memory now (this process's on PGlite). */
  memory(options?: MemoryQuery): Promise<Measurement['memory'][]>;
  /** Each server process writes a V8 heap snapshot to `${base}-<n>.heapsnapshot`; the files' paths. */
  heapSnapshots(base: string): Promise<string[]>;
  /**
   * Each server process's event-loop delay since the last asking (ms): how long a ready callback — an answer
   * from PostgreSQL, a new request — waited for the loop. None when the server runs in this process (PGlite).
   */
  loopDelay(): Promise<LoopDelay[]>;
  close(): Promise<void>;
}

interface Child {
  readonly process: ChildProcess;
  readonly url: string;
}

/** `collect`: a full garbage collection first, so the heap reported is what is retained (the load test). */
export interface MemoryQuery {
  readonly collect?: boolean;
}

async function forkChild(file: string, env: Record<string, string>, args: string[] = []): Promise<Child> {
  const child = fork(path.join(HERE, file), args, {
    // --expose-gc: the load test asks for the heap after a full collection (no effect until gc() is called).
    execArgv: [
      '--import',
      'tsx',
      '--expose-gc',
      ...(process.env.BENCH_CHILD_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`${file} exited with ${code} before it listened`));
    child.once('exit', onExit);
    child.on('message', (m: { ready?: string }) => {
      if (m.ready) {
        child.off('exit', onExit);
        resolve(m.ready);
      }
    });
  });
  return { process: child, url };
}

/** Sends `message` to a child and waits for its answer: the first message carrying `key`. */
function ask<K extends string, T>(child: Child, message: object, key: K): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: Partial<Record<K, T>>) => {
      if (m[key] === undefined) return;
      child.process.off('message', on);
      resolve(m[key] as T);
    };
    child.process.on('message', on);
    child.process.send(message);
  });
}

function askMemory(child: Child, query: MemoryQuery = {}): Promise<Measurement['memory']> {
  return ask(child, { memory: true, collect: query.collect === true }, 'memory');
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.process.once('exit', () => resolve()));
  child.process.send({ stop: true });
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * The empty-route Fastify (lib/empty-fastify.ts) where the Qosalqy servers run: its own process on PostgreSQL,
 * this process on PGlite, so that both sides of the ratio share the same set-up.
 */
export async function startEmptyFastify(
  ctx: BenchContext,
): Promise<{ url: string; memory(): Promise<Measurement['memory']>; close(): Promise<void> }> {
  if (ctx.kind === 'pglite' || !ctx.db.url) {
    const app = await emptyFastify();
    return { url: app.url, memory: async () => memoryNow(), close: () => app.close() };
  }
  const child = await forkChild('empty-child.ts', {});
  return { url: child.url, memory: () => askMemory(child), close: () => stopChild(child) };
}

export async function startInstances(
  ctx: BenchContext,
  options: { count?: number; proxy?: boolean; clockOffsetMs?: number } = {},
): Promise<Instances> {
  const count = options.count ?? 1;
  const offset = options.clockOffsetMs ?? 0;
  if (ctx.kind === 'pglite' || !ctx.db.url) {
    if (count > 1 || options.proxy) throw new Error('PGlite: one in-process instance only');
    const made = await makeDeps(ctx.db);
    const clock: Clock = { now: () => new Date(Date.now() + offset) };
    const app = await buildServer({
      deps: { ...made, clock },
      databaseKind: ctx.kind,
      publicBaseUrl: 'http://127.0.0.1',
      logLevel: 'warn',
      trustProxy: true,
      csrfHmacKey: await sharedSecret(ctx.db, 'csrf_hmac'),
      keyRing: made.keyRing,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    return {
      urls: [url],
      url,
      pids: [],
      memory: async () => [memoryNow()],
      heapSnapshots: async (base) => [writeHeapSnapshot(`${base}-0.heapsnapshot`)],
      loopDelay: async () => [],
      close: async () => {
        await app.close();
      },
    };
  }
  const env = { BENCH_DATABASE_URL: ctx.db.url, BENCH_CLOCK_OFFSET_MS: String(offset) };
  const children: Child[] = [];
  try {
    // One at a time: each migrates (a no-op) and makes the shared secrets on start.
    for (let i = 0; i < count; i++) children.push(await forkChild('server-child.ts', env));
    const proxy = options.proxy
      ? await forkChild(
          'proxy-child.ts',
          {},
          children.map((c) => c.url),
        )
      : undefined;
    return {
      urls: children.map((c) => c.url),
      url: proxy?.url ?? children[0]!.url,
      pids: [...children, ...(proxy ? [proxy] : [])].flatMap((c) => c.process.pid ?? []),
      memory: (query) => Promise.all(children.map((c) => askMemory(c, query))),
      heapSnapshots: (base) =>
        Promise.all(
          children.map((c, i) =>
            ask<'snapshot', string>(c, { snapshot: `${base}-${i}.heapsnapshot` }, 'snapshot'),
          ),
        ),
      loopDelay: () =>
        Promise.all(children.map((c) => ask<'loopDelay', LoopDelay>(c, { loopDelay: true }, 'loopDelay'))),
      close: async () => {
        if (proxy) await stopChild(proxy);
        await Promise.all(children.map(stopChild));
      },
    };
  } catch (e) {
    await Promise.all(children.map(stopChild));
    throw e;
  }
}
