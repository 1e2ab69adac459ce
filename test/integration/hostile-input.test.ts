/**
 * Hostile input (issue 10 item 2, R-14): every API route that writes — read from the running server's route
 * table, so a new route is met without being listed here — gets generated bad bodies: missing fields, wrong
 * types, over-long strings, SQL and HTML injection, invalid IINs, Unicode confusables, control characters, NUL,
 * lone surrogates, deep JSON, wrong content types, empty and oversized bodies. Each answer is a 4xx with a coded
 * error body (never a 5xx, never a stack trace) and leaves every table as it was. Bodies that might be valid
 * after all (an SQL-looking complaint text is still a complaint) may succeed, but never with a 5xx.
 * The caller is signed in with a role the route allows, so the body — not the access check — is what is tested.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TERRITORY } from '../../src/app/demo/demo-users';
import type { Clock } from '../../src/app/ports';
import { DATABASE_KINDS } from '../support/databases';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';
import {
  bodySchemas,
  certainlyInvalid,
  isRequired,
  type JsonSchema,
  writeRoutes,
} from '../support/write-routes';

const SEED = 20261201;
/** Generated cases per route and kind of damage; the fixed list of whole-body cases comes on top. */
const PER_KIND = 3;

/** Wednesday 25 November 2026, 10:00 in Almaty: a working day, inside office and complaint hours. */
const clock: Clock = { now: () => new Date('2026-11-25T10:00:00+05:00') };

const HEAD = { iin: '850315400025', surname: 'Ахметова', name: 'Гүлнар', patronymic: 'Серікқызы' };
const household = () => ({
  bookNumber: '7',
  accountNumber: '701',
  akimatKato: DEMO_TERRITORY.akimatKato,
  settlementKato: '113243100',
  address: 'Домбыралы ауылы, Бейбітшілік көшесі, 3',
  status: 'open',
  members: [
    { ...HEAD, relation: 'head', joinedOn: '2010-04-01' },
    // The demo citizen lives here, so their online application is a certificate they may complain about.
    {
      iin: DEMO_TERRITORY.citizenIin,
      surname: 'Нұрланұлы',
      name: 'Асқар',
      relation: 'spouse',
      joinedOn: '2015-06-01',
    },
  ],
  yearlyRecords: [
    {
      referenceYear: 2026,
      landPlots: [{ purpose: 'homestead', areaHa: 0.12, cadastralNumber: '01-234-567-890' }],
      livestock: { cattle: 3, sheep: 10 },
      machinery: [{ description: 'МТЗ-80', count: 1 }],
    },
  ],
});

interface Fixtures {
  householdId: string;
  onlineApplicationId: string;
  pscApplicationId: string;
  documentId: string;
  complaintId: string;
  deskId: string;
  ticketId: string;
  bookCsv: string;
}

type User = 'anonymous' | 'akimat' | 'psc' | 'director' | 'district' | 'ministry' | 'admin' | 'citizen';

interface RouteCase {
  /** Who calls it: a role the route allows. */
  readonly as: User;
  readonly path: (f: Fixtures) => string;
  /** A body the route accepts (the generator damages it); `null`: the route reads no body. */
  readonly body: ((f: Fixtures) => unknown) | null;
  /** The body is a raw file (application/octet-stream), not JSON. */
  readonly file?: true;
  /** Tables a refused call may still write, and why (the throttle must count failed sign-ins). */
  readonly mayWrite?: readonly string[];
}

const OTHER_UUID = '00000000-0000-4000-8000-00000000abcd';

/**
 * Every write route, with who may call it and a valid body. The test fails on a route the server has and this
 * table has not, so a new route must be added here (the generator then covers it).
 */
