/**
 * a signed-in citizen applies online for themselves (the IIN is the session's, never typed) and gets the
 * electronic certificate at once when a book holds the PSF record — numbered by the akimat that keeps the book —
 * or the reasoned refusal on ground 2 (numbered by that akimat, or `online` when the applicant is in no book).
 */
import { type Applicant, receiveApplication } from '../../domain/applications';
import { err, ok, type Result } from '../../domain/shared/result';
import { toErr } from '../errors';
import type { Deps, UserRecord } from '../ports';
import { actionContext, akimatOf, denied, loadReference, moment } from './context';
import { issueCertificate, issueRefusal, readBook, recordDecision, SYSTEM_ISSUER } from './decide-by-book';
import type { ActResult } from './views';

export interface OnlineRequest {
  readonly surname?: string | undefined;
  readonly name?: string | undefined;
  readonly patronymic?: string | undefined;
}

/** The name the citizen typed, else the household book's, else the account's display name ("Name Surname"). */
function applicantOf(user: UserRecord, iin: string, request: OnlineRequest, fromBook?: Applicant): Applicant {
  if (request.surname && request.name) {
    return {
      iin,
      surname: request.surname,
      name: request.name,
      ...(request.patronymic ? { patronymic: request.patronymic } : {}),
    };
  }
  if (fromBook) return fromBook;
  const [first = user.displayName, ...rest] = user.displayName.trim().split(/\s+/);
  return { iin, surname: rest.length > 0 ? rest.join(' ') : first, name: first };
}

export async function applyOnline(
  deps: Deps,
  user: UserRecord,
  request: OnlineRequest,
  ip: string | null,
): Promise<Result<ActResult>> {
  const iin = user.iin;
  const no = denied(user, 'application.online.create', { ownerIin: iin });
  if (no || iin === null) return no ?? err('AUTH.FORBIDDEN', 'only a signed-in citizen applies online');
  const ref = await loadReference(deps);
  try {
    return await deps.uow.run(async (repos) => {
      const at = moment(deps);
      const ctx = actionContext(ref, user, at);
      const book = await readBook(repos, iin, at, null);
      if (!book.ok) return book;
      const answer = book.value;
      const member = answer.outcome === 'certificate' ? answer.record.member : undefined;
      const applicant = applicantOf(
        user,
        iin,
        request,
        member
          ? {
              iin,
              surname: member.surname,
              name: member.name,
              ...(member.patronymic ? { patronymic: member.patronymic } : {}),
            }
          : undefined,
      );
      const received = receiveApplication({ channel: 'online', id: deps.ids.uuid(), applicant }, ctx);
      if (!received.ok) return received;
      const app = received.value.application;
      // The application is new: it is inserted once, already decided (insertDecided), with this event.
      const receivedEvent = received.value.event;
      const deciding = { deps, ref, repos, user, app, ctx, at };
      let issued: Awaited<ReturnType<typeof issueCertificate>>;
      if (answer.outcome === 'certificate') {
        issued = await issueCertificate(
          deciding,
          answer.record,
          (n) => ({
            type: 'issue_certificate',
            documentNumber: n.number,
            householdId: answer.record.householdId,
            householdVersion: answer.record.version,
            akimatKato: answer.record.household.akimatKato,
          }),
          { electronic: true, received: receivedEvent },
        );
      } else {
        const akimatKato = answer.akimatKato;
        const issuer = akimatKato
          ? { code: akimatKato, name: (await akimatOf(ref, repos, akimatKato)).name, akimatKato }
          : { code: 'online', name: SYSTEM_ISSUER, akimatKato: null };
        issued = await issueRefusal(
          deciding,
          issuer,
          (n) => ({ type: 'refuse', documentNumber: n.number, refusal: { ...answer.refusal, akimatKato } }),
          { received: receivedEvent },
        );
      }
      return ok(await recordDecision(repos, { user, ip, action: 'application.online' }, app, issued, at));
    });
  } catch (e) {
    const known = toErr(e);
    if (known) return known;
    throw e;
  }
}
