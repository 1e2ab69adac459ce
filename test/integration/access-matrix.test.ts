import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCESS_MATRIX,
  needsClassification,
  type RouteAccess,
  routeKey,
} from '../../src/adapters/http/access-matrix';
import type { Clock } from '../../src/app/ports';
import { addUser } from '../../src/app/users/add-user';
import type { Role } from '../../src/domain/access/roles';
import { DATABASE_KINDS } from '../support/databases';
import { InjectClient, type InjectResponse } from '../support/inject-client';
import { startTestServer, type TestServer } from '../support/test-server';

// Issue 10 item 1: every API route the server registers is in the access matrix, and calling it as
// anonymous and as every role — inside the territory of real records and outside it — gives what the matrix
// says: denied = 401 (anonymous) / 403, allowed = anything else; never a 5xx. Real sessions (cookie + CSRF)
// through the whole request pipeline (app.inject), on PGlite and on PostgreSQL.

/** A working Monday at 11:00 in Almaty: offices are open, so tickets, desks and complaint intake work. */
const NOW = Date.parse('2025-03-17T11:00:00+05:00');
const fixedClock: Clock = { now: () => new Date(NOW) };

const KENES = '113243000';
const DISTRICT = '113200000';
const OBLAST = '110000000';
const PSC = 'psc-01';
const AKIMAT_OFFICE = `akimat-${KENES}`;
/** The demo citizen (DEMO_TERRITORY.citizenIin): the applicant and complainant of every record here. */
const CITIZEN_IIN = '900101300017';
const APPLICANT = { iin: CITIZEN_IIN, surname: 'Нұрланұлы', name: 'Асқар' };
const ALL_DOCS = { application: true, identity_copy: true, identity_original: true };

const household = {
  bookNumber: '3',
  accountNumber: '301',
  akimatKato: KENES,
  settlementKato: '113243100',
  address: 'Домбыралы ауылы, Достық көшесі, 5',
  status: 'open',
  members: [{ ...APPLICANT, relation: 'head', joinedOn: '2012-05-01' }],
  yearlyRecords: [
    {
      referenceYear: 2025,
      landPlots: [{ purpose: 'homestead', areaHa: 0.1 }],
      livestock: { cattle: 2, sheep: 5 },
      machinery: [],
    },
  ],
};

/**
 * Who calls: anonymous, the demo user of each role (inside the records' territory: Kenes rural district, Akkol
 * district, Akmola oblast, PSC psc-01, the citizen who applied), and for each territorial role one user outside
 * it (the neighbouring Karasai akimat, Makat district and Atyrau oblast, PSC psc-02, another citizen).
 */
interface Caller {
  readonly label: string;
  readonly role: Role | null;
  readonly inside: boolean;
  readonly client: InjectClient;
}

const OUTSIDE_USERS = [
  { username: 'out-akimat', role: 'akimat_officer', territoryKato: '113241000' },
  { username: 'out-psc', role: 'psc_operator', officeId: 'psc-02' },
  { username: 'out-director', role: 'psc_director', officeId: 'psc-02' },
  { username: 'out-district', role: 'district_akim', territoryKato: '235200000' },
  { username: 'out-oblast', role: 'oblast_akim', territoryKato: '230000000' },
  { username: 'out-citizen', role: 'citizen', iin: '850315400025' },
] as const;
const DEMO_USERNAME: Record<Role, string> = {
  akimat_officer: 'akimat',
  psc_operator: 'psc',
  psc_director: 'director',
  district_akim: 'district',
  oblast_akim: 'oblast',
  ministry_analyst: 'ministry',
  admin: 'admin',
  auditor: 'auditor',
  citizen: 'citizen',
};

/** The real records the routes are called on, all in the inside territory. */
interface Fixture {
  householdId: string;
  /** Akimat counter: an application and its certificate, issued by Kenes. */
  certApp: string;
  certDoc: string;
  certNumber: string;
  /** PSC applications of psc-01 at each stage (sent to Kenes unless named otherwise). */
  pscRead: string;
  pscReceipt: string;
  pscAccepted: string;
  pscSent: string;
  pscDecided: string;
  pscReturned: string;
  /** One complaint addressed to each review level. */
  complaints: Record<'akimat' | 'psc' | 'district' | 'oblast', { id: string; number: string }>;
  desks: { akimat: string; psc: string };
  tickets: { akimat: string; psc: string };
}

