/**
 * The display boards under load (issue 6 item 5): from an operator's call to the boards, p95 ≤ 300 ms with 200
 * boards connected and 20 calls/s across offices, on PostgreSQL with two server instances. Two servers share
 * the database (each LISTENs; a call NOTIFYs), the boards (server-sent event streams) are spread over both,
 * and each office's operator calls next, starts and finishes, one call per office at a time, paced so that
 * all offices together make the target rate. A sample is one (call, board) pair: from sending the call to that
 * board reading its event. On PGlite there is one instance (the feed is in-process). The load generator runs
 * in this process on the same cores as the servers and the database: its cost is in the figures.
 *
 *   npm run bench -- --db postgres --only queue --households 1000        (small: --quick)
 */
import type { AddressInfo } from 'node:net';
import { type Db, openDatabase } from '../../src/adapters/db/database';
import { buildServer } from '../../src/adapters/http/server';
import { makeDeps, sharedSecret } from '../../src/adapters/runtime';
import type { Clock, Deps } from '../../src/app/ports';
import { takeTicket } from '../../src/app/queue/take-ticket';
import { addUser } from '../../src/app/users/add-user';
import { nextOpeningMs } from '../../src/domain/queue';
import { ApiClient } from '../../test/support/http-client';
import { type BenchContext, type Budget, checkBudget, type Scenario } from '../lib/scenario';
import { summarize } from '../lib/stats';

const BUDGET = {
  metric: 'p95',
  limit: 300,
  source: 'issue 6 item 5: call → board p95 ≤ 300 ms, 200 boards, 20 calls/s, PostgreSQL, two instances',
} as const satisfies Budget;

const PASSWORD = 'bench-operator-password';

interface Sizes {
  readonly offices: number;
  readonly boards: number;
  readonly callsPerSecond: number;
  readonly seconds: number;
}

/** The figures, and a small run to try the scenario (--quick). */
const SIZES: Record<'full' | 'quick', Sizes> = {
  full: { offices: 20, boards: 200, callsPerSecond: 20, seconds: 30 },
  quick: { offices: 4, boards: 12, callsPerSecond: 4, seconds: 5 },
};

/** A clock at 10:00 of the next working day (tickets are given only in office hours, R-10), running on. */
function officeHoursClock(openingMs: number): Clock {
  const realStart = Date.now();
  const base = openingMs + 60 * 60_000;
  return { now: () => new Date(base + (Date.now() - realStart)) };
}

