/**
 * Add, edit, close or reopen a household (issue 4): the domain makes the new version (validation, history
 * rules), the repository appends it in one transaction with the audit row. Only the akimat's own officer
 * may change its book.
 */
import type { Household } from '../../domain/household/household';
import {
  closeHousehold,
  createHousehold,
  type HouseholdVersion,
  reopenHousehold,
  reviseHousehold,
} from '../../domain/household/versions';
import type { PlainDate } from '../../domain/shared/plain-date';
import { err, ok, type Result } from '../../domain/shared/result';
import { toErr } from '../errors';
import type { Deps, Repositories, UserRecord } from '../ports';
import { changeMeta, checkHouseholdAccess } from './access';

export type HouseholdChangeRequest =
  | { readonly kind: 'create'; readonly household: Household; readonly reason: string }
  | {
      readonly kind: 'edit';
      readonly householdId: string;
      readonly expectedVersion: number;
      readonly household: Household;
      readonly reason: string;
    }
  | {
      readonly kind: 'close';
      readonly householdId: string;
      readonly expectedVersion: number;
      readonly closedOn: PlainDate;
      readonly reason: string;
    }
  | {
      readonly kind: 'reopen';
      readonly householdId: string;
      readonly expectedVersion: number;
      readonly reason: string;
    };

async function openElsewhere(repos: Repositories, household: Household, householdId: string | null) {
  const memberships = await repos.households.openMemberships(household.members.map((m) => m.iin));
  return new Set(memberships.filter((m) => m.householdId !== householdId).map((m) => m.iin));
}

export async function changeHousehold(
  deps: Deps,
  user: UserRecord,
  request: HouseholdChangeRequest,
  ip: string | null,
): Promise<Result<{ householdId: string; version: number }>> {
  try {
    return await deps.uow.run(async (repos) => {
      const meta = changeMeta(deps, user, request.reason);
      let next: Result<HouseholdVersion>;
      if (request.kind === 'create') {
        const denied = checkHouseholdAccess(user, 'household.write', request.household.akimatKato);
        if (denied) return denied;
        const existing = await repos.households.findIdByAccount(
          request.household.akimatKato,
          request.household.bookNumber,
          request.household.accountNumber,
        );
        if (existing)
          return err('HOUSEHOLD.ACCOUNT_EXISTS', 'that book and account number are taken', {
            householdId: existing,
          });
        const ctx = {
          species: deps.species,
          openIinsElsewhere: await openElsewhere(repos, request.household, null),
        };
        next = createHousehold(deps.ids.timeOrderedUuid(), request.household, meta, ctx);
      } else {
        const history = await repos.households.versionsOf(request.householdId);
        const latest = history.at(-1);
        if (!latest) return err('HOUSEHOLD.NOT_FOUND', 'no household with that id');
        const denied = checkHouseholdAccess(user, 'household.write', latest.household.akimatKato);
        if (denied) return denied;
        if (latest.version !== request.expectedVersion) {
          return err('HOUSEHOLD.CONFLICT', 'the household was changed by someone else; reload it', {
            currentVersion: latest.version,
          });
        }
        const target = request.kind === 'edit' ? request.household : latest.household;
        const ctx = {
          species: deps.species,
          openIinsElsewhere: await openElsewhere(repos, target, request.householdId),
        };
        next =
          request.kind === 'edit'
            ? reviseHousehold(history, request.household, meta, ctx)
            : request.kind === 'close'
              ? closeHousehold(history, request.closedOn, meta, ctx)
              : reopenHousehold(history, meta, ctx);
      }
      if (!next.ok) return next;
      await repos.households.saveVersions([next.value]);
      await repos.audit.append({
        actorId: user.id,
        actorRole: user.role,
        action: `household.${request.kind}`,
        subjectType: 'household',
        subjectId: next.value.householdId,
        ip,
        outcome: 'success',
        details: { version: next.value.version },
      });
      return ok({ householdId: next.value.householdId, version: next.value.version });
    });
  } catch (e) {
    const known = toErr(e);
    if (known) return known;
    throw e;
  }
}
