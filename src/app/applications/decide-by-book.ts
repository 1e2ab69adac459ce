/**
 * The decision every channel makes (R-5, R-6 §16): read the household book for the applicant as of today —
 * a PSF record is a certificate, "no record" is a reasoned refusal on ground 2 — then take the number, apply
 * the transition, sign the QR and store the document, all inside the caller's transaction. A failure after the
 * number was taken throws (UseCaseError), so the transaction rolls back and the number is given back.
 */
import type {
  ActionContext,
  Application,
  ApplicationCommand,
  ApplicationEvent,
  Refusal,
  RefusalInput,
  Transition,
} from '../../domain/applications';
import { applyAction } from '../../domain/applications';
import type { LocalizedText } from '../../domain/applications/refusal-grounds';
import type { CertificateDocumentInput, RefusalDocumentInput } from '../../domain/certificates';
import { findPsfRecord, type PsfRecord, summarizeFarm } from '../../domain/household/psf-lookup';
import { err, ok, type Result } from '../../domain/shared/result';
import { fail } from '../errors';
import type { Deps, IssuedDocument, Office, Repositories, UserRecord } from '../ports';
import { addresseesFor, akimatOf, type Moment, officialOf, type Reference } from './context';
import { type SignedQr, signQr, storeDocument, type TakenNumber, takeNumber } from './issue-document';
import { type ActResult, toDocumentView, toView } from './views';

/** What the book says: a record to certify, or why there is none (for ground 2). */
export type BookAnswer =
  | { readonly outcome: 'certificate'; readonly record: PsfRecord }
  | {
      readonly outcome: 'refusal';
      readonly refusal: Extract<RefusalInput, { ground: 'no_psf_record' }>;
      /** The akimat whose book was read (or, online, where the applicant was last seen); null: in no book. */
      readonly akimatKato: string | null;
    };

/**
 * Reads the book of `akimatKato` (the counter's or the deciding akimat's), or — `null`, online — every book.
 * Two open households holding the applicant are for an officer to resolve, never a guess:
 * `APPLICATION.PSF_RECORD_CONFLICT`.
 */
export async function readBook(
  repos: Repositories,
  iin: string,
  at: Moment,
  akimatKato: string | null,
): Promise<Result<BookAnswer>> {
  const all = await repos.households.versionsForIin(iin);
  const versions = akimatKato === null ? all : all.filter((v) => v.household.akimatKato === akimatKato);
  const lookup = findPsfRecord(versions, iin, at.date);
  if (lookup.kind === 'conflict') {
    return err('APPLICATION.PSF_RECORD_CONFLICT', 'the applicant is a member of two open households', {
      householdIds: lookup.householdIds,
    });
  }
  if (lookup.kind === 'found') return ok({ outcome: 'certificate', record: lookup.record });
  const seenIn = lookup.facts.householdId
    ? versions.find((v) => v.householdId === lookup.facts.householdId)?.household.akimatKato
    : undefined;
  return ok({
    outcome: 'refusal',
    refusal: {
      ground: 'no_psf_record',
      reason: lookup.reason,
      facts: lookup.facts,
      akimatKato: seenIn ?? null,
    },
    akimatKato: akimatKato ?? seenIn ?? null,
  });
}

/** The issuer printed on an online refusal of someone in no akimat's book. */
export const SYSTEM_ISSUER: LocalizedText = {
  kk: '«Qosalqy» ақпараттық жүйесі',
  ru: 'Информационная система «Qosalqy»',
};

export interface Issued {
  readonly transition: Transition;
  readonly document: IssuedDocument;
  /** The application was inserted already decided (see `insertDecided`): recordDecision has nothing to move. */
  readonly applicationInserted: boolean;
}

/**
 * A new application decided in the transaction that receives it (at the counter, online) is written once, already
 * decided, with its receiving event and its decision's: one row version, one statement, one set of index entries
 * and KPI marks — not an insert of the received application and an update of it a moment later. It goes in just
 * before its document, which refers to it. `received`: the receiving event of a new application; undefined for
 * an application stored before (recordDecision then moves it from the version read).
 */
async function insertDecided(
  repos: Repositories,
  transition: Transition,
  received: ApplicationEvent | undefined,
): Promise<boolean> {
  if (!received) return false;
  await repos.applications.insert(transition.application, [received, transition.event]);
  return true;
}

/**
 * The decision recorded, the same way at the counter, online and for a PSC's application: the application moves
 * from the version it was read at — a second writer finds it moved and gets `APPLICATION.ALREADY_DECIDED`, so
 * exactly one decision stands — and the decision is audited as `action`.
 */
export async function recordDecision(
  repos: Repositories,
  who: { readonly user: UserRecord; readonly ip: string | null; readonly action: string },
  app: Application,
  issued: Issued,
  at: Moment,
): Promise<ActResult> {
  const next = issued.transition.application;
  if (
    !issued.applicationInserted &&
    !(await repos.applications.update(next, app.version, [issued.transition.event]))
  ) {
    fail('APPLICATION.ALREADY_DECIDED', 'the application was decided by someone else');
  }
  await repos.audit.append({
    actorId: who.user.id,
    actorRole: who.user.role,
    action: who.action,
    subjectType: 'application',
    subjectId: app.id,
    ip: who.ip,
    outcome: 'success',
    details: {
      outcome: next.decision?.outcome ?? null,
      documentId: issued.document.id,
      number: issued.document.number,
    },
  });
  return { application: toView(next, at.ms), document: toDocumentView(issued.document) };
}

