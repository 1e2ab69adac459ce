/**
 * Export of an akimat's book (issue 4, item 3): the current version of every household, streamed page by page
 * so a large book never sits whole in memory. Checked and audited as a read of personal data.
 */
import type { Household } from '../../domain/household/household';
import type { Result } from '../../domain/shared/result';
import { ok } from '../../domain/shared/result';
import type { Deps, UserRecord } from '../ports';
import { checkHouseholdAccess } from './access';

export async function openHouseholdBookExport(
  deps: Deps,
  user: UserRecord | null,
  akimatKato: string,
  format: 'csv' | 'xlsx',
  ip: string | null,
): Promise<Result<AsyncIterable<Household>>> {
  if (user) {
    const denied = checkHouseholdAccess(user, 'household.read', akimatKato);
    if (denied) return denied;
  }
  await deps.uow.run((repos) =>
    repos.audit.append({
      actorId: user?.id ?? null,
      actorRole: user?.role ?? 'cli',
      action: 'household.export',
      subjectType: 'akimat',
      subjectId: akimatKato,
      ip,
      outcome: 'success',
      details: { format },
    }),
  );
  async function* households(): AsyncIterable<Household> {
    let after: string | null = null;
    for (;;) {
      const page = await deps.uow.run((repos) => repos.households.currentVersions(akimatKato, after, 500));
      if (page.length === 0) return;
      for (const v of page) yield v.household;
      after = page[page.length - 1]!.householdId;
    }
  }
  return ok(households());
}
