/**
 * Issued documents and their numbers (issue 5; ). Numbers come from document_sequences in
 * the issuing transaction: one INSERT … ON CONFLICT DO UPDATE … RETURNING takes the row lock, so concurrent
 * issuers of one akimat wait for each other and a rolled-back issue gives its number back (no gaps, no reuse).
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { DocumentRepository, IssuedDocument } from '../../../app/ports';
import type { Application } from '../../../domain/applications';
import type { Database, IssuedDocumentsTable } from '../schema';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

function toDocument(r: Selectable<IssuedDocumentsTable>): IssuedDocument {
  return {
    id: r.id,
    kind: r.kind as IssuedDocument['kind'],
    number: r.number,
    issuer: r.issuer,
    year: r.year,
    seq: r.seq,
    applicationId: r.application_id,
    applicantIin: r.applicant_iin,
    issuedAt: iso(r.issued_at)!,
    issuedBy: r.issued_by,
    content: (typeof r.content === 'string' ? JSON.parse(r.content) : r.content) as Record<string, unknown>,
    keyId: r.key_id,
    qrText: r.qr_text,
    status: r.status as IssuedDocument['status'],
    supersededBy: r.superseded_by,
    revokedAt: iso(r.revoked_at),
    revokeReason: r.revoke_reason,
  };
}

export function documentsRepository(db: Kysely<Database>): DocumentRepository {
  return {
    async nextSeq(issuer, kind, year) {
      const row = await sql<{ last_seq: number }>`
        insert into document_sequences (issuer, kind, year, last_seq) values (${issuer}, ${kind}, ${year}, 1)
        on conflict (issuer, kind, year) do update set last_seq = document_sequences.last_seq + 1
        returning last_seq`.execute(db);
      return Number(row.rows[0]!.last_seq);
    },

    async insert(d) {
      await db
        .insertInto('issued_documents')
        .values({
          id: d.id,
          kind: d.kind,
          number: d.number,
          issuer: d.issuer,
          year: d.year,
          seq: d.seq,
          application_id: d.applicationId,
          applicant_iin: d.applicantIin,
          issued_at: d.issuedAt,
          issued_by: d.issuedBy,
          content: JSON.stringify(d.content),
          key_id: d.keyId,
          qr_text: d.qrText,
          status: d.status,
          superseded_by: d.supersededBy,
          revoked_at: d.revokedAt,
          revoke_reason: d.revokeReason,
        })
        .execute();
    },

    async findById(id) {
      const r = await db.selectFrom('issued_documents').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toDocument(r) : undefined;
    },

    async findWithApplication(id) {
      const r = await db
        .selectFrom('issued_documents as d')
        .innerJoin('applications as a', 'a.id', 'd.application_id')
        .selectAll('d')
        .select('a.state as application_state')
        .where('d.id', '=', id)
        .executeTakeFirst();
      if (!r) return undefined;
      const { application_state: state, ...document } = r;
      return {
        document: toDocument(document),
        application: (typeof state === 'string' ? JSON.parse(state) : state) as Application,
      };
    },

    async findForUpdate(id) {
      const r = await db
        .selectFrom('issued_documents')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      return r ? toDocument(r) : undefined;
    },

    async findByNumber(number) {
      const r = await db
        .selectFrom('issued_documents')
        .selectAll()
        .where('number', '=', number)
        .executeTakeFirst();
      return r ? toDocument(r) : undefined;
    },

    async ofApplication(applicationId) {
      const rows = await db
        .selectFrom('issued_documents')
        .selectAll()
        .where('application_id', '=', applicationId)
        .orderBy('issued_at')
        .orderBy('number')
        .execute();
      return rows.map(toDocument);
    },

    async markSuperseded(id, supersededBy) {
      await db
        .updateTable('issued_documents')
        .set({ status: 'superseded', superseded_by: supersededBy })
        .where('id', '=', id)
        .execute();
    },

    async markRevoked(id, at, reason) {
      await db
        .updateTable('issued_documents')
        .set({ status: 'revoked', revoked_at: at, revoke_reason: reason })
        .where('id', '=', id)
        .execute();
    },
  };
}
