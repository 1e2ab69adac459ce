import type { Deps, UserRecord } from '../ports';

/** The user behind a session cookie, or undefined when it is unknown, expired, revoked or the user is disabled. */
export async function resolveSession(deps: Deps, token: string): Promise<UserRecord | undefined> {
  if (!token || token.length > 200) return undefined;
  return deps.uow.run(async (repos) => {
    const session = await repos.sessions.findActive(deps.hasher.sha256(token), deps.clock.now());
    if (!session) return undefined;
    const user = await repos.users.findById(session.userId);
    return user?.active ? user : undefined;
  });
}
