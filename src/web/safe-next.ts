/**
 * Where to go after signing in: the `next` query parameter, but only a path inside this app, so that a
 * crafted link cannot send someone to another site once they have typed their password (an open redirect).
 */
export function safeNext(next: string | null, fallback = '/home'): string {
  if (!next?.startsWith('/')) return fallback;
  // `//host` and `/\host` are both read by browsers as another host.
  if (next[1] === '/' || next[1] === '\\') return fallback;
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return fallback;
  return next;
}