interface Call {
  readonly url: string;
  readonly body?: unknown;
  /** A server-sent event stream: only the status is read. */
  readonly stream?: true;
}
type Recipe = (fx: Fixture, role: Role | null) => Call;

const get = (url: string): Call => ({ url });
const post = (url: string, body?: unknown): Call => (body === undefined ? { url } : { url, body });

/** The review level whose complaint a role reviews (others get the akimat's, which they may not touch). */
function complaintFor(fx: Fixture, role: Role | null) {
  if (role === 'psc_director') return fx.complaints.psc;
  if (role === 'district_akim') return fx.complaints.district;
  if (role === 'oblast_akim') return fx.complaints.oblast;
  return fx.complaints.akimat;
}
/** An akimat officer works the akimat's queue; everyone else is pointed at the PSC's. */
const queueOf = (role: Role | null) => (role === 'akimat_officer' ? 'akimat' : 'psc');
/** The unit of the indicators a role asks about: the inside territory at its own level. */
function withinFor(role: Role | null): string {
  const unit: Partial<Record<Role, string>> = {
    akimat_officer: KENES,
    psc_operator: PSC,
    psc_director: PSC,
    district_akim: DISTRICT,
    oblast_akim: OBLAST,
    citizen: KENES,
  };
  const u = role ? unit[role] : undefined;
  return u ? `&within=${u}` : '';
}

