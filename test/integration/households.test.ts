import http from 'node:http';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { civilToday } from '../../src/app/households/access';
import { importHouseholdBook } from '../../src/app/households/import-household-book';
import { indexPendingNames } from '../../src/app/households/index-pending-names';
import { makeIin } from '../../src/domain/iin/iin';
import { DATABASE_KINDS } from '../support/databases';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';

// Issue 4: the household book through the real HTTP API on both databases.
const household = (overrides: Record<string, unknown> = {}) => ({
  bookNumber: '7',
  accountNumber: '701',
  akimatKato: '113243000',
  settlementKato: '113243100',
  address: 'Домбыралы ауылы, Бейбітшілік көшесі, 3',
  status: 'open',
  members: [
    {
      iin: '850315400025',
      surname: 'Ахметова',
      name: 'Гүлнар',
      patronymic: 'Серікқызы',
      relation: 'head',
      joinedOn: '2010-04-01',
    },
    { iin: '101231600049', surname: 'Ахметова', name: 'Дана', relation: 'child', joinedOn: '2010-12-31' },
  ],
  yearlyRecords: [
    {
      referenceYear: 2026,
      landPlots: [{ purpose: 'homestead', areaHa: 0.12 }],
      livestock: { cattle: 3, cows: 2, sheep: 10 },
      machinery: [],
    },
  ],
  ...overrides,
});

