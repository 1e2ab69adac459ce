/**
 * Issue 10 item 4: a real `qosalqy serve` process is killed with SIGKILL — no shutdown hook runs — in the
 * middle of a household-book import and in the middle of a burst of certificate issuance, then started again.
 * Afterwards: the import left nothing behind (all or nothing) and succeeds when repeated; every certificate the
 * server acknowledged is there, numbers are unique and gapless and the next one continues them; every issued
 * certificate has its application and audit row; the audit chain verifies. On PGlite (its data directory after a
 * crash) and on PostgreSQL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { type DatabaseKind, type Db, openDatabase } from '../../src/adapters/db/database';
import { writeHouseholdBookCsv } from '../../src/adapters/files/household-book-file';
import { generatorNames } from '../../src/adapters/reference/names';
import { speciesCatalogue } from '../../src/adapters/reference/species';
import { sha256Hasher } from '../../src/adapters/system/system';
import { auditReader } from '../../src/adapters/db/repositories/audit.repository';
import { verifyAuditChain } from '../../src/app/audit/verify-audit-chain';
import { generateHouseholds } from '../../src/domain/household/generator';
import type { Household } from '../../src/domain/household/household';
import { createEmptyPostgresDatabase, DATABASE_KINDS, dropPostgresDatabase } from '../support/databases';
import { ApiClient } from '../support/http-client';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PASSWORD = 'crash-test-password';
const KENES = { kato: '113243000', settlements: ['113243100', '113243200'] };
/** The book's records are for this year, so that a lookup as of today finds them. */
const THIS_YEAR = Number(new Date().toISOString().slice(0, 4));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Place {
  readonly env: Record<string, string>;
  open(): Promise<Db>;
}

