/**
 * Issue 8 (R-15, R-14) on both databases: the drill-down from a figure of Appendix 3 to the records behind it —
 * late applications (1.1), long waits (1.2), justified complaints (4.1), dissatisfied answers (5.1) — with the
 * IIN whole only for readers the access policy lets read the record, masked otherwise, and an audit row for every
 * read of personal data; coded errors for a bad period, a bad indicator, a unit outside the reader's territory.
 * And the exports of the Appendix 3 table: XLSX (opened with exceljs, cells checked) and CSV, in kk and ru.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';

const KENES = '113243000'; // the demo akimat in the demo district 113200000 (oblast 110000000)
const FAR = '195033000'; // another oblast
const IIN_LATE = '900101300017';
const IIN_FAR = '850515400128';
const IIN_COMPLAINT = '771212300011';

const thisYear = new Date().getUTCFullYear();
/** The text of a PDF as poppler reads it (the letters come back through the fonts' ToUnicode maps). */
const pdfText = (bytes: Buffer) =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');
const Y = thisYear;
const codes = ['1.1', '1.2', '2.1', '2.2', '3.1', '3.2', '3.3', '4.1', '4.2', '4.3', '4.4', '5.1'];
const at = (mmdd: string, hhmm = '10:00') => `${Y}-${mmdd}T${hhmm}:00+05:00`;