describe.each(DATABASE_KINDS)('household book on %s (issue 4)', (kind) => {
  let server: TestServer;
  let akimat: ApiClient;
  let householdId: string;
  beforeAll(async () => {
    server = await startTestServer({ database: kind });
    akimat = new ApiClient(server.url);
    await akimat.login('akimat', server.demoPassword);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('adds a household and reads it back with its history', async () => {
    const created = await akimat.request('POST', '/api/v1/households', {
      household: household(),
      reason: 'new account',
    });
    expect(created.status, created.text).toBe(201);
    householdId = created.json.householdId;
    const read = await akimat.request('GET', `/api/v1/households/${householdId}`);
    expect(read.status).toBe(200);
    expect(read.json.household.members).toHaveLength(2);
    expect(read.json.history).toMatchObject([{ version: 1, change: 'created', reason: 'new account' }]);
    // The history says who by name, not only by user id.
    const me = await akimat.request('GET', '/api/v1/auth/session');
    expect(read.json.history[0].recordedByName).toBe(me.json.user.displayName);
  });

  it('finds it by IIN, by a misspelt name across Kazakh/Russian letters, and by address', async () => {
    const byIin = await akimat.request('GET', '/api/v1/households?q=850315400025');
    expect(byIin.json.households.map((h: { id: string }) => h.id)).toEqual([householdId]);
    const byName = await akimat.request(
      'GET',
      `/api/v1/households?q=${encodeURIComponent('Ахмедова Гулнар')}`,
    );
    expect(byName.json.households.map((h: { id: string }) => h.id)).toContain(householdId);
    const byAddress = await akimat.request(
      'GET',
      `/api/v1/households?q=${encodeURIComponent('Бейбітшілік 3')}`,
    );
    expect(byAddress.json.households.map((h: { id: string }) => h.id)).toContain(householdId);
  });

  it('finds the PSF record of a member as of today, and none for a stranger (refusal ground 2)', async () => {
    const found = await akimat.request('GET', '/api/v1/households/lookup?iin=101231600049');
    expect(found.json.result.kind).toBe('found');
    expect(found.json.result.record.householdId).toBe(householdId);
    const none = await akimat.request('GET', '/api/v1/households/lookup?iin=900101300017');
    expect(none.json.result.kind).toBe('no-record');
    const bad = await akimat.request('GET', '/api/v1/households/lookup?iin=900101300014');
    expect(bad.status).toBe(422);
    expect(bad.json.error.code).toBe('IIN.BAD_CHECK_DIGIT');
  });

  it('puts every lookup on record (R-14), the allowed and the denied, before answering', async () => {
    const rows = async () =>
      (
        await sql<{ actor_role: string; subject_type: string; subject_id: string | null; outcome: string }>`
          select actor_role, subject_type, subject_id, outcome from audit_log
          where action = 'household.lookup' order by at desc, id desc limit 1`.execute(
          server.runtime.db.kysely,
        )
      ).rows[0];
    expect((await akimat.request('GET', '/api/v1/households/lookup?iin=101231600049')).status).toBe(200);
    expect(await rows()).toEqual({
      actor_role: 'akimat_officer',
      subject_type: 'household',
      subject_id: householdId,
      outcome: 'success',
    });
    const psc = new ApiClient(server.url);
    await psc.login('psc', server.demoPassword);
    const denied = await psc.request('GET', '/api/v1/households/lookup?iin=101231600049');
    expect(denied.status).toBe(403);
    expect(denied.text).not.toContain('Ахметова');
    expect(await rows()).toMatchObject({ subject_id: householdId, outcome: 'denied' });
  });

  it('saves a new version, refuses a stale one, and reads the book as of a past date', async () => {
    const edited = household({ address: 'Домбыралы ауылы, Бейбітшілік көшесі, 5' });
    const v2 = await akimat.request('PUT', `/api/v1/households/${householdId}`, {
      expectedVersion: 1,
      household: edited,
      reason: 'new address',
    });
    expect(v2.status, v2.text).toBe(200);
    expect(v2.json.version).toBe(2);
    const stale = await akimat.request('PUT', `/api/v1/households/${householdId}`, {
      expectedVersion: 1,
      household: edited,
      reason: 'again',
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('HOUSEHOLD.CONFLICT');
    const before = await akimat.request('GET', `/api/v1/households/${householdId}?asOf=2020-01-01`);
    expect(before.status).toBe(422);
    expect(before.json.error.code).toBe('HOUSEHOLD.NOT_YET_RECORDED');
  });

  it('closes a household without losing its history', async () => {
    const closed = await akimat.request('POST', `/api/v1/households/${householdId}/close`, {
      expectedVersion: 2,
      closedOn: '2026-01-15',
      reason: 'the family moved to the city',
    });
    expect(closed.status, closed.text).toBe(200);
    const read = await akimat.request('GET', `/api/v1/households/${householdId}`);
    expect(read.json.household.status).toBe('closed');
    expect(read.json.history.map((h: { change: string }) => h.change)).toEqual([
      'created',
      'edited',
      'closed',
    ]);
  });

  it('refuses bad input with coded errors and changes nothing', async () => {
    const badIin = household({
      accountNumber: '702',
      members: [{ ...household().members[0], iin: '850315400024' }],
    });
    const r1 = await akimat.request('POST', '/api/v1/households', { household: badIin, reason: 'x' });
    expect(r1.status).toBe(422);
    expect(r1.json.error.code).toBe('HOUSEHOLD.INVALID');
    const absurd = household({
      accountNumber: '703',
      members: [{ ...household().members[0], iin: '900101300017' }],
      yearlyRecords: [
        {
          referenceYear: 2026,
          landPlots: [{ purpose: 'garden', areaHa: -1 }],
          livestock: { sheep: 200000, unicorn: 1 },
          machinery: [],
        },
      ],
    });
    const r2 = await akimat.request('POST', '/api/v1/households', { household: absurd, reason: 'x' });
    expect(r2.status).toBe(422);
    const codes = r2.json.error.details.errors.map((e: { code: string }) => e.code);
    expect(codes).toEqual(
      expect.arrayContaining(['HOUSEHOLD.BAD_AREA', 'HOUSEHOLD.ABSURD_COUNT', 'HOUSEHOLD.UNKNOWN_SPECIES']),
    );
    const list = await akimat.request('GET', '/api/v1/households?q=900101300017');
    expect(list.json.households).toHaveLength(0);
  });

  it('keeps an officer out of another akimat and a district akim read-only', async () => {
    const other = await akimat.request('POST', '/api/v1/households', {
      household: household({ akimatKato: '113241000', settlementKato: '113241100', accountNumber: '9' }),
      reason: 'x',
    });
    expect(other.status).toBe(403);
    const district = new ApiClient(server.url);
    await district.login('district', server.demoPassword);
    expect((await district.request('GET', `/api/v1/households/${householdId}`)).status).toBe(200);
    const write = await district.request('POST', '/api/v1/households', {
      household: household({ accountNumber: '10' }),
      reason: 'x',
    });
    expect(write.status).toBe(403);
    const psc = new ApiClient(server.url);
    await psc.login('psc', server.demoPassword);
    expect((await psc.request('GET', `/api/v1/households/${householdId}`)).status).toBe(403);
  });

  it('imports a book all or nothing, each bad row with its line', async () => {
    const header = [
      'book_no',
      'account_no',
      'settlement_kato',
      'address',
      'reference_year',
      'iin',
      'surname',
      'name',
      'relation',
      'joined_on',
      'cattle',
      'sheep',
    ];
    const good = [
      '3',
      '301',
      '113243200',
      'Кенес ауылы, 1',
      '2026',
      '780512300014',
      'Оспанов',
      'Ерлан',
      'head',
      '2001-01-01',
      '2',
      '5',
    ];
    const rows = [
      header,
      good,
      [
        '3',
        '302',
        '113243200',
        'Кенес ауылы, 2',
        '2026',
        '780512300012',
        'Серікбаев',
        'Нұрлан',
        'head',
        '2001-01-01',
        '-1',
        '5',
      ],
    ];
    const user = await server.runtime.deps.uow.run((repos) => repos.users.findByUsername('akimat'));
    const failed = await importHouseholdBook(server.runtime.deps, user!, {
      akimatKato: '113243000',
      rows,
      ip: null,
    });
    expect(failed.ok).toBe(true);
    if (!failed.ok) return;
    expect(failed.value.written).toBe(false);
    expect(failed.value.errors.map((e) => e.line)).toEqual([3, 3]);
    const none = await akimat.request('GET', '/api/v1/households?q=780512300014');
    expect(none.json.households).toHaveLength(0);
    const okRows = [header, good];
    const done = await importHouseholdBook(server.runtime.deps, user!, {
      akimatKato: '113243000',
      rows: okRows,
      ip: null,
    });
    expect(done.ok && done.value).toMatchObject({ written: true, created: 1 });
  });

  it('re-imports a household: a member dropped and listed again is found by IIN each time, history kept', async () => {
    const deps = server.runtime.deps;
    const user = await deps.uow.run((repos) => repos.users.findByUsername('akimat'));
    const today = civilToday(deps);
    const headIin = makeIin({ year: 1969, month: 7, day: 14 }, 'male', 4411)!;
    const spouseIin = makeIin({ year: 1972, month: 2, day: 3 }, 'female', 4412)!;
    const header = ['book_no', 'account_no', 'settlement_kato', 'address', 'reference_year'];
    const memberHeader = ['iin', 'surname', 'name', 'relation', 'joined_on', 'sheep'];
    const row = (
      iin: string,
      surname: string,
      name: string,
      relation: string,
      joined: string,
      sheep: string,
    ) => ['4', '401', '113243200', 'Кенес ауылы, 4', '2026', iin, surname, name, relation, joined, sheep];
    const head = (sheep: string) => row(headIin, 'Жұмабеков', 'Асқар', 'head', '2001-01-01', sheep);
    // Joined today: an import that no longer lists her drops her from the household altogether (she is not
    // kept as a former member), so listing her again later writes a pair the IIN index already holds.
    const spouse = row(spouseIin, 'Жұмабекова', 'Айгүл', 'spouse', today, '');
    const run = async (...rows: string[][]) => {
      const r = await importHouseholdBook(deps, user!, {
        akimatKato: '113243000',
        rows: [[...header, ...memberHeader], ...rows],
        ip: null,
      });
      expect(r.ok && r.value.errors).toEqual([]);
      return r.ok ? r.value : undefined;
    };
    const found = async (iin: string) =>
      (await akimat.request('GET', `/api/v1/households?q=${iin}`)).json.households.map(
        (h: { accountNumber: string }) => h.accountNumber,
      );

    expect(await run(head('10'), spouse)).toMatchObject({ created: 1, written: true });
    expect(await found(spouseIin)).toEqual(['401']);
    expect(await run(head('11'))).toMatchObject({ updated: 1, written: true });
    expect(await found(spouseIin)).toEqual([]);
    expect(await found(headIin)).toEqual(['401']);
    expect(await run(head('12'), spouse)).toMatchObject({ updated: 1, written: true });
    expect(await found(spouseIin)).toEqual(['401']);

    const [id] = [...(await deps.uow.run((repos) => repos.households.accountsOf('113243000'))).entries()]
      .filter(([key]) => key === '4\u0000401')
      .map(([, v]) => v);
    const history = await deps.uow.run((repos) => repos.households.versionsForIin(spouseIin));
    expect(history.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(history.every((v) => v.householdId === id)).toBe(true);
    expect(history.map((v) => v.household.members.some((m) => m.iin === spouseIin))).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('re-imports only the member rows that changed: a person moves between households of one file, one is renamed, the rest stay in place', async () => {
    const deps = server.runtime.deps;
    const db = server.runtime.db.kysely;
    const today = civilToday(deps);
    const iin = (n: number, sex: 'male' | 'female') =>
      makeIin({ year: 1980, month: 5, day: 20 }, sex, 7100 + n)!;
    const [a, b, c, d] = [iin(1, 'male'), iin(2, 'female'), iin(3, 'male'), iin(4, 'female')];
    const header = [
      'book_no',
      'account_no',
      'settlement_kato',
      'address',
      'reference_year',
      'iin',
      'surname',
      'name',
    ];
    const row = (
      account: string,
      person: string,
      surname: string,
      name: string,
      relation: string,
      sheep: string,
    ) => [
      '5',
      account,
      '113243200',
      `Кенес ауылы, ${account}`,
      '2026',
      person,
      surname,
      name,
      relation,
      '2015-03-01',
      sheep,
    ];
    const run = async (...rows: string[][]) => {
      const r = await importHouseholdBook(deps, null, {
        akimatKato: '113243000',
        rows: [[...header, 'relation', 'joined_on', 'sheep'], ...rows],
        ip: null,
      });
      expect(r.ok && r.value.errors).toEqual([]);
    };
    const memberRows = async () =>
      (
        await sql<{ ctid: string; account: string; iin: string; name: string; left: string | null }>`
          select m.ctid::text as ctid, h.account_number as account, m.iin, m.name, m.left_on::text as left
          from household_members m join households h on h.id = m.household_id
          where h.akimat_kato = '113243000' and h.book_number = '5' order by h.account_number, m.iin`.execute(
          db,
        )
      ).rows;

    await run(
      row('501', a, 'Серіков', 'Ержан', 'head', '5'),
      row('501', b, 'Серікова', 'Айша', 'spouse', ''),
      row('502', c, 'Омаров', 'Бақыт', 'head', '7'),
    );
    const before = await memberRows();
    // B leaves 501 for 502, C's name is corrected, A's sheep change (his own row does not).
    await run(
      row('501', a, 'Серіков', 'Ержан', 'head', '6'),
      row('502', c, 'Омаров', 'Бақытжан', 'head', '7'),
      row('502', b, 'Серікова', 'Айша', 'spouse', ''),
      row('502', d, 'Омарова', 'Сая', 'child', ''),
    );
    const after = await memberRows();
    expect(after.map(({ ctid: _, ...r }) => r)).toEqual(
      [
        { account: '501', iin: a, name: 'Ержан', left: null },
        { account: '501', iin: b, name: 'Айша', left: today },
        { account: '502', iin: b, name: 'Айша', left: null },
        { account: '502', iin: c, name: 'Бақытжан', left: null },
        { account: '502', iin: d, name: 'Сая', left: null },
      ].sort((x, y) => x.account.localeCompare(y.account) || x.iin.localeCompare(y.iin)),
    );
    // A's row was not rewritten: same physical place. C's (renamed) was.
    const place = (rows: typeof before, account: string, person: string) =>
      rows.find((r) => r.account === account && r.iin === person)?.ctid;
    expect(place(after, '501', a)).toBe(place(before, '501', a));
    expect(place(after, '502', c)).not.toBe(place(before, '502', c));
    // The rows match what the current versions list, and B is found in 502 by IIN.
    const record = await deps.uow.run((repos) => repos.households.versionsForIin(b));
    expect(record.at(-1)?.household.accountNumber).toBe('502');
    expect(
      (await akimat.request('GET', `/api/v1/households?q=${b}`)).json.households.map(
        (h: { accountNumber: string }) => h.accountNumber,
      ),
    ).toEqual(expect.arrayContaining(['502']));
  });

  it('finds imported names once the name indexer has run; a renamed member never shows under the old name', async () => {
    const deps = server.runtime.deps;
    const user = await deps.uow.run((repos) => repos.users.findByUsername('akimat'));
    const iin = makeIin({ year: 1958, month: 11, day: 30 }, 'male', 4414)!;
    const header = [
      'book_no',
      'account_no',
      'settlement_kato',
      'address',
      'reference_year',
      'iin',
      'surname',
      'name',
      'relation',
    ];
    const run = async (surname: string) => {
      const r = await importHouseholdBook(deps, user!, {
        akimatKato: '113243000',
        rows: [header, ['5', '501', '113243200', 'Кенес ауылы, 5', '2026', iin, surname, 'Бекзат', 'head']],
        ip: null,
      });
      expect(r.ok && r.value.written).toBe(true);
    };
    const byName = async (q: string) =>
      (await akimat.request('GET', `/api/v1/households?q=${encodeURIComponent(q)}`)).json.households.map(
        (h: { accountNumber: string }) => h.accountNumber,
      );
    const pending = async () =>
      Number(
        (
          await sql<{ n: string }>`select count(*) as n from household_names_pending`.execute(
            server.runtime.db.kysely,
          )
        ).rows[0]!.n,
      );

    await indexPendingNames(deps); // what the imports of the tests above left queued
    await run('Тоқтарбаев');
    // Written and found by IIN at once; by name after the indexer's round (ADR 0010).
    expect(await byName(iin)).toEqual(['501']);
    expect(await byName('Тоқтарбаев Бекзат')).toEqual([]);
    expect(await pending()).toBe(1);
    expect(await indexPendingNames(deps)).toBe(1);
    expect(await pending()).toBe(0);
    expect(await byName('Тоқтарбаев Бекзат')).toEqual(['501']);

    // Renamed by a re-import: the old name is gone from the results before the indexer removes it.
    await run('Сұлтанбеков');
    expect(await byName('Тоқтарбаев Бекзат')).toEqual([]);
    expect(await indexPendingNames(deps)).toBe(1);
    expect(await byName('Сұлтанбеков Бекзат')).toEqual(['501']);
    expect(await byName('Тоқтарбаев Бекзат')).toEqual([]);
    // The name as written (Kazakh letters kept), not the folded search key.
    const hit = await akimat.request('GET', `/api/v1/households?q=${encodeURIComponent('Султанбеков')}`);
    expect(hit.json.households.map((h: { matchedName?: string }) => h.matchedName)).toContain(
      'Сұлтанбеков Бекзат',
    );
    // An unchanged name is not written again: the search copy has one row per member.
    const copies = await sql<{ n: string }>`
      select count(*) as n from household_names where iin = ${iin}`.execute(server.runtime.db.kysely);
    expect(Number(copies.rows[0]!.n)).toBe(1);
  });

  it('describes the household API in the OpenAPI document', async () => {
    const r = await akimat.request('GET', '/api/openapi.json');
    expect(r.status).toBe(200);
    expect(Object.keys(r.json.paths)).toContain('/api/v1/households/{id}');
  });
});

describe('household book files over HTTP (issue 4, item 3)', () => {
  let server: TestServer;
  let akimat: ApiClient;
  beforeAll(async () => {
    server = await startTestServer();
    akimat = new ApiClient(server.url);
    await akimat.login('akimat', server.demoPassword);
  });
  afterAll(async () => {
    await server?.close();
  });

  const upload = (body: string | Uint8Array, fileName = 'book.csv', headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1/households/import?akimat=113243000&fileName=${fileName}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'x-csrf-token': akimat.csrfToken!,
        cookie: akimat.cookieHeader(),
        ...headers,
      },
      body: body as unknown as BodyInit,
    });

  it('imports a CSV with one bad row: the report names the line, nothing is written', async () => {
    const csv = [
      'book_no;account_no;settlement_kato;address;reference_year;iin;surname;name;relation;joined_on;sheep',
      '5;501;113243200;Кенес ауылы, 9;2026;780512300014;Оспанов;Ерлан;head;2001-01-01;5',
      '5;502;113243200;Кенес ауылы, 10;2026;850315400025;Серікова;Айгүл;head;2001-01-01;-3',
    ].join('\n');
    const r = await upload(csv);
    expect(r.status).toBe(200);
    const report = await r.json();
    expect(report.written).toBe(false);
    expect(report.errors[0]).toMatchObject({ line: 3, code: 'HOUSEHOLD.NEGATIVE_COUNT' });
    const fixed = csv.replace(';-3', ';3');
    const ok = await (await upload(fixed)).json();
    expect(ok).toMatchObject({ written: true, created: 2, rowsAccepted: 2 });
  });

  it('refuses an empty file and a file declared larger than 64 MiB before reading it', async () => {
    const empty = await upload(new Uint8Array());
    expect([400, 422]).toContain(empty.status);
    // Declares 200 MB and sends almost nothing: the answer must come from the declared size alone.
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${server.url}/api/v1/households/import?akimat=113243000`, {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          'content-length': String(200 * 1024 * 1024),
          'x-csrf-token': akimat.csrfToken!,
          cookie: akimat.cookieHeader(),
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.write('book_no;account_no\n');
    });
    expect(status).toBe(413);
  });

  it('exports the book as CSV and XLSX', async () => {
    const csv = await akimat.request('GET', '/api/v1/households/export?akimat=113243000&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('780512300014');
    const xlsx = await fetch(`${server.url}/api/v1/households/export?akimat=113243000&format=xlsx`, {
      headers: { cookie: akimat.cookieHeader() },
    });
    expect(xlsx.status).toBe(200);
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a ZIP: PK
    const other = await akimat.request('GET', '/api/v1/households/export?akimat=113241000&format=csv');
    expect(other.status).toBe(403);
  });
});
