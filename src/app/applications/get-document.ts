/**
 * One issued document for printing (issue 5): only for those who may read its application (R-14: its akimat,
 * its PSC, the district and oblast above, or the applicant), and the read is audited.
 */
import { err, ok, type Result } from '../../domain/shared/result';
import type { Deps, IssuedDocument, UserRecord } from '../ports';
import { readDenied } from './context';

export async function getDocument(
  deps: Deps,
  user: UserRecord,
  id: string,
  ip: string | null,
): Promise<Result<IssuedDocument>> {
  return deps.uow.run(async (repos) => {
    const doc = await repos.documents.findById(id);
    const app = doc ? await repos.applications.findById(doc.applicationId) : undefined;
    if (!doc || !app) return err('DOCUMENT.NOT_FOUND', 'no document with that id');
    const no = readDenied(user, app);
    await repos.audit.append({
      actorId: user.id,
      actorRole: user.role,
      action: 'document.read',
      subjectType: 'document',
      subjectId: doc.id,
      ip,
      outcome: no ? 'denied' : 'success',
      details: { number: doc.number, kind: doc.kind },
    });
    return no ?? ok(doc);
  });
}
