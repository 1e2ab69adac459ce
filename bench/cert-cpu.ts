/**
 * CPU per certificate, by process, for A/B work on the issuance path (issue 5 item 5): one server process
 * (lib/server-child.ts of the checkout given by --root, default this one) on a kept benchmark database, N
 * officers (closed loop) each issuing and printing certificates; CPU from /proc for the server, the
 * PostgreSQL backends of the database and this process. Each officer must exist already (a kept database after
 * `npm run bench -- … --only issuance`).
 *
 *   npx tsx bench/cert-cpu.ts --database qosalqy_bench_<stamp> [--clients 10] [--count 600] [--root /other/checkout]
 *     [--servers 1] [--client undici|fetch] [--offset 0]
 *
 * Prints the server's CPU (all its threads, and its main thread alone), the PostgreSQL backends' and this
 * process's per certificate, and the connection (BENCH_DATABASE_URL, default as the harness: lib/target.ts).
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ApiClient } from '../test/support/http-client';
import { processCpuSeconds } from './lib/cpu';
import { OfficerClient, issueAndPrint as issueAndPrintUndici } from './lib/officer-client';
import { BENCH_PASSWORD } from './lib/people';
import { connectionOf, DEFAULT_BENCH_DATABASE_URL } from './lib/target';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    clients: { type: 'string', default: '10' },
    count: { type: 'string', default: '600' },
    root: { type: 'string' },
    offset: { type: 'string', default: '0' },
    // The load generator's HTTP client: undici's request (the benchmarks') or fetch (before 2026-12-02), for A/B.
    client: { type: 'string', default: 'undici' },
    // Server processes on the one database (each officer stays with one of them, as a worker of a cluster would
    // keep a keep-alive connection).
    servers: { type: 'string', default: '1' },
  },
});
if (!values.database) throw new Error('--database');
const base = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
const dbUrl = base.replace(/\/[^/?]*(\?|$)/, `/${values.database}$1`);
const clients = Number(values.clients);
const count = Number(values.count);
const root = values.root ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const db = new pg.Client({ connectionString: dbUrl });
await db.connect();

// People of the akimats whose bench officers exist, in order of IIN, starting at --offset.
const { rows: officers } = await db.query<{ username: string; kato: string }>(
  `select username, territory_kato as kato from users where username like 'bench.akimat.%' order by username limit $1`,
  [clients],
);
if (officers.length < clients) throw new Error(`only ${officers.length} bench officers`);
const perClient = Math.ceil(count / clients) + 2;
const people = new Map<string, { iin: string; surname: string; name: string }[]>();
for (const o of officers) {
  const { rows } = await db.query(
    `select iin, surname, name from household_members where akimat_kato = $1 and left_on is null and household_open
     order by iin offset $2 limit $3`,
    [o.kato, Number(values.offset), perClient],
  );
  if (rows.length === 0) throw new Error(`no people in ${o.kato}`);
  people.set(o.kato, rows);
}

function startServer() {
  const child = fork(path.join(root, 'bench/lib/server-child.ts'), [], {
    cwd: root,
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_CHILD_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
    env: { ...process.env, BENCH_DATABASE_URL: dbUrl },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = new Promise<string>((resolve) =>
    child.on('message', (m: { ready?: string }) => m.ready && resolve(m.ready)),
  );
  return { child, ready };
}
const servers = Array.from({ length: Number(values.servers) }, startServer);
const urls = await Promise.all(servers.map((s) => s.ready));

const signed: { client: ApiClient; kato: string; url: string }[] = [];
for (const [i, o] of officers.entries()) {
  const url = urls[i % urls.length]!;
  const client = new ApiClient(url);
  const r = await client.login(o.username, BENCH_PASSWORD);
  if (r.status !== 200) throw new Error(`sign-in ${o.username}: ${r.status}`);
  signed.push({ client, kato: o.kato, url });
}

async function issueAndPrint(o: { client: ApiClient; kato: string; url: string }, k: number) {
  const list = people.get(o.kato)!;
  const p = list[k % list.length]!;
  if (values.client === 'undici') {
    const officer = (officerClients.get(o) ??
      officerClients.set(o, new OfficerClient(o.url, o.client)).get(o))!;
    return (await issueAndPrintUndici(officer, p)).kind;
  }
  const r = await o.client.request('POST', '/api/v1/akimat/applications', {
    applicant: { iin: p.iin, surname: p.surname, name: p.name },
    identityDocumentShown: true,
  });
  if (r.status !== 201) throw new Error(`issue ${r.status}: ${r.text.slice(0, 200)}`);
  const pdf = await fetch(`${o.url}${r.json.document.pdfUrl}?lang=kk`, {
    headers: { cookie: o.client.cookieHeader() },
  });
  const bytes = await pdf.arrayBuffer();
  if (pdf.status !== 200 || bytes.byteLength < 1000) throw new Error(`print ${pdf.status}`);
  return r.json.document.kind as string;
}

const officerClients = new Map<object, OfficerClient>();

async function backends(): Promise<Map<number, number>> {
  const { rows } = await db.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  return new Map(rows.map((r) => [r.pid, processCpuSeconds(r.pid) ?? 0]));
}

// Warm-up: two each.
await Promise.all(signed.map(async (o) => [await issueAndPrint(o, 0), await issueAndPrint(o, 1)]));
const n = Math.floor(count / clients);
const kinds: Record<string, number> = {};
const b0 = await backends();
/** The servers' main threads alone (thread id = process id): the event loop that caps one server. */
const mainThreadCpu = () =>
  servers.reduce((sum, s) => sum + processCpuSeconds(s.child.pid!, s.child.pid)!, 0);
const m0 = mainThreadCpu();
const serverCpu = () => servers.reduce((sum, s) => sum + processCpuSeconds(s.child.pid!)!, 0);
const s0 = serverCpu();
const g0 = process.cpuUsage();
const t0 = performance.now();
await Promise.all(
  signed.map(async (o) => {
    for (let k = 2; k < n + 2; k++) {
      const kind = await issueAndPrint(o, k);
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
  }),
);
const wall = performance.now() - t0;
const s1 = serverCpu();
const m1 = mainThreadCpu();
const b1 = await backends();
const g1 = process.cpuUsage(g0);
let pgCpu = 0;
for (const [pid, s] of b1) pgCpu += s - (b0.get(pid) ?? 0);
const total = n * clients;
const per = (s: number) => ((s * 1000) / total).toFixed(2);
console.log(
  JSON.stringify({
    root,
    client: values.client,
    servers: servers.length,
    connection: connectionOf(dbUrl),
    clients,
    certificates: total,
    kinds,
    perSecond: Math.round((total * 1000) / wall),
    cpuMsPerCert: {
      server: per(s1 - s0),
      serverMainThread: per(m1 - m0),
      postgres: per(pgCpu),
      generator: per((g1.user + g1.system) / 1e6),
    },
  }),
);
for (const s of servers) s.child.send({ stop: true });
await db.end();
