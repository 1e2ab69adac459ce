import { decide } from '../../domain/access/policy';
import { err, ok, type Result } from '../../domain/shared/result';
import { toActor } from '../auth/user-view';
import type { Deps, UserRecord } from '../ports';
import { applyCalendarChange, type CalendarChange } from './calendar-change';

/** An admin adds a transfer, a Kurban Ait date or a year; validated against the calendar in force, audited. */
/** `user` null: the CLI on the server itself (an operator with database access), audited as such. */
export async function addCalendarChange(
  deps: Deps,
  user: UserRecord | null,
  change: CalendarChange,
  ip: string | null,
): Promise<Result<{ coverage: { from: string; to: string } }>> {
  if (user) {
    const access = decide(toActor(user), 'calendar.write');
    if (!access.allowed) return err('AUTH.FORBIDDEN', access.reason);
  }
  const next = applyCalendarChange(await deps.calendar.current(), change);
  if (!next.ok) return next;
  await deps.uow.run(async (repos) => {
    await repos.calendarChanges.append(change, user?.id ?? null);
    await repos.audit.append({
      actorId: user?.id ?? null,
      actorRole: user?.role ?? 'cli',
      action: `calendar.${change.type}`,
      subjectType: 'calendar',
      subjectId:
        change.type === 'year'
          ? String(change.spec.year)
          : change.type === 'transfer'
            ? change.off
            : change.date,
      ip,
      outcome: 'success',
      details: { change },
    });
  });
  deps.calendar.invalidate();
  return ok({ coverage: next.value.coverage });
}
