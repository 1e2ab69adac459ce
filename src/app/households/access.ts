import { type Action, decide } from '../../domain/access/policy';
import { toCivil } from '../../domain/calendar';
import type { ChangeMeta } from '../../domain/household/versions';
import type { PlainDate } from '../../domain/shared/plain-date';
import { type Err, err } from '../../domain/shared/result';
import { toActor } from '../auth/user-view';
import type { Deps, UserRecord } from '../ports';

/** may this user do `action` on a household of the book kept by `akimatKato`? */
export function checkHouseholdAccess(user: UserRecord, action: Action, akimatKato: string): Err | undefined {
  const d = decide(toActor(user), action, { kato: akimatKato });
  return d.allowed ? undefined : err('AUTH.FORBIDDEN', d.reason);
}

/** Today's civil date in Asia/Almaty: instants are converted once, at the edge (DESIGN.md). */
export function civilToday(deps: Pick<Deps, 'clock'>): PlainDate {
  return toCivil(deps.clock.now().getTime()).date;
}

export function changeMeta(deps: Pick<Deps, 'clock'>, user: UserRecord, reason: string): ChangeMeta {
  const now = deps.clock.now();
  return {
    recordedOn: toCivil(now.getTime()).date,
    recordedAt: now.toISOString(),
    recordedBy: user.id,
    reason,
  };
}
