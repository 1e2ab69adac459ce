/**
 * The pure part of the service pages (issue 5, item 4): the API's shapes (docs/api-applications.md), the
 * applicant form checked in the browser with the domain's own rules (the IIN's check digit, R-3) before
 * anything is sent, and the mapping of the server's coded answers to the field they concern.
 */
import type {
  ApplicationAction,
  ApplicationStatus,
  Channel,
  RefusalGroundCode,
} from '../domain/applications/application';
import { parseIin } from '../domain/iin/iin';
import type { ApiError } from './api';

export type Flag = 'ok' | 'amber' | 'red';
export type DocumentKind = 'certificate' | 'refusal' | 'receipt';
export type DocumentStatus = 'valid' | 'revoked' | 'superseded';
/** The languages an issued document prints in. */
export const DOCUMENT_LANGUAGES = ['kk', 'ru'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

export interface DocumentView {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly number: string;
  readonly issuedAt: string;
  readonly status: DocumentStatus;
  readonly supersededBy: string | null;
  readonly revokedAt: string | null;
  readonly revokeReason: string | null;
  readonly pdfUrl: string;
}

export interface ApplicationSummary {
  readonly id: string;
  readonly channel: Channel;
  readonly status: ApplicationStatus;
  readonly applicantName: string;
  readonly applicantIinMasked: string;
  readonly receivedAt: string;
  readonly akimatKato: string | null;
  readonly pscOfficeId: string | null;
  readonly dueAt: string | null;
  readonly amberAt: string | null;
  readonly flag: Flag;
  readonly outcome: 'certificate' | 'refusal' | null;
  readonly documentNumber: string | null;
  readonly decidedAt: string | null;
  readonly completedAt: string | null;
  readonly handedOverAt: string | null;
  readonly version: number;
}

export interface ApplicationView extends ApplicationSummary {
  readonly applicant: { iin: string; surname: string; name: string; patronymic?: string };
  readonly documents: Readonly<Record<string, boolean>> | null;
  readonly refusalGround: RefusalGroundCode | null;
  readonly allowedActions: readonly ApplicationAction[];
}

export interface ActResult {
  readonly application: ApplicationView;
  readonly document: DocumentView | null;
}

export interface EventView {
  readonly seq: number;
  readonly action: string;
  readonly fromStatus: string | null;
  readonly toStatus: string;
  readonly at: string;
  readonly actorId: string;
  readonly actorRole: string;
  readonly actorName?: string | null;
  readonly officeId: string | null;
}

export interface ApplicationDetail {
  readonly application: ApplicationView;
  readonly events: readonly EventView[];
  readonly documents: readonly DocumentView[];
}

export interface ApplicationList {
  readonly total: number;
  readonly applications: readonly ApplicationSummary[];
}

/** The stages of `GET /api/v1/applications?view=`. */
export const LIST_VIEWS = ['all', 'inbox', 'in_progress', 'ready', 'intake'] as const;
export type ListView = (typeof LIST_VIEWS)[number];

export const listPath = (view: ListView, limit = 50): string =>
  `/api/v1/applications?view=${view}&limit=${limit}`;

/** The A4 PDF of an issued document in one of its two languages. */
export const pdfHref = (doc: Pick<DocumentView, 'pdfUrl'>, lang: DocumentLanguage): string =>
  `${doc.pdfUrl}?lang=${lang}`;

/** Flags are shown with a symbol and words, never colour alone (WCAG 1.4.1). */
export const FLAG_SYMBOL: Readonly<Record<Flag, string>> = { ok: '✓', amber: '⚠', red: '✖' };

// ---- The applicant form --------------------------------------------------------------------------------

export interface ApplicantDraft {
  readonly iin: string;
  readonly surname: string;
  readonly name: string;
  readonly patronymic: string;
}

export const EMPTY_APPLICANT: ApplicantDraft = { iin: '', surname: '', name: '', patronymic: '' };

/** Field → error codes; `iin` carries the domain's IIN codes (`IIN.BAD_CHECK_DIGIT`, …). */
export type FieldIssues = ReadonlyMap<string, readonly string[]>;

/** The IIN's own check (format, date, check digit), as the server will make it; null when valid. */
export function iinIssue(iin: string): string | null {
  const parsed = parseIin(iin.trim());
  return parsed.ok ? null : parsed.error.code;
}

/** Checks the form as the server will (R-3 check digit, names required), so that nothing bad is sent. */
export function applicantIssues(draft: ApplicantDraft): FieldIssues {
  const issues = new Map<string, string[]>();
  const iin = iinIssue(draft.iin);
  if (iin) issues.set('iin', [iin]);
  if (draft.surname.trim() === '') issues.set('surname', ['APPLICATION.MISSING_NAME']);
  if (draft.name.trim() === '') issues.set('name', ['APPLICATION.MISSING_NAME']);
  return issues;
}

/** The request body's `applicant`. */
export function applicantBody(draft: ApplicantDraft) {
  const patronymic = draft.patronymic.trim();
  return {
    iin: draft.iin.trim(),
    surname: draft.surname.trim(),
    name: draft.name.trim(),
    ...(patronymic ? { patronymic } : {}),
  };
}

/**
 * Where a server error belongs: an IIN code at the IIN field (`iinField`), a VALIDATION_FAILED issue at the
 * field its path names (`applicant.surname` → `surname`); anything else has no field and goes to the alert.
 */
export function fieldIssuesOf(error: ApiError, iinField = 'iin'): FieldIssues {
  const issues = new Map<string, string[]>();
  if (error.code.startsWith('IIN.')) issues.set(iinField, [error.code]);
  if (error.code === 'APPLICATION.HANDOVER_WRONG_PERSON') issues.set(iinField, [error.code]);
  if (error.code === 'VALIDATION_FAILED') {
    for (const f of error.fieldIssues) {
      const field = f.path.replace(/^applicant\./, '');
      if (field !== '') issues.set(field, ['VALIDATION_FAILED']);
    }
  }
  return issues;
}

/** A KATO code as the send request takes it. */
export const isKato = (value: string): boolean => /^\d{9}$/.test(value.trim());
