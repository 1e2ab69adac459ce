/**
 * The transitions of an application (R-2, R-6, R-7, R-11..R-13, R-22). `receiveApplication` creates one,
 * `applyAction` moves it along its channel's table; both return the new value and the append-only event row.
 * Who may act at all is the access policy's question (domain/access); this checks that the act happens at the
 * application's own office — the PSC that took it, the akimat that keeps the book — or, online, by the applicant.
 */
import type { Actor } from '../access/policy';
import {
  formatInstant,
  type InstantInput,
  parseInstant,
  type ScheduleInput,
  toCivil,
  type WorkingCalendar,
} from '../calendar/index';
import { NO_RECORD_REASONS, type NoRecordFacts, type NoRecordReason } from '../household/psf-lookup';
import { maskIin, parseIin } from '../iin/iin';
import { err, ok, type Result } from '../shared/result';
import { isKatoCode } from '../territory/kato-code';
import {
  ACTION_TARGET,
  APPLICATION_ACTIONS,
  type Applicant,
  type Application,
  type ApplicationAction,
  type ApplicationEvent,
  type ApplicationStatus,
  allowedActions,
  type Channel,
  DECIDING_ACTIONS,
  type Decision,
  type DeadlineRule,
  DEFAULT_DEADLINE_RULES,
  type Refusal,
} from './application';
import { computeDeadline } from './deadline';
import { CHANNEL_DOCUMENTS, type DocumentCode, missingDocuments } from './documents-checklist';
import { noPsfRecord, refusalForMissingDocuments } from './refusal-grounds';

export interface ActionContext {
  /** When it happens (epoch ms, or ISO with an offset). */
  readonly at: InstantInput;
  /** The signed-in person (domain/access Actor): officers carry `kato` or `officeId`, citizens `iin`. */
  readonly actor: Actor;
  /** Needed wherever a working-day deadline starts: receipt at the akimat, acceptance at a PSC. */
  readonly calendar?: WorkingCalendar;
  /** The office's hours, whose closing time is the due time; default `akimat` at the akimat, `psc` at a PSC. */
  readonly schedule?: ScheduleInput;
  /** overrides of `DEFAULT_DEADLINE_RULES`. */
  readonly deadlineRules?: Readonly<Partial<Record<Channel, DeadlineRule>>>;
}

export type ReceiveInput =
  | {
      readonly channel: 'akimat';
      readonly id: string;
      readonly applicant: Applicant;
      readonly akimatKato: string;
      /** R-11 (§11): the applicant asks orally, showing the identity card. */
      readonly identityDocumentShown: boolean;
    }
  | {
      readonly channel: 'psc';
      readonly id: string;
      readonly applicant: Applicant;
      readonly pscOfficeId: string;
    }
  | { readonly channel: 'online'; readonly id: string; readonly applicant: Applicant };

/** Ground 1 takes its facts from the checklist; ground 2 from `findPsfRecord`'s `no-record` answer. */
export type RefusalInput =
  | { readonly ground: 'incomplete_documents' }
  | {
      readonly ground: 'no_psf_record';
      readonly reason: NoRecordReason;
      readonly facts: NoRecordFacts;
      /** Online only: the book read, or null when the applicant is in no book. Elsewhere the application's akimat. */
      readonly akimatKato?: string | null;
    };

export interface CertificateInput {
  readonly documentNumber: string;
  readonly householdId: string;
  readonly householdVersion: number;
}

export type ApplicationCommand =
  | ({
      readonly type: 'issue_certificate';
      /** Online: the akimat that keeps the book (required). At the akimat: the application's own. */
      readonly akimatKato?: string;
    } & CertificateInput)
  | { readonly type: 'refuse'; readonly documentNumber: string; readonly refusal: RefusalInput }
  | { readonly type: 'check_documents'; readonly documents: Readonly<Partial<Record<DocumentCode, boolean>>> }
  | { readonly type: 'refuse_at_intake'; readonly documentNumber: string }
  | { readonly type: 'accept' }
  | { readonly type: 'send_to_akimat'; readonly akimatKato: string }
  | {
      readonly type: 'decide';
      readonly decision:
        | ({ readonly outcome: 'certificate' } & CertificateInput)
        | { readonly outcome: 'refusal'; readonly documentNumber: string; readonly refusal: RefusalInput };
    }
  | { readonly type: 'return_to_psc' }
  /** The IIN read from the identity card the person collecting the result shows. */
  | { readonly type: 'hand_over'; readonly presentedIin: string };

