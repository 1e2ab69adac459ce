/**
 * Issue 5, R-23: an issued certificate never changes. A correction re-reads the issuing akimat's book and issues
 * a NEW certificate (next number of the sequence, new signed QR) that names the one it replaces; the old one is
 * marked superseded by it. Only the issuing akimat's officers; the reason is stated and audited.
 */
import { supersedeCertificate, type IssuedRecord } from '../../domain/certificates';
import { err, ok, type Result } from '../../domain/shared/result';
import { fail, toErr } from '../errors';
import type { Deps, IssuedDocument, UserRecord } from '../ports';
import { denied, loadReference, moment } from './context';
import { certificateContent, readBook } from './decide-by-book';
import { signQr, storeDocument, takeNumber } from './issue-document';
import { type DocumentView, toDocumentView } from './views';

export function recordOf(d: IssuedDocument): IssuedRecord {
  const supersedes = (d.content as { supersedes?: unknown }).supersedes;
  return {
    number: d.number,
    issuedAt: d.issuedAt,
    supersedes: typeof supersedes === 'string' ? supersedes : null,
    supersededBy:
      d.status === 'superseded' ? { number: d.supersededBy ?? '', at: d.issuedAt, by: '', reason: '' } : null,
    revocation:
      d.status === 'revoked' ? { at: d.revokedAt ?? d.issuedAt, by: '', reason: d.revokeReason ?? '' } : null,
  };
}

export async function correctCertificate(
  deps: Deps,
  user: UserRecord,
  id: string,
  request: { readonly reason: string },
  ip: string | null,
): Promise<Result<{ document: DocumentView; superseded: DocumentView }>> {
  const ref = await loadReference(deps);
  try {
    return await deps.uow.run(async (repos) => {
      const old = await repos.documents.findForUpdate(id);
      if (!old) return err('DOCUMENT.NOT_FOUND', 'no document with that id');
      const no = denied(user, 'document.correct', { kato: old.issuer });
      if (no) return no;
      if (old.kind !== 'certificate') {
        return err(
          'CERTIFICATE.NOT_A_CERTIFICATE',
          'only a certificate is corrected; a refusal is answered anew',
        );
      }
      const app = await repos.applications.findById(old.applicationId);
      if (!app) return err('APPLICATION.NOT_FOUND', 'the application of the document is missing');
      const at = moment(deps);
      const book = await readBook(repos, old.applicantIin.trim(), at, old.issuer);
      if (!book.ok) return book;
      if (book.value.outcome !== 'certificate') {
        return err(
          'CERTIFICATE.NO_PSF_RECORD',
          'the book no longer holds a PSF for the applicant: revoke instead',
          {
            reason: book.value.refusal.reason,
          },
        );
      }
      const record = book.value.record;
      const n = await takeNumber(repos, 'certificate', old.issuer, at);
      const change = { at: at.ms, by: user.id, reason: request.reason };
      const checked = supersedeCertificate(
        recordOf(old),
        { number: n.number, issuedAt: at.iso, supersedes: old.number, supersededBy: null, revocation: null },
        change,
      );
      if (!checked.ok) fail(checked.error.code, checked.error.message, { ...checked.error.details });
      const qr = signQr(deps, n, app.applicant, at);
      const electronic = (old.content as { electronic?: unknown }).electronic === true;
      const content = await certificateContent(deps, ref, repos, user, app, record, n, qr, at, {
        supersedes: old.number,
        ...(electronic ? { electronic } : {}),
      });
      const fresh = await storeDocument(deps, repos, {
        number: n,
        applicationId: app.id,
        applicantIin: app.applicant.iin,
        at,
        issuedBy: user.id,
        content,
        qr,
      });
      await repos.documents.markSuperseded(old.id, fresh.id);
      await repos.audit.append({
        actorId: user.id,
        actorRole: user.role,
        action: 'document.correct',
        subjectType: 'document',
        subjectId: old.id,
        ip,
        outcome: 'success',
        details: { number: old.number, supersededBy: fresh.number, reason: request.reason.trim() },
      });
      return ok({
        document: toDocumentView(fresh),
        superseded: toDocumentView({ ...old, status: 'superseded', supersededBy: fresh.id }),
      });
    });
  } catch (e) {
    const known = toErr(e);
    if (known) return known;
    throw e;
  }
}
