import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';

describe.each(DATABASE_KINDS)('reference data on %s (R-1, R-7, R-10, R-20)', (kind) => {
  let server: TestServer;
  let api: ApiClient;
  beforeAll(async () => {
    server = await startTestServer({ database: kind });
    api = new ApiClient(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists the 196 apparatuses of Appendix 1 and the 24 PSCs of Appendix 2', async () => {
    const a1 = await api.request('GET', '/api/v1/offices?appendix=1&limit=500');
    const a2 = await api.request('GET', '/api/v1/offices?appendix=2&limit=500');
    expect(a1.json.total).toBe(196);
    expect(a2.json.total).toBe(24);
    const psc = a2.json.offices[0];
    expect(psc).toMatchObject({ appendix: 2, kind: 'psc', hours: { schedule: 'psc' } });
    expect(psc.name.kk).toBeTruthy();
    expect(psc.name.ru).toBeTruthy();
  });

  it('has the rural akimats of the built-in territory as offices with akimat hours', async () => {
    const r = await api.request('GET', `/api/v1/offices?kind=rural_akimat&q=${encodeURIComponent('кенес')}`);
    expect(r.status).toBe(200);
    expect(r.json.offices[0]).toMatchObject({
      id: 'akimat-113243000',
      kato: '113243000',
      name: { kk: 'Кенес ауылдық округі', ru: 'Кенесский с.о.' },
      hours: { schedule: 'akimat' },
    });
  });

  it('filters by oblast (code or name) and district', async () => {
    const byCode = await api.request('GET', '/api/v1/offices?oblast=11&kind=rural_akimat&limit=500');
    expect(byCode.json.total).toBe(8); // the Akkol district's rural akimats in the built-in territory
    const byName = await api.request(
      'GET',
      `/api/v1/offices?appendix=1&oblast=${encodeURIComponent('Ақмола облысы')}&limit=500`,
    );
    expect(byName.json.total).toBe(20);
    const district = await api.request('GET', '/api/v1/offices?district=113200000&limit=500');
    expect(district.json.offices.map((o: { id: string }) => o.id)).toContain('akimat-113241000');
  });

  it('answers an unknown office with 404', async () => {
    const r = await api.request('GET', '/api/v1/offices/no-such-office');
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('OFFICE.NOT_FOUND');
  });

  it('lists calendar days with kinds and names (2026 Nauryz: 21–23 holidays, 24–25 observed)', async () => {
    const r = await api.request('GET', '/api/v1/calendar/days?from=2026-03-20&to=2026-03-26');
    expect(r.status).toBe(200);
    expect(r.json.days.map((d: { kind: string }) => d.kind)).toEqual([
      'workday', // Fri 20
      'holiday', // Sat 21
      'holiday', // Sun 22
      'holiday', // Mon 23
      'observed', // Tue 24
      'observed', // Wed 25
      'workday', // Thu 26
    ]);
    expect(r.json.days[1].name.kk).toBe('Наурыз мейрамы');
  });

  it.each([
    ['/api/v1/calendar/days?from=2026-02-30&to=2026-03-01', 'VALIDATION_FAILED'],
    ['/api/v1/calendar/days?from=2020-01-01&to=2026-01-01', 'VALIDATION_FAILED'],
    ['/api/v1/calendar/days?from=2030-01-01&to=2030-01-05', 'CALENDAR.OUT_OF_COVERAGE'],
    ['/api/v1/calendar/deadline?office=psc-01&from=yesterday&workingDays=2', 'VALIDATION_FAILED'],
  ])('%s → 422 %s', async (url, code) => {
    const r = await api.request('GET', url);
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe(code);
    if (code === 'CALENDAR.OUT_OF_COVERAGE')
      expect(r.json.error.details.coverage).toEqual({ from: '2011-01-01', to: '2027-12-31' });
  });

  it('computes a PSC due date: 2 working days, day of acceptance not counted, at closing time (R-7)', async () => {
    // Fri 20 Mar 2026 10:00 → 21–25 are days off → Thu 26 is day 1, Fri 27 day 2, due at 20:00.
    const from = encodeURIComponent('2026-03-20T10:00:00+05:00');
    const r = await api.request('GET', `/api/v1/calendar/deadline?office=psc-01&from=${from}&workingDays=2`);
    expect(r.json).toEqual({
      due: '2026-03-27T20:00:00+05:00',
      dueDate: '2026-03-27',
      acceptedOn: '2026-03-20',
    });
    const unknown = await api.request(
      'GET',
      `/api/v1/calendar/deadline?office=nope&from=${from}&workingDays=2`,
    );
    expect(unknown.status).toBe(404);
  });

  it('lets only an admin add a transfer, validated and audited', async () => {
    const akimat = new ApiClient(server.url);
    await akimat.login('akimat', server.demoPassword);
    const body = { off: '2027-01-08', work: '2027-01-09', basis: { act: 'TEST-2027-1' } };
    const denied = await akimat.request('POST', '/api/v1/calendar/transfers', body);
    expect(denied.status).toBe(403);
    const admin = new ApiClient(server.url);
    await admin.login('admin', server.demoPassword);
    const bad = await admin.request('POST', '/api/v1/calendar/transfers', {
      ...body,
      off: '2027-01-09',
      work: '2027-01-08',
    });
    expect(bad.status).toBe(422);
    const okay = await admin.request('POST', '/api/v1/calendar/transfers', body);
    expect(okay.status).toBe(201);
    const days = await api.request('GET', '/api/v1/calendar/days?from=2027-01-08&to=2027-01-09');
    expect(days.json.days.map((d: { kind: string }) => d.kind)).toEqual([
      'transferred_off',
      'transferred_workday',
    ]);
  });

  it('lets an admin add the next year (2028) with Kurban Ait; a non-adjacent year is refused (issue 3 item 4)', async () => {
    const body = {
      year: 2028,
      basis: { act: 'TEST-2028' },
      kurbanAit: { date: '2028-05-05', provisional: true },
    };
    const akimat = new ApiClient(server.url);
    await akimat.login('akimat', server.demoPassword);
    expect((await akimat.request('POST', '/api/v1/calendar/years', body)).status).toBe(403);
    const admin = new ApiClient(server.url);
    await admin.login('admin', server.demoPassword);
    const far = await admin.request('POST', '/api/v1/calendar/years', { ...body, year: 2030 });
    expect([far.status, far.json.error.code]).toEqual([422, 'CALENDAR.YEAR_NOT_ADJACENT']);
    const before = await api.request('GET', '/api/v1/calendar/days?from=2028-05-05&to=2028-05-05');
    expect(before.json.error.code).toBe('CALENDAR.OUT_OF_COVERAGE');
    const okay = await admin.request('POST', '/api/v1/calendar/years', body);
    expect([okay.status, okay.json.coverage.to]).toEqual([201, '2028-12-31']);
    const days = await api.request('GET', '/api/v1/calendar/days?from=2028-05-05&to=2028-05-05');
    expect(days.json.days[0].kind).toBe('religious');
  });

  it('answers the territory tree and name search', async () => {
    const roots = await api.request('GET', '/api/v1/territory');
    expect(roots.json.nodes.map((n: { code: string }) => n.code)).toContain('110000000');
    const node = await api.request('GET', '/api/v1/territory/113243000');
    expect(node.json.node).toMatchObject({ kind: 'rural_district', isServiceProvider: true });
    expect(node.json.ancestors.map((n: { code: string }) => n.code)).toEqual(['110000000', '113200000']);
    const search = await api.request(
      'GET',
      `/api/v1/territory?q=${encodeURIComponent('Қарасай')}&providersOnly=true`,
    );
    expect(search.json.nodes[0].code).toBe('113241000');
    expect((await api.request('GET', '/api/v1/territory/999999999')).status).toBe(404);
  });
});
