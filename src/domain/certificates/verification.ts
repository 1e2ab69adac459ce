/**
 * what anyone holding a certificate (a bank, a social assistance office) is told when they check it — by
 * its QR code (`POST /api/v1/verify/qr`) or by number + IIN (`GET /api/v1/verify`). The answer is minimal: the
 * number, kind, date, issuing akimat, the holder's initials and the last four digits of the IIN — never the full
 * IIN, never the document's content — and its status, with the reason and date of a revocation or the number of
 * the certificate that replaced it.
 */
import { civilParts, initialsOf } from './format-text';
import type { PlainDate } from '../shared/plain-date';
import type { DomainError } from '../shared/result';
import type { CertificateStatus, VerificationStatus } from './certificate-status';
import type { QrFields } from './qr-payload';

/** What the database holds about an issued document, as the verifier reads it (adapters fill it). */
export interface StoredDocument {
  readonly kind: 'certificate' | 'refusal';
  readonly number: string;
  /** The akimat's KATO code (or a PSC's office id for a refusal at intake). */
  readonly issuer: string;
  /** Epoch milliseconds. */
  readonly issuedAt: number;
  readonly applicantIin: string;
  /** "Surname Name Patronymic" as the application recorded it. */
  readonly applicantName: string;
  /** The signed QR text printed on the document, if any: its initials are the ones the holder saw. */
  readonly qrFields: QrFields | null;
  readonly status: CertificateStatus;
  readonly revokedAt: number | null;
  readonly revokeReason: string | null;
  readonly supersededBy: { readonly number: string; readonly issuedAt: number } | null;
}

/** The public, minimal view of a document (no full IIN: ). */
export interface PublicDocument {
  readonly number: string;
  readonly kind: 'certificate' | 'refusal';
  readonly issuedOn: PlainDate;
  readonly issuer: string;
  readonly initials: string;
  /** `********0017`. */
  readonly iinMasked: string;
  readonly status: CertificateStatus;
  readonly revoked: { readonly on: PlainDate; readonly reason: string } | null;
  readonly supersededBy: { readonly number: string; readonly issuedOn: PlainDate } | null;
}

export interface VerificationAnswer {
  readonly status: VerificationStatus;
  readonly document: PublicDocument | null;
}

/** Initials of a full name as written ("Әбдіғалиева Гүлнұр Құрманғазықызы" → "ӘГҚ"). */
export function initialsOfFullName(fullName: string): string {
  const [surname = '', name = '', ...rest] = fullName.trim().split(/\s+/u);
  return initialsOf({ surname, name, patronymic: rest.join(' ') });
}

export function maskedIin(last4: string): string {
  return `********${last4}`;
}

const civilDate = (ms: number): PlainDate => civilParts(ms).date;

export function publicDocument(doc: StoredDocument): PublicDocument {
  return {
    number: doc.number,
    kind: doc.kind,
    issuedOn: civilDate(doc.issuedAt),
    issuer: doc.issuer,
    initials: doc.qrFields?.initials ?? initialsOfFullName(doc.applicantName),
    iinMasked: maskedIin(doc.applicantIin.slice(-4)),
    status: doc.status,
    revoked:
      doc.status === 'revoked' && doc.revokedAt !== null
        ? { on: civilDate(doc.revokedAt), reason: doc.revokeReason ?? '' }
        : null,
    supersededBy:
      doc.status === 'superseded' && doc.supersededBy !== null
        ? { number: doc.supersededBy.number, issuedOn: civilDate(doc.supersededBy.issuedAt) }
        : null,
  };
}

/**
 * The answer to a scanned QR whose signature verified: `unknown` when no document has that number, or when the
 * one that has it does not match what was signed (another IIN or issuer — a payload signed elsewhere).
 */
export function answerForQr(fields: QrFields, doc: StoredDocument | undefined): VerificationAnswer {
  if (
    doc === undefined ||
    doc.number !== fields.number ||
    doc.issuer !== fields.issuer ||
    doc.applicantIin.slice(-4) !== fields.iinLast4
  ) {
    return { status: 'unknown', document: null };
  }
  return { status: doc.status, document: publicDocument(doc) };
}

/** The answer to number + IIN: `unknown` unless both match one document, so a guess learns nothing. */
export function answerForNumber(
  number: string,
  iin: string,
  doc: StoredDocument | undefined,
): VerificationAnswer {
  if (doc === undefined || doc.number !== number || doc.applicantIin !== iin) {
    return { status: 'unknown', document: null };
  }
  return { status: doc.status, document: publicDocument(doc) };
}

export const INVALID_SIGNATURE_ANSWER: VerificationAnswer = { status: 'invalid_signature', document: null };

/** Reasons of `QR.BAD_FORMAT` that mean "this is not one of our codes at all" (a wrong QR, not a forgery). */
const NOT_OUR_CODE = new Set(['not text', 'too long', 'no code in the text', 'shape']);

/**
 * A scanned text that is not a Qosalqy code at all (another QR, a web link) is the reader's mistake: 422. One
 * that has the shape of our code but does not parse or verify — a changed letter in the payload, a cut
 * signature — has been tampered with: `invalid_signature`.
 */
export function qrFailureKind(error: DomainError): 'not_our_code' | 'invalid_signature' {
  if (error.code === 'QR.UNSUPPORTED_VERSION') return 'not_our_code';
  if (error.code === 'QR.BAD_FORMAT') {
    const reason = error.details?.reason;
    return typeof reason === 'string' && NOT_OUR_CODE.has(reason) ? 'not_our_code' : 'invalid_signature';
  }
  return 'invalid_signature';
}
