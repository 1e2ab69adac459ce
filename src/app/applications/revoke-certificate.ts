/**
 * Issue 5, R-23: a certificate is revoked by the akimat that issued it, with who, when and why recorded; its
 * content never changes, and verification answers `revoked` from then on.
 */
import { revokeCertificate as revokeRule } from '../../domain/certificates';
import { err, ok, type Result } from '../../domain/shared/result';
import type { Deps, UserRecord } from '../ports';
import { denied, moment } from './context';
import { recordOf } from './correct-certificate';
import { type DocumentView, toDocumentView } from './views';

export async function revokeCertificate(
  deps: Deps,
  user: UserRecord,
  id: string,
  request: { readonly reason: string },
  ip: string | null,
): Promise<Result<DocumentView>> {
  return deps.uow.run(async (repos) => {
    const doc = await repos.documents.findForUpdate(id);
    if (!doc) return err('DOCUMENT.NOT_FOUND', 'no document with that id');
    const no = denied(user, 'document.revoke', { kato: doc.issuer });
    if (no) return no;
    if (doc.kind !== 'certificate')
      return err('CERTIFICATE.NOT_A_CERTIFICATE', 'only a certificate is revoked');
    const at = moment(deps);
    const revoked = revokeRule(recordOf(doc), { at: at.ms, by: user.id, reason: request.reason });
    if (!revoked.ok) return revoked;
    const revocation = revoked.value.revocation!;
    await repos.documents.markRevoked(doc.id, at.iso, revocation.reason);
    await repos.audit.append({
      actorId: user.id,
      actorRole: user.role,
      action: 'document.revoke',
      subjectType: 'document',
      subjectId: doc.id,
      ip,
      outcome: 'success',
      details: { number: doc.number, reason: revocation.reason },
    });
    return ok(
      toDocumentView({ ...doc, status: 'revoked', revokedAt: at.iso, revokeReason: revocation.reason }),
    );
  });
}