export interface Transition {
  readonly application: Application;
  readonly event: ApplicationEvent;
}

export const APPLICATION_ERROR_CODES = [
  'APPLICATION.BAD_INPUT',
  'APPLICATION.INVALID_TRANSITION',
  'APPLICATION.ALREADY_DECIDED',
  'APPLICATION.DOCUMENTS_INCOMPLETE',
  'APPLICATION.DOCUMENTS_COMPLETE',
  'APPLICATION.HANDOVER_WRONG_PERSON',
  'APPLICATION.WRONG_OFFICE',
  'APPLICATION.NOT_OWN_APPLICATION',
  'APPLICATION.CALENDAR_REQUIRED',
  'APPLICATION.BAD_DEADLINE_RULE',
  'APPLICATION.PSF_RECORD_EXISTS',
  'APPLICATION.PSF_RECORD_CONFLICT',
] as const;

const DEFAULT_SCHEDULE: Readonly<Record<Channel, ScheduleInput>> = {
  akimat: 'akimat',
  psc: 'psc',
  online: 'akimat',
};

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const badInput = (message: string, details?: Record<string, unknown>) =>
  err('APPLICATION.BAD_INPUT', message, details);

function validateApplicant(applicant: Applicant): Result<Applicant> {
  const iin = parseIin(typeof applicant?.iin === 'string' ? applicant.iin : '');
  if (!iin.ok) return iin;
  if (!nonEmpty(applicant.surname) || !nonEmpty(applicant.name)) {
    return badInput('the applicant needs a surname and a name');
  }
  if (applicant.patronymic !== undefined && typeof applicant.patronymic !== 'string') {
    return badInput('the patronymic must be text');
  }
  const patronymic = applicant.patronymic?.trim();
  return ok({
    iin: applicant.iin,
    surname: applicant.surname.trim(),
    name: applicant.name.trim(),
    ...(patronymic ? { patronymic } : {}),
  });
}

/** Where an act happened, for the event row: a PSC's office id, else the officer's akimat KATO. */
const officeOf = (actor: Actor): string | null => actor.officeId ?? actor.kato ?? null;

function wrongOffice(where: string, expected: string | null, actor: Actor) {
  return err('APPLICATION.WRONG_OFFICE', `only ${where} that holds the application may do this`, {
    expected,
    actorOffice: officeOf(actor),
  });
}

function checkPsc(app: Application, actor: Actor): Result<true> {
  return app.pscOfficeId !== null && actor.officeId === app.pscOfficeId
    ? ok(true)
    : wrongOffice('the PSC', app.pscOfficeId, actor);
}

function checkAkimat(app: Application, actor: Actor): Result<true> {
  return app.akimatKato !== null && actor.kato === app.akimatKato
    ? ok(true)
    : wrongOffice('the akimat', app.akimatKato, actor);
}

function checkApplicant(iin: string, actor: Actor): Result<true> {
  return actor.iin === iin
    ? ok(true)
    : err('APPLICATION.NOT_OWN_APPLICATION', 'online, a citizen applies only for themselves (R-2, R-22)');
}

function checkDecider(app: Application, actor: Actor): Result<true> {
  return app.channel === 'online' ? checkApplicant(app.applicant.iin, actor) : checkAkimat(app, actor);
}

function makeEvent(
  app: Pick<Application, 'id'>,
  seq: number,
  action: ApplicationEvent['action'],
  fromStatus: ApplicationStatus | null,
  toStatus: ApplicationStatus,
  at: string,
  actor: Actor,
  details: Record<string, unknown>,
): ApplicationEvent {
  return {
    applicationId: app.id,
    seq,
    action,
    fromStatus,
    toStatus,
    at,
    actorId: actor.userId,
    actorRole: actor.role,
    officeId: officeOf(actor),
    details,
  };
}