const ROUTES: Readonly<Record<string, RouteCase>> = {
  'POST /api/v1/auth/login': {
    as: 'anonymous',
    path: () => '/api/v1/auth/login',
    body: () => ({ username: 'nobody', password: 'wrong-password' }),
    mayWrite: ['auth_failures'],
  },
  'POST /api/v1/auth/logout': { as: 'akimat', path: () => '/api/v1/auth/logout', body: null },
  'POST /api/v1/calendar/transfers': {
    as: 'admin',
    path: () => '/api/v1/calendar/transfers',
    body: () => ({
      off: '2027-03-08',
      work: '2027-03-13',
      basis: { act: 'Постановление № 1', article: '2' },
    }),
  },
  'POST /api/v1/calendar/kurban-ait': {
    as: 'admin',
    path: () => '/api/v1/calendar/kurban-ait',
    body: () => ({ date: '2027-05-17', basis: { act: 'Постановление № 2' }, provisional: true }),
  },
  'POST /api/v1/calendar/years': {
    as: 'admin',
    path: () => '/api/v1/calendar/years',
    body: () => ({
      year: 2030,
      basis: { act: 'Постановление № 3' },
      kurbanAit: { date: '2030-04-13', provisional: true },
      transfers: [{ off: '2030-01-03', work: '2030-01-05' }],
    }),
  },
  'POST /api/v1/households': {
    as: 'akimat',
    path: () => '/api/v1/households',
    body: () => ({ household: { ...household(), accountNumber: '702' }, reason: 'new account' }),
  },
  'PUT /api/v1/households/:id': {
    as: 'akimat',
    path: (f) => `/api/v1/households/${f.householdId}`,
    body: () => ({ expectedVersion: 1, household: household(), reason: 'new address' }),
  },
  'POST /api/v1/households/:id/close': {
    as: 'akimat',
    path: (f) => `/api/v1/households/${f.householdId}/close`,
    body: () => ({ expectedVersion: 1, closedOn: '2026-11-20', reason: 'the family moved' }),
  },
  'POST /api/v1/households/:id/reopen': {
    as: 'akimat',
    path: (f) => `/api/v1/households/${f.householdId}/reopen`,
    body: () => ({ expectedVersion: 1, reason: 'back again' }),
  },
  'POST /api/v1/households/import': {
    as: 'akimat',
    path: () => `/api/v1/households/import?akimat=${DEMO_TERRITORY.akimatKato}&fileName=book.csv`,
    body: (f) => f.bookCsv,
    file: true,
  },
  'POST /api/v1/complaints': {
    as: 'citizen',
    path: () => '/api/v1/complaints',
    body: (f) => ({
      kind: 'result',
      applicationId: f.onlineApplicationId,
      language: 'ru',
      contactPhone: '+7 701 123-45-67',
      contactEmail: 'asqar@example.kz',
      text: 'Не согласен с результатом.',
    }),
  },
  'POST /api/v1/complaints/:id/review': {
    as: 'director',
    path: () => `/api/v1/complaints/${OTHER_UUID}/review`,
    body: null,
  },
  'POST /api/v1/complaints/:id/forward': {
    as: 'district',
    path: (f) => `/api/v1/complaints/${f.complaintId}/forward`,
    body: () => ({ to: 'oblast', reason: 'не наш вопрос' }),
  },
  'POST /api/v1/complaints/:id/answer': {
    as: 'district',
    path: (f) => `/api/v1/complaints/${f.complaintId}/answer`,
    body: () => ({ outcome: 'justified_satisfied', text: 'Жалоба удовлетворена.' }),
  },
  'POST /api/v1/complaints/sweep': { as: 'admin', path: () => '/api/v1/complaints/sweep', body: null },
  'POST /api/v1/public/complaints/status': {
    as: 'anonymous',
    path: () => '/api/v1/public/complaints/status',
    body: () => ({ number: 'C2026-000001', iin: DEMO_TERRITORY.citizenIin }),
  },
  'POST /api/v1/public/complaints/document': {
    as: 'anonymous',
    path: () => '/api/v1/public/complaints/document',
    body: () => ({ number: 'C2026-000001', iin: DEMO_TERRITORY.citizenIin, kind: 'talon', lang: 'ru' }),
  },
  'POST /api/v1/public/surveys': {
    as: 'anonymous',
    path: () => '/api/v1/public/surveys',
    body: () => ({
      subject: 'complaint',
      reference: 'C2026-000001',
      iin: DEMO_TERRITORY.citizenIin,
      scores: { '2.1': 5, comment: 'хорошо' },
    }),
  },
  'POST /api/v1/verify/qr': {
    as: 'anonymous',
    path: () => '/api/v1/verify/qr',
    body: () => ({ text: 'http://127.0.0.1/verify?q=Q1.abc' }),
  },
  'POST /api/v1/akimat/applications': {
    as: 'akimat',
    path: () => '/api/v1/akimat/applications',
    body: () => ({ applicant: HEAD, identityDocumentShown: true }),
  },
  'POST /api/v1/psc/applications': {
    as: 'psc',
    path: () => '/api/v1/psc/applications',
    body: () => ({
      applicant: HEAD,
      documents: { application: true, identity_copy: true, identity_original: true },
    }),
  },
  'POST /api/v1/applications/:id/send': {
    as: 'psc',
    path: (f) => `/api/v1/applications/${f.pscApplicationId}/send`,
    body: () => ({ akimatKato: DEMO_TERRITORY.akimatKato }),
  },
  'POST /api/v1/applications/:id/decide': {
    as: 'akimat',
    path: () => `/api/v1/applications/${OTHER_UUID}/decide`,
    body: null,
  },
  'POST /api/v1/applications/:id/return': {
    as: 'akimat',
    path: () => `/api/v1/applications/${OTHER_UUID}/return`,
    body: null,
  },
  'POST /api/v1/applications/:id/hand-over': {
    as: 'psc',
    path: (f) => `/api/v1/applications/${f.pscApplicationId}/hand-over`,
    body: () => ({ presentedIin: HEAD.iin }),
  },
  'POST /api/v1/online/applications': {
    as: 'citizen',
    path: () => '/api/v1/online/applications',
    body: () => ({ surname: 'Нұрланұлы', name: 'Асқар' }),
  },
  'POST /api/v1/documents/:id/correct': {
    as: 'akimat',
    path: (f) => `/api/v1/documents/${f.documentId}/correct`,
    body: () => ({ reason: 'опечатка в имени' }),
  },
  'POST /api/v1/documents/:id/revoke': {
    as: 'akimat',
    path: (f) => `/api/v1/documents/${f.documentId}/revoke`,
    body: () => ({ reason: 'выдана ошибочно' }),
  },
  'POST /api/v1/queue/offices/:officeId/tickets': {
    as: 'anonymous',
    path: () => `/api/v1/queue/offices/${DEMO_TERRITORY.pscOfficeId}/tickets`,
    body: null,
  },
  'POST /api/v1/queue/offices/:officeId/desks': {
    as: 'psc',
    path: () => `/api/v1/queue/offices/${DEMO_TERRITORY.pscOfficeId}/desks`,
    body: () => ({ number: 7 }),
  },
  'POST /api/v1/queue/desks/:deskId/call-next': {
    as: 'psc',
    path: () => `/api/v1/queue/desks/${OTHER_UUID}/call-next`,
    body: null,
  },
  'POST /api/v1/queue/tickets/:ticketId/actions': {
    as: 'psc',
    path: (f) => `/api/v1/queue/tickets/${f.ticketId}/actions`,
    body: (f) => ({ action: 'start', deskId: f.deskId }),
  },
  'POST /api/v1/queue/offices/:officeId/close': {
    as: 'director',
    path: () => '/api/v1/queue/offices/psc-unknown/close',
    body: null,
  },
  'POST /api/v1/indicators/targets': {
    as: 'ministry',
    path: () => '/api/v1/indicators/targets',
    body: () => ({ code: '1.1', year: 2027, value: 95 }),
  },
};