/** How to call each route with real ids and a body that passes its schema (so the access check is reached). */
const CALLS: Record<string, Recipe> = {
  'GET /api/v1/health': () => get('/api/v1/health'),
  'GET /api/openapi.json': () => get('/api/openapi.json'),
  'GET /.well-known/qosalqy/keys.json': () => get('/.well-known/qosalqy/keys.json'),
  // A body its schema refuses (400): a real sign-in would replace the caller's session.
  'POST /api/v1/auth/login': () => post('/api/v1/auth/login', { username: 'nobody', password: '' }),
  'GET /api/v1/auth/session': () => get('/api/v1/auth/session'),
  'POST /api/v1/auth/logout': () => post('/api/v1/auth/logout'),
  'GET /api/v1/iin/:iin': () => get(`/api/v1/iin/${CITIZEN_IIN}`),
  'GET /api/v1/calendar/days': () => get('/api/v1/calendar/days?from=2025-03-01&to=2025-03-31'),
  'GET /api/v1/calendar/deadline': () =>
    get(`/api/v1/calendar/deadline?office=${PSC}&from=2025-03-17T10:00:00%2B05:00&workingDays=2`),
  'POST /api/v1/calendar/transfers': () =>
    post('/api/v1/calendar/transfers', { off: '2025-12-29', work: '2025-12-27', basis: { act: 'test' } }),
  'POST /api/v1/calendar/kurban-ait': () =>
    post('/api/v1/calendar/kurban-ait', { date: '2025-06-06', basis: { act: 'test' } }),
  'POST /api/v1/calendar/years': () => post('/api/v1/calendar/years', { year: 1990, basis: { act: 'test' } }),
  'GET /api/v1/offices': () => get('/api/v1/offices?limit=5'),
  'GET /api/v1/offices/:id': () => get(`/api/v1/offices/${PSC}`),
  'GET /api/v1/territory': () => get('/api/v1/territory'),
  'GET /api/v1/territory/:code': () => get(`/api/v1/territory/${KENES}`),
  'GET /api/v1/species': () => get('/api/v1/species'),

  'GET /api/v1/households': () => get(`/api/v1/households?akimat=${KENES}`),
  'GET /api/v1/households/lookup': () => get(`/api/v1/households/lookup?iin=${CITIZEN_IIN}`),
  'GET /api/v1/households/export': () => get(`/api/v1/households/export?akimat=${KENES}&format=csv`),
  'GET /api/v1/households/:id': (fx) => get(`/api/v1/households/${fx.householdId}`),
  'POST /api/v1/households': () =>
    post('/api/v1/households', {
      household: {
        ...household,
        accountNumber: '302',
        members: [
          {
            iin: '101231600049',
            surname: 'Ахметова',
            name: 'Дана',
            relation: 'head',
            joinedOn: '2020-01-10',
          },
        ],
      },
      reason: 'a new household',
    }),
  'PUT /api/v1/households/:id': (fx) =>
    ({
      url: `/api/v1/households/${fx.householdId}`,
      body: {
        expectedVersion: 1,
        household: { ...household, address: 'Домбыралы ауылы, Достық көшесі, 7' },
        reason: 'the address was corrected',
      },
    }) satisfies Call,
  'POST /api/v1/households/:id/close': (fx) =>
    post(`/api/v1/households/${fx.householdId}/close`, {
      expectedVersion: 2,
      closedOn: '2025-03-17',
      reason: 'the family moved away',
    }),
  'POST /api/v1/households/:id/reopen': (fx) =>
    post(`/api/v1/households/${fx.householdId}/reopen`, { expectedVersion: 3, reason: 'came back' }),
  'POST /api/v1/households/import': () =>
    post(`/api/v1/households/import?akimat=${KENES}&fileName=book.csv`, Buffer.from('')),

  'GET /api/v1/applications': () => get('/api/v1/applications'),
  'GET /api/v1/applications/:id': (fx) => get(`/api/v1/applications/${fx.pscRead}`),
  'GET /api/v1/documents/:id': (fx) => get(`/api/v1/documents/${fx.pscReceipt}`),
  'GET /api/v1/documents/:id.pdf': (fx) => get(`/api/v1/documents/${fx.pscReceipt}.pdf?lang=kk`),
  'POST /api/v1/akimat/applications': () =>
    post('/api/v1/akimat/applications', { applicant: APPLICANT, identityDocumentShown: true }),
  'POST /api/v1/psc/applications': () =>
    post('/api/v1/psc/applications', { applicant: APPLICANT, documents: ALL_DOCS }),
  'POST /api/v1/online/applications': () => post('/api/v1/online/applications', {}),
  'POST /api/v1/applications/:id/send': (fx) => post(`/api/v1/applications/${fx.pscAccepted}/send`, {}),
  'POST /api/v1/applications/:id/decide': (fx) => post(`/api/v1/applications/${fx.pscSent}/decide`),
  'POST /api/v1/applications/:id/return': (fx) => post(`/api/v1/applications/${fx.pscDecided}/return`),
  'POST /api/v1/applications/:id/hand-over': (fx) =>
    post(`/api/v1/applications/${fx.pscReturned}/hand-over`, { presentedIin: CITIZEN_IIN }),
  'POST /api/v1/documents/:id/correct': (fx) =>
    post(`/api/v1/documents/${fx.certDoc}/correct`, { reason: 'the name was misspelt' }),
  'POST /api/v1/documents/:id/revoke': (fx) =>
    post(`/api/v1/documents/${fx.certDoc}/revoke`, { reason: 'issued by mistake' }),

  'POST /api/v1/verify/qr': () => post('/api/v1/verify/qr', { text: 'Q1.not-a-payload' }),
  'GET /api/v1/verify': (fx) => get(`/api/v1/verify?number=${fx.certNumber}&iin=${CITIZEN_IIN}`),

  'POST /api/v1/complaints': () =>
    post('/api/v1/complaints', {
      kind: 'service',
      officeId: PSC,
      complainant: { iin: CITIZEN_IIN, name: 'Асқар Нұрланұлы' },
      language: 'kk',
      text: 'Кезекте бір сағат күттім, ешкім түсіндірмеді.',
    }),
  'GET /api/v1/complaints': () => get('/api/v1/complaints'),
  'GET /api/v1/complaints/:id': (fx, role) => get(`/api/v1/complaints/${complaintFor(fx, role).id}`),
  'GET /api/v1/complaints/:id/talon.pdf': (fx, role) =>
    get(`/api/v1/complaints/${complaintFor(fx, role).id}/talon.pdf?lang=ru`),
  'GET /api/v1/complaints/:id/answer.pdf': (fx, role) =>
    get(`/api/v1/complaints/${complaintFor(fx, role).id}/answer.pdf?lang=ru`),
  'POST /api/v1/complaints/:id/review': (fx, role) =>
    post(`/api/v1/complaints/${complaintFor(fx, role).id}/review`),
  // A reason too short (422 after the access check), so the complaint stays with its addressee.
  'POST /api/v1/complaints/:id/forward': (fx, role) =>
    post(`/api/v1/complaints/${complaintFor(fx, role).id}/forward`, { to: 'oblast', reason: 'x' }),
  'POST /api/v1/complaints/:id/answer': (fx, role) =>
    post(`/api/v1/complaints/${complaintFor(fx, role).id}/answer`, {
      outcome: 'not_justified',
      text: 'Тексеру барысында бұзушылық анықталған жоқ.',
    }),
  'POST /api/v1/complaints/sweep': () => post('/api/v1/complaints/sweep'),
  'POST /api/v1/public/complaints/status': (fx) =>
    post('/api/v1/public/complaints/status', { number: fx.complaints.akimat.number, iin: CITIZEN_IIN }),
  'POST /api/v1/public/complaints/document': (fx) =>
    post('/api/v1/public/complaints/document', {
      number: fx.complaints.akimat.number,
      iin: CITIZEN_IIN,
      kind: 'talon',
      lang: 'kk',
    }),
  'POST /api/v1/public/surveys': (fx) =>
    post('/api/v1/public/surveys', {
      subject: 'application',
      reference: fx.certApp,
      iin: CITIZEN_IIN,
      scores: { '2.1': 5, '3.1': 5, '5.1': 5 },
    }),
  'GET /api/v1/followups': () => get('/api/v1/followups'),

  'GET /api/v1/queue/summary': () => get(`/api/v1/queue/summary?offices=${PSC}`),
  'GET /api/v1/queue/offices/:officeId/board': () => get(`/api/v1/queue/offices/${PSC}/board`),
  'GET /api/v1/queue/offices/:officeId/events': () => ({
    url: `/api/v1/queue/offices/${PSC}/events`,
    stream: true,
  }),
  'POST /api/v1/queue/offices/:officeId/tickets': () => post(`/api/v1/queue/offices/${PSC}/tickets`),
  'POST /api/v1/queue/offices/:officeId/desks': (_fx, role) =>
    post(`/api/v1/queue/offices/${queueOf(role) === 'akimat' ? AKIMAT_OFFICE : PSC}/desks`, { number: 2 }),
  'GET /api/v1/queue/desks/:deskId': (fx, role) => get(`/api/v1/queue/desks/${fx.desks[queueOf(role)]}`),
  'POST /api/v1/queue/desks/:deskId/call-next': (fx, role) =>
    post(`/api/v1/queue/desks/${fx.desks[queueOf(role)]}/call-next`),
  'POST /api/v1/queue/tickets/:ticketId/actions': (fx, role) =>
    post(`/api/v1/queue/tickets/${fx.tickets[queueOf(role)]}/actions`, {
      action: 'recall',
      deskId: fx.desks[queueOf(role)],
    }),
  'GET /api/v1/queue/offices/:officeId/alerts': () => get(`/api/v1/queue/offices/${PSC}/alerts`),
  'GET /api/v1/queue/offices/:officeId/statistics': () =>
    get(`/api/v1/queue/offices/${PSC}/statistics?date=2025-03-17`),
  'POST /api/v1/queue/offices/:officeId/close': () => post(`/api/v1/queue/offices/${PSC}/close`),

  'GET /api/v1/public/indicators': () => get('/api/v1/public/indicators'),
  'GET /api/v1/indicators': (_fx, role) => get(`/api/v1/indicators?period=2025${withinFor(role)}`),
  'GET /api/v1/indicators/export': (_fx, role) =>
    get(`/api/v1/indicators/export?period=2025&format=csv${withinFor(role)}`),
  'GET /api/v1/indicators/records': (_fx, role) =>
    get(`/api/v1/indicators/records?period=2025&code=1.1${withinFor(role)}`),
  'GET /api/v1/indicators/records/export': (_fx, role) =>
    get(`/api/v1/indicators/records/export?period=2025&code=1.1${withinFor(role)}`),
  'GET /api/v1/indicators/targets': () => get('/api/v1/indicators/targets?year=2025'),
  'POST /api/v1/indicators/targets': () =>
    post('/api/v1/indicators/targets', { code: '1.1', year: 2026, value: 100 }),
};

