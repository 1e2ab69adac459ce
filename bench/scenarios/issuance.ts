/**
 * The akimat counter at national scale (issue 5 item 5): the whole issuance request over HTTP — sign-in
 * session and CSRF check, the book read as of today, the decision, the next certificate number, the signed QR,
 * the audit rows, the commit — followed by the print (GET the PDF), with 50 officers of 50 different rural
 * akimats at the counter at once, each serving the members of its own book. The load generator (fetch) runs
 * in this process on the same 2 cores as the server and the database: the figures include its cost.
 */
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { openDatabase } from '../../src/adapters/db/database';
import { buildServer } from '../../src/adapters/http/server';
import { makeDeps, sharedSecret } from '../../src/adapters/runtime';
import { addUser } from '../../src/app/users/add-user';
import { ApiClient } from '../../test/support/http-client';
import { type BenchContext, type Budget, checkBudget, type Scenario } from '../lib/scenario';
import { summarize } from '../lib/stats';

const BUDGETS = {
  request: { metric: 'p95', limit: 50, source: 'issue 5 item 5: issuance request p95 ≤ 50 ms at 50 clients' },
  rate: { metric: 'rate', limit: 200, source: 'issue 5 item 5: ≥ 200 certificates/s' },
} as const satisfies Record<string, Budget>;

const CLIENTS = 50;
const PASSWORD = 'bench-officer-password';

interface Applicant {
  iin: string;
  surname: string;
  name: string;
  akimat_kato: string;
}

/** Current members of open households in the `CLIENTS` akimats with the most people, `perAkimat` each. */
async function applicantsByAkimat(ctx: BenchContext, perAkimat: number): Promise<Map<string, Applicant[]>> {
  const rows = await sql<Applicant>`
    with busiest as (
      select akimat_kato from household_members
      where left_on is null and household_open
      group by akimat_kato order by count(*) desc, akimat_kato limit ${CLIENTS}
    ), numbered as (
      select m.iin, m.surname, m.name, m.akimat_kato,
             row_number() over (partition by m.akimat_kato order by m.iin) as k
      from household_members m join busiest b using (akimat_kato)
      where m.left_on is null and m.household_open
    )
    select iin, surname, name, akimat_kato from numbered where k <= ${perAkimat}`.execute(ctx.db.kysely);
  const byAkimat = new Map<string, Applicant[]>();
  for (const r of rows.rows) {
    const list = byAkimat.get(r.akimat_kato) ?? [];
    list.push(r);
    byAkimat.set(r.akimat_kato, list);
  }
  return byAkimat;
}

const issuance: Scenario = {
  name: 'issuance',
  description: 'POST /api/v1/akimat/applications then GET its PDF, 50 officers of 50 akimats at once',
  async run(ctx) {
    const perClient = ctx.quick ? 20 : 80;
    const warmupPerClient = 4;
    const byAkimat = await applicantsByAkimat(ctx, perClient + warmupPerClient);
    const akimats = [...byAkimat.keys()];
    if (akimats.length < CLIENTS) ctx.log(`  note: only ${akimats.length} akimats hold members`);

    // The server as `serve` builds it, with the production pool size on PostgreSQL.
    const db = ctx.db.url ? await openDatabase({ url: ctx.db.url }) : ctx.db;
    const deps = await makeDeps(db);
    const app = await buildServer({
      deps,
      databaseKind: ctx.kind,
      publicBaseUrl: 'http://127.0.0.1',
      logLevel: 'warn',
      csrfHmacKey: await sharedSecret(ctx.db, 'csrf_hmac'),
      keyRing: deps.keyRing,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const officers: { client: ApiClient; people: Applicant[] }[] = [];
      for (const kato of akimats) {
        const username = `bench.akimat.${kato}`;
        const made = await addUser(ctx.deps, {
          username,
          password: PASSWORD,
          displayName: `Bench ${kato}`,
          role: 'akimat_officer',
          territoryKato: kato,
        });
        if (!made.ok && made.error.code !== 'USER.EXISTS') throw new Error(made.error.code);
        const client = new ApiClient(base);
        const signedIn = await client.login(username, PASSWORD);
        if (signedIn.status !== 200) throw new Error(`sign-in ${signedIn.status}`);
        officers.push({ client, people: byAkimat.get(kato)! });
      }

      const kinds: Record<string, number> = {};
      const issueAndPrint = async (client: ApiClient, person: Applicant) => {
        const t0 = performance.now();
        const r = await client.request('POST', '/api/v1/akimat/applications', {
          applicant: { iin: person.iin, surname: person.surname, name: person.name },
          identityDocumentShown: true,
        });
        const issuedMs = performance.now() - t0;
        if (r.status !== 201) throw new Error(`issue ${r.status}: ${r.text.slice(0, 200)}`);
        const doc = r.json.document as { kind: string; pdfUrl: string };
        const pdf = await fetch(`${base}${doc.pdfUrl}?lang=kk`, {
          headers: { cookie: client.cookieHeader() },
        });
        const bytes = await pdf.arrayBuffer();
        if (pdf.status !== 200 || bytes.byteLength < 1000) throw new Error(`print ${pdf.status}`);
        return { issuedMs, totalMs: performance.now() - t0, kind: doc.kind };
      };

      // Warm-up: each officer serves a few people one after another (JIT, pools, PDF fonts).
      for (const o of officers)
        for (const p of o.people.slice(perClient, perClient + warmupPerClient))
          await issueAndPrint(o.client, p);

      const issued: number[] = [];
      const printed: number[] = [];
      const started = performance.now();
      await Promise.all(
        officers.map(async (o) => {
          for (const person of o.people.slice(0, perClient)) {
            const r = await issueAndPrint(o.client, person);
            issued.push(r.issuedMs);
            printed.push(r.totalMs);
            kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
          }
        }),
      );
      const wallMs = performance.now() - started;
      const rate = (printed.length * 1000) / wallMs;
      const withPrint = summarize(printed);
      const budgets = ctx.kind === 'postgres';
      ctx.record({
        name: 'issuance.issue+print',
        description: 'issue (lookup, decision, number, QR, audit) + GET the PDF, per certificate',
        latency: withPrint,
        throughput: rate,
        throughputUnit: 'ops/s',
        concurrency: officers.length,
        ...(budgets ? { budget: checkBudget(BUDGETS.request, withPrint, rate) } : {}),
        extra: { ...kinds, documents: printed.length, wallSeconds: Math.round(wallMs / 100) / 10 },
      });
      const issueOnly = summarize(issued);
      ctx.record({
        name: 'issuance.issue',
        description: 'the POST alone (no PDF), same run',
        latency: issueOnly,
        throughput: rate,
        throughputUnit: 'ops/s',
        concurrency: officers.length,
        ...(budgets ? { budget: checkBudget(BUDGETS.rate, issueOnly, rate) } : {}),
      });
    } finally {
      await app.close();
      if (db !== ctx.db) await db.close();
    }
  },
};

export const issuanceScenarios: readonly Scenario[] = [issuance];