// ---- the damage -------------------------------------------------------------------------------------------

type Path = ReadonlyArray<string | number>;
interface Leaf {
  readonly path: Path;
  readonly value: unknown;
}

/** Every value in a JSON document with its path (objects and arrays too, so whole parts can be damaged). */
function leaves(value: unknown, path: Path = []): Leaf[] {
  const here: Leaf[] = path.length ? [{ path, value }] : [];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => leaves(v, [...path, i])));
  if (value && typeof value === 'object')
    return here.concat(Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k])));
  return here;
}

function setAt(doc: unknown, path: Path, value: unknown | typeof REMOVE): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === REMOVE) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}
const REMOVE = Symbol('remove');

const SQL_INJECTION = [
  "'; DROP TABLE households; --",
  "' OR '1'='1",
  '1; DELETE FROM users WHERE 1=1; --',
  "Robert'); DROP TABLE applications;--",
  "' UNION SELECT password_hash FROM users --",
  '$1::text); TRUNCATE audit_log; --',
];
const HTML_INJECTION = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')",
  '<svg/onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
];
/** Cyrillic names with Latin look-alikes (a, e, o, p, c, x, A, K, M, H, T) in place of Cyrillic letters. */
const CONFUSABLES = ['Ахмeтова', 'Гүлнaр', 'Aсқар', 'Сeрік', 'Oмаров', 'Кeнес ауылы, 3'];
const BAD_IINS = [
  '850315400024',
  '85031540002',
  '8503154000255',
  '85031540002X',
  'ABCDEFGHIJKL',
  '',
  '000000000000',
];
/** C0 controls other than tab, LF and CR, NUL, DEL's neighbours and lone UTF-16 surrogates. */
const controlChar = fc.oneof(
  fc.constantFrom('\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f'),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
);
const withControl = fc
  .tuple(fc.string({ maxLength: 8 }), controlChar, fc.string({ maxLength: 8 }))
  .map(([a, c, b]) => `Ахмет${a}${c}${b}ова`);
