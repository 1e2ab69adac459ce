/** the director's follow-up tasks opened by low survey scores (never shown to the official rated). */
import { decide } from '../../domain/access/policy';
import { err, ok, type Result } from '../../domain/shared/result';
import { toActor } from '../auth/user-view';
import type { Deps, FollowupTask, UserRecord } from '../ports';

export async function listFollowups(
  deps: Deps,
  user: UserRecord,
): Promise<Result<{ tasks: FollowupTask[] }>> {
  const d = decide(toActor(user), 'followup.read', { kato: user.territoryKato, officeId: user.officeId });
  if (!d.allowed) return err('SURVEY.FORBIDDEN', d.reason);
  return deps.uow.run(async (repos) => {
    const tasks =
      user.role === 'psc_director'
        ? await repos.surveys.followups({ officeId: user.officeId ?? '', limit: 200 })
        : await repos.surveys.followups({ withinKato: user.territoryKato ?? '', limit: 200 });
    return ok({ tasks });
  });
}
