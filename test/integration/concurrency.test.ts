import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/app/ports';
import { addUser } from '../../src/app/users/add-user';
import { DATABASE_KINDS } from '../support/databases';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';

// Issue 10 item 5: real concurrent HTTP requests, each its own transaction, on one database — on PGlite, and on
// PostgreSQL with two server instances sharing it (as in production), half of the callers on each:
// - 50 certificates issued at once at one akimat get unique, gapless numbers;
// - two officers deciding one PSC application at the same moment: exactly one decision, the other a coded 409;
// - operators calling the queue at the same moment never get the same ticket, and one desk serves one at a time.

/** A working Monday at 11:00 in Almaty: the offices are open. */
const NOW = Date.parse('2025-03-17T11:00:00+05:00');
const clock: Clock = { now: () => new Date(NOW) };

const KENES = '113243000';
const PSC = 'psc-01';
const APPLICANT = { iin: '850315400025', surname: 'Ахметова', name: 'Гүлнар' };
const ALL_DOCS = { application: true, identity_copy: true, identity_original: true };
const ISSUANCES = 50;
const RACES = 5;

const household = {
  bookNumber: '4',
  accountNumber: '401',
  akimatKato: KENES,
  settlementKato: '113243100',
  address: 'Домбыралы ауылы, Бірлік көшесі, 2',
  status: 'open',
  members: [{ ...APPLICANT, relation: 'head', joinedOn: '2011-02-01' }],
  yearlyRecords: [
    {
      referenceYear: 2025,
      landPlots: [{ purpose: 'homestead', areaHa: 0.15 }],
      livestock: { cattle: 1 },
      machinery: [],
    },
  ],
};