const wrongValue = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 10 }),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { minKeys: 1, maxKeys: 3 }),
);
const oddNumber = fc.constantFrom(1e308, -1e308, 2 ** 53 + 2, -(2 ** 31) - 1, 2 ** 31, 0.5, -0, -7);

interface Attempt {
  readonly label: string;
  /** A JSON value to send, or raw text with its content type. */
  readonly body: { json: unknown } | { raw: string; type: string | undefined };
  /** The body is certainly invalid: the answer must be a 4xx. Otherwise it may also succeed. */
  readonly invalid: boolean;
}

const deep = (depth: number, open: string, close: string, inner: string) =>
  open.repeat(depth) + inner + close.repeat(depth);

/** Bodies that fail before any route code runs: unparseable, unsupported, oversized, empty. */
function unparseable(): Attempt[] {
  const raw = (label: string, text: string, type: string | undefined): Attempt => ({
    label,
    body: { raw: text, type },
    invalid: true,
  });
  return [
    raw('malformed JSON', '{"a": [1, 2', 'application/json'),
    raw('trailing garbage', '{} {}', 'application/json'),
    raw('empty JSON body', '', 'application/json'),
    raw('XML', '<a>1</a>', 'application/xml'),
    raw('form-encoded', 'a=1&b=2', 'application/x-www-form-urlencoded'),
    raw('multipart', '--x\r\n\r\n--x--', 'multipart/form-data; boundary=x'),
    raw('1 MB+ JSON', JSON.stringify({ text: 'я'.repeat(600_000) }), 'application/json'),
    raw(
      'prototype pollution',
      '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}',
      'application/json',
    ),
  ];
}

/** Deep JSON: 10,000 levels of arrays and of objects. Only body-reading routes can be sent it safely. */
function deepJson(): Attempt[] {
  return [
    {
      label: 'deep arrays',
      body: { raw: deep(10_000, '[', ']', '1'), type: 'application/json' },
      invalid: true,
    },
    {
      label: 'deep objects',
      body: { raw: deep(10_000, '{"a":', '}', '1'), type: 'application/json' },
      invalid: true,
    },
  ];
}

