/**
 * Sign-in (issue 2): a generic answer whether the user exists or not, throttled per username
 * (domain/auth/login-throttle.ts), every attempt audited, a database session on success.
 */
import { checkLoginThrottle, LOGIN_THROTTLE } from '../../domain/auth/login-throttle';
import { err, ok, type Result } from '../../domain/shared/result';
import type { Deps, UserRecord } from '../ports';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface SignInInput {
  readonly username: string;
  readonly password: string;
  readonly ip: string | null;
}

export interface SignedIn {
  readonly user: UserRecord;
  /** The cookie value; only its sha256 is stored. */
  readonly token: string;
  readonly expiresAt: Date;
}

export async function signIn(deps: Deps, input: SignInInput): Promise<Result<SignedIn>> {
  const username = input.username.trim().toLowerCase();
  const now = deps.clock.now();
  return deps.uow.run(async (repos) => {
    const failures = await repos.authFailures.since(
      username,
      new Date(now.getTime() - LOGIN_THROTTLE.windowMs),
    );
    const throttle = checkLoginThrottle(
      failures.map((d) => d.getTime()),
      now.getTime(),
    );
    if (!throttle.allowed) {
      await repos.audit.append({
        actorId: null,
        actorRole: null,
        action: 'auth.login',
        subjectType: 'username',
        subjectId: username,
        ip: input.ip,
        outcome: 'denied',
        details: { reason: 'throttled' },
      });
      return err('AUTH.TOO_MANY_ATTEMPTS', 'too many failed sign-ins; try again later', {
        retryAfterSeconds: throttle.retryAfterSeconds,
      });
    }
    const user = await repos.users.findByUsername(username);
    // For an unknown user, hash anyway: the answer takes as long, so its timing does not tell who exists.
    let valid = false;
    if (user?.active) valid = await deps.passwords.verify(user.passwordHash, input.password);
    else await deps.passwords.hash(input.password);
    if (!user || !valid) {
      await repos.authFailures.record(username, now);
      await repos.audit.append({
        actorId: user?.id ?? null,
        actorRole: user?.role ?? null,
        action: 'auth.login',
        subjectType: 'username',
        subjectId: username,
        ip: input.ip,
        outcome: 'failure',
      });
      return err('AUTH.INVALID_CREDENTIALS', 'the username or password is wrong');
    }
    const token = deps.ids.token();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await repos.sessions.insert({
      tokenHash: deps.hasher.sha256(token),
      userId: user.id,
      createdAt: now,
      expiresAt,
      revokedAt: null,
      ip: input.ip,
    });
    await repos.authFailures.clear(username);
    await repos.audit.append({
      actorId: user.id,
      actorRole: user.role,
      action: 'auth.login',
      subjectType: 'user',
      subjectId: user.id,
      ip: input.ip,
      outcome: 'success',
    });
    return ok({ user, token, expiresAt });
  });
}
