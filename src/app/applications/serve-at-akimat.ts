/**
 * The akimat counter (R-7 §7: served in the same visit; R-11 §11: an oral request and the identity card shown).
 * One request, one transaction: receive → read the akimat's own book → the certificate or the reasoned
 * refusal (R-6: ground 1 without the identity card, ground 2 without a PSF record) → number → document with the
 * signed QR → audit.
 */
import { type Applicant, type RefusalInput, receiveApplication } from '../../domain/applications';
import { parseIin } from '../../domain/iin/iin';
import { ok, type Result } from '../../domain/shared/result';
import { toErr } from '../errors';
import type { Deps, UserRecord } from '../ports';
import { actionContext, akimatOf, denied, loadReference, moment } from './context';
import { type Issued, issueCertificate, issueRefusal, readBook, recordDecision } from './decide-by-book';
import type { ActResult } from './views';

export interface AkimatServiceRequest {
  readonly applicant: Applicant;
  /** the applicant showed the identity card; without it the answer is a refusal on ground 1. */
  readonly identityDocumentShown: boolean;
}

export async function serveAtAkimat(
  deps: Deps,
  user: UserRecord,
  request: AkimatServiceRequest,
  ip: string | null,
): Promise<Result<ActResult>> {
  const iin = parseIin(request.applicant.iin);
  if (!iin.ok) return iin;
  const akimatKato = user.territoryKato;
  const no = denied(user, 'application.akimat.decide', { kato: akimatKato });
  if (no || akimatKato === null || user.role !== 'akimat_officer') {
    return (
      no ?? { ok: false, error: { code: 'AUTH.FORBIDDEN', message: 'only an akimat officer serves here' } }
    );
  }
  const ref = await loadReference(deps);
  try {
    return await deps.uow.run(async (repos) => {
      const at = moment(deps);
      const ctx = actionContext(ref, user, at, 'akimat');
      const received = receiveApplication(
        {
          channel: 'akimat',
          id: deps.ids.uuid(),
          applicant: request.applicant,
          akimatKato,
          identityDocumentShown: request.identityDocumentShown,
        },
        ctx,
      );
      if (!received.ok) return received;
      const app = received.value.application;
      const akimat = await akimatOf(ref, repos, akimatKato);
      const issuer = { code: akimatKato, name: akimat.name, akimatKato };

      // The application is new: it is inserted once, already decided (insertDecided), with this event.
      const options = { received: received.value.event };
      const deciding = { deps, ref, repos, user, app, ctx, at };
      const refuse = (refusal: RefusalInput) =>
        issueRefusal(
          deciding,
          issuer,
          (n) => ({ type: 'refuse', documentNumber: n.number, refusal }),
          options,
        );
      let issued: Issued;
      if (!request.identityDocumentShown) {
        issued = await refuse({ ground: 'incomplete_documents' });
      } else {
        const book = await readBook(repos, app.applicant.iin, at, akimatKato);
        if (!book.ok) return book;
        const answer = book.value;
        issued =
          answer.outcome === 'certificate'
            ? await issueCertificate(
                deciding,
                answer.record,
                (n) => ({
                  type: 'issue_certificate',
                  documentNumber: n.number,
                  householdId: answer.record.householdId,
                  householdVersion: answer.record.version,
                }),
                options,
              )
            : await refuse(answer.refusal);
      }
      return ok(
        await recordDecision(repos, { user, ip, action: 'application.akimat.serve' }, app, issued, at),
      );
    });
  } catch (e) {
    const known = toErr(e);
    if (known) return known;
    throw e;
  }
}