describe.each(DATABASE_KINDS)('drill-down of the indicators on %s (R-15, R-14)', (kind) => {
  let server: TestServer;
  const as: Record<string, ApiClient> = {};
  const ids: Record<string, string> = {};

  const exec = (q: { execute: (db: never) => Promise<unknown> }) =>
    q.execute(server.runtime.db.kysely as never);

  async function application(akimat: string, iin: string, name: string, completedAt: string | null) {
    const id = randomUUID();
    const state = { completedAt, decision: null };
    await exec(sql`insert into applications (id, channel, status, applicant_iin, applicant_name, akimat_kato,
                received_at, due_at, state)
              values (${id}, 'akimat', ${completedAt ? 'certificate_issued' : 'received'}, ${iin}, ${name},
                ${akimat}, ${at('03-10')}, ${at('03-10', '18:00')}, ${JSON.stringify(state)}::jsonb)`);
    return id;
  }

  async function ticket(office: string, seq: number, wait: number) {
    await exec(sql`insert into queue_tickets (id, office_id, day, seq, number, status, issued_at, wait_minutes,
                version)
              values (${randomUUID()}, ${office}, ${`${Y}-03-11`}, ${seq}, ${`A${String(seq).padStart(3, '0')}`},
                'done', ${at('03-11', '09:30')}, ${wait}, 1)`);
  }

  async function complaint(n: number, outcome: string) {
    const id = randomUUID();
    await exec(sql`insert into complaints (id, number, kind, channel, status, language, complainant_iin,
                complainant_name, subject_akimat_kato, text, registered_at, counts_from, due_at, amber_at,
                review_days, reviewer_level, reviewer_kato, answered_at, outcome, answer_text)
              values (${id}, ${`C-${Y}-${n}`}, 'service', 'office', 'answered', 'ru', ${IIN_COMPLAINT},
                'Шағымшы Тестов', ${KENES}, 'Долго ждал', ${at('03-12')}, ${`${Y}-03-12`}, ${at('03-19', '18:00')},
                ${at('03-17', '18:00')}, 5, 'akimat', ${KENES}, ${at('03-14')}, ${outcome}, 'Ответ')`);
    return id;
  }

  async function survey(n: number, politeness: number) {
    await exec(sql`insert into surveys (id, subject, subject_key, office_kato, answered_on, q_2_1, q_5_1)
              values (${randomUUID()}, 'application', ${`s-${n}`}, ${KENES}, ${`${Y}-03-15`}, 5, ${politeness})`);
  }

  beforeAll(async () => {
    server = await startTestServer({ database: kind });
    for (const who of ['ministry', 'district', 'oblast', 'director']) {
      as[who] = new ApiClient(server.url);
      expect((await as[who].login(who, server.demoPassword)).status).toBe(200);
    }
    ids.onTime = await application(KENES, '880202400015', 'Вовремя Вовремяев', at('03-10', '10:30'));
    ids.late = await application(KENES, IIN_LATE, 'Кешіккен Кешікұлы', at('03-11', '11:00'));
    ids.pending = await application(KENES, '910303300025', 'Күтуші Күтұлы', null);
    ids.far = await application(FAR, IIN_FAR, 'Алыс Алысұлы', at('03-12', '09:00'));
    await ticket('psc-01', 1, 4);
    await ticket('psc-01', 2, 25);
    await ticket('akimat-113243000', 1, 12.5);
    ids.justified = await complaint(1, 'justified_satisfied');
    await complaint(2, 'not_justified');
    await survey(1, 5);
    await survey(2, 2);
  });

  afterAll(async () => {
    await server?.close();
  });

  const records = (who: string, query: string) =>
    as[who]!.request('GET', `/api/v1/indicators/records?${query}`);

  it('the ministry drills 1.1 down to the late applications of a district, IIN masked and name withheld', async () => {
    const table = await as.ministry!.request(
      'GET',
      `/api/v1/indicators?period=${Y}-03&level=district&within=110000000&code=1.1`,
    );
    const district = table.json.rows.find((r: { key: string }) => r.key === '113200000');
    const v = district.indicators[0].value;
    expect([v.numerator, v.denominator]).toEqual([1, 3]);

    const r = await records('ministry', `period=${Y}-03&code=1.1&within=113200000`);
    expect(r.status).toBe(200);
    expect(r.json.within).toMatchObject({ level: 'district', key: '113200000' });
    expect(r.json.total).toBe(v.denominator - v.numerator);
    expect(r.json.records.map((x: { id: string }) => x.id).sort()).toEqual([ids.late, ids.pending].sort());
    const late = r.json.records.find((x: { id: string }) => x.id === ids.late);
    expect(late).toMatchObject({
      type: 'application',
      reason: 'late',
      iin: '********0017',
      iinMasked: true,
      name: null,
      office: { key: KENES },
    });
    expect(late.office.name).not.toBeNull();
    expect(r.json.records.find((x: { id: string }) => x.id === ids.pending).reason).toBe('overdue_pending');
    expect(r.text).not.toContain(IIN_LATE);
    expect(r.text).not.toContain('Кешіккен');
  });

  it('the district akim sees the IIN and name of their own records, and the read is audited', async () => {
    const count = async () =>
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from audit_log where action = 'kpi.records.read'`.execute(
          server.runtime.db.kysely,
        )
      ).rows[0]!.n;
    const before = await count();
    const r = await records('district', `period=${Y}-03&code=1.1`);
    expect(r.status).toBe(200);
    const late = r.json.records.find((x: { id: string }) => x.id === ids.late);
    expect(late).toMatchObject({ iin: IIN_LATE, iinMasked: false, name: 'Кешіккен Кешікұлы' });
    expect(await count()).toBe(before + 1);
    // Pages: one record at a time, same total.
    const first = await records('district', `period=${Y}-03&code=1.1&limit=1`);
    const second = await records('district', `period=${Y}-03&code=1.1&limit=1&offset=1`);
    expect(first.json.total).toBe(2);
    expect(first.json.records).toHaveLength(1);
    expect(second.json.records[0].id).not.toBe(first.json.records[0].id);
  });

  it('1.2 drills down to the long waits; 4.1 to the justified complaints; 5.1 to anonymous answers', async () => {
    const table = await as.ministry!.request('GET', `/api/v1/indicators?period=${Y}-03&code=1.2`);
    expect(table.json.total.indicators[0].value).toMatchObject({ numerator: 1, denominator: 3 });
    const waits = await records('ministry', `period=${Y}-03&code=1.2`);
    expect(waits.status).toBe(200);
    expect(waits.json.records.map((x: { waitMinutes: number }) => x.waitMinutes).sort()).toEqual([12.5, 25]);
    expect(waits.json.records[0]).toMatchObject({ type: 'ticket', reason: 'long_wait' });
    const own = await records('director', `period=${Y}-03&code=1.2`);
    expect(own.json.records).toHaveLength(1);
    expect(own.json.records[0]).toMatchObject({ number: 'A002', waitMinutes: 25, office: { key: 'psc-01' } });

    const complaints = await records('ministry', `period=${Y}-03&code=4.1`);
    expect(complaints.json.records).toHaveLength(1);
    expect(complaints.json.records[0]).toMatchObject({
      type: 'complaint',
      id: ids.justified,
      reason: 'justified',
      iinMasked: true,
      name: null,
    });
    expect(complaints.text).not.toContain(IIN_COMPLAINT);
    const oblast = await records('oblast', `period=${Y}-03&code=4.1`);
    expect(oblast.json.records[0]).toMatchObject({ iin: IIN_COMPLAINT, name: 'Шағымшы Тестов' });

    const answers = await records('ministry', `period=${Y}-03&code=5.1`);
    expect(answers.json.records).toEqual([
      expect.objectContaining({
        type: 'survey',
        reason: 'dissatisfied',
        score: 2,
        office: expect.anything(),
      }),
    ]);
    expect(answers.json.records[0]).not.toHaveProperty('iin');

    const setting = await records('ministry', `period=${Y}-03&code=3.3`);
    expect(setting.json).toMatchObject({ total: 0, records: [] });
  });

  it('bad period, future period, unknown indicator, bad page are 422; another territory is 403', async () => {
    const expectCode = async (query: string, status: number, code: string) => {
      const r = await records('ministry', query);
      expect(r.status).toBe(status);
      expect(r.json.error.code).toBe(code);
    };
    await expectCode(`period=${Y}-13&code=1.1`, 422, 'KPI.BAD_PERIOD');
    await expectCode(`period=${thisYear + 1}&code=1.1`, 422, 'KPI.PERIOD_IN_FUTURE');
    await expectCode(`period=${Y}-03&code=9.9`, 422, 'KPI.UNKNOWN_INDICATOR');
    await expectCode(`period=${Y}-03`, 422, 'VALIDATION_FAILED');
    await expectCode(`period=${Y}-03&code=1.1&limit=100000`, 422, 'VALIDATION_FAILED');
    await expectCode(`period=${Y}-03&code=1.1&within=psc-nonexistent`, 404, 'KPI.UNIT_NOT_FOUND');
    const other = await records('district', `period=${Y}-03&code=1.1&within=113400000`);
    expect(other.status).toBe(403);
    expect(other.json.error.code).toBe('AUTH.FORBIDDEN');
    expect((await records('director', `period=${Y}-03&code=1.1&within=${KENES}`)).status).toBe(403);
  });

  it('exports the Appendix 3 table as XLSX (kk, ru) with the figures of the API', async () => {
    const download = async (query: string) => {
      const res = await fetch(`${server.url}/api/v1/indicators/export?${query}`, {
        headers: { cookie: as.ministry!.cookieHeader() },
      });
      return res;
    };
    const kk = await download(`period=${Y}-03&level=district&within=110000000&format=xlsx&lang=kk`);
    expect(kk.status).toBe(200);
    expect(kk.headers.get('content-type')).toContain('spreadsheetml');
    expect(kk.headers.get('content-disposition')).toContain(`indicators-110000000-${Y}-03-kk.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await kk.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Кесте');
    expect(sheet.getCell('A1').value).toBe('Кесте. Тиімділік және сапалық көрсеткіштерінің мәні');
    const header = sheet.getRow(6).values as unknown[];
    expect(header.slice(1)).toEqual([
      '№',
      'Сапа және қол жетімділік көрсеткіштері',
      'Көрсеткіштің нормативтік мәні',
      'Көрсеткіштің келесі жылдағы нысаналы мәні',
      'Көрсеткіштің есепті жылдағы ағымдағы мәні',
    ]);
    const rowOf = (code: string) => {
      for (let i = 7; i <= sheet.rowCount; i++)
        if (sheet.getCell(i, 1).value === code) return sheet.getRow(i);
      throw new Error(`no row ${code}`);
    };
    expect(sheet.getCell(7, 2).value).toBe('Уақытылылығы');
    // The oblast: 1.1 is 1 on time of 3 → 33.3 %; 1.2 one short wait of 3 → 33.3 %; 2.1 no answer below 4.
    expect(rowOf('1.1').getCell(3).value).toBe(100);
    expect(rowOf('1.1').getCell(5).value).toBe(33.3);
    expect(rowOf('3.3').getCell(3).value).toBe('40-50');
    expect(rowOf('5.1').getCell(5).value).toBe(50);
    expect(rowOf('4.2').getCell(5).value).toBe(100);
    const units = book.worksheets[1]!;
    expect(units.getRow(1).values).toEqual([undefined, 'Коды', 'Атауы', ...codes]);
    expect(units.getCell(2, 1).value).toBe('110000000');
    expect(units.getCell(3, 1).value).toBe('113200000');

    const ru = await download(`period=${Y - 1}-06&format=xlsx&lang=ru`);
    const ruBook = new ExcelJS.Workbook();
    await ruBook.xlsx.load(Buffer.from(await ru.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const ruSheet = ruBook.worksheets[0]!;
    expect(ruSheet.name).toBe('Таблица');
    expect(ruSheet.getCell(6, 5).value).toBe('Текущее значение показателя в отчетном году');
    expect(ruSheet.getCell(7, 2).value).toBe('Своевременность');
    // A period with no data: words, never 100 %.
    expect(ruSheet.getCell(8, 5).value).toBe('нет данных');

    const csv = await download(`period=${Y}-03&within=113200000&format=csv&lang=ru`);
    expect(csv.status).toBe(200);
    const text = await csv.text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Нормативное значение показателя');
    expect(lines).toContain(
      `${Y}-03;район;113200000;${lines[1]!.split(';')[3]};1.1;Доля (%) случаев предоставления услуги в установленный срок с момента сдачи документов;100;;33.3;1;3;ниже норматива`,
    );
    // 4.1 is a ceiling (at most 1 %): the district's justified complaint is above it, not "below the normative".
    const ceiling = lines.find((l) => l.startsWith(`${Y}-03;район;113200000;`) && l.includes(';4.1;'));
    expect(ceiling?.split(';').at(-1)).toBe('выше допустимого');
    expect(text).not.toContain(IIN_LATE);

    const denied = await as.district!.request('GET', `/api/v1/indicators/export?period=${Y}-03&within=KZ`);
    expect(denied.status).toBe(403);
    const future = await download(`period=${thisYear + 1}&format=csv`);
    expect(future.status).toBe(422);
    expect((await future.json()).error.code).toBe('KPI.PERIOD_IN_FUTURE');
  });

  it('exports the Appendix 3 table as PDF (kk, ru): Kazakh letters, figures of the API, "no data" never 100 %', async () => {
    const download = (who: string, query: string) =>
      fetch(`${server.url}/api/v1/indicators/export?${query}`, {
        headers: { cookie: as[who]!.cookieHeader() },
      });
    const kk = await download(
      'ministry',
      `period=${Y}-03&level=district&within=110000000&format=pdf&lang=kk`,
    );
    expect(kk.status).toBe(200);
    expect(kk.headers.get('content-type')).toBe('application/pdf');
    expect(kk.headers.get('content-disposition')).toContain(`indicators-110000000-${Y}-03-kk.pdf`);
    const kkBytes = Buffer.from(await kk.arrayBuffer());
    expect(kkBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const kkText = pdfText(kkBytes);
    expect(kkText).toContain('Кесте. Тиімділік және сапалық көрсеткіштерінің мәні');
    expect(kkText).toContain('Уақытылылығы');
    expect(kkText).toContain('Қол жеткізуі');
    expect(kkText).toMatch(/1\.1\s+.*33,3/);
    expect(kkText).not.toContain(IIN_LATE);
    if (process.env.KPI_PDF_ARTIFACTS) writeFileSync(`${process.env.KPI_PDF_ARTIFACTS}/kk.pdf`, kkBytes);

    const ru = await download('ministry', `period=${Y - 1}-06&format=pdf&lang=ru`);
    expect(ru.status).toBe(200);
    const ruBytes = Buffer.from(await ru.arrayBuffer());
    const ruText = pdfText(ruBytes);
    expect(ruText).toContain('Таблица. Значения показателей качества и эффективности');
    // A period with no data: words, never 100 %.
    expect(ruText).toContain('нет данных');
    expect(ruText).not.toMatch(/1\.1\s+Доля[^\n]*\s100\s+—\s+100\b/);
    if (process.env.KPI_PDF_ARTIFACTS) writeFileSync(`${process.env.KPI_PDF_ARTIFACTS}/ru.pdf`, ruBytes);

    const denied = await download('district', `period=${Y}-03&within=KZ&format=pdf`);
    expect(denied.status).toBe(403);
    const future = await download('ministry', `period=${thisYear + 1}&format=pdf`);
    expect(future.status).toBe(422);
    expect((await future.json()).error.code).toBe('KPI.PERIOD_IN_FUTURE');
  });

  it('exports the records behind a figure as CSV, read a day at a time, without personal data', async () => {
    const download = (who: string, query: string) =>
      fetch(`${server.url}/api/v1/indicators/records/export?${query}`, {
        headers: { cookie: as[who]!.cookieHeader() },
      });
    const res = await download('ministry', `period=${Y}-03&code=1.1&within=113200000&lang=ru`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain(
      `indicator-records-1.1-113200000-${Y}-03-ru.csv`,
    );
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Период;Показатель;Тип;Код;Офис;Район;Область;Причина;Дата;Срок;Завершено;Подробно',
    );
    expect(
      lines
        .slice(1)
        .map((l) => [l.split(';')[3], l.split(';')[7]])
        .sort(),
    ).toEqual(
      [
        [ids.late, 'late'],
        [ids.pending, 'overdue_pending'],
      ].sort(),
    );
    expect(lines.join('\n')).not.toContain(IIN_LATE);
    expect(lines.join('\n')).not.toContain('Кешіккен');

    // The whole country for the year, a day at a time: the same two and the far oblast's late one.
    const year = await (await download('ministry', `period=${Y}&code=1.1&lang=kk`)).text();
    expect(year.trim().split('\r\n')).toHaveLength(4);
    expect(year).toContain(ids.far!);
    // Anonymous answers: no id.
    const answers = (await (await download('ministry', `period=${Y}-03&code=5.1`)).text())
      .trim()
      .split('\r\n');
    expect(answers).toHaveLength(2);
    expect(answers[1]!.split(';').slice(2, 4)).toEqual(['survey', '']);

    // A period with no data: the header alone. A future period, another territory: coded errors.
    const empty = await (await download('ministry', `period=${Y - 1}-06&code=1.1`)).text();
    expect(empty.trim().split('\r\n')).toHaveLength(1);
    const future = await download('ministry', `period=${thisYear + 1}&code=1.1`);
    expect(future.status).toBe(422);
    expect((await future.json()).error.code).toBe('KPI.PERIOD_IN_FUTURE');
    const other = await download('district', `period=${Y}-03&code=1.1&within=113400000`);
    expect(other.status).toBe(403);
    expect((await other.json()).error.code).toBe('AUTH.FORBIDDEN');
  });

  it('the public page API, without signing in, gives last month per office and no personal data', async () => {
    const now = new Date(Date.now() + 5 * 3600_000); // Almaty civil time (UTC+5)
    const y = now.getUTCMonth() === 0 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
    const m = now.getUTCMonth() === 0 ? 12 : now.getUTCMonth();
    const month = `${y}-${String(m).padStart(2, '0')}`;
    const day = `${month}-05`;
    await exec(sql`insert into applications (id, channel, status, applicant_iin, applicant_name, akimat_kato,
                received_at, due_at, state)
              values (${randomUUID()}, 'akimat', 'certificate_issued', ${IIN_LATE}, 'Кешіккен Кешікұлы', ${KENES},
                ${`${day}T10:00:00+05:00`}, ${`${day}T18:00:00+05:00`},
                ${JSON.stringify({ completedAt: `${day}T10:20:00+05:00` })}::jsonb)`);
    for (const [seq, wait] of [
      [1, 3],
      [2, 8],
      [3, 40],
    ] as const) {
      await exec(sql`insert into queue_tickets (id, office_id, day, seq, number, status, issued_at, wait_minutes,
                  version)
                values (${randomUUID()}, 'akimat-113243000', ${day}, ${seq}, ${`A00${seq}`}, 'done',
                  ${`${day}T09:30:00+05:00`}, ${wait}, 1)`);
    }
    await exec(sql`insert into surveys (id, subject, subject_key, office_kato, answered_on, q_2_1)
              values (${randomUUID()}, 'application', 'public-1', ${KENES}, ${day}, 5)`);

    const res = await fetch(`${server.url}/api/v1/public/indicators`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body.period).toBe(month);
    const kenes = body.offices.find((o: { key: string }) => o.key === KENES);
    expect(kenes).toMatchObject({
      onTime: { percent: 100, count: 1 },
      shortWait: { percent: 66.7, count: 3 },
      typicalWaitMinutes: 8,
      satisfaction: { percent: 100, count: 1 },
    });
    expect(kenes.name).not.toBeNull();
    // No personal data: no IIN (nor any 12-digit number), no applicant's name.
    expect(text).not.toContain(IIN_LATE);
    expect(text).not.toMatch(/\d{12}/);
    expect(text).not.toContain('Кешіккен');
    expect(Object.keys(kenes).sort()).toEqual(
      ['key', 'name', 'onTime', 'satisfaction', 'shortWait', 'typicalWaitMinutes'].sort(),
    );
  });
});
