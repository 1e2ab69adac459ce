/**
 * R-14, issue 10 item 1: the access matrix — for EVERY API route the server registers, who may call it and
 * where. It is data, not enforcement: the use cases ask the one policy (src/domain/access/policy.ts). The test
 * test/integration/access-matrix.test.ts collects every registered route, fails on a route missing here (or
 * named here but not registered), and calls each route as anonymous and as every role, inside and outside the
 * territory, checking allowed (anything but 401/403, never 5xx) against denied (401 anonymous, 403 otherwise).
 *
 * To classify a new route: add `'METHOD /url'` (the url exactly as registered, with its `:params`) with
 * - `PUBLIC`: anyone, signed in or not;
 * - `SIGNED_IN`: any role, no territory;
 * - `roles({ role: reach, … })`: only these roles, each within its reach (below); `list` when out-of-territory
 *   callers are served but see only their own rows (the route names no territory, it filters by the caller's).
 * Then give the test a request for it (`CALLS` in the test), so it can be called with real ids.
 */
import type { Role } from '../../domain/access/roles';

/**
 * How far a role reaches on a route:
 * - `own-akimat` / `own-district` / `own-oblast`: the record (or the territory named in the request) lies in the
 *   caller's akimat / district / oblast, by KATO;
 * - `own-office`: the record belongs to the caller's PSC office;
 * - `own-records`: a citizen's own applications and complaints;
 * - `own-implied`: the request names no territory — the caller acts in their own (the akimat counter serves its
 *   own book, a PSC operator receives at their own office, a citizen applies for themselves);
 * - `country`: no territory limit (a national role, or an action that concerns no territory).
 */
export type RouteReach =
  | 'own-akimat'
  | 'own-office'
  | 'own-district'
  | 'own-oblast'
  | 'own-records'
  | 'own-implied'
  | 'country';

export type RouteAccess =
  | { readonly who: 'anonymous' }
  | { readonly who: 'any-signed-in' }
  | {
      readonly who: Readonly<Partial<Record<Role, RouteReach>>>;
      /** `list`: outside callers get their own (filtered) rows, never another territory's. */
      readonly scope?: 'list';
    };

const PUBLIC: RouteAccess = { who: 'anonymous' };
const SIGNED_IN: RouteAccess = { who: 'any-signed-in' };
const roles = (who: Partial<Record<Role, RouteReach>>): RouteAccess => ({ who });
const list = (who: Partial<Record<Role, RouteReach>>): RouteAccess => ({ who, scope: 'list' });

/** Who reads a household of the book: its akimat, and the district and oblast above it. */
const BOOK_READERS = {
  akimat_officer: 'own-akimat',
  district_akim: 'own-district',
  oblast_akim: 'own-oblast',
} as const;
/** Who reads an application or its documents: its akimat, its PSC, the district and oblast, its applicant. */
const APPLICATION_READERS = {
  akimat_officer: 'own-akimat',
  psc_operator: 'own-office',
  psc_director: 'own-office',
  district_akim: 'own-district',
  oblast_akim: 'own-oblast',
  citizen: 'own-records',
} as const;
/** Who reads a complaint: its addressee's level and those above in the territory, and the complainant. */
const COMPLAINT_READERS = {
  akimat_officer: 'own-akimat',
  psc_director: 'own-office',
  district_akim: 'own-district',
  oblast_akim: 'own-oblast',
  citizen: 'own-records',
} as const;
/** only the addressee reviews — the role of the complaint's level, within its territory. */
const COMPLAINT_REVIEWERS = {
  akimat_officer: 'own-akimat',
  psc_director: 'own-office',
  district_akim: 'own-district',
  oblast_akim: 'own-oblast',
} as const;
/** Who reads the indicators: a director their office, the akims their territory, the ministry all. */
const KPI_READERS = {
  psc_director: 'own-office',
  district_akim: 'own-district',
  oblast_akim: 'own-oblast',
  ministry_analyst: 'country',
} as const;
/** Who works a queue: an akimat officer at their akimat's counter, an operator at their PSC. */
const QUEUE_OPERATORS = { akimat_officer: 'own-akimat', psc_operator: 'own-office' } as const;