/** `qosalqy <args>` as a newcomer runs it, on this test's database. */
function cli(place: Place, args: string[]): ChildProcess {
  return spawn(process.execPath, [path.join(ROOT, 'bin/qosalqy.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...place.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function finished(child: ChildProcess): Promise<{ code: number | null; output: string }> {
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

interface Running {
  readonly url: string;
  readonly child: ChildProcess;
  /** SIGKILL: no handler, no flush, no goodbye to the database. */
  kill(): Promise<void>;
}

async function startServer(place: Place): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/qosalqy.mjs'), 'serve', '--no-demo'], {
    cwd: ROOT,
    env: { ...process.env, ...place.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}:\n${output}`);
    try {
      const r = await fetch(`${url}/api/v1/health`);
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`serve did not answer within 90 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A CSV of the akimat's book in the import layout, written by the exporter (quoting as a spreadsheet does). */
async function bookCsv(households: readonly Household[]): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeHouseholdBookCsv(households, speciesCatalogue(), out);
  return Buffer.concat(chunks).toString('utf8');
}

function newHouseholds(count: number, seed: string, firstAccount: number): Household[] {
  return [
    ...generateHouseholds({
      count,
      seed,
      akimats: [KENES],
      referenceYear: THIS_YEAR,
      names: generatorNames(),
    }),
  ].map((h, i) => ({
    ...h,
    bookNumber: String(Math.floor((firstAccount + i - 1) / 100) + 1),
    accountNumber: String(firstAccount + i),
  }));
}

async function upload(officer: ApiClient, households: readonly Household[]): Promise<Response> {
  const csv = await bookCsv(households);
  return fetch(`${officer.baseUrl}/api/v1/households/import?akimat=${KENES.kato}&fileName=book.csv`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-csrf-token': officer.csrfToken!,
      cookie: officer.cookieHeader(),
    },
    body: csv,
  });
}

/** An import answered 200 wrote every household of the file (a file with row errors is answered 200 too). */
async function expectWhole(res: Response, households: readonly Household[]): Promise<void> {
  const text = await res.text();
  expect(res.status, text).toBe(200);
  expect(JSON.parse(text), text.slice(0, 500)).toMatchObject({ written: true, created: households.length });
}

async function counts(db: Db) {
  const r = await sql<{ households: number; versions: number; members: number }>`
    select (select count(*) from households where akimat_kato = ${KENES.kato})::int8 as households,
           (select count(*) from household_versions)::int8 as versions,
           (select count(*) from household_members)::int8 as members`.execute(db.kysely);
  return r.rows[0]!;
}

async function withDb<T>(place: Place, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await place.open();
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

async function auditIntact(db: Db) {
  return verifyAuditChain({ auditReader: auditReader(db.kysely), hasher: sha256Hasher });
}

describe.each(DATABASE_KINDS)(
  'crash safety on %s: SIGKILL and restart (issue 10 item 4)',
  (kind: DatabaseKind) => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups.reverse()) await c();
    });

    async function makePlace(): Promise<Place> {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'qosalqy-crash-'));
      cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
      const env: Record<string, string> = {
        QOSALQY_DATA_DIR: dataDir,
        QOSALQY_DEMO_PASSWORD: PASSWORD,
        QOSALQY_SHARED_DIR: path.join(dataDir, 'no-shared'),
        QOSALQY_LOG_LEVEL: 'warn',
      };
      if (kind === 'postgres') {
        const url = await createEmptyPostgresDatabase();
        cleanups.push(() => dropPostgresDatabase(url));
        env.DATABASE_URL = url;
        return { env, open: () => openDatabase({ url, poolSize: 2 }) };
      }
      return { env, open: () => openDatabase({ dataDir: path.join(dataDir, 'pgdata') }) };
    }

    it('a killed import leaves nothing and succeeds when repeated; a killed issuance burst loses no acknowledged certificate and skips no number', async () => {
      const place = await makePlace();
      // The demo users (no demo households, so the crash hits only what the test does).
      const seeded = await finished(cli(place, ['seed-demo', '--password', PASSWORD]));
      expect(seeded.code, seeded.output).toBe(0);

      let server = await startServer(place);
      let officer = new ApiClient(server.url);
      expect((await officer.login('akimat', PASSWORD)).status).toBe(200);

      // 1. A first book, imported whole: it gives the people to serve.
      // One generation: IINs are unique within it, so the three books never share a person.
      const pool = newHouseholds(300 + 2000 + 4000, 'crash', 1);
      const first = pool.slice(0, 300);
      const firstImport = await upload(officer, first);
      await expectWhole(firstImport, first);

      // 2. A book of 2,000 households imported whole, to learn how long such an import takes on this machine
      //    now; then a bigger one, killed part-way through its transaction.
      const timed = pool.slice(300, 2300);
      const t0 = performance.now();
      const timedImport = await upload(officer, timed);
      await expectWhole(timedImport, timed);
      const importMs = performance.now() - t0;

      // Twice as big, killed at a quarter of its time.
      const killed = pool.slice(2300);
      // PGlite admits one process at a time (the data directory is locked): a second one is refused, with the
      // owner named. Its counts are read after the kill; PostgreSQL's can be read now.
      if (kind === 'pglite') {
        const refused = await finished(
          cli(place, ['backup', path.join(tmpdir(), `crash-${process.pid}.gz`)]),
        );
        expect(refused.code, refused.output).toBe(1);
        expect(refused.output).toContain(`in use by process ${server.child.pid}`);
      }
      const before = kind === 'postgres' ? await withDb(place, counts) : undefined;
      const baseline = { households: first.length + timed.length };
      let answer: number | undefined;
      const inFlight = upload(officer, killed).then(
        (res) => {
          answer = res.status;
        },
        () => undefined,
      );
      await new Promise((r) => setTimeout(r, importMs / 2));
      await server.kill();
      await inFlight;
      expect(answer, 'the import was answered before the kill: nothing was tested').toBeUndefined();

      const afterKill = await withDb(place, async (db) => ({
        c: await counts(db),
        audit: await auditIntact(db),
      }));
      if (before) expect(afterKill.c).toEqual(before);
      expect(afterKill.c.households).toBe(baseline.households);
      expect(afterKill.audit.ok, JSON.stringify(afterKill.audit)).toBe(true);

      // Started again, the same file imports whole.
      server = await startServer(place);
      officer = new ApiClient(server.url);
      await officer.login('akimat', PASSWORD);
      const again = await upload(officer, killed);
      await expectWhole(again, killed);
      await server.kill();
      expect(await withDb(place, async (db) => (await counts(db)).households)).toBe(
        afterKill.c.households + killed.length,
      );
      server = await startServer(place);
      officer = new ApiClient(server.url);
      await officer.login('akimat', PASSWORD);

      // 3. A burst of 60 issuances at once; the server is killed when a quarter have been answered.
      const people = first.map((h) => h.members[0]!);
      const acknowledged: string[] = [];
      let answered = 0;
      let resolveQuarter: () => void = () => {};
      const quarter = new Promise<void>((r) => {
        resolveQuarter = r;
      });
      const burst = Promise.all(
        people.slice(0, 60).map(async (p) => {
          try {
            const r = await officer.request('POST', '/api/v1/akimat/applications', {
              applicant: { iin: p.iin, surname: p.surname, name: p.name },
              identityDocumentShown: true,
            });
            // A household with neither land nor livestock gets a refusal (ground 2, its own R-series).
            if (r.status === 201 && r.json.document.kind === 'certificate')
              acknowledged.push(r.json.document.number as string);
            if (r.status === 201 && ++answered >= 15) resolveQuarter();
          } catch {
            // the connection died with the server
          }
        }),
      );
      await Promise.race([quarter, burst]);
      await server.kill();
      await burst;
      expect(answered).toBeGreaterThanOrEqual(15);
      expect(answered, 'every issuance finished before the kill: nothing was tested').toBeLessThan(60);

      const afterBurst = await withDb(place, async (db) => {
        const docs = await sql<{ number: string; seq: number; application_status: string }>`
        select d.number, d.seq, a.status as application_status
        from issued_documents d join applications a on a.id = d.application_id
        where d.issuer = ${KENES.kato} and d.kind = 'certificate' order by d.seq`.execute(db.kysely);
        const audited = await sql<{ n: number }>`
        select count(*)::int8 as n from audit_log where action like 'application.%'`.execute(db.kysely);
        return { docs: docs.rows, audited: Number(audited.rows[0]!.n), audit: await auditIntact(db) };
      });
      const seqs = afterBurst.docs.map((d) => d.seq);
      // Every acknowledged certificate survived; nothing was half-written; the numbers run 1…n without a gap.
      expect(afterBurst.docs.map((d) => d.number)).toEqual(expect.arrayContaining(acknowledged));
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      expect(new Set(afterBurst.docs.map((d) => d.application_status))).toEqual(
        new Set(['certificate_issued']),
      );
      expect(afterBurst.audited).toBeGreaterThanOrEqual(afterBurst.docs.length);
      expect(afterBurst.audit.ok, JSON.stringify(afterBurst.audit)).toBe(true);

      // Started again, the next certificate continues the numbering.
      server = await startServer(place);
      officer = new ApiClient(server.url);
      await officer.login('akimat', PASSWORD);
      let next: Awaited<ReturnType<ApiClient['request']>> | undefined;
      for (const p of people.slice(60)) {
        next = await officer.request('POST', '/api/v1/akimat/applications', {
          applicant: { iin: p.iin, surname: p.surname, name: p.name },
          identityDocumentShown: true,
        });
        expect(next.status, next.text).toBe(201);
        if (next.json.document.kind === 'certificate') break;
      }
      expect(next!.json.document.number).toBe(
        afterBurst.docs[0]!.number.replace(/\d{6}$/, String(seqs.length + 1).padStart(6, '0')),
      );
      await server.kill();
    }, 600_000);
  },
);
