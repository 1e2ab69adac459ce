/**
 * R-23 and issue 5: an issued document never changes. A correction issues a new document (a new number) that
 * supersedes the old one; a revocation records who, when and why. Both are new facts beside the unchanged
 * content — the values here are what the database stores in issued_documents (status, superseded_by,
 * revoked_at, revoke_reason).
 */
import { type InstantInput, formatInstant, parseInstant } from '../calendar/index';
import { err, ok, type Result } from '../shared/result';

export type CertificateStatus = 'valid' | 'revoked' | 'superseded';

/** What a verifier answers (issue 5: `POST /api/v1/verify/qr`, `GET /api/v1/verify`). */
export type VerificationStatus = CertificateStatus | 'invalid_signature' | 'unknown';

export interface Revocation {
  readonly at: string;
  readonly by: string;
  readonly reason: string;
}

export interface Supersession {
  /** The number of the certificate that replaces this one. */
  readonly number: string;
  readonly at: string;
  readonly by: string;
  readonly reason: string;
}

export interface IssuedRecord {
  readonly number: string;
  readonly issuedAt: string;
  /** The number of the certificate this one corrects, if it is a correction. */
  readonly supersedes: string | null;
  readonly supersededBy: Supersession | null;
  readonly revocation: Revocation | null;
}

export interface StatusChange {
  readonly at: InstantInput;
  /** The official's user id. */
  readonly by: string;
  readonly reason: string;
}

export const MAX_REASON_LENGTH = 1000;

/** A revocation outranks a supersession: a revoked certificate says so even if a correction also exists. */
export function certificateStatus(
  record: Pick<IssuedRecord, 'revocation' | 'supersededBy'>,
): CertificateStatus {
  if (record.revocation !== null) return 'revoked';
  if (record.supersededBy !== null) return 'superseded';
  return 'valid';
}

/**
 * What to answer a verifier: `invalid_signature` when the QR's signature fails (whatever the database holds),
 * `unknown` when no document has that number (or its IIN does not match, so a guess learns nothing), else the
 * document's status.
 */
export function verificationStatus(
  signatureValid: boolean,
  record: Pick<IssuedRecord, 'revocation' | 'supersededBy'> | undefined,
): VerificationStatus {
  if (!signatureValid) return 'invalid_signature';
  if (record === undefined) return 'unknown';
  return certificateStatus(record);
}

function checkChange(record: IssuedRecord, change: StatusChange): Result<{ at: string }> {
  if (record.revocation !== null) {
    return err('CERTIFICATE.ALREADY_REVOKED', 'the certificate is already revoked', {
      number: record.number,
    });
  }
  if (record.supersededBy !== null) {
    return err(
      'CERTIFICATE.ALREADY_SUPERSEDED',
      'the certificate has been replaced; act on the replacement',
      {
        number: record.number,
        supersededBy: record.supersededBy.number,
      },
    );
  }
  const reason = typeof change.reason === 'string' ? change.reason.trim() : '';
  if (reason === '' || reason.length > MAX_REASON_LENGTH) {
    return err('CERTIFICATE.REASON_REQUIRED', `state the reason (1–${MAX_REASON_LENGTH} characters)`);
  }
  if (typeof change.by !== 'string' || change.by === '') {
    return err('CERTIFICATE.BAD_INPUT', 'name the official who makes the change');
  }
  const at = parseInstant(change.at);
  return at.ok ? ok({ at: formatInstant(at.value) }) : at;
}

/** The certificate as revoked. The input is not modified. */
export function revokeCertificate(record: IssuedRecord, change: StatusChange): Result<IssuedRecord> {
  const checked = checkChange(record, change);
  if (!checked.ok) return checked;
  return ok({ ...record, revocation: { at: checked.value.at, by: change.by, reason: change.reason.trim() } });
}

/**
 * A correction: `replacement` is the newly issued certificate (its own number from the sequence, its own
 * content); the old one is marked superseded by it and the new one records what it supersedes.
 */
export function supersedeCertificate(
  record: IssuedRecord,
  replacement: IssuedRecord,
  change: StatusChange,
): Result<{ readonly old: IssuedRecord; readonly replacement: IssuedRecord }> {
  const checked = checkChange(record, change);
  if (!checked.ok) return checked;
  if (replacement.number === record.number) {
    return err('CERTIFICATE.SAME_NUMBER', 'a correction is a new certificate with a new number', {
      number: record.number,
    });
  }
  if (replacement.supersedes !== null && replacement.supersedes !== record.number) {
    return err('CERTIFICATE.BAD_INPUT', 'the replacement already corrects another certificate', {
      supersedes: replacement.supersedes,
    });
  }
  return ok({
    old: {
      ...record,
      supersededBy: {
        number: replacement.number,
        at: checked.value.at,
        by: change.by,
        reason: change.reason.trim(),
      },
    },
    replacement: { ...replacement, supersedes: record.number },
  });
}