export const ACCESS_MATRIX: Readonly<Record<string, RouteAccess>> = {
  // System, sign-in, public reference data.
  'GET /api/v1/health': PUBLIC,
  'GET /api/openapi.json': PUBLIC,
  'GET /.well-known/qosalqy/keys.json': PUBLIC,
  'POST /api/v1/auth/login': PUBLIC,
  'GET /api/v1/auth/session': SIGNED_IN,
  'POST /api/v1/auth/logout': SIGNED_IN,
  'GET /api/v1/iin/:iin': PUBLIC,
  'GET /api/v1/calendar/days': PUBLIC,
  'GET /api/v1/calendar/deadline': PUBLIC,
  'POST /api/v1/calendar/transfers': roles({ admin: 'country' }),
  'POST /api/v1/calendar/kurban-ait': roles({ admin: 'country' }),
  'POST /api/v1/calendar/years': roles({ admin: 'country' }),
  'GET /api/v1/offices': PUBLIC,
  'GET /api/v1/offices/:id': PUBLIC,
  'GET /api/v1/territory': PUBLIC,
  'GET /api/v1/territory/:code': PUBLIC,
  'GET /api/v1/species': PUBLIC,

  // The household book (issue 4): written by its akimat only, read by the akims above it.
  'GET /api/v1/households': roles(BOOK_READERS),
  'GET /api/v1/households/lookup': roles(BOOK_READERS),
  'GET /api/v1/households/export': roles(BOOK_READERS),
  'GET /api/v1/households/:id': roles(BOOK_READERS),
  'POST /api/v1/households': roles({ akimat_officer: 'own-akimat' }),
  'PUT /api/v1/households/:id': roles({ akimat_officer: 'own-akimat' }),
  'POST /api/v1/households/:id/close': roles({ akimat_officer: 'own-akimat' }),
  'POST /api/v1/households/:id/reopen': roles({ akimat_officer: 'own-akimat' }),
  'POST /api/v1/households/import': roles({ akimat_officer: 'own-akimat' }),

  // Applications and issued documents (issue 5).
  'GET /api/v1/applications': list(APPLICATION_READERS),
  'GET /api/v1/applications/:id': roles(APPLICATION_READERS),
  'GET /api/v1/documents/:id': roles(APPLICATION_READERS),
  'GET /api/v1/documents/:id.pdf': roles(APPLICATION_READERS),
  'POST /api/v1/akimat/applications': roles({ akimat_officer: 'own-implied' }),
  'POST /api/v1/psc/applications': roles({ psc_operator: 'own-implied' }),
  'POST /api/v1/online/applications': roles({ citizen: 'own-implied' }),
  'POST /api/v1/applications/:id/send': roles({ psc_operator: 'own-office' }),
  'POST /api/v1/applications/:id/decide': roles({ akimat_officer: 'own-akimat' }),
  'POST /api/v1/applications/:id/return': roles({ akimat_officer: 'own-akimat', psc_operator: 'own-office' }),
  'POST /api/v1/applications/:id/hand-over': roles({ psc_operator: 'own-office' }),
  'POST /api/v1/documents/:id/correct': roles({ akimat_officer: 'own-akimat' }),
  'POST /api/v1/documents/:id/revoke': roles({ akimat_officer: 'own-akimat' }),

  // Public verification of certificates.
  'POST /api/v1/verify/qr': PUBLIC,
  'GET /api/v1/verify': PUBLIC,

  // Complaints and surveys (R-16..R-19). Officials take complaints at their own office; citizens file online.
  'POST /api/v1/complaints': roles({
    akimat_officer: 'own-implied',
    psc_operator: 'own-implied',
    psc_director: 'own-implied',
    citizen: 'own-implied',
  }),
  'GET /api/v1/complaints': list(COMPLAINT_READERS),
  'GET /api/v1/complaints/:id': roles(COMPLAINT_READERS),
  'GET /api/v1/complaints/:id/talon.pdf': roles(COMPLAINT_READERS),
  'GET /api/v1/complaints/:id/answer.pdf': roles(COMPLAINT_READERS),
  'POST /api/v1/complaints/:id/review': roles(COMPLAINT_REVIEWERS),
  'POST /api/v1/complaints/:id/forward': roles(COMPLAINT_REVIEWERS),
  'POST /api/v1/complaints/:id/answer': roles(COMPLAINT_REVIEWERS),
  // The deadline sweep the worker runs anyway; on demand by the oblast akim (their oblast) or an admin.
  'POST /api/v1/complaints/sweep': roles({ oblast_akim: 'own-implied', admin: 'country' }),
  // By number + the complainant's IIN (a knowledge check), rate-limited per address.
  'POST /api/v1/public/complaints/status': PUBLIC,
  'POST /api/v1/public/complaints/document': PUBLIC,
  'POST /api/v1/public/surveys': PUBLIC,
  'GET /api/v1/followups': list({
    psc_director: 'own-office',
    district_akim: 'own-district',
    oblast_akim: 'own-oblast',
  }),

  // The walk-in queue (issue 6): kiosk, board and its event stream are public; ticket numbers only.
  'GET /api/v1/queue/summary': PUBLIC,
  'GET /api/v1/queue/offices/:officeId/board': PUBLIC,
  'GET /api/v1/queue/offices/:officeId/events': PUBLIC,
  'POST /api/v1/queue/offices/:officeId/tickets': PUBLIC,
  'POST /api/v1/queue/offices/:officeId/desks': roles(QUEUE_OPERATORS),
  'GET /api/v1/queue/desks/:deskId': roles(QUEUE_OPERATORS),
  'POST /api/v1/queue/desks/:deskId/call-next': roles(QUEUE_OPERATORS),
  'POST /api/v1/queue/tickets/:ticketId/actions': roles(QUEUE_OPERATORS),
  'GET /api/v1/queue/offices/:officeId/alerts': roles({ psc_director: 'own-office' }),
  'GET /api/v1/queue/offices/:officeId/statistics': roles({ psc_director: 'own-office' }),
  'POST /api/v1/queue/offices/:officeId/close': roles({ psc_director: 'own-office' }),

  // Indicators (issue 8, R-15). The public page shows office aggregates only.
  'GET /api/v1/public/indicators': PUBLIC,
  'GET /api/v1/indicators': roles(KPI_READERS),
  'GET /api/v1/indicators/export': roles(KPI_READERS),
  'GET /api/v1/indicators/records': roles(KPI_READERS),
  'GET /api/v1/indicators/records/export': roles(KPI_READERS),
  // Targets are national figures: every indicator reader reads them; the ministry sets them.
  'GET /api/v1/indicators/targets': roles({
    psc_director: 'own-implied',
    district_akim: 'own-implied',
    oblast_akim: 'own-implied',
    ministry_analyst: 'country',
  }),
  'POST /api/v1/indicators/targets': roles({ ministry_analyst: 'country' }),
};

/**
 * Which registered routes the matrix must classify: everything under /api/ and /.well-known/, except
 * - the automatic HEAD twin of each GET (Fastify answers it with the GET's handler, hooks and checks), and
 * - the Swagger UI's static pages and assets under /api/docs (documentation, no data; the spec itself,
 *   /api/openapi.json, is classified).
 * The web UI's static files are outside /api/ and hold no data.
 */
export function needsClassification(method: string, url: string): boolean {
  if (method === 'HEAD') return false;
  if (url === '/api/docs' || url.startsWith('/api/docs/')) return false;
  return url.startsWith('/api/') || url.startsWith('/.well-known/');
}

export const routeKey = (method: string, url: string): string => `${method} ${url}`;
