/**
 * Read-only: issued documents as a verifier sees them. Written with plain SQL over issued_documents and
 * applications (migration 0004); the issuing side (the service use cases) owns the writes.
 */
import { type Kysely, sql } from 'kysely';
import type { IssuedDocumentLookup } from '../../../app/ports';
import type { CertificateStatus } from '../../../domain/certificates/certificate-status';
import { parseQrText } from '../../../domain/certificates/qr-payload';
import type { StoredDocument } from '../../../domain/certificates/verification';
import type { Database } from '../schema';

interface Row {
  kind: 'certificate' | 'refusal';
  number: string;
  issuer: string;
  issued_at: Date | string;
  applicant_iin: string;
  applicant_name: string | null;
  qr_text: string | null;
  status: CertificateStatus;
  revoked_at: Date | string | null;
  revoke_reason: string | null;
  new_number: string | null;
  new_issued_at: Date | string | null;
}

const ms = (d: Date | string) => new Date(d).getTime();

function toStored(r: Row): StoredDocument {
  const qr = r.qr_text === null ? null : parseQrText(r.qr_text);
  return {
    kind: r.kind,
    number: r.number,
    issuer: r.issuer,
    issuedAt: ms(r.issued_at),
    applicantIin: r.applicant_iin.trim(),
    applicantName: r.applicant_name ?? '',
    qrFields: qr?.ok ? qr.value.fields : null,
    status: r.status,
    revokedAt: r.revoked_at === null ? null : ms(r.revoked_at),
    revokeReason: r.revoke_reason,
    supersededBy:
      r.new_number !== null && r.new_issued_at !== null
        ? { number: r.new_number, issuedAt: ms(r.new_issued_at) }
        : null,
  };
}

export function documentLookupRepository(db: Kysely<Database>): IssuedDocumentLookup {
  const select = async (number: string, iin: string | null) => {
    const rows = await sql<Row>`
      select d.kind, d.number, d.issuer, d.issued_at, d.applicant_iin, a.applicant_name, d.qr_text, d.status,
             d.revoked_at, d.revoke_reason, n.number as new_number, n.issued_at as new_issued_at
        from issued_documents d
        left join applications a on a.id = d.application_id
        left join issued_documents n on n.id = d.superseded_by
       where d.number = ${number}
         and d.kind in ('certificate', 'refusal') -- a PSC receipt (migration 0005) is not something to verify
         and (${iin}::text is null or d.applicant_iin = ${iin})`.execute(db);
    const row = rows.rows[0];
    return row && toStored(row);
  };
  return {
    byNumber: (number) => select(number, null),
    byNumberAndIin: (number, iin) => select(number, iin),
  };
}
