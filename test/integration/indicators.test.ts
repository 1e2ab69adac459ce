/**
 * Issue 8 (R-15) on both databases: the indicators of Appendix 3 computed from applications and issued
 * documents per level, inside the reader's territory; targets with history (§19); and the bad input of the
 * issue — a period with no data, a future period, a target out of 0..100, a unit the reader may not see.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';

const KENES = '113243000'; // the demo akimat, in the demo district 113200000 of the demo oblast 110000000
const NEIGHBOUR = '113245000'; // same district
const FAR = '195033000'; // another oblast

interface AppRow {
  readonly akimat?: string | null;
  readonly psc?: string | null;
  readonly channel?: 'akimat' | 'psc' | 'online';
  readonly status?: string;
  readonly receivedAt: string;
  readonly dueAt?: string | null;
  readonly completedAt?: string | null;
  readonly refusalGround?: 'incomplete_documents' | 'no_psf_record';
}

interface Cell {
  readonly code: string;
  readonly value: { kind: string; numerator: number; denominator: number; percent: number | null };
  readonly rating: string;
}
interface Row {
  readonly key: string;
  readonly name: { kk: string; ru: string } | null;
  readonly indicators: Cell[];
}

const thisYear = new Date().getUTCFullYear();
const Y = thisYear; // facts in March of this year: the period has begun, and next year's target may be set
const at = (mmdd: string, hhmm = '10:00') => `${Y}-${mmdd}T${hhmm}:00+05:00`;

describe.each(DATABASE_KINDS)('indicators of Appendix 3 on %s (R-15)', (kind) => {
  let server: TestServer;
  const as: Record<string, ApiClient> = {};

  async function insertApplication(row: AppRow): Promise<string> {
    const id = randomUUID();
    const state = {
      completedAt: row.completedAt ?? null,
      decision: row.refusalGround ? { outcome: 'refusal', refusal: { ground: row.refusalGround } } : null,
    };
    await sql`insert into applications (id, channel, status, applicant_iin, applicant_name, akimat_kato,
                psc_office_id, received_at, due_at, state)
              values (${id}, ${row.channel ?? 'akimat'}, ${row.status ?? 'certificate_issued'}, '900101300017',
                'Тест Тестов', ${row.akimat === undefined ? KENES : row.akimat}, ${row.psc ?? null},
                ${row.receivedAt}, ${row.dueAt ?? null}, ${JSON.stringify(state)}::jsonb)`.execute(
      server.runtime.db.kysely,
    );
    return id;
  }

  async function insertDocument(applicationId: string, issuer: string, seq: number, status = 'valid') {
    await sql`insert into issued_documents (id, kind, number, issuer, year, seq, application_id, applicant_iin,
                issued_at, issued_by, content, status)
              values (${randomUUID()}, 'certificate', ${`${issuer}-${Y}-${seq}`}, ${issuer}, ${Y}, ${seq},
                ${applicationId}, '900101300017', ${at('03-10', '10:30')}, 'test', '{}'::jsonb, ${status})`.execute(
      server.runtime.db.kysely,
    );
  }

  beforeAll(async () => {
    server = await startTestServer({ database: kind });
    for (const who of ['ministry', 'district', 'oblast', 'director', 'akimat']) {
      as[who] = new ApiClient(server.url);
      expect((await as[who].login(who, server.demoPassword)).status).toBe(200);
    }
    // Kenes: 3 on time, 1 late, 1 refused for incomplete documents (on time, but not right the first time).
    const onTime = {
      receivedAt: at('03-10'),
      dueAt: at('03-10', '18:00'),
      completedAt: at('03-10', '10:30'),
    };
    const a1 = await insertApplication(onTime);
    const a2 = await insertApplication(onTime);
    await insertApplication(onTime);
    await insertApplication({ ...onTime, completedAt: at('03-11', '09:00') });
    await insertApplication({ ...onTime, status: 'refused', refusalGround: 'incomplete_documents' });
    // The neighbour: one overdue and still pending (late), one not yet due is impossible in March — all due.
    await insertApplication({ akimat: NEIGHBOUR, receivedAt: at('03-12'), dueAt: at('03-12', '18:00') });
    // Another oblast: one on time.
    await insertApplication({ ...onTime, akimat: FAR });
    // A PSC: refused at intake.
    await insertApplication({
      akimat: null,
      psc: 'psc-01',
      channel: 'psc',
      status: 'refused_at_intake',
      receivedAt: at('03-13'),
      completedAt: at('03-13', '10:20'),
      refusalGround: 'incomplete_documents',
    });
    // April, outside the period.
    await insertApplication({ ...onTime, receivedAt: at('04-01') });
    // Documents of Kenes: one later superseded by a correction.
    await insertDocument(a1, KENES, 1);
    await insertDocument(a2, KENES, 2, 'superseded');
  });

  afterAll(async () => {
    await server?.close();
  });

  const get = (who: string, query: string) => as[who]!.request('GET', `/api/v1/indicators?${query}`);
  const cell = (row: Row, code: string) => row.indicators.find((c) => c.code === code)!;

  it('the ministry sees the country as a whole and per oblast, as sums of the records', async () => {
    const r = await get('ministry', `period=${Y}-03`);
    expect(r.status).toBe(200);
    expect(r.json.within).toMatchObject({ level: 'country', key: 'KZ' });
    expect(r.json.level).toBe('oblast');
    // 1.1: of 8 applications in March, 6 on time (Kenes 4, the far one, the PSC's refusal at intake).
    expect(cell(r.json.total, '1.1').value).toEqual({
      kind: 'value',
      numerator: 6,
      denominator: 8,
      percent: 75,
    });
    expect(cell(r.json.total, '1.1')).toMatchObject({ normative: 100, direction: 'floor', rating: 'red' });
    // 3.2: two of the eight returned for incomplete documents.
    expect(cell(r.json.total, '3.2').value).toMatchObject({ numerator: 6, denominator: 8 });
    // 2.2: one of two documents superseded.
    expect(cell(r.json.total, '2.2').value).toMatchObject({ numerator: 1, denominator: 2, percent: 50 });
    // 4.1: no justified complaint among 8 applicants: 0 % meets the ceiling of 1 %.
    expect(cell(r.json.total, '4.1')).toMatchObject({ direction: 'ceiling', normative: 1, rating: 'green' });
    // Survey indicators have no records here: no data, never 100 %.
    expect(cell(r.json.total, '2.1')).toMatchObject({
      value: { kind: 'no_data', percent: null },
      rating: 'no_data',
    });

    const oblasts = r.json.rows.map((row: { key: string }) => row.key);
    expect(oblasts).toContain('110000000');
    expect(oblasts).toContain('190000000');
    const akmola = r.json.rows.find((row: Row) => row.key === '110000000');
    const far = r.json.rows.find((row: Row) => row.key === '190000000');
    // Sums, not averages: the oblasts' numerators and denominators add up to the country's.
    const sum = (k: 'numerator' | 'denominator') =>
      r.json.rows.reduce((s: number, row: Row) => s + cell(row, '1.1').value[k], 0);
    expect([sum('numerator'), sum('denominator')]).toEqual([6, 8]);
    expect(cell(far, '1.1').value).toMatchObject({ numerator: 1, denominator: 1, percent: 100 });
    expect(akmola.name).not.toBeNull();
  });

  it('one indicator per office of a district, for the ministry', async () => {
    const r = await get('ministry', `period=${Y}-Q1&level=office&within=113200000&code=1.1`);
    expect(r.status).toBe(200);
    const rows = Object.fromEntries(
      r.json.rows.map((row: Row) => [
        row.key,
        row.indicators.map((c: Cell) => [c.code, c.value.numerator, c.value.denominator]),
      ]),
    );
    expect(rows[KENES]).toEqual([['1.1', 4, 5]]);
    expect(rows[NEIGHBOUR]).toEqual([['1.1', 0, 1]]);
    expect(rows[FAR]).toBeUndefined();
  });

  it('a district akim sees their own district by default, and not another one (403)', async () => {
    const own = await get('district', `period=${Y}-03`);
    expect(own.status).toBe(200);
    expect(own.json.within).toMatchObject({ level: 'district', key: '113200000' });
    expect(own.json.level).toBe('office');
    expect(cell(own.json.total, '1.1').value).toMatchObject({ numerator: 4, denominator: 6 });
    const other = await get('district', `period=${Y}-03&within=113400000`);
    expect(other.status).toBe(403);
    expect(other.json.error.code).toBe('AUTH.FORBIDDEN');
    const country = await get('district', `period=${Y}-03&within=KZ`);
    expect(country.status).toBe(403);
    const oblastLevel = await get('district', `period=${Y}-03&level=oblast`);
    expect(oblastLevel.status).toBe(422);
    expect(oblastLevel.json.error.code).toBe('KPI.LEVEL_ABOVE_UNIT');
  });

  it('a PSC director sees their own office, not another PSC (403); an akimat officer reads no indicators', async () => {
    const own = await get('director', `period=${Y}-03`);
    expect(own.status).toBe(200);
    expect(own.json.within).toMatchObject({ level: 'office', key: 'psc-01' });
    expect(cell(own.json.total, '1.1').value).toMatchObject({ numerator: 1, denominator: 1 });
    expect(cell(own.json.total, '3.2').value).toMatchObject({ numerator: 0, denominator: 1 });
    const other = await get('director', `period=${Y}-03&within=psc-02`);
    expect(other.status).toBe(403);
    expect(other.json.error.code).toBe('AUTH.FORBIDDEN');
    expect((await get('director', `period=${Y}-03&within=${KENES}`)).status).toBe(403);
    expect((await get('akimat', `period=${Y}-03`)).status).toBe(403);
    const unknown = await get('ministry', `period=${Y}-03&within=psc-nonexistent`);
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('KPI.UNIT_NOT_FOUND');
  });

  it('a period with no data shows "no data" for every indicator, never 100 %', async () => {
    const r = await get('ministry', `period=${Y - 1}-06`);
    expect(r.status).toBe(200);
    expect(r.json.rows).toEqual([]);
    expect(r.json.total.indicators).toHaveLength(12);
    for (const c of r.json.total.indicators) {
      expect(c.value).toEqual({ kind: 'no_data', numerator: 0, denominator: 0, percent: null });
      expect(c.rating).toBe('no_data');
    }
  });

  it('a future period, a malformed period or an unknown indicator is 422', async () => {
    const future = await get('ministry', `period=${thisYear + 1}`);
    expect(future.status).toBe(422);
    expect(future.json.error.code).toBe('KPI.PERIOD_IN_FUTURE');
    const bad = await get('ministry', 'period=2025-13');
    expect(bad.status).toBe(422);
    expect(bad.json.error.code).toBe('KPI.BAD_PERIOD');
    const code = await get('ministry', `period=${Y}-03&code=9.9`);
    expect(code.status).toBe(422);
    expect(code.json.error.code).toBe('KPI.UNKNOWN_INDICATOR');
    expect((await get('ministry', '')).status).toBe(422);
    expect((await as.ministry!.request('GET', `/api/v1/indicators?period=${Y}-03&level=street`)).status).toBe(
      422,
    );
  });

  it('the ministry sets targets 0..100 with history (who, when, old → new); out of range is 400, other roles 403', async () => {
    const post = (who: string, body: unknown) => as[who]!.request('POST', '/api/v1/indicators/targets', body);
    for (const value of [101, -1, 100.5]) {
      const r = await post('ministry', { code: '1.1', year: Y + 1, value });
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('KPI.TARGET_OUT_OF_RANGE');
    }
    expect((await post('ministry', { code: '1.1', year: Y - 1, value: 90 })).json.error.code).toBe(
      'KPI.TARGET_YEAR_OUT_OF_RANGE',
    );
    expect((await post('ministry', { code: '1.1', year: Y + 1, value: '90' })).status).toBe(400);
    expect((await post('district', { code: '1.1', year: Y + 1, value: 90 })).status).toBe(403);

    expect((await post('ministry', { code: '1.1', year: Y + 1, value: 95 })).status).toBe(201);
    const second = await post('ministry', { code: '1.1', year: Y + 1, value: 97.5 });
    expect(second.status).toBe(201);
    expect(second.json).toMatchObject({ code: '1.1', year: Y + 1, value: 97.5 });
    expect((await post('ministry', { code: '1.1', year: Y, value: 70 })).status).toBe(201);

    const targets = await as.district!.request('GET', `/api/v1/indicators/targets?year=${Y + 1}`);
    expect(targets.status).toBe(200);
    expect(targets.json.current).toEqual([{ code: '1.1', year: Y + 1, value: 97.5 }]);
    expect(targets.json.history.map((h: { value: number }) => h.value)).toEqual([97.5, 95]);
    expect(targets.json.history[0]).toMatchObject({ previous: 95, setByName: expect.any(String) });
    expect(targets.json.history[1]).toMatchObject({ previous: null });
    expect(Date.parse(targets.json.history[0].setAt)).toBeGreaterThan(0);
    // Out of range changed nothing.
    expect(targets.json.history).toHaveLength(2);

    // The table shows next year's target beside the value, and rates against this year's: 75 % ≥ 70 % is amber.
    const table = await get('ministry', `period=${Y}-03&code=1.1`);
    expect(cell(table.json.total, '1.1')).toMatchObject({
      target: 70,
      targetNextYear: 97.5,
      rating: 'amber',
    });

    const audit = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where action = 'kpi.target.set'`.execute(
      server.runtime.db.kysely,
    );
    expect(audit.rows[0]!.n).toBe(3);
  });
});
