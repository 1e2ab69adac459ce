/**
 * the PSC sends an accepted application to the akimat that keeps the applicant's household book — found
 * from the book (the open household the applicant belongs to, else the last one that listed them) unless the
 * operator names it. The operator learns only the akimat's code, nothing of the book.
 */
import { err, ok, type Result } from '../../domain/shared/result';
import type { Deps, Repositories, UserRecord } from '../ports';
import { advance } from './advance';
import type { ActResult } from './views';

export async function bookKeeperOf(repos: Repositories, iin: string): Promise<string | undefined> {
  const versions = await repos.households.versionsForIin(iin);
  const latest = new Map<string, (typeof versions)[number]>();
  for (const v of versions) {
    const seen = latest.get(v.householdId);
    if (!seen || seen.version < v.version) latest.set(v.householdId, v);
  }
  const candidates = [...latest.values()].filter((v) => v.household.members.some((m) => m.iin === iin));
  const open = candidates.find(
    (v) => v.household.status === 'open' && v.household.members.some((m) => m.iin === iin && !m.leftOn),
  );
  return (open ?? candidates.at(-1))?.household.akimatKato;
}

export async function sendToAkimat(
  deps: Deps,
  user: UserRecord,
  id: string,
  request: { readonly akimatKato?: string | undefined },
  ip: string | null,
): Promise<Result<ActResult>> {
  return advance(
    deps,
    user,
    id,
    {
      action: 'application.psc.intake',
      resource: (app) => ({ officeId: app.pscOfficeId }),
      audit: 'application.psc.send',
      command: async (app, repos) => {
        const akimatKato = request.akimatKato ?? (await bookKeeperOf(repos, app.applicant.iin));
        if (!akimatKato) {
          return err(
            'APPLICATION.AKIMAT_REQUIRED',
            "the applicant is in no household book: name the akimat of the applicant's residence",
          );
        }
        return ok({ type: 'send_to_akimat', akimatKato });
      },
    },
    ip,
  );
}
