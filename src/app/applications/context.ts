/**
 * What every application use case needs around the domain (issue 5): the action context (time, actor,
 * calendar, office hours), the names printed on documents, the officials, and the access check as a Result.
 */
import { type Action, decide, type Resource } from '../../domain/access/policy';
import type { ActionContext, Application } from '../../domain/applications';
import type { Addressees, LocalizedText } from '../../domain/applications/refusal-grounds';
import type { Official } from '../../domain/certificates';
import { toCivil, type WorkingCalendar } from '../../domain/calendar';
import type { PlainDate } from '../../domain/shared/plain-date';
import { type Err, err } from '../../domain/shared/result';
import type { TerritoryIndex } from '../../domain/territory/territory-index';
import { toActor } from '../auth/user-view';
import type { AkimatName, AkimatNames, Deps, Office, Repositories, UserRecord } from '../ports';

export interface Moment {
  readonly ms: number;
  readonly iso: string;
  readonly date: PlainDate;
  readonly year: number;
}

export function moment(deps: Pick<Deps, 'clock'>): Moment {
  const now = deps.clock.now();
  const date = toCivil(now.getTime()).date;
  return { ms: now.getTime(), iso: now.toISOString(), date, year: Number(date.slice(0, 4)) };
}

/**
 * The reference data a use case reads, loaded BEFORE its transaction: the calendar and territory sources use the
 * database themselves, and PGlite has one connection, which the open transaction holds.
 */
export interface Reference {
  readonly calendar: WorkingCalendar;
  readonly territory: TerritoryIndex;
  readonly akimatNames: AkimatNames;
}

export async function loadReference(deps: Deps): Promise<Reference> {
  return {
    calendar: await deps.calendar.current(),
    territory: await deps.territory.index(),
    akimatNames: deps.akimatNames,
  };
}

export function actionContext(
  ref: Reference,
  user: UserRecord,
  at: Moment,
  schedule?: Office['schedule'],
): ActionContext {
  return { at: at.ms, actor: toActor(user), calendar: ref.calendar, ...(schedule ? { schedule } : {}) };
}

/** the one policy decides; a denial is `AUTH.FORBIDDEN` (403). */
export function denied(user: UserRecord, action: Action, resource: Resource): Err | undefined {
  const d = decide(toActor(user), action, resource);
  return d.allowed ? undefined : err('AUTH.FORBIDDEN', d.reason, { action });
}

/** Where an application lives, for the policy: its akimat, its PSC and its applicant. */
export function resourceOf(app: Application): Resource {
  return { kato: app.akimatKato, officeId: app.pscOfficeId, ownerIin: app.applicant.iin };
}

/** Whether the user may read the application at all: its akimat, its PSC (operator, director), district/oblast, or its applicant. */
export function readDenied(user: UserRecord, app: Application): Err | undefined {
  const r = resourceOf(app);
  const byAkimat = denied(user, 'application.read', { kato: r.kato ?? null });
  if (!byAkimat) return undefined;
  const byOffice = denied(user, 'application.read', { officeId: r.officeId ?? null });
  if (!byOffice) return undefined;
  const byOwner = denied(user, 'application.read', { ownerIin: r.ownerIin ?? null });
  return byOwner
    ? err('AUTH.FORBIDDEN', 'not an application of your office, territory or your own')
    : undefined;
}

const POSITIONS: Partial<Record<UserRecord['role'], LocalizedText>> = {
  akimat_officer: {
    kk: 'Кент, ауыл, ауылдық округ әкімі аппаратының маманы',
    ru: 'Специалист аппарата акима поселка, села, сельского округа',
  },
  psc_operator: { kk: 'ХҚКО операторы', ru: 'Оператор ЦОН' },
};

/** The official printed on a document: the officer, or — online — the information system. */
export function officialOf(user: UserRecord): Official {
  const position = POSITIONS[user.role];
  if (position) return { position, name: user.displayName };
  return {
    position: { kk: 'Электрондық түрде қалыптастырған', ru: 'Сформировано в электронной форме' },
    name: 'Qosalqy',
  };
}

/**
 * The akimat as printed on documents: its apparatus, named after the rural district in the directory or KATO.
 * Held per process (deps.akimatNames, filled through the caller's transaction): a certificate at the counter
 * names its akimat twice (the issuer and the book's keeper), and every issuing request names one.
 */
export async function akimatOf(ref: Reference, repos: Repositories, kato: string): Promise<AkimatName> {
  const held = ref.akimatNames.held(kato);
  if (held) return held;
  const read = await readAkimat(ref, repos, kato);
  ref.akimatNames.hold(read);
  return read;
}

async function readAkimat(ref: Reference, repos: Repositories, kato: string): Promise<AkimatName> {
  const office = await repos.offices.findById(`akimat-${kato}`);
  let base: LocalizedText | undefined = office?.name;
  if (!base) {
    const node = ref.territory.find(kato);
    if (node) base = { kk: node.names.kk ?? node.names.ru, ru: node.names.ru };
  }
  const name = base ?? { kk: kato, ru: kato };
  return { kato, name: { kk: `${name.kk} әкімінің аппараты`, ru: `Аппарат акима: ${name.ru}` } };
}

/** R-17: the district and oblast akims' apparatuses of the directory (R-20) that a refusal names for complaints. */
export async function addresseesFor(
  repos: Repositories,
  akimatKato: string | null,
  pscOffice?: Office,
): Promise<Addressees> {
  const out: { -readonly [K in keyof Addressees]: Addressees[K] } = {};
  const line = (o: Office) => ({
    name: o.name,
    ...(o.address ? { address: o.address } : {}),
    ...(o.phones.length > 0 ? { phones: o.phones } : {}),
    ...(o.emails.length > 0 ? { emails: o.emails } : {}),
  });
  if (akimatKato) {
    const district = await repos.offices.search({
      kind: 'district_apparatus',
      districtKato: akimatKato,
      limit: 1,
      offset: 0,
    });
    const oblast = await repos.offices.search({
      kind: 'oblast_apparatus',
      oblastKato: akimatKato,
      limit: 1,
      offset: 0,
    });
    if (district.offices[0]) out.district_akim = line(district.offices[0]);
    if (oblast.offices[0]) out.oblast_akim = line(oblast.offices[0]);
  }
  if (pscOffice) out.psc_director = line(pscOffice);
  return out;
}