async function startServer(ctx: BenchContext, db: Db, clock: Clock) {
  const made = await makeDeps(db);
  const deps: Deps = { ...made, clock };
  const app = await buildServer({
    deps,
    databaseKind: ctx.kind,
    publicBaseUrl: 'http://127.0.0.1',
    logLevel: 'warn',
    csrfHmacKey: await sharedSecret(ctx.db, 'csrf_hmac'),
    keyRing: made.keyRing,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, deps, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** A board: an open event stream; calls `onCall(officeId)` at each `call` event of its office. */
async function openBoard(
  url: string,
  onCall: () => void,
  signal: AbortSignal,
): Promise<{ pump: Promise<void> }> {
  const res = await fetch(url, { signal, headers: { accept: 'text/event-stream' } });
  if (res.status !== 200 || !res.body) throw new Error(`board stream ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let ready!: () => void;
  const isReady = new Promise<void>((r) => {
    ready = r;
  });
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (block.startsWith('event: ready')) ready();
          else if (block.startsWith('event: ticket') && block.includes('"action":"call"')) onCall();
          cut = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted at the end
    }
  })();
  await isReady;
  return { pump };
}

const queueBoards: Scenario = {
  name: 'queue-board',
  description: 'call next → the office’s boards (server-sent events), 200 boards, 20 calls/s, two instances',
  async run(ctx) {
    const size = SIZES[ctx.quick ? 'quick' : 'full'];
    const calendar = await ctx.deps.calendar.current();
    const opening = nextOpeningMs(calendar, 'psc', Date.now());
    if (!opening.ok) throw new Error(`no opening ahead: ${opening.error.code}`);
    const clock = officeHoursClock(opening.value);

    const offices = Array.from({ length: size.offices }, (_, i) => `psc-${String(i + 1).padStart(2, '0')}`);
    const callsPerOffice = Math.ceil((size.callsPerSecond * size.seconds) / offices.length);
    const warmup = 2;
    const dbs: Db[] = ctx.db.url
      ? [await openDatabase({ url: ctx.db.url }), await openDatabase({ url: ctx.db.url })]
      : [ctx.db];
    const servers = [];
    for (const db of dbs) servers.push(await startServer(ctx, db, clock));
    const abort = new AbortController();
    const pumps: Promise<void>[] = [];
    try {
      // Tickets first, through the use case (the kiosk's endpoint is rate-limited per address).
      for (const officeId of offices)
        for (let i = 0; i < callsPerOffice + warmup; i++) {
          const t = await takeTicket(servers[0]!.deps, { officeId }, null);
          if (!t.ok) throw new Error(`ticket: ${t.error.code}`);
        }

      // One operator per office, each at desk 1, signed in on one of the instances.
      const operators: { officeId: string; client: ApiClient; deskId: string }[] = [];
      for (const [i, officeId] of offices.entries()) {
        const username = `bench.queue.${officeId}`;
        const made = await addUser(ctx.deps, {
          username,
          password: PASSWORD,
          displayName: `Bench ${officeId}`,
          role: 'psc_operator',
          officeId,
        });
        if (!made.ok && made.error.code !== 'USER.EXISTS') throw new Error(made.error.code);
        const client = new ApiClient(servers[i % servers.length]!.url);
        if ((await client.login(username, PASSWORD)).status !== 200) throw new Error('sign-in');
        const desk = await client.request('POST', `/api/v1/queue/offices/${officeId}/desks`, { number: 1 });
        if (desk.status !== 201) throw new Error(`desk ${desk.status}`);
        operators.push({ officeId, client, deskId: desk.json.id as string });
      }

      // The boards, spread over the offices and the instances. A board of another instance than the operator's
      // hears the call only through PostgreSQL.
      const sentAt = new Map<string, number>();
      let measuring = false;
      const samples: number[] = [];
      let crossInstance = 0;
      for (let b = 0; b < size.boards; b++) {
        const officeId = offices[b % offices.length]!;
        const server = servers[Math.floor(b / offices.length) % servers.length]!;
        const board = await openBoard(
          `${server.url}/api/v1/queue/offices/${officeId}/events`,
          () => {
            const t0 = sentAt.get(officeId);
            if (measuring && t0 !== undefined) samples.push(performance.now() - t0);
          },
          abort.signal,
        );
        pumps.push(board.pump);
        if (servers.length > 1 && server !== servers[offices.indexOf(officeId) % servers.length])
          crossInstance++;
      }

      const serve = async (o: (typeof operators)[number]) => {
        sentAt.set(o.officeId, performance.now());
        const call = await o.client.request('POST', `/api/v1/queue/desks/${o.deskId}/call-next`);
        if (call.status !== 200) throw new Error(`call ${call.status}: ${call.text.slice(0, 200)}`);
        const id = call.json.id as string;
        for (const action of ['start', 'finish'] as const) {
          const r = await o.client.request('POST', `/api/v1/queue/tickets/${id}/actions`, {
            action,
            deskId: o.deskId,
          });
          if (r.status !== 200) throw new Error(`${action} ${r.status}`);
        }
      };

      for (let i = 0; i < warmup; i++) await Promise.all(operators.map(serve));
      // Each office calls once every `period` ms, the offices staggered: together the target rate.
      const period = (1000 * offices.length) / size.callsPerSecond;
      measuring = true;
      const started = performance.now();
      await Promise.all(
        operators.map(async (o, i) => {
          await new Promise((r) => setTimeout(r, (period * i) / offices.length));
          for (let k = 0; k < callsPerOffice; k++) {
            const due = started + (period * i) / offices.length + k * period;
            const wait = due - performance.now();
            if (wait > 0) await new Promise((r) => setTimeout(r, wait));
            await serve(o);
          }
        }),
      );
      // Let the last events arrive.
      await new Promise((r) => setTimeout(r, 1000));
      measuring = false;
      const wallMs = performance.now() - started;
      const calls = callsPerOffice * offices.length;
      const latency = summarize(samples);
      // Scale-out (issue 9 item 3): every board, on either instance, must have received every call.
      const expected = calls * (size.boards / offices.length);
      ctx.record({
        name: 'queue.call→board',
        description: `call next → each board of the office reads the event (${servers.length} instance(s))`,
        latency,
        throughput: (calls * 1000) / wallMs,
        throughputUnit: 'ops/s',
        concurrency: size.boards,
        ...(ctx.kind === 'postgres' ? { budget: checkBudget(BUDGET, latency, calls / size.seconds) } : {}),
        extra: {
          boards: size.boards,
          offices: offices.length,
          calls,
          expectedSamples: expected,
          deliveredAll: samples.length === expected,
          crossInstanceBoards: crossInstance,
          instances: servers.length,
        },
      });
      if (samples.length !== expected)
        throw new Error(`${samples.length} board deliveries of ${expected} expected: a board missed calls`);
    } finally {
      abort.abort();
      await Promise.allSettled(pumps);
      for (const s of servers) await s.app.close();
      for (const db of dbs) if (db !== ctx.db) await db.close();
    }
  },
};

export const queueScenarios: readonly Scenario[] = [queueBoards];