/** The received state of a new application and its first event (`receive`, seq 1). */
export function receiveApplication(input: ReceiveInput, ctx: ActionContext): Result<Transition> {
  if (!nonEmpty(input?.id)) return badInput('an application needs an id');
  const channel = input.channel;
  if (channel !== 'akimat' && channel !== 'psc' && channel !== 'online') {
    return badInput('unknown channel', { channel });
  }
  const applicant = validateApplicant(input.applicant);
  if (!applicant.ok) return applicant;
  const atMs = parseInstant(ctx.at);
  if (!atMs.ok) return atMs;
  const at = formatInstant(atMs.value);

  let akimatKato: string | null = null;
  let pscOfficeId: string | null = null;
  let documents: Application['documents'] = null;
  if (input.channel === 'akimat') {
    if (!isKatoCode(input.akimatKato)) return badInput('the akimat is a nine-digit KATO code');
    if (ctx.actor.kato !== input.akimatKato) return wrongOffice('the akimat', input.akimatKato, ctx.actor);
    akimatKato = input.akimatKato;
    documents = { identity_document: input.identityDocumentShown === true };
  } else if (input.channel === 'psc') {
    if (!nonEmpty(input.pscOfficeId)) return badInput('a PSC application needs the office id');
    if (ctx.actor.officeId !== input.pscOfficeId) return wrongOffice('the PSC', input.pscOfficeId, ctx.actor);
    pscOfficeId = input.pscOfficeId;
  } else {
    const own = checkApplicant(applicant.value.iin, ctx.actor);
    if (!own.ok) return own;
  }

  // at the akimat and online the clock starts at receipt; at a PSC only when the documents are accepted.
  let deadline: Application['deadline'] = null;
  if (channel !== 'psc') {
    const rule = ctx.deadlineRules?.[channel] ?? DEFAULT_DEADLINE_RULES[channel];
    const d = computeDeadline(rule, atMs.value, ctx.calendar, ctx.schedule ?? DEFAULT_SCHEDULE[channel]);
    if (!d.ok) return d;
    deadline = d.value;
  }

  const application: Application = {
    id: input.id,
    channel,
    status: 'received',
    applicant: applicant.value,
    receivedAt: at,
    akimatKato,
    pscOfficeId,
    documents,
    deadline,
    decision: null,
    decidedAt: null,
    completedAt: null,
    handedOverAt: null,
    version: 1,
  };
  const event = makeEvent(application, 1, 'receive', null, 'received', at, ctx.actor, {
    channel,
    applicantIin: maskIin(applicant.value.iin),
    ...(akimatKato ? { akimatKato } : {}),
    ...(pscOfficeId ? { pscOfficeId } : {}),
    ...(documents ? { documents } : {}),
    ...(deadline ? { dueAt: deadline.dueAt } : {}),
  });
  return ok({ application, event });
}

interface Step {
  readonly patch: Partial<Application>;
  readonly details: Record<string, unknown>;
}

/**
 * One transition. Order of checks: a decision on a decided application is `APPLICATION.ALREADY_DECIDED` (409),
 * an action the channel's table does not allow in this status is `APPLICATION.INVALID_TRANSITION`; then the
 * office, then the action's own rules. The input value is never modified.
 */
export function applyAction(
  application: Application,
  action: ApplicationCommand,
  ctx: ActionContext,
): Result<Transition> {
  const type = action?.type as ApplicationAction;
  if (!(APPLICATION_ACTIONS as readonly string[]).includes(type)) {
    return err('APPLICATION.INVALID_TRANSITION', 'unknown action', { action: type });
  }
  if (DECIDING_ACTIONS.has(type) && application.decision !== null) {
    return err('APPLICATION.ALREADY_DECIDED', 'the application has already been decided', {
      status: application.status,
      decidedAt: application.decidedAt,
    });
  }
  const allowed = allowedActions(application.channel, application.status);
  if (!allowed.includes(type)) {
    return err('APPLICATION.INVALID_TRANSITION', `${type} is not allowed in status ${application.status}`, {
      channel: application.channel,
      status: application.status,
      action: type,
      allowed,
    });
  }
  const atMs = parseInstant(ctx.at);
  if (!atMs.ok) return atMs;
  const at = formatInstant(atMs.value);

  const step = stepFor(application, action, ctx, at, atMs.value);
  if (!step.ok) return step;
  const toStatus = ACTION_TARGET[type];
  const next: Application = {
    ...application,
    ...step.value.patch,
    status: toStatus,
    version: application.version + 1,
  };
  const event = makeEvent(
    application,
    next.version,
    type,
    application.status,
    toStatus,
    at,
    ctx.actor,
    step.value.details,
  );
  return ok({ application: next, event });
}