function damaged(template: unknown, schema: JsonSchema | undefined, seed: number): Attempt[] {
  let draw = 0; // each draw its own seed, so the kinds of damage land on different fields
  const sample = <T>(arb: fc.Arbitrary<T>, n = PER_KIND): T[] =>
    n > 0 ? fc.sample(arb, { seed: seed + draw++, numRuns: n }) : [];
  const all = leaves(template);
  const strings = all.filter((l) => typeof l.value === 'string');
  const numbers = all.filter((l) => typeof l.value === 'number');
  const iins = strings.filter((l) => /iin$/i.test(String(l.path[l.path.length - 1])));
  const out: Attempt[] = [];
  const at = (label: string, leaf: Leaf, value: unknown, forceInvalid = false): Attempt => ({
    label: `${label} at ${leaf.path.join('.')}`,
    body: { json: setAt(template, leaf.path, value) },
    invalid: forceInvalid || certainlyInvalid(schema, leaf.path, value),
  });
  const pick = (list: Leaf[], n = PER_KIND) => (list.length ? sample(fc.constantFrom(...list), n) : []);

  // Whole-body shapes.
  for (const v of [null, 42, 'text', [], [template], true])
    out.push({ label: `body ${JSON.stringify(v).slice(0, 20)}`, body: { json: v }, invalid: true });
  out.push({
    label: 'text/plain body',
    body: { raw: JSON.stringify(template), type: 'text/plain' },
    invalid: true,
  });
  out.push({
    label: 'no content type',
    body: { raw: JSON.stringify(template), type: undefined },
    invalid: true,
  });
  // Missing fields: every required one that exists, and sampled others.
  for (const leaf of pick(
    all.filter((l) => isRequired(schema, l.path)),
    PER_KIND * 3,
  ))
    out.push({
      label: `missing ${leaf.path.join('.')}`,
      body: { json: setAt(template, leaf.path, REMOVE) },
      invalid: true,
    });
  // Wrong types anywhere.
  for (const [leaf, v] of sample(
    fc.tuple(fc.constantFrom(...(all.length ? all : [{ path: ['x'], value: 0 }])), wrongValue),
    PER_KIND * 3,
  ))
    if (leaf.path[0] !== 'x' || all.length) out.push(at('wrong type', leaf, v));
  for (const leaf of pick(strings)) out.push(at('100k string', leaf, 'ы'.repeat(100_000)));
  for (const leaf of pick(strings))
    out.push(at('SQL', leaf, sample(fc.constantFrom(...SQL_INJECTION), 1)[0]));
  for (const leaf of pick(strings))
    out.push(at('HTML', leaf, sample(fc.constantFrom(...HTML_INJECTION), 1)[0]));
  // A household member's name is one alphabet per word (HOUSEHOLD.MIXED_SCRIPT_NAME); elsewhere it is just text.
  const memberName = (l: Leaf) =>
    /^household\.members\.\d+\.(surname|name|patronymic)$/.test(l.path.join('.'));
  for (const leaf of [...pick(strings), ...strings.filter(memberName)])
    out.push(
      at('confusable', leaf, sample(fc.constantFrom(...CONFUSABLES.slice(0, 5)), 1)[0], memberName(leaf)),
    );
  for (const [leaf, text] of sample(
    fc.tuple(fc.constantFrom(...(strings.length ? strings : all)), withControl),
    strings.length ? PER_KIND * 2 : 0,
  ))
    out.push(at('control character', leaf, text, true));
  for (const leaf of iins) for (const bad of BAD_IINS) out.push(at(`invalid IIN ${bad}`, leaf, bad, true));
  for (const [leaf, n] of sample(
    fc.tuple(fc.constantFrom(...(numbers.length ? numbers : all)), oddNumber),
    numbers.length ? PER_KIND * 2 : 0,
  ))
    out.push(at(`odd number ${n}`, leaf, n));
  // Unknown keys and a control character in a key.
  if (template && typeof template === 'object' && !Array.isArray(template)) {
    out.push({
      label: 'unknown key',
      body: { json: { ...template, isAdmin: true, role: 'admin' } },
      invalid: false,
    });
    out.push({ label: 'NUL in a key', body: { json: { ...template, 'a\u0000b': 1 } }, invalid: true });
  }
  return out;
}

/** Damaged household-book files: byte soup, truncation, control characters, markup and SQL in cells. */
function damagedFiles(csv: string, seed: number): Attempt[] {
  const file = (label: string, text: string): Attempt => ({
    label,
    body: { raw: text, type: 'application/octet-stream' },
    invalid: true,
  });
  const soup = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 2000 }), { seed, numRuns: PER_KIND });
  const lines = csv.split('\n');
  return [
    ...soup.map((bytes, i) => file(`byte soup ${i}`, Buffer.from(bytes).toString('latin1'))),
    file('header only', lines[0]!),
    // Cut inside the last row's first cells: a row with too few columns.
    file('truncated row', csv.slice(0, csv.trimEnd().lastIndexOf('\n') + 12)),
    file('NUL in a cell', csv.replace('Ахметова', 'Ахме\u0000това')),
    file('markup in a name', csv.replace('Ахметова', '<script>alert(1)</script>')),
    file('SQL in a name', csv.replace('Ахметова', "Ахметова'); DROP TABLE households;--")),
    file('bad IIN', csv.replace('850315400025', '850315400024')),
    { label: 'JSON instead of a file', body: { raw: '{"a":1}', type: 'application/json' }, invalid: true },
    { label: 'empty file', body: { raw: '', type: 'application/octet-stream' }, invalid: true },
  ];
}

