/** Open a household with its whole history (issue 4): audited as a read of personal data. */
import type { Household } from '../../domain/household/household';
import { householdAsOf, type HouseholdVersion } from '../../domain/household/versions';
import type { PlainDate } from '../../domain/shared/plain-date';
import { err, ok, type Result } from '../../domain/shared/result';
import type { Deps, UserRecord } from '../ports';
import { checkHouseholdAccess, civilToday } from './access';

export interface HouseholdView {
  readonly id: string;
  readonly version: number;
  readonly asOf: PlainDate;
  readonly household: Household;
  readonly history: readonly Omit<HouseholdVersion, 'household'>[];
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
    return ok({
      id: householdId,
      version: shown.version,
      asOf: day,
      household: shown.household,
      history: versions.map(({ household: _h, ...meta }) => meta),
    });
  });
}
