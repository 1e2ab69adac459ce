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
  // Two statements, each on its own (UnitOfWork.read): the document with its application, then the audit row of
  // the read — nothing is written but that row, so nothing needs a transaction around both. The document is
  // returned only once its read is on record.
  const found = await deps.uow.read((repos) => repos.documents.findWithApplication(id));
  if (!found) return err('DOCUMENT.NOT_FOUND', 'no document with that id');
  const { document: doc, application: app } = found;
  const no = readDenied(user, app);
  await deps.uow.read((repos) =>
    repos.audit.append({
      actorId: user.id,
      actorRole: user.role,
      action: 'document.read',
      subjectType: 'document',
      subjectId: doc.id,
      ip,
      outcome: no ? 'denied' : 'success',
      details: { number: doc.number, kind: doc.kind },
    }),
  );
  return no ?? ok(doc);
}
