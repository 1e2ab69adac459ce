import type { Deps, UserRecord } from '../ports';

/** The user behind a session cookie, or undefined when it is unknown, expired, revoked or the user is disabled. */
export async function resolveSession(deps: Deps, token: string): Promise<UserRecord | undefined> {
  if (!token || token.length > 200) return undefined;
  // One statement, no transaction: this runs before every authenticated request.
  const user = await deps.uow.read((repos) =>
    repos.sessions.findActiveUser(deps.hasher.sha256(token), deps.clock.now()),
  );
  return user?.active ? user : undefined;
}