// ---- the database before and after -------------------------------------------------------------------------

type Snapshot = Map<string, string>;

/**
 * Per table, its row count and the newest row version (xmin): an insert, update or delete changes one of them.
 * The audit trail may gain refusals — recording a denied or failed attempt is its job — so only its successes
 * count, and its head (which moves with every line) is left out; so are sessions, touched by every request.
 */
async function snapshot(server: TestServer): Promise<Snapshot> {
  const db = server.runtime.db.kysely;
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const parts = tables.rows
    .filter((t) => !['sessions', 'audit_head'].includes(t.name))
    .map((t) =>
      t.name === 'audit_log'
        ? sql`select 'audit_log' as name, count(*)::text as sum from audit_log where outcome = 'success'`
        : sql`select ${t.name}::text as name,
                count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text as sum
              from ${sql.table(t.name)}`,
    );
  const rows = await sql<{ name: string; sum: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return new Map(rows.rows.map((r) => [r.name, r.sum]));
}

function changedTables(before: Snapshot, after: Snapshot): string[] {
  return [...after.keys()].filter((k) => before.get(k) !== after.get(k));
}

// ---- the test ----------------------------------------------------------------------------------------------

describe.each(DATABASE_KINDS)('hostile input to every write route on %s (issue 10 item 2, R-14)', (kind) => {
  let server: TestServer;
  let fixtures: Fixtures;
  const clients = new Map<User, ApiClient>();
  let spareSession: ApiClient;

  async function as(user: User): Promise<ApiClient> {
    const c = new ApiClient(server.url);
    if (user !== 'anonymous') {
      const r = await c.login(user, server.demoPassword);
      expect(r.status, r.text).toBe(200);
    }
    return c;
  }
  async function ok(r: { status: number; text: string; json: Record<string, unknown> }) {
    expect(r.status, r.text).toBeLessThan(300);
    return r.json;
  }

  beforeAll(async () => {
    server = await startTestServer({ database: kind, clock });
    for (const u of [
      'anonymous',
      'akimat',
      'psc',
      'director',
      'district',
      'ministry',
      'admin',
      'citizen',
    ] as const)
      clients.set(u, await as(u));
    spareSession = await as('akimat');
    const akimat = clients.get('akimat')!;
    const psc = clients.get('psc')!;
    const h = await ok(
      await akimat.request('POST', '/api/v1/households', { household: household(), reason: 'book' }),
    );
    const issued = await ok(
      await akimat.request('POST', '/api/v1/akimat/applications', {
        applicant: HEAD,
        identityDocumentShown: true,
      }),
    );
    const atPsc = await ok(
      await psc.request('POST', '/api/v1/psc/applications', {
        applicant: HEAD,
        documents: { application: true, identity_copy: true, identity_original: true },
      }),
    );
    const online = await ok(await clients.get('citizen')!.request('POST', '/api/v1/online/applications', {}));
    const onlineApplicationId = (online.application as { id: string }).id;
    const complaint = await ok(
      await clients.get('citizen')!.request('POST', '/api/v1/complaints', {
        kind: 'result',
        applicationId: onlineApplicationId,
        language: 'ru',
        text: 'Не согласен с результатом.',
      }),
    );
    const desk = await ok(
      await psc.request('POST', `/api/v1/queue/offices/${DEMO_TERRITORY.pscOfficeId}/desks`, { number: 3 }),
    );
    const ticket = await ok(
      await clients
        .get('anonymous')!
        .request('POST', `/api/v1/queue/offices/${DEMO_TERRITORY.pscOfficeId}/tickets`),
    );
    const csv = await akimat.request(
      'GET',
      `/api/v1/households/export?akimat=${DEMO_TERRITORY.akimatKato}&format=csv`,
    );
    expect(csv.status).toBe(200);
    fixtures = {
      householdId: h.householdId as string,
      onlineApplicationId,
      documentId: (issued.document as { id: string }).id,
      pscApplicationId: (atPsc.application as { id: string }).id,
      complaintId: (complaint.complaint as { id: string }).id,
      deskId: desk.id as string,
      ticketId: ticket.id as string,
      bookCsv: csv.text,
    };
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  it('knows every write route the server has (a new route must be listed above)', () => {
    const live = writeRoutes(server.app);
    expect(live.length).toBeGreaterThan(20);
    expect(
      live.filter((r) => !(r in ROUTES)),
      'write routes missing from ROUTES',
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((r) => !live.includes(r)),
      'ROUTES naming no live route',
    ).toEqual([]);
    // A route that reads a JSON body must say so here (its body is then damaged), and one that reads none too.
    const schemas = bodySchemas(server.app);
    for (const [key, route] of Object.entries(ROUTES))
      if (!route.file) expect(route.body !== null, key).toBe(schemas.has(key));
  });

  it.each(Object.keys(ROUTES))('%s: bad bodies → coded 4xx, no 5xx, nothing stored', async (key) => {
    const route = ROUTES[key]!;
    const seed = SEED + [...key].reduce((a, c) => a + c.charCodeAt(0), 0);
    let attempts: Attempt[];
    if (route.file) attempts = [...damagedFiles(fixtures.bookCsv, seed), ...unparseable().slice(3, 5)];
    else if (route.body === null)
      // A route that reads no body must still refuse what cannot be parsed, before doing anything.
      attempts = [...unparseable(), ...deepJson()].filter((a) => a.label !== 'prototype pollution');
    else
      attempts = [
        ...unparseable(),
        ...deepJson(),
        ...damaged(route.body(fixtures), bodySchemas(server.app).get(key), seed),
      ];
    // Sign-out gets a session of its own, so a bug that signs out does not spoil the other routes' callers.
    const client = key === 'POST /api/v1/auth/logout' ? spareSession : clients.get(route.as)!;
    const path = route.path(fixtures);
    const failures: string[] = [];
    let before = await snapshot(server);
    for (const attempt of attempts) {
      const headers: Record<string, string> = {};
      let payload: string;
      if ('json' in attempt.body) {
        payload = JSON.stringify(attempt.body.json);
        headers['content-type'] = 'application/json';
      } else {
        payload = attempt.body.raw;
        if (attempt.body.type) headers['content-type'] = attempt.body.type;
      }
      const r = await rawRequest(client, key.split(' ')[0]!, path, payload, headers);
      const after = await snapshot(server);
      const changed = changedTables(before, after).filter((t) => !route.mayWrite?.includes(t));
      const what = `${attempt.label} → ${r.status} ${r.text.slice(0, 160)}`;
      if (r.status >= 500) failures.push(`5xx: ${what}`);
      else if (/\bat .+:\d+:\d+\)?$/m.test(r.text) || /"stack"/.test(r.text))
        failures.push(`stack trace: ${what}`);
      else if (r.status >= 400) {
        const code = (r.json as { error?: { code?: unknown } } | undefined)?.error?.code;
        if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_.]+$/.test(code))
          failures.push(`no error code: ${what}`);
        if (changed.length) failures.push(`stored on refusal (${changed.join(', ')}): ${what}`);
      } else if (route.file) {
        // The import answers a damaged file with its report of row errors (200), having written nothing.
        const report = r.json as { written?: boolean; errors?: unknown[] } | undefined;
        if (report?.written !== false || !report.errors?.length)
          failures.push(`imported a damaged file: ${what}`);
        if (changed.length) failures.push(`stored on refusal (${changed.join(', ')}): ${what}`);
      } else if (attempt.invalid) failures.push(`accepted an invalid body: ${what}`);
      before = after;
    }
    expect(failures, `${attempts.length} attempts`).toEqual([]);
  });
});

/** One request with an exact body and content type (ApiClient always sends JSON). */
async function rawRequest(
  client: ApiClient,
  method: string,
  path: string,
  body: string,
  headers: Record<string, string>,
) {
  const h: Record<string, string> = { ...headers };
  if (client.cookies.size) h.cookie = client.cookieHeader();
  if (client.csrfToken) h['x-csrf-token'] = client.csrfToken;
  const res = await fetch(client.baseUrl + path, { method, headers: h, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}
