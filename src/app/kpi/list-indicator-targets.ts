/** Issue 8 (R-15, §19): the targets in force for a year, and every entry made for it (history), newest first. */
import { decide } from '../../domain/access/policy';
import type { Target } from '../../domain/kpi/targets';
import { err, ok, type Result } from '../../domain/shared/result';
import { toActor } from '../auth/user-view';
import type { Deps, TargetEntry, UserRecord } from '../ports';

export async function listIndicatorTargets(
  deps: Deps,
  user: UserRecord,
  year: number,
): Promise<Result<{ year: number; current: Target[]; history: TargetEntry[] }>> {
  // Targets are national: anyone who reads indicators in their own territory reads them.
  const actor = toActor(user);
  const access = decide(actor, 'kpi.read', { kato: actor.kato, officeId: actor.officeId });
  if (!access.allowed) return err('AUTH.FORBIDDEN', access.reason);
  const [current, history] = await deps.uow.run((repos) =>
    Promise.all([repos.kpiTargets.current([year]), repos.kpiTargets.history(year)]),
  );
  return ok({ year, current, history });
}
