import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  MAX_ATTEMPTS,
  NOTIFICATION_TEMPLATES,
  RETRY_CAP_MS,
  renderNotification,
  retryDelayMs,
} from './notifications';

// notifications in the person's language, retried with backoff, never dropped.
describe('notification texts (R-24)', () => {
  it.each(
    NOTIFICATION_TEMPLATES.flatMap(
      (t) =>
        [
          [t, 'kk'],
          [t, 'ru'],
        ] as const,
    ),
  )('%s in %s names the number', (t, lang) => {
    const r = renderNotification(t, lang, {
      number: 'C2026-000001',
      due: '2 Dec',
      url: 'https://q',
      office: 'ЦОН',
    });
    expect(r.subject.length).toBeGreaterThan(0);
    if (t.startsWith('complaint')) expect(`${r.subject} ${r.text}`).toContain('C2026-000001');
  });
  it('kk and ru differ', () => {
    const p = { number: 'C1', due: 'x', url: 'u' };
    expect(renderNotification('complaint.registered', 'kk', p).text).not.toBe(
      renderNotification('complaint.registered', 'ru', p).text,
    );
  });
});

describe('retry backoff (R-24)', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [20, RETRY_CAP_MS],
  ])('attempt %i waits %i ms (no jitter)', (n, delay) => {
    expect(retryDelayMs(n, 0)).toBe(delay);
  });
  it('property: delays never shrink, never exceed the cap; a message is parked, never dropped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.nat(), (n, seed) => {
        const d = retryDelayMs(n, seed);
        expect(d).toBeGreaterThan(0);
        expect(d).toBeLessThanOrEqual(RETRY_CAP_MS);
        expect(retryDelayMs(n + 1, 0)).toBeGreaterThanOrEqual(retryDelayMs(n, 0));
        const next = afterFailure(n, 0, seed);
        expect(next.status).toBe(n >= MAX_ATTEMPTS ? 'dead' : 'pending');
      }),
    );
  });
});
