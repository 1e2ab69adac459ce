/**
 * Sign-in throttling (issue 2, bad input): the 6th failed sign-in for one username within 15 minutes is refused
 * with 429 until the oldest of those failures leaves the window. Counted per username, not per address, so a
 * guesser cannot rotate addresses; a generic answer, so it tells nothing about whether the user exists.
 */
export const LOGIN_THROTTLE = { maxFailures: 5, windowMs: 15 * 60 * 1000 } as const;

export type ThrottleDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

/** `failuresAt`: epoch ms of this username's failed attempts (any order); `now`: epoch ms. */
export function checkLoginThrottle(
  failuresAt: readonly number[],
  now: number,
  rule: { maxFailures: number; windowMs: number } = LOGIN_THROTTLE,
): ThrottleDecision {
  const recent = failuresAt.filter((t) => t > now - rule.windowMs && t <= now).sort((a, b) => a - b);
  if (recent.length < rule.maxFailures) return { allowed: true };
  // The attempt becomes possible again when enough failures have left the window.
  const unlockAt = recent[recent.length - rule.maxFailures]! + rule.windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((unlockAt - now) / 1000)) };
}
