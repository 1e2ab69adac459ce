/**
 * Issued documents for verification tests, written the way the issuing side stores them: an application
 * row, then the issued_documents row with its QR text signed by the real key ring. Revocation and supersession
 * set the columns the service's use cases set.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/adapters/db/database';
import type { KeyRing } from '../../src/adapters/system/signing-keys';
import { buildQrText, encodeQrPayload, makeQrFields } from '../../src/domain/certificates/qr-payload';
import { parseDocumentNumber } from '../../src/domain/certificates/document-number';
import type { PlainDate } from '../../src/domain/shared/plain-date';

export interface TestDocument {
  readonly id: string;
  readonly number: string;
  readonly iin: string;
  readonly qrText: string;
}

export interface TestDocumentInput {
  readonly number: string;
  readonly iin: string;
  readonly person?: { surname: string; name: string; patronymic?: string };
  /** An instant, e.g. 2026-11-25T10:05:00+05:00. */
  readonly issuedAt?: string;
  readonly kind?: 'certificate' | 'refusal';
  readonly baseUrl?: string;
}

export async function insertIssuedDocument(
  db: Db,
  keyRing: KeyRing,
  input: TestDocumentInput,
): Promise<TestDocument> {
  const parsed = parseDocumentNumber(input.number);
  if (!parsed.ok) throw new Error(`bad number ${input.number}`);
  const { issuer, year, seq } = parsed.value;
  const person = input.person ?? { surname: 'Сәрсенбаева', name: 'Бибігүл', patronymic: 'Қайратқызы' };
  const issuedAt = input.issuedAt ?? `${year}-11-25T10:05:00+05:00`;
  const fields = makeQrFields({
    number: parsed.value.text,
    iin: input.iin,
    person,
    issuer,
    issuedOn: issuedAt.slice(0, 10) as PlainDate,
    keyId: keyRing.activeKeyId,
  });
  if (!fields.ok) throw new Error(`bad QR fields: ${JSON.stringify(fields.error)}`);
  const qrText = buildQrText(
    fields.value,
    keyRing.sign(encodeQrPayload(fields.value)),
    input.baseUrl ?? 'http://127.0.0.1',
  );
  const applicationId = randomUUID();
  const id = randomUUID();
  const name = [person.surname, person.name, person.patronymic].filter(Boolean).join(' ');
  await db.kysely.transaction().execute(async (trx) => {
    await sql`insert into applications (id, channel, status, applicant_iin, applicant_name, akimat_kato,
                received_at, decided_at, state)
              values (${applicationId}, 'akimat', 'certificate_issued', ${input.iin}, ${name}, ${issuer},
                ${issuedAt}, ${issuedAt}, '{}'::jsonb)`.execute(trx);
    await sql`insert into issued_documents (id, kind, number, issuer, year, seq, application_id, applicant_iin,
                issued_at, issued_by, content, key_id, qr_text)
              values (${id}, ${input.kind ?? 'certificate'}, ${parsed.value.text}, ${issuer}, ${year}, ${seq},
                ${applicationId}, ${input.iin}, ${issuedAt}, 'test', '{}'::jsonb, ${keyRing.activeKeyId},
                ${qrText})`.execute(trx);
  });
  return { id, number: parsed.value.text, iin: input.iin, qrText };
}

export async function revokeIssuedDocument(
  db: Db,
  doc: TestDocument,
  reason: string,
  at: string,
): Promise<void> {
  await sql`update issued_documents set status = 'revoked', revoked_at = ${at}, revoke_reason = ${reason}
            where id = ${doc.id}`.execute(db.kysely);
}

export async function supersedeIssuedDocument(
  db: Db,
  old: TestDocument,
  replacement: TestDocument,
): Promise<void> {
  await sql`update issued_documents set status = 'superseded', superseded_by = ${replacement.id}
            where id = ${old.id}`.execute(db.kysely);
}
