import type { Deps, UserRecord } from '../ports';

export async function signOut(deps: Deps, token: string, user: UserRecord, ip: string | null): Promise<void> {
  await deps.uow.run(async (repos) => {
    await repos.sessions.revoke(deps.hasher.sha256(token), deps.clock.now());
    await repos.audit.append({
      actorId: user.id,
      actorRole: user.role,
      action: 'auth.logout',
      subjectType: 'user',
      subjectId: user.id,
      ip,
      outcome: 'success',
    });
  });
}
