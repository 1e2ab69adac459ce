import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLoginThrottle } from './login-throttle';

const MIN = 60_000;
describe('checkLoginThrottle', () => {
  it('allows up to five failures within 15 minutes, refuses the sixth attempt', () => {
    const now = 100 * MIN;
    const four = [now - 10 * MIN, now - 5 * MIN, now - 3 * MIN, now - MIN];
    expect(checkLoginThrottle(four, now)).toEqual({ allowed: true });
    const five = [...four, now - 1000];
    expect(checkLoginThrottle(five, now)).toEqual({ allowed: false, retryAfterSeconds: 5 * 60 });
  });

  it('forgets failures older than the window', () => {
    const now = 100 * MIN;
    const old = [now - 20 * MIN, now - 19 * MIN, now - 18 * MIN, now - 17 * MIN, now - 16 * MIN];
    expect(checkLoginThrottle(old, now).allowed).toBe(true);
  });

  it('retry-after always lands where the attempt is allowed again', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 * MIN }), { maxLength: 12 }), (offsets) => {
        const now = 30 * MIN;
        const d = checkLoginThrottle(offsets, now);
        if (!d.allowed)
          expect(checkLoginThrottle(offsets, now + d.retryAfterSeconds * 1000).allowed).toBe(true);
      }),
    );
  });
});
