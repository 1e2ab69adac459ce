/** Open a household with its whole history (issue 4): audited as a read of personal data. */
import type { Household } from '../../domain/household/household';
import { householdAsOf, type HouseholdVersion } from '../../domain/household/versions';
import type { PlainDate } from '../../domain/shared/plain-date';
import { err, ok, type Result } from '../../domain/shared/result';
import type { Deps, UserRecord } from '../ports';
import { checkHouseholdAccess, civilToday } from './access';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface HouseholdView {
  readonly id: string;
  readonly version: number;
  readonly asOf: PlainDate;
  readonly household: Household;
  readonly history: readonly (Omit<HouseholdVersion, 'household'> & {
    /** The display name of the user who recorded the version; null for `system` or an unknown id. */
    readonly recordedByName: string | null;
  })[];
}

export async function getHousehold(
  deps: Deps,
  user: UserRecord,
  householdId: string,
  asOf: PlainDate | undefined,
  ip: string | null,
): Promise<Result<HouseholdView>> {
  return deps.uow.run(async (repos) => {
    const versions = await repos.households.versionsOf(householdId);
    const latest = versions.at(-1);
    if (!latest) return err('HOUSEHOLD.NOT_FOUND', 'no household with that id');
    const denied = checkHouseholdAccess(user, 'household.read', latest.household.akimatKato);
    if (denied) {
      await repos.audit.append({
        actorId: user.id,
        actorRole: user.role,
        action: 'household.read',
        subjectType: 'household',
        subjectId: householdId,
        ip,
        outcome: 'denied',
      });
      return denied;
    }
    const day = asOf ?? civilToday(deps);
    const shown = householdAsOf(versions, day);
    if (!shown)
      return err('HOUSEHOLD.NOT_YET_RECORDED', 'the household was not in the book on that day', {
        asOf: day,
      });
    await repos.audit.append({
      actorId: user.id,
      actorRole: user.role,
      action: 'household.read',
      subjectType: 'household',
      subjectId: householdId,
      ip,
      outcome: 'success',
      details: { version: shown.version },
    });
    // Who recorded each version, by name (the history's "who"); a book has a handful of distinct authors.
    const names = new Map<string, string | null>();
    for (const id of new Set(versions.map((v) => v.recordedBy))) {
      names.set(id, UUID.test(id) ? ((await repos.users.findById(id))?.displayName ?? null) : null);
    }
    return ok({
      id: householdId,
      version: shown.version,
      asOf: day,
      household: shown.household,
      history: versions.map(({ household: _h, ...meta }) => ({
        ...meta,
        recordedByName: names.get(meta.recordedBy) ?? null,
      })),
    });
  });
}
