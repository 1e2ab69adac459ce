/**
 * The lookup behind every certificate (issue 4, item 4; ): the household where the IIN is a member,
 * with its land and livestock as of a date, or "no record" (refusal ground 2). Pure rule in
 * domain/household/psf-lookup; this reads every version of every household that ever listed the IIN.
 */
import { findPsfRecord, type PsfLookup } from '../../domain/household/psf-lookup';
import type { PlainDate } from '../../domain/shared/plain-date';
import { ok, type Result } from '../../domain/shared/result';
import type { Deps, Repositories, UserRecord } from '../ports';
import { checkHouseholdAccess } from './access';

export async function lookupPsfRecord(repos: Repositories, iin: string, asOf: PlainDate): Promise<PsfLookup> {
  return findPsfRecord(await repos.households.versionsForIin(iin), iin, asOf);
}

/**
 * An officer's lookup by IIN, audited as a read of personal data whatever it finds — allowed or denied by
 * the household's akimat (or the officer's own territory when there is none). Two statements, each on its own
 * (UnitOfWork.read), as a document's read: nothing is written but the audit row, and the answer is returned only
 * once that row is on record. Two round trips fewer than a transaction around both (BEGIN, COMMIT) — the lookup
 * is the officer's most frequent request.
 */
export async function lookupForOfficer(
  deps: Deps,
  user: UserRecord,
  iin: string,
  asOf: PlainDate,
  ip: string | null,
): Promise<Result<PsfLookup>> {
  const found = await deps.uow.read((repos) => lookupPsfRecord(repos, iin, asOf));
  const akimat = found.kind === 'found' ? found.record.household.akimatKato : (user.territoryKato ?? '');
  const denied = checkHouseholdAccess(user, 'household.read', akimat);
  await deps.uow.read((repos) =>
    repos.audit.append({
      actorId: user.id,
      actorRole: user.role,
      action: 'household.lookup',
      subjectType: found.kind === 'found' ? 'household' : 'lookup',
      subjectId: found.kind === 'found' ? found.record.householdId : null,
      ip,
      outcome: denied ? 'denied' : 'success',
      details: { result: found.kind },
    }),
  );
  return denied ?? ok(found);
}