describe.each(DATABASE_KINDS)('concurrency on %s (issue 10 item 5)', (kind) => {
  let server: TestServer;
  let second: TestServer | undefined;
  /** Two officers of Kenes, two operators of psc-01: the second of each on the second instance (PostgreSQL). */
  let officers: [ApiClient, ApiClient];
  let operators: [ApiClient, ApiClient];
  let kiosk: ApiClient;

  const certificateSeqs = async () =>
    (
      await sql<{ seq: number; number: string }>`
        select seq, number from issued_documents
        where issuer = ${KENES} and kind = 'certificate' order by seq`.execute(server.runtime.db.kysely)
    ).rows;

  beforeAll(async () => {
    server = await startTestServer({ database: kind, clock });
    if (kind === 'postgres') second = await startTestServer({ sameDatabaseAs: server, clock });
    const deps = server.runtime.deps;
    for (const u of [
      { username: 'akimat2', role: 'akimat_officer', territoryKato: KENES },
      { username: 'psc2', role: 'psc_operator', officeId: PSC },
    ]) {
      const made = await addUser(deps, { ...u, displayName: u.username, password: server.demoPassword });
      expect(made.ok).toBe(true);
    }
    const signIn = async (username: string, on: TestServer) => {
      const c = new ApiClient(on.url);
      const r = await c.login(username, server.demoPassword);
      expect(r.status, r.text).toBe(200);
      return c;
    };
    const other = second ?? server;
    officers = [await signIn('akimat', server), await signIn('akimat2', other)];
    operators = [await signIn('psc', server), await signIn('psc2', other)];
    kiosk = new ApiClient(server.url);
    const created = await officers[0].request('POST', '/api/v1/households', {
      household,
      reason: 'the book',
    });
    expect(created.status, created.text).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await second?.close();
    await server?.close();
  });

  it(`${ISSUANCES} certificates issued at once at one akimat are numbered 1..${ISSUANCES}, no duplicate, no gap`, async () => {
    const results = await Promise.all(
      Array.from({ length: ISSUANCES }, (_, i) =>
        officers[i % 2]!.request('POST', '/api/v1/akimat/applications', {
          applicant: APPLICANT,
          identityDocumentShown: true,
        }),
      ),
    );
    for (const r of results) expect(r.status, r.text).toBe(201);
    const numbers = results.map((r) => r.json.document.number as string);
    expect(new Set(numbers).size).toBe(ISSUANCES);
    const expected = Array.from(
      { length: ISSUANCES },
      (_, i) => `${KENES.slice(0, 6)}-2025-${String(i + 1).padStart(6, '0')}`,
    );
    expect([...numbers].sort()).toEqual(expected);
    // What the database holds is exactly what was answered.
    expect((await certificateSeqs()).map((d) => d.number)).toEqual(expected);
  }, 120_000);

  it('two officers deciding one PSC application at the same moment: one decision, the other 409', async () => {
    const ids: string[] = [];
    for (let i = 0; i < RACES; i++) {
      const r = await operators[0].request('POST', '/api/v1/psc/applications', {
        applicant: APPLICANT,
        documents: ALL_DOCS,
      });
      expect(r.status, r.text).toBe(201);
      const sent = await operators[0].request(
        'POST',
        `/api/v1/applications/${r.json.application.id}/send`,
        {},
      );
      expect(sent.status, sent.text).toBe(200);
      ids.push(r.json.application.id);
    }
    // Every race at once: 2 × RACES decisions in flight together.
    const answers = await Promise.all(
      ids.flatMap((id) => officers.map((o) => o.request('POST', `/api/v1/applications/${id}/decide`))),
    );
    for (let i = 0; i < RACES; i++) {
      const pair = answers.slice(2 * i, 2 * i + 2);
      expect(pair.map((a) => a.status).sort(), pair.map((a) => a.text).join(' ')).toEqual([200, 409]);
      expect(pair.find((a) => a.status === 409)!.json.error.code).toBe('APPLICATION.ALREADY_DECIDED');
      const detail = await officers[0].request('GET', `/api/v1/applications/${ids[i]}`);
      expect(detail.json.application.status).toBe('decided');
      const decisions = detail.json.events.filter((e: { action: string }) => e.action === 'decide');
      expect(decisions).toHaveLength(1);
      const certificates = detail.json.documents.filter((d: { kind: string }) => d.kind === 'certificate');
      expect(certificates).toHaveLength(1);
    }
    // The decisions' certificates continue the akimat's numbers: still no duplicate, no gap.
    const seqs = (await certificateSeqs()).map((d) => Number(d.seq));
    expect(seqs).toEqual(Array.from({ length: ISSUANCES + RACES }, (_, i) => i + 1));
  }, 120_000);

  it('operators calling at the same moment never get the same ticket; one desk serves one at a time', async () => {
    const desks: [string, ApiClient][] = [];
    for (let n = 1; n <= 8; n++) {
      const operator = operators[n % 2]!;
      const d = await operator.request('POST', `/api/v1/queue/offices/${PSC}/desks`, { number: n });
      expect(d.status, d.text).toBe(201);
      desks.push([d.json.id, operator]);
    }
    const take = async () => {
      const t = await kiosk.request('POST', `/api/v1/queue/offices/${PSC}/tickets`);
      expect(t.status, t.text).toBe(201);
      return t.json.number as string;
    };
    const waiting = [await take(), await take(), await take(), await take(), await take()];
    // Eight desks, five people: five calls get five different tickets, three are told nobody is waiting.
    const calls = await Promise.all(
      desks.map(([desk, operator]) => operator.request('POST', `/api/v1/queue/desks/${desk}/call-next`)),
    );
    const called = calls.filter((c) => c.status === 200).map((c) => c.json.number as string);
    expect(called.sort()).toEqual([...waiting].sort());
    const empty = calls.filter((c) => c.status !== 200);
    expect(empty.map((c) => [c.status, c.json.error.code])).toEqual([
      [409, 'QUEUE.EMPTY'],
      [409, 'QUEUE.EMPTY'],
      [409, 'QUEUE.EMPTY'],
    ]);

    // Both operators press "call" on the same free desk at once: it takes one ticket, the other press is refused.
    const free = desks.find((_, i) => calls[i]!.status !== 200)![0];
    const next = [await take(), await take()];
    const both = await Promise.all(
      operators.map((o) => o.request('POST', `/api/v1/queue/desks/${free}/call-next`)),
    );
    expect(both.map((c) => c.status).sort(), both.map((c) => c.text).join(' ')).toEqual([200, 409]);
    expect(both.find((c) => c.status === 409)!.json.error.code).toBe('QUEUE.DESK_BUSY');
    expect(both.find((c) => c.status === 200)!.json.number).toBe(next[0]);
    const board = await kiosk.request('GET', `/api/v1/queue/offices/${PSC}/board`);
    expect(board.json.waiting).toEqual([next[1]]);
  }, 120_000);
});
