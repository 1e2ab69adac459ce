/**
 * Complaints end to end over HTTP on both databases (R-16..R-19, R-24): intake online and at the office within
 * complaint hours, routing, talon PDF, review, answer, public status, surveys with follow-ups, escalation.
 */
import { execFileSync } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TERRITORY } from '../../src/app/demo/demo-users';
import { DATABASE_KINDS } from '../support/databases';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';

const IIN = DEMO_TERRITORY.citizenIin;
const OTHER_IIN = '850712400406';

/** A controllable clock: Wednesday 25 November 2026, 10:00 in Almaty. */
const clock = {
  t: new Date('2026-11-25T10:00:00+05:00'),
  now() {
    return new Date(this.t);
  },
  set(iso: string) {
    this.t = new Date(iso);
  },
};

/** The PDF's text as poppler extracts it (poppler-utils), line breaks and break opportunities squeezed out. */
const pdfText = (bytes: Buffer) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes })
    .toString('utf8')
    .replace(/[\s\u200b]+/gu, '');

describe.each(DATABASE_KINDS)('complaints on %s (R-16..R-19, R-24)', (database) => {
  let server: TestServer;
  const appId = '6f1d2c3b-0000-4000-8000-000000000001';
  const otherAppId = '6f1d2c3b-0000-4000-8000-000000000002';
  const pscAppId = '6f1d2c3b-0000-4000-8000-000000000003';

  async function as(username: string) {
    const c = new ApiClient(server.url);
    const r = await c.login(username, server.demoPassword);
    expect(r.status).toBe(200);
    return c;
  }

  beforeAll(async () => {
    clock.set('2026-11-25T10:00:00+05:00');
    server = await startTestServer({ database, clock });
    const db = server.runtime.db.kysely;
    // Applications come from migration 0004 (their use cases are another issue's); rows as they would be stored.
    const row = (id: string, iin: string, channel: string, status: string, psc: string | null) => sql`
      insert into applications (id, channel, status, applicant_iin, applicant_name, akimat_kato, psc_office_id, received_at, state)
      values (${id}, ${channel}, ${status}, ${iin}, 'Test', ${DEMO_TERRITORY.akimatKato}, ${psc}, now(), '{}'::jsonb)`;
    await row(appId, IIN, 'online', 'refused', null).execute(db);
    await row(otherAppId, OTHER_IIN, 'akimat', 'refused', null).execute(db);
    await row(pscAppId, IIN, 'psc', 'handed_over', DEMO_TERRITORY.pscOfficeId).execute(db);
  }, 120_000);
  afterAll(async () => server?.close());

  const complaint = (extra: Record<string, unknown> = {}) => ({
    kind: 'result',
    applicationId: appId,
    language: 'ru',
    contactEmail: 'asqar@example.kz',
    text: 'Мне отказали в справке, хотя хозяйство есть в книге.',
    ...extra,
  });

  let number = '';
  let id = '';
  /** The complaint the sweep first saw overdue and escalated to the district akim. */
  let lateNumber = '';

  it('a citizen files online; disagreement with the result goes to the district akim (R-17)', async () => {
    const citizen = await as('citizen');
    const r = await citizen.request('POST', '/api/v1/complaints', complaint());
    expect(r.status, r.text).toBe(201);
    const c = r.json.complaint;
    expect(c.number).toMatch(/^C2026-\d{6}$/);
    expect(c.status).toBe('registered');
    expect(c.reviewer).toMatchObject({ level: 'district', kato: DEMO_TERRITORY.districtKato });
    expect(c.reviewer.officeName.ru).toContain('Аккольского');
    // Wed 10:00 + 5 working days → Wed 2 Dec, 20:00 Almaty.
    expect(c.dueAt).toBe(new Date('2026-12-02T20:00:00+05:00').toISOString());
    expect(c.flag).toBe('green');
    number = c.number;
    id = c.id;
    // the confirmation waits in the outbox, in Russian.
    const out = await server.runtime.db.kysely.selectFrom('notification_outbox').selectAll().execute();
    expect(
      out.some((m) => m.recipient === 'asqar@example.kz' && m.body.includes(number) && m.language === 'ru'),
    ).toBe(true);
  });

  it('the talon prints as a PDF in kk and ru (R-18)', async () => {
    const citizen = await as('citizen');
    for (const lang of ['kk', 'ru']) {
      const r = await fetch(`${server.url}/api/v1/complaints/${id}/talon.pdf?lang=${lang}`, {
        headers: { cookie: citizen.cookieHeader() },
      });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toContain('application/pdf');
      const bytes = Buffer.from(await r.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      // the talon carries the complaint's survey (open once it is answered) beside its status link.
      const text = pdfText(bytes);
      expect(text).toContain(`http://127.0.0.1/survey?complaint=${number}`);
      expect(text).toContain(number);
    }
  });

  it.each([
    ['no text', { text: '   ' }, 422, 'COMPLAINT.TEXT_REQUIRED'],
    ['too short', { text: 'плохо' }, 422, 'COMPLAINT.TEXT_TOO_SHORT'],
    [
      'an application that does not exist',
      { applicationId: '6f1d2c3b-0000-4000-8000-0000000000ff' },
      404,
      'COMPLAINT.APPLICATION_NOT_FOUND',
    ],
    ['somebody else’s application', { applicationId: otherAppId }, 403, 'COMPLAINT.NOT_APPLICANT'],
    ['no subject', { applicationId: undefined }, 422, 'COMPLAINT.SUBJECT_REQUIRED'],
    [
      'an apparatus, not a service office',
      { applicationId: undefined, officeId: 'a1-01-04' },
      422,
      'COMPLAINT.NOT_A_SERVICE_OFFICE',
    ],
    ['a malformed id', { applicationId: 'x' }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s', async (_name, extra, status, code) => {
    const citizen = await as('citizen');
    const r = await citizen.request('POST', '/api/v1/complaints', complaint(extra));
    expect(r.status).toBe(status);
    expect(r.json.error.code).toBe(code);
  });

  it('improper service at a PSC goes to its director (R-17 §22)', async () => {
    const citizen = await as('citizen');
    const r = await citizen.request(
      'POST',
      '/api/v1/complaints',
      complaint({ kind: 'service', applicationId: pscAppId }),
    );
    expect(r.status, r.text).toBe(201);
    expect(r.json.complaint.reviewer).toMatchObject({
      level: 'psc',
      pscOfficeId: DEMO_TERRITORY.pscOfficeId,
    });
  });

  it('an official accepts a complaint at the office only within complaint hours (R-10)', async () => {
    const body = complaint({
      kind: 'service',
      applicationId: undefined,
      officeId: `akimat-${DEMO_TERRITORY.akimatKato}`,
      complainant: { iin: OTHER_IIN, name: 'Жанар Әлиева' },
    });
    // Sessions are checked against the same clock: sign in at each moment.
    clock.set('2026-11-28T11:00:00+05:00'); // Saturday
    let akimat = await as('akimat');
    let r = await akimat.request('POST', '/api/v1/complaints', body);
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('COMPLAINT.OUTSIDE_HOURS');
    clock.set('2026-11-25T13:30:00+05:00'); // lunch
    akimat = await as('akimat');
    r = await akimat.request('POST', '/api/v1/complaints', body);
    expect(r.json.error.code).toBe('COMPLAINT.OUTSIDE_HOURS');
    clock.set('2026-11-25T19:30:00+05:00'); // the akimat takes complaints until 20:00
    akimat = await as('akimat');
    r = await akimat.request('POST', '/api/v1/complaints', body);
    expect(r.status, r.text).toBe(201);
    expect(r.json.complaint).toMatchObject({ channel: 'office', acceptedByName: 'Айгүл Сейітқызы' });
    expect(r.json.complaint.reviewer.level).toBe('akimat');
    // A bad IIN written down at the counter is refused.
    r = await akimat.request('POST', '/api/v1/complaints', {
      ...body,
      complainant: { iin: '123', name: 'X' },
    });
    expect(r.status).toBe(422);
    clock.set('2026-11-25T10:00:00+05:00');
  });

  it('the PSC operator who accepted a paper complaint reads and prints its talon (R-18)', async () => {
    const psc = await as('psc');
    const r = await psc.request(
      'POST',
      '/api/v1/complaints',
      complaint({
        kind: 'service',
        applicationId: pscAppId,
        complainant: { iin: IIN, name: 'Асқар Нұрланұлы' },
      }),
    );
    expect(r.status, r.text).toBe(201);
    expect(r.json.complaint.reviewer.level).toBe('psc');
    // The operator reviews nothing, yet sees the complaint accepted and its talon.
    expect((await psc.request('GET', `/api/v1/complaints/${r.json.complaint.id}`)).status).toBe(200);
    const pdf = await fetch(`${server.url}/api/v1/complaints/${r.json.complaint.id}/talon.pdf?lang=ru`, {
      headers: { cookie: psc.cookieHeader() },
    });
    expect(pdf.status).toBe(200);
    // Not other complaints: the citizen's online one stays closed to them.
    expect((await psc.request('GET', `/api/v1/complaints/${id}`)).status).toBe(403);
  });

  it('online out of hours counts from the next working day', async () => {
    clock.set('2026-11-28T23:00:00+05:00'); // Saturday night
    const citizen = await as('citizen');
    const r = await citizen.request('POST', '/api/v1/complaints', complaint());
    expect(r.status).toBe(201);
    expect(r.json.complaint.countsFrom).toBe('2026-11-30');
    expect(r.json.complaint.dueAt).toBe(new Date('2026-12-07T20:00:00+05:00').toISOString());
    clock.set('2026-11-25T10:00:00+05:00');
  });

  it('only the addressee reviews; the district akim answers with reasons (R-17, R-18)', async () => {
    const akimat = await as('akimat');
    let r = await akimat.request('POST', `/api/v1/complaints/${id}/review`);
    expect(r.status).toBe(403);
    let district = await as('district');
    r = await district.request('GET', '/api/v1/complaints?open=true');
    expect(r.status).toBe(200);
    expect(r.json.complaints.map((c: { number: string }) => c.number)).toContain(number);
    r = await district.request('POST', `/api/v1/complaints/${id}/answer`, {
      outcome: 'not_justified',
      text: 'Нет записи в книге, отказ обоснован.',
    });
    expect(r.status).toBe(409); // must be taken under review first
    r = await district.request('POST', `/api/v1/complaints/${id}/review`);
    expect(r.status).toBe(200);
    expect(r.json.complaint.status).toBe('under_review');
    clock.set('2026-12-02T10:00:00+05:00'); // the last working day: amber
    district = await as('district');
    r = await district.request('GET', `/api/v1/complaints/${id}`);
    expect(r.json.complaint.flag).toBe('amber');
    r = await district.request('POST', `/api/v1/complaints/${id}/answer`, {
      outcome: 'not_justified',
      text: 'Нет.',
    });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('COMPLAINT.ANSWER_NOT_REASONED');
    r = await district.request('POST', `/api/v1/complaints/${id}/answer`, {
      outcome: 'justified_satisfied',
      text: 'Запись в похозяйственной книге найдена; акимату поручено выдать справку.',
    });
    expect(r.status, r.text).toBe(200);
    expect(r.json.complaint).toMatchObject({
      status: 'answered',
      outcome: 'justified_satisfied',
      flag: 'none',
    });
    r = await district.request('POST', `/api/v1/complaints/${id}/answer`, {
      outcome: 'not_justified',
      text: 'x'.repeat(30),
    });
    expect(r.status).toBe(409);
    const pdf = await fetch(`${server.url}/api/v1/complaints/${id}/answer.pdf?lang=kk`, {
      headers: { cookie: district.cookieHeader() },
    });
    expect(pdf.status).toBe(200);
    const answerText = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(answerText).toContain('Шағымныңқаралуынбағалаңыз');
    expect(answerText).toContain(`http://127.0.0.1/survey?complaint=${number}`);
    clock.set('2026-11-25T10:00:00+05:00');
  });

  it('the public status page needs the number and the IIN, nothing else (R-18)', async () => {
    const anon = new ApiClient(server.url);
    let r = await anon.request('POST', '/api/v1/public/complaints/status', { number, iin: IIN });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      number,
      status: 'answered',
      outcome: 'justified_satisfied',
      late: false,
      surveyOpen: true,
    });
    expect(JSON.stringify(r.json)).not.toContain(IIN);
    expect(r.json.complainantName).toBeUndefined();
    r = await anon.request('POST', '/api/v1/public/complaints/status', { number, iin: OTHER_IIN });
    expect(r.status).toBe(404);
    r = await anon.request('POST', '/api/v1/public/complaints/status', { number: 'C2026-999999', iin: IIN });
    expect(r.status).toBe(404);
    expect(server.logs.join('\n')).not.toContain(IIN);
  });

  it('a survey is answered once, scores in range; a low score opens a follow-up (R-19)', async () => {
    const anon = new ApiClient(server.url);
    const post = (scores: Record<string, unknown>, reference = number, subject = 'complaint') =>
      anon.request('POST', '/api/v1/public/surveys', { subject, reference, iin: IIN, scores });
    let r = await post({ '4.3': 6, '4.4': 5, '5.1': 5 });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('SURVEY.SCORE_OUT_OF_RANGE');
    r = await post({ '4.3': 5, '4.4': 5, '5.1': 5 }, number);
    expect(r.status, r.text).toBe(201);
    expect(r.json.followUp).toBe(false);
    r = await post({ '4.3': 5, '4.4': 5, '5.1': 5 }, number);
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('SURVEY.ALREADY_ANSWERED');
    // After the PSC service: a low politeness score opens a task for the PSC director.
    r = await post({ '2.1': 4, '3.1': 4, '5.1': 1 }, pscAppId, 'application');
    expect(r.status, r.text).toBe(201);
    expect(r.json.followUp).toBe(true);
    const director = await as('director');
    r = await director.request('GET', '/api/v1/followups');
    expect(r.status).toBe(200);
    expect(r.json.tasks[0].indicators).toEqual(['5.1']);
    const psc = await as('psc');
    r = await psc.request('GET', '/api/v1/followups');
    expect(r.status).toBe(403); // the official rated never sees it
    // The stored answer names no respondent and no subject id.
    const rows = await server.runtime.db.kysely.selectFrom('surveys').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(pscAppId);
    expect(JSON.stringify(rows)).not.toContain(IIN);
  });

  it('the queue ticket’s survey link rates the application the visit led to, once (R-19)', async () => {
    clock.set('2026-11-25T10:00:00+05:00');
    const db = server.runtime.db.kysely;
    const visitApp = '6f1d2c3b-0000-4000-8000-000000000004';
    await sql`
      insert into applications (id, channel, status, applicant_iin, applicant_name, akimat_kato, psc_office_id, received_at, state)
      values (${visitApp}, 'psc', 'handed_over', ${IIN}, 'Test', ${DEMO_TERRITORY.akimatKato},
        ${DEMO_TERRITORY.pscOfficeId}, now(), '{}'::jsonb)`.execute(db);
    const anon = new ApiClient(server.url);
    const survey = (reference: string, iin: string = IIN) =>
      anon.request('POST', '/api/v1/public/surveys', {
        subject: 'application',
        reference,
        iin,
        scores: { '2.1': 5, '3.1': 5, '5.1': 5 },
      });
    const office = DEMO_TERRITORY.pscOfficeId;
    const ticket = await anon.request('POST', `/api/v1/queue/offices/${office}/tickets`);
    expect(ticket.status, ticket.text).toBe(201);
    const ticketId: string = ticket.json.id;
    // Not served yet: nothing to rate.
    let r = await survey(ticketId);
    expect(r.json.error.code).toBe('SURVEY.NOT_OPEN');
    const psc = await as('psc');
    const desk = (await psc.request('POST', `/api/v1/queue/offices/${office}/desks`, { number: 7 })).json.id;
    expect((await psc.request('POST', `/api/v1/queue/desks/${desk}/call-next`)).json.id).toBe(ticketId);
    const act = (body: Record<string, unknown>) =>
      psc.request('POST', `/api/v1/queue/tickets/${ticketId}/actions`, { deskId: desk, ...body });
    expect((await act({ action: 'start' })).status).toBe(200);
    expect((await act({ action: 'finish', applicationId: visitApp })).status).toBe(200);
    r = await survey(ticketId, OTHER_IIN);
    expect(r.json.error.code).toBe('SURVEY.SUBJECT_NOT_FOUND');
    r = await survey(ticketId);
    expect(r.status, r.text).toBe(201);
    // The same visit through its documents' link: already answered.
    r = await survey(visitApp);
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('SURVEY.ALREADY_ANSWERED');
  });

  it('on the last working day the reviewer’s office is alerted once that the deadline is near (R-24)', async () => {
    clock.set('2026-11-25T10:00:00+05:00');
    const citizen = await as('citizen');
    const filed = await citizen.request('POST', '/api/v1/complaints', complaint({ language: 'kk' }));
    expect(filed.status, filed.text).toBe(201);
    const near = filed.json.complaint.number as string;
    const db = server.runtime.db.kysely;
    const alerts = () =>
      db
        .selectFrom('notification_outbox')
        .selectAll()
        .where('template', '=', 'complaint.deadline_near')
        .execute();
    // The day before: nothing yet. (Signed in after each jump of the clock: sessions expire.)
    clock.set('2026-12-01T12:00:00+05:00');
    let admin = await as('admin');
    let r = await admin.request('POST', '/api/v1/complaints/sweep');
    expect(r.status, r.text).toBe(200);
    expect((await alerts()).filter((m) => m.body.includes(near))).toEqual([]);
    // Wed 2 Dec, the deadline day: the district akim's apparatus gets it at its directory e-mail, in the
    // complaint's language, naming the number and the deadline.
    clock.set('2026-12-02T12:00:00+05:00');
    admin = await as('admin');
    r = await admin.request('POST', '/api/v1/complaints/sweep');
    expect(r.status, r.text).toBe(200);
    expect(r.json.alerted).toBeGreaterThanOrEqual(1);
    expect(r.json.escalated).toBe(0);
    const mine = (await alerts()).filter((m) => m.body.includes(near));
    const apparatus = await db
      .selectFrom('offices')
      .select(['emails'])
      .where('kato', '=', DEMO_TERRITORY.districtKato)
      .where('kind', 'in', ['district_apparatus', 'city_apparatus'])
      .orderBy('ordinal')
      .executeTakeFirstOrThrow();
    const expected = (apparatus.emails as string[]).length
      ? (apparatus.emails as string[])
      : [expect.stringMatching(/^office:/)];
    expect(mine.map((m) => m.recipient).sort()).toEqual([...expected].sort());
    for (const m of mine) {
      expect(m).toMatchObject({ language: 'kk', status: 'pending' });
      expect(m.subject).toBe(`№ ${near} шағымның мерзімі өтіп барады`);
      expect(m.body).toContain('2026-12-02');
    }
    // Every office still short of its deadline is alerted — those with no e-mail on the log channel, never
    // dropped — and a second sweep the same day alerts nobody again.
    const all = await alerts();
    expect(all.every((m) => m.channel === 'email' || m.recipient.startsWith('office:'))).toBe(true);
    // The PSC director's complaint (Appendix 2 gives the PSC no e-mail): recorded for the office.
    expect(
      all.some((m) => m.channel === 'log' && m.recipient === `office:${DEMO_TERRITORY.pscOfficeId}`),
    ).toBe(true);
    r = await admin.request('POST', '/api/v1/complaints/sweep');
    expect(r.json.alerted).toBe(0);
    expect(await alerts()).toHaveLength(all.length);
    clock.set('2026-11-25T10:00:00+05:00');
  });

  it('an overdue complaint escalates one level up (rural akim → district akim)', async () => {
    clock.set('2026-12-10T10:00:00+05:00');
    const admin = await as('admin');
    const r = await admin.request('POST', '/api/v1/complaints/sweep');
    expect(r.status, r.text).toBe(200);
    expect(r.json.escalated).toBeGreaterThanOrEqual(2);
    const district = await as('district');
    const list = await district.request('GET', '/api/v1/complaints?open=true');
    const escalated = list.json.complaints.filter((c: { status: string }) => c.status === 'escalated');
    expect(escalated.length).toBeGreaterThanOrEqual(1);
    expect(escalated[0].flag).toBe('red');
    const citizen = await as('citizen');
    expect((await citizen.request('POST', '/api/v1/complaints/sweep')).status).toBe(403);
    clock.set('2026-11-25T10:00:00+05:00');
  });

  it('a complaint first swept after its deadline is escalated, never told its deadline is near (R-18, R-24)', async () => {
    // Filed Thu 10 Dec to the rural akim (improper service, §22): due five working days on (16 December is a
    // holiday). No sweep runs until the Tuesday after — the worker was down — so the sweep first sees it overdue.
    clock.set('2026-12-10T10:00:00+05:00');
    const citizen = await as('citizen');
    const filed = await citizen.request(
      'POST',
      '/api/v1/complaints',
      complaint({
        kind: 'service',
        applicationId: undefined,
        officeId: `akimat-${DEMO_TERRITORY.akimatKato}`,
      }),
    );
    expect(filed.status, filed.text).toBe(201);
    const late = filed.json.complaint.number as string;
    lateNumber = late;
    expect(filed.json.complaint.reviewer.level).toBe('akimat');
    clock.set('2026-12-22T10:00:00+05:00');
    expect(new Date(filed.json.complaint.dueAt).getTime()).toBeLessThan(clock.now().getTime());
    const admin = await as('admin');
    let r = await admin.request('POST', '/api/v1/complaints/sweep');
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ alerted: 0, escalated: 1 });
    const db = server.runtime.db.kysely;
    const nearAlerts = async () =>
      (
        await db
          .selectFrom('notification_outbox')
          .select('body')
          .where('template', '=', 'complaint.deadline_near')
          .execute()
      ).filter((m) => m.body.includes(late));
    expect(await nearAlerts()).toEqual([]);
    const row = await db
      .selectFrom('complaints')
      .select(['status', 'reviewer_level', 'deadline_alert_at', 'escalated_at'])
      .where('number', '=', late)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'escalated', reviewer_level: 'district', deadline_alert_at: null });
    expect(row.escalated_at).not.toBeNull();
    // Nor later, at the district akim's: its deadline is still behind it.
    r = await admin.request('POST', '/api/v1/complaints/sweep');
    expect(r.json).toMatchObject({ alerted: 0, escalated: 0 });
    expect(await nearAlerts()).toEqual([]);
    clock.set('2026-11-25T10:00:00+05:00');
  });

  it('an answer after the deadline shows as answered late in the list and on the page; one by it as answered (R-18)', async () => {
    clock.set('2026-12-22T11:00:00+05:00');
    const district = await as('district');
    const open = await district.request('GET', '/api/v1/complaints?open=true');
    const escalated = open.json.complaints.find((c: { number: string }) => c.number === lateNumber);
    expect(escalated).toMatchObject({ status: 'escalated', flag: 'red' });
    expect((await district.request('POST', `/api/v1/complaints/${escalated.id}/review`)).status).toBe(200);
    const answered = await district.request('POST', `/api/v1/complaints/${escalated.id}/answer`, {
      outcome: 'justified_satisfied',
      text: 'Жалоба обоснована: акимату поручено принять заявителя без очереди.',
    });
    expect(answered.status, answered.text).toBe(200);
    expect(answered.json.complaint).toMatchObject({ status: 'answered', flag: 'late' });
    const page = await district.request('GET', `/api/v1/complaints/${escalated.id}`);
    expect(page.json.complaint.flag).toBe('late');
    const all = await district.request('GET', '/api/v1/complaints?open=false&limit=200');
    const flagOf = (n: string) =>
      all.json.complaints.find((c: { number: string }) => c.number === n)?.flag as string | undefined;
    expect(flagOf(lateNumber)).toBe('late');
    expect(flagOf(number)).toBe('none'); // answered on 2 Dec at 10:00, due that day at 20:00
    // The public status page (number + IIN) says so too, still without personal data.
    const anon = new ApiClient(server.url);
    const status = await anon.request('POST', '/api/v1/public/complaints/status', {
      number: lateNumber,
      iin: IIN,
    });
    expect(status.status).toBe(200);
    expect(status.json).toMatchObject({ status: 'answered', late: true, surveyOpen: true });
    expect(JSON.stringify(status.json)).not.toContain(IIN);
    clock.set('2026-11-25T10:00:00+05:00');
  });

  it('a rating of the complaint the district akim answered counts at the akimat complained about (R-19, Appendix 3)', async () => {
    clock.set('2026-12-22T12:00:00+05:00');
    const anon = new ApiClient(server.url);
    const r = await anon.request('POST', '/api/v1/public/surveys', {
      subject: 'complaint',
      reference: lateNumber,
      iin: IIN,
      scores: { '4.3': 2, '4.4': 5, '5.1': 5 },
    });
    expect(r.status, r.text).toBe(201);
    expect(r.json.followUp).toBe(true);
    const district = await as('district');
    const table = await district.request(
      'GET',
      `/api/v1/indicators?period=2026-12&level=office&within=${DEMO_TERRITORY.districtKato}`,
    );
    expect(table.status, table.text).toBe(200);
    const keys = table.json.rows.map((row: { key: string }) => row.key);
    expect(keys).not.toContain(DEMO_TERRITORY.districtKato);
    const akimat = table.json.rows.find((row: { key: string }) => row.key === DEMO_TERRITORY.akimatKato);
    const value = (code: string) =>
      akimat.indicators.find((c: { code: string }) => c.code === code).value as Record<string, unknown>;
    expect(value('4.3')).toMatchObject({ denominator: 1 });
    expect(value('4.4')).toMatchObject({ denominator: 1 });
    // The low score's task still reaches the district akim who answered, not the akimat rated.
    const tasks = await district.request('GET', '/api/v1/followups');
    expect(tasks.status).toBe(200);
    expect(tasks.json.tasks.map((t: { indicators: string[] }) => t.indicators)).toContainEqual(['4.3']);
    expect((await (await as('akimat')).request('GET', '/api/v1/followups')).status).toBe(403);
    clock.set('2026-11-25T10:00:00+05:00');
  });
});
