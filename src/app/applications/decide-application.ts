/**
 * the akimat that keeps the book decides an application a PSC sent it — its own book read for
 * the applicant as of today: the certificate, or the reasoned refusal on ground 2. Only that akimat's officers
 * (403 otherwise); a decided application is `APPLICATION.ALREADY_DECIDED` (409). Two officers deciding at once
 * are served one after the other (the row is read FOR UPDATE), so exactly one succeeds and numbers stay gapless.
 */
import { err, ok, type Result } from '../../domain/shared/result';
import { toErr } from '../errors';
import type { Deps, UserRecord } from '../ports';
import { actionContext, akimatOf, denied, loadReference, moment } from './context';
import { issueCertificate, issueRefusal, readBook, recordDecision } from './decide-by-book';
import type { ActResult } from './views';

export async function decideApplication(
  deps: Deps,
  user: UserRecord,
  id: string,
  ip: string | null,
): Promise<Result<ActResult>> {
  const ref = await loadReference(deps);
  try {
    return await deps.uow.run(async (repos) => {
      const app = await repos.applications.findForUpdate(id);
      if (!app) return err('APPLICATION.NOT_FOUND', 'no application with that id');
      const no = denied(user, 'application.akimat.decide', { kato: app.akimatKato });
      if (no) {
        await repos.audit.append({
          actorId: user.id,
          actorRole: user.role,
          action: 'application.decide',
          subjectType: 'application',
          subjectId: app.id,
          ip,
          outcome: 'denied',
        });
        return no;
      }
      if (app.decision !== null) {
        return err('APPLICATION.ALREADY_DECIDED', 'the application has already been decided', {
          status: app.status,
          decidedAt: app.decidedAt,
        });
      }
      if (app.status !== 'sent_to_akimat' || app.akimatKato === null) {
        return err('APPLICATION.INVALID_TRANSITION', `decide is not allowed in status ${app.status}`, {
          status: app.status,
        });
      }
      const akimatKato = app.akimatKato;
      const at = moment(deps);
      const ctx = actionContext(ref, user, at, 'akimat');
      const book = await readBook(repos, app.applicant.iin, at, akimatKato);
      if (!book.ok) return book;
      const answer = book.value;
      const issuer = { code: akimatKato, name: (await akimatOf(ref, repos, akimatKato)).name, akimatKato };
      const deciding = { deps, ref, repos, user, app, ctx, at };
      const issued =
        answer.outcome === 'certificate'
          ? await issueCertificate(deciding, answer.record, (n) => ({
              type: 'decide',
              decision: {
                outcome: 'certificate',
                documentNumber: n.number,
                householdId: answer.record.householdId,
                householdVersion: answer.record.version,
              },
            }))
          : await issueRefusal(deciding, issuer, (n) => ({
              type: 'decide',
              decision: { outcome: 'refusal', documentNumber: n.number, refusal: answer.refusal },
            }));
      return ok(await recordDecision(repos, { user, ip, action: 'application.decide' }, app, issued, at));
    });
  } catch (e) {
    const known = toErr(e);
    if (known) return known;
    throw e;
  }
}