function stepFor(
  app: Application,
  action: ApplicationCommand,
  ctx: ActionContext,
  at: string,
  atMs: number,
): Result<Step> {
  const actor = ctx.actor;
  switch (action.type) {
    case 'issue_certificate': {
      const who = checkDecider(app, actor);
      if (!who.ok) return who;
      let akimatKato = app.akimatKato;
      if (app.channel === 'online') {
        if (!isKatoCode(action.akimatKato)) {
          return badInput('online, the certificate names the akimat that keeps the book (KATO)');
        }
        akimatKato = action.akimatKato;
      } else if (action.akimatKato !== undefined && action.akimatKato !== app.akimatKato) {
        return badInput('the certificate is issued by the akimat of the application', {
          expected: app.akimatKato,
        });
      }
      return certificateStep(app, action, akimatKato, at, true);
    }
    case 'refuse': {
      const who = checkDecider(app, actor);
      if (!who.ok) return who;
      const refusal = buildRefusal(app, action.refusal, atMs);
      if (!refusal.ok) return refusal;
      return refusalStep(action.documentNumber, refusal.value, at, true);
    }
    case 'check_documents': {
      const where = checkPsc(app, actor);
      if (!where.ok) return where;
      const given = action.documents ?? {};
      const unanswered = CHANNEL_DOCUMENTS.psc.filter((code) => typeof given[code] !== 'boolean');
      if (unanswered.length > 0) {
        return badInput('record every required document as present or absent (R-11)', { unanswered });
      }
      const documents: Partial<Record<DocumentCode, boolean>> = {};
      for (const code of CHANNEL_DOCUMENTS.psc) documents[code] = given[code] === true;
      return ok({
        patch: { documents },
        details: { documents, missing: missingDocuments('psc', documents) },
      });
    }
    case 'refuse_at_intake': {
      const where = checkPsc(app, actor);
      if (!where.ok) return where;
      const refusal = refusalForMissingDocuments(missingDocuments('psc', app.documents));
      if (!refusal.ok) return refusal;
      return refusalStep(action.documentNumber, refusal.value, at, true);
    }
    case 'accept': {
      const where = checkPsc(app, actor);
      if (!where.ok) return where;
      const missing = missingDocuments('psc', app.documents);
      if (missing.length > 0) return documentsIncomplete(missing);
      const rule = ctx.deadlineRules?.psc ?? DEFAULT_DEADLINE_RULES.psc;
      const deadline = computeDeadline(rule, atMs, ctx.calendar, ctx.schedule ?? DEFAULT_SCHEDULE.psc);
      if (!deadline.ok) return deadline;
      return ok({
        patch: { deadline: deadline.value },
        details: { rule, dueAt: deadline.value.dueAt, dueDate: deadline.value.dueDate },
      });
    }
    case 'send_to_akimat': {
      const where = checkPsc(app, actor);
      if (!where.ok) return where;
      if (!isKatoCode(action.akimatKato)) {
        return badInput('send the application to an akimat by its nine-digit KATO code');
      }
      return ok({ patch: { akimatKato: action.akimatKato }, details: { akimatKato: action.akimatKato } });
    }
    case 'decide': {
      const where = checkAkimat(app, actor);
      if (!where.ok) return where;
      const d = action.decision;
      if (d?.outcome === 'certificate') return certificateStep(app, d, app.akimatKato, at, false);
      if (d?.outcome === 'refusal') {
        const refusal = buildRefusal(app, d.refusal, atMs);
        if (!refusal.ok) return refusal;
        return refusalStep(d.documentNumber, refusal.value, at, false);
      }
      return badInput('a decision is a certificate or a refusal');
    }
    case 'return_to_psc': {
      const atAkimat = checkAkimat(app, actor);
      const atPsc = checkPsc(app, actor);
      if (!atAkimat.ok && !atPsc.ok) return atAkimat;
      return ok({ patch: { completedAt: at }, details: { pscOfficeId: app.pscOfficeId } });
    }
    case 'hand_over': {
      const where = checkPsc(app, actor);
      if (!where.ok) return where;
      const presented = parseIin(typeof action.presentedIin === 'string' ? action.presentedIin : '');
      if (!presented.ok) return presented;
      if (presented.value.iin !== app.applicant.iin) {
        return err('APPLICATION.HANDOVER_WRONG_PERSON', 'the result is handed only to the applicant (R-2)', {
          presentedIin: maskIin(presented.value.iin),
        });
      }
      return ok({ patch: { handedOverAt: at }, details: { presentedIin: maskIin(presented.value.iin) } });
    }
  }
}

