/**
 * Issue 8 (R-15, §19): the ministry enters the target value of an indicator for a year. Every entry is kept
 * (history); the latest is in force. One transaction with its audit row.
 */
import { decide } from '../../domain/access/policy';
import { toCivil } from '../../domain/calendar/civil-time';
import { checkTarget, type Target, type TargetInput } from '../../domain/kpi/targets';
import { err, ok, type Result } from '../../domain/shared/result';
import { toActor } from '../auth/user-view';
import type { Deps, UserRecord } from '../ports';

export async function setIndicatorTarget(
  deps: Deps,
  user: UserRecord,
  input: TargetInput,
  ip: string | null,
): Promise<Result<Target & { setAt: string }>> {
  const access = decide(toActor(user), 'kpi.targets.write');
  if (!access.allowed) return err('AUTH.FORBIDDEN', access.reason);
  const now = deps.clock.now();
  const currentYear = Number(toCivil(now.getTime()).date.slice(0, 4));
  const target = checkTarget(input, currentYear);
  if (!target.ok) return target;
  await deps.uow.run(async (repos) => {
    await repos.kpiTargets.append(target.value, user.id, now);
    await repos.audit.append({
      actorId: user.id,
      actorRole: user.role,
      action: 'kpi.target.set',
      subjectType: 'kpi_target',
      subjectId: `${target.value.year}:${target.value.code}`,
      ip,
      outcome: 'success',
      details: { ...target.value },
    });
  });
  return ok({ ...target.value, setAt: now.toISOString() });
}
