/**
 * What the API shows of applications and documents (issue 5). Lists show the IIN masked; the detail view of an
 * application shows it whole to those allowed to read it. Flags: amber at 75 % of the time, red overdue.
 */
import {
  type Application,
  type ApplicationAction,
  allowedActions,
  type DeadlineFlag,
  deadlineFlag,
} from '../../domain/applications';
import { maskIin } from '../../domain/iin/iin';
import type { ApplicationEvent } from '../../domain/applications';
import type { IssuedDocument } from '../ports';

export interface DocumentView {
  readonly id: string;
  readonly kind: IssuedDocument['kind'];
  readonly number: string;
  readonly issuedAt: string;
  readonly status: IssuedDocument['status'];
  readonly supersededBy: string | null;
  readonly revokedAt: string | null;
  readonly revokeReason: string | null;
  /** `GET` it with `?lang=kk|ru` for the printable A4 PDF. */
  readonly pdfUrl: string;
}

export function toDocumentView(d: IssuedDocument): DocumentView {
  return {
    id: d.id,
    kind: d.kind,
    number: d.number,
    issuedAt: d.issuedAt,
    status: d.status,
    supersededBy: d.supersededBy,
    revokedAt: d.revokedAt,
    revokeReason: d.revokeReason,
    pdfUrl: `/api/v1/documents/${d.id}.pdf`,
  };
}

export interface ApplicationSummary {
  readonly id: string;
  readonly channel: Application['channel'];
  readonly status: Application['status'];
  readonly applicantName: string;
  readonly applicantIinMasked: string;
  readonly receivedAt: string;
  readonly akimatKato: string | null;
  readonly pscOfficeId: string | null;
  readonly dueAt: string | null;
  readonly amberAt: string | null;
  readonly flag: DeadlineFlag;
  readonly outcome: 'certificate' | 'refusal' | null;
  readonly documentNumber: string | null;
  readonly decidedAt: string | null;
  readonly completedAt: string | null;
  readonly handedOverAt: string | null;
  readonly version: number;
}

export interface ApplicationView extends ApplicationSummary {
  readonly applicant: Application['applicant'];
  readonly documents: Application['documents'];
  readonly refusalGround: 'incomplete_documents' | 'no_psf_record' | null;
  readonly allowedActions: readonly ApplicationAction[];
}

function nameOf(a: Application): string {
  return [a.applicant.surname, a.applicant.name, a.applicant.patronymic].filter(Boolean).join(' ');
}

export function toSummary(a: Application, nowMs: number): ApplicationSummary {
  return {
    id: a.id,
    channel: a.channel,
    status: a.status,
    applicantName: nameOf(a),
    applicantIinMasked: maskIin(a.applicant.iin),
    receivedAt: a.receivedAt,
    akimatKato: a.akimatKato,
    pscOfficeId: a.pscOfficeId,
    dueAt: a.deadline?.dueAt ?? null,
    amberAt: a.deadline?.amberAt ?? null,
    flag: deadlineFlag(a, nowMs),
    outcome: a.decision?.outcome ?? null,
    documentNumber: a.decision?.documentNumber ?? null,
    decidedAt: a.decidedAt,
    completedAt: a.completedAt,
    handedOverAt: a.handedOverAt,
    version: a.version,
  };
}

export function toView(a: Application, nowMs: number): ApplicationView {
  return {
    ...toSummary(a, nowMs),
    applicant: a.applicant,
    documents: a.documents,
    refusalGround: a.decision?.outcome === 'refusal' ? a.decision.refusal.ground : null,
    allowedActions: allowedActions(a.channel, a.status),
  };
}

/** Events as the API shows them: every hand-off with time, person and office. */
/** An event row; `actorName` is the acting user's display name (R-13: who), null when unknown. */
export function toEventView(e: ApplicationEvent, actorName: string | null = null) {
  return {
    seq: e.seq,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    at: e.at,
    actorId: e.actorId,
    actorRole: e.actorRole,
    actorName,
    officeId: e.officeId,
  };
}

/** The result of an act that issued a document (or none). */
export interface ActResult {
  readonly application: ApplicationView;
  readonly document: DocumentView | null;
}