function documentsIncomplete(missing: readonly DocumentCode[]) {
  return err(
    'APPLICATION.DOCUMENTS_INCOMPLETE',
    'required documents are missing (R-11): refuse on ground 1',
    {
      missing,
    },
  );
}

function certificateStep(
  app: Application,
  input: CertificateInput,
  akimatKato: string | null,
  at: string,
  completes: boolean,
): Result<Step> {
  const missing = missingDocuments(app.channel, app.documents);
  if (missing.length > 0) return documentsIncomplete(missing);
  if (!nonEmpty(input.documentNumber)) return badInput('a certificate needs its number');
  if (
    !nonEmpty(input.householdId) ||
    !Number.isInteger(input.householdVersion) ||
    input.householdVersion < 1
  ) {
    return badInput('a certificate cites the household and the version of the book it was read from');
  }
  if (akimatKato === null) return badInput('a certificate is issued by an akimat');
  const decision: Decision = {
    outcome: 'certificate',
    documentNumber: input.documentNumber,
    akimatKato,
    householdId: input.householdId,
    householdVersion: input.householdVersion,
  };
  return ok({
    patch: { decision, decidedAt: at, akimatKato, ...(completes ? { completedAt: at } : {}) },
    details: { decision },
  });
}

function refusalStep(documentNumber: string, refusal: Refusal, at: string, completes: boolean): Result<Step> {
  if (!nonEmpty(documentNumber)) return badInput('a refusal needs its number');
  const decision: Decision = { outcome: 'refusal', documentNumber, refusal };
  return ok({
    patch: { decision, decidedAt: at, ...(completes ? { completedAt: at } : {}) },
    details: { decision },
  });
}

/**
 * the documents are checked first. With a document missing only ground 1 applies; with all present only
 * ground 2 (the book has no PSF for the applicant).
 */
function buildRefusal(app: Application, input: RefusalInput, atMs: number): Result<Refusal> {
  const missing = missingDocuments(app.channel, app.documents);
  if (input?.ground === 'incomplete_documents') return refusalForMissingDocuments(missing);
  if (input?.ground !== 'no_psf_record')
    return badInput('a refusal names one of the two grounds of §16 (R-6)');
  if (missing.length > 0) return documentsIncomplete(missing);
  if (!(NO_RECORD_REASONS as readonly string[]).includes(input.reason)) {
    return badInput('ground 2 states why the book holds no PSF (a reason of findPsfRecord)', {
      reason: input.reason,
    });
  }
  let akimatKato = app.akimatKato;
  if (app.channel === 'online') {
    const given = input.akimatKato ?? null;
    if (given !== null && !isKatoCode(given)) return badInput('the akimat is a nine-digit KATO code');
    akimatKato = given;
  }
  return ok(noPsfRecord(input.reason, input.facts ?? {}, akimatKato, toCivil(atMs).date));
}