type Expectation = 'allowed' | 'denied' | 'filtered';

/** What the matrix says about one caller on one route. */
function expectationOf(access: RouteAccess, caller: Caller): Expectation {
  if (access.who === 'anonymous') return 'allowed';
  if (caller.role === null) return 'denied';
  if (access.who === 'any-signed-in') return 'allowed';
  const reach = access.who[caller.role];
  if (reach === undefined) return 'denied';
  if (caller.inside || reach === 'country' || reach === 'own-implied') return 'allowed';
  return 'scope' in access && access.scope === 'list' ? 'filtered' : 'denied';
}

/** Reads run before writes, so a write's effect (a closed household) cannot change a read's answer; sign-out last. */
function runOrder(keys: string[]): string[] {
  const rank = (k: string) => (k === 'POST /api/v1/auth/logout' ? 2 : k.startsWith('GET ') ? 0 : 1);
  return [...keys].sort((a, b) => rank(a) - rank(b));
}

describe.each(DATABASE_KINDS)('the access matrix on %s (issue 10, R-14)', (kind) => {
  let server: TestServer;
  const registered: string[] = [];
  const callers: Caller[] = [];
  let fx: Fixture;
  /** Ids and the IIN of the inside records: an outside caller's list must hold none of them. */
  let secrets: string[];

  beforeAll(async () => {
    server = await startTestServer({
      database: kind,
      clock: fixedClock,
      onRoute: (r) => {
        for (const m of [r.method].flat()) registered.push(routeKey(m, r.url));
      },
    });
    const deps = server.runtime.deps;
    for (const u of OUTSIDE_USERS) {
      const made = await addUser(deps, { ...u, displayName: u.username, password: server.demoPassword });
      expect(made.ok, JSON.stringify(made)).toBe(true);
    }
    let address = 1;
    const signIn = async (username: string) => {
      const client = new InjectClient(server.app, `127.0.0.${++address}`);
      const r = await client.login(username, server.demoPassword);
      expect(r.status, r.text).toBe(200);
      return client;
    };
    callers.push({ label: 'anonymous', role: null, inside: false, client: new InjectClient(server.app) });
    for (const [role, username] of Object.entries(DEMO_USERNAME) as [Role, string][]) {
      callers.push({ label: `${role} (inside)`, role, inside: true, client: await signIn(username) });
    }
    for (const u of OUTSIDE_USERS) {
      callers.push({
        label: `${u.role} (outside)`,
        role: u.role,
        inside: false,
        client: await signIn(u.username),
      });
    }
    fx = await makeFixture(callers);
    secrets = [
      CITIZEN_IIN,
      fx.householdId,
      fx.certApp,
      fx.pscRead,
      fx.pscAccepted,
      fx.pscSent,
      fx.pscDecided,
      fx.pscReturned,
      ...Object.values(fx.complaints).map((c) => c.id),
    ];
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('classifies every registered API route, and names no route that does not exist', () => {
    const api = [...new Set(registered)].filter((k) => {
      const [method, url] = k.split(' ') as [string, string];
      return needsClassification(method, url);
    });
    expect(api.length).toBeGreaterThan(60);
    const unclassified = api.filter((k) => !(k in ACCESS_MATRIX));
    expect(unclassified, 'routes missing from src/adapters/http/access-matrix.ts').toEqual([]);
    const stale = Object.keys(ACCESS_MATRIX).filter((k) => !api.includes(k));
    expect(stale, 'routes in the matrix that the server does not register').toEqual([]);
    const uncalled = Object.keys(ACCESS_MATRIX).filter((k) => !(k in CALLS));
    expect(uncalled, 'routes without a request in CALLS of this test').toEqual([]);
  });

  it('lets each caller in or keeps them out exactly as the matrix says, never with a 5xx', async () => {
    const wrong: string[] = [];
    for (const key of runOrder(Object.keys(ACCESS_MATRIX))) {
      const access = ACCESS_MATRIX[key]!;
      const method = key.slice(0, key.indexOf(' '));
      // Those to be kept out first: a wrongly allowed write must not change what the allowed callers meet.
      const ordered = [...callers].sort(
        (a, b) =>
          Number(expectationOf(access, a) !== 'denied') - Number(expectationOf(access, b) !== 'denied'),
      );
      for (const caller of ordered) {
        const call = CALLS[key]!(fx, caller.role);
        const res = call.stream
          ? await streamStatus(server.url + call.url, caller.client)
          : await caller.client.request(method, call.url, call.body);
        const expected = expectationOf(access, caller);
        const denied = res.status === 401 || res.status === 403;
        const where = `${key} as ${caller.label}: ${res.status} ${res.text.slice(0, 160)}`;
        if (res.status >= 500) wrong.push(`5xx — ${where}`);
        else if (expected === 'denied' && !denied) wrong.push(`expected denied — ${where}`);
        else if (expected === 'denied' && res.status !== (caller.role === null ? 401 : 403))
          wrong.push(`expected ${caller.role === null ? 401 : 403} — ${where}`);
        else if (expected !== 'denied' && denied) wrong.push(`expected allowed — ${where}`);
        else if (expected === 'filtered') {
          const leaked = secrets.filter((s) => res.text.includes(s));
          if (leaked.length > 0) wrong.push(`another territory's rows (${leaked.join(', ')}) — ${where}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

/** The event stream never ends: read its status and hang up. */
async function streamStatus(url: string, client: InjectClient): Promise<InjectResponse> {
  const controller = new AbortController();
  const res = await fetch(url, {
    signal: controller.signal,
    headers: client.cookies.size ? { cookie: client.cookieHeader() } : {},
  });
  controller.abort();
  return { status: res.status, headers: {}, json: {}, text: '' };
}

/** The records, made through the API by the inside users, as the offices would. */
async function makeFixture(callers: Caller[]): Promise<Fixture> {
  const as = (label: string) => callers.find((c) => c.label === label)!.client;
  const akimat = as('akimat_officer (inside)');
  const psc = as('psc_operator (inside)');
  const citizen = as('citizen (inside)');
  const kiosk = as('anonymous');
  const ok = async (r: Promise<InjectResponse>, status = 200) => {
    const res = await r;
    expect(res.status, res.text).toBe(status);
    return res.json;
  };

  const hh = await ok(akimat.request('POST', '/api/v1/households', { household, reason: 'the book' }), 201);
  const served = await ok(
    akimat.request('POST', '/api/v1/akimat/applications', {
      applicant: APPLICANT,
      identityDocumentShown: true,
    }),
    201,
  );
  expect(served.document.kind).toBe('certificate');

  const intake = async () =>
    ok(psc.request('POST', '/api/v1/psc/applications', { applicant: APPLICANT, documents: ALL_DOCS }), 201);
  const step = (id: string, client: InjectClient, action: string, body?: unknown) =>
    ok(client.request('POST', `/api/v1/applications/${id}/${action}`, body));
  const read = await intake();
  await step(read.application.id, psc, 'send', {});
  const accepted = await intake();
  const sent = await intake();
  await step(sent.application.id, psc, 'send', {});
  const decided = await intake();
  await step(decided.application.id, psc, 'send', {});
  await step(decided.application.id, akimat, 'decide');
  const returned = await intake();
  await step(returned.application.id, psc, 'send', {});
  await step(returned.application.id, akimat, 'decide');
  await step(returned.application.id, akimat, 'return');

  const complain = async (kind: string, officeId: string, level: string) => {
    const c = await ok(
      citizen.request('POST', '/api/v1/complaints', {
        kind,
        officeId,
        language: 'ru',
        text: 'Мне не объяснили, почему так долго.',
      }),
      201,
    );
    expect(c.complaint.reviewer.level).toBe(level);
    return { id: c.complaint.id as string, number: c.complaint.number as string };
  };
  const complaints = {
    akimat: await complain('service', AKIMAT_OFFICE, 'akimat'),
    psc: await complain('service', PSC, 'psc'),
    district: await complain('result', AKIMAT_OFFICE, 'district'),
    oblast: await complain('result', PSC, 'oblast'),
  };
  // A low score opens a follow-up task for the district akim over Kenes.
  await ok(
    kiosk.request('POST', '/api/v1/public/surveys', {
      subject: 'application',
      reference: served.application.id,
      iin: CITIZEN_IIN,
      scores: { '2.1': 1, '3.1': 1, '5.1': 1 },
    }),
    201,
  );

  const desk = async (client: InjectClient, office: string) =>
    (await ok(client.request('POST', `/api/v1/queue/offices/${office}/desks`, { number: 1 }), 201))
      .id as string;
  const ticket = async (office: string) =>
    (await ok(kiosk.request('POST', `/api/v1/queue/offices/${office}/tickets`), 201)).id as string;

  return {
    householdId: hh.householdId,
    certApp: served.application.id,
    certDoc: served.document.id,
    certNumber: served.document.number,
    pscRead: read.application.id,
    pscReceipt: read.document.id,
    pscAccepted: accepted.application.id,
    pscSent: sent.application.id,
    pscDecided: decided.application.id,
    pscReturned: returned.application.id,
    complaints,
    desks: { akimat: await desk(akimat, AKIMAT_OFFICE), psc: await desk(psc, PSC) },
    tickets: { akimat: await ticket(AKIMAT_OFFICE), psc: await ticket(PSC) },
  };
}