function applyOrThrow(app: Application, command: ApplicationCommand, ctx: ActionContext): Transition {
  const t = applyAction(app, command, ctx);
  if (!t.ok) fail(t.error.code, t.error.message, t.error.details as Record<string, unknown>);
  return t.value;
}

/** What an issuing call may add: `received` is the receiving event when `app` is new and not yet stored
 * (insertDecided). */
interface IssueOptions {
  readonly received?: ApplicationEvent;
}

/**
 * Who decides which application, when, inside which transaction: what every issuing call shares (the counter,
 * online, a PSC's application at the akimat, a refusal at intake).
 */
export interface Deciding {
  readonly deps: Deps;
  readonly ref: Reference;
  readonly repos: Repositories;
  readonly user: UserRecord;
  readonly app: Application;
  readonly ctx: ActionContext;
  readonly at: Moment;
}

/** the certificate from the book record, numbered in the sequence of the akimat that keeps the book. */
export async function issueCertificate(
  { deps, ref, repos, user, app, ctx, at }: Deciding,
  record: PsfRecord,
  command: (n: TakenNumber) => ApplicationCommand,
  options: IssueOptions & Pick<CertificateDocumentInput, 'electronic' | 'supersedes'> = {},
): Promise<Issued> {
  const { received, ...extra } = options;
  const akimatKato = record.household.akimatKato;
  const n = await takeNumber(repos, 'certificate', akimatKato, at);
  const transition = applyOrThrow(app, command(n), ctx);
  const qr = signQr(deps, n, app.applicant, at);
  const content = await certificateContent(deps, ref, repos, user, app, record, n, qr, at, extra);
  const applicationInserted = await insertDecided(repos, transition, received);
  const document = await storeDocument(deps, repos, {
    number: n,
    applicationId: app.id,
    applicantIin: app.applicant.iin,
    at,
    issuedBy: user.id,
    content,
    qr,
  });
  return { transition, document, applicationInserted };
}

export async function certificateContent(
  deps: Deps,
  ref: Reference,
  repos: Repositories,
  user: UserRecord,
  app: Application,
  record: PsfRecord,
  n: TakenNumber,
  qr: SignedQr,
  at: Moment,
  extra: Pick<CertificateDocumentInput, 'electronic' | 'supersedes'> = {},
): Promise<CertificateDocumentInput> {
  const h = record.household;
  return {
    number: n.number,
    issuedAt: at.iso,
    akimat: await akimatOf(ref, repos, h.akimatKato),
    applicant: {
      surname: app.applicant.surname,
      name: app.applicant.name,
      ...(app.applicant.patronymic ? { patronymic: app.applicant.patronymic } : {}),
      iin: app.applicant.iin,
    },
    household: { bookNumber: h.bookNumber, accountNumber: h.accountNumber, address: h.address },
    farm: summarizeFarm(record.yearlyRecord, deps.species),
    units: deps.species.units,
    official: officialOf(user),
    qr: { text: qr.text, verifyUrl: qr.verifyUrl },
    ...(extra.supersedes ? { supersedes: extra.supersedes } : {}),
    ...(extra.electronic ? { electronic: true } : {}),
  };
}

/**
 * a reasoned refusal — ground 1 (documents) or 2 (book) — numbered by `issuer` (the akimat, the PSC for a
 * refusal at intake, or `online`), with the complaint addressees of the directory and a signed QR.
 */
export async function issueRefusal(
  { deps, ref, repos, user, app, ctx, at }: Deciding,
  issuer: { readonly code: string; readonly name: LocalizedText; readonly akimatKato: string | null },
  command: (n: TakenNumber) => ApplicationCommand,
  options: IssueOptions & { readonly pscOffice?: Office } = {},
): Promise<Issued> {
  const { received, pscOffice } = options;
  const n = await takeNumber(repos, 'refusal', issuer.code, at);
  const transition = applyOrThrow(app, command(n), ctx);
  const decision = transition.application.decision;
  if (decision?.outcome !== 'refusal') fail('APPLICATION.BAD_INPUT', 'the decision is not a refusal');
  const refusal: Refusal = decision.refusal;
  const qr = signQr(deps, n, app.applicant, at);
  const bookKeeper =
    refusal.ground === 'no_psf_record' && refusal.akimatKato && refusal.akimatKato !== issuer.akimatKato
      ? { name: (await akimatOf(ref, repos, refusal.akimatKato)).name }
      : undefined;
  const complaintsAkimat =
    issuer.akimatKato ?? (refusal.ground === 'no_psf_record' ? refusal.akimatKato : null);
  const content: RefusalDocumentInput = {
    number: n.number,
    issuedAt: at.iso,
    issuer: { name: issuer.name },
    applicant: {
      surname: app.applicant.surname,
      name: app.applicant.name,
      ...(app.applicant.patronymic ? { patronymic: app.applicant.patronymic } : {}),
      iin: app.applicant.iin,
    },
    application: { channel: app.channel, receivedAt: app.receivedAt },
    refusal,
    ...(bookKeeper ? { bookKeeper } : {}),
    addressees: await addresseesFor(repos, complaintsAkimat, pscOffice),
    official: officialOf(user),
    qr: { text: qr.text, verifyUrl: qr.verifyUrl },
  };
  const applicationInserted = await insertDecided(repos, transition, received);
  const document = await storeDocument(deps, repos, {
    number: n,
    applicationId: app.id,
    applicantIin: app.applicant.iin,
    at,
    issuedBy: user.id,
    content,
    qr,
  });
  return { transition, document, applicationInserted };
}
