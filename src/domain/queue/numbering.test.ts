import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { code, value } from './fixtures.test-support';
import { formatTicketNumber, parseTicketNumber, queueDayOf } from './numbering';

// Issue 6 item 1: numbers restart every day per office; the day is the office's civil day (R-10, Asia/Almaty).
describe('ticket numbers', () => {
  it.each([
    ['A', 1, 'A-001'],
    ['A', 17, 'A-017'],
    ['B', 999, 'B-999'],
    ['AK', 1000, 'AK-1000'],
  ])('%s %d → %s', (prefix, seq, text) => {
    expect(value(formatTicketNumber(prefix, seq))).toBe(text);
  });

  it.each([
    ['a', 1],
    ['ABC', 1],
    ['A', 0],
    ['A', -3],
    ['A', 1.5],
  ])('rejects prefix %s with seq %d', (prefix, seq) => {
    expect(code(formatTicketNumber(prefix, seq))).toBe('QUEUE.BAD_INPUT');
  });

  it.each([
    ['A-017', 'A', 17],
    ['a-17', 'A', 17],
    ['A 017', 'A', 17],
    [' b12 ', 'B', 12],
  ])('parses %j', (text, prefix, seq) => {
    expect(value(parseTicketNumber(text))).toEqual({ prefix, seq });
  });

  it.each(['', 'A-', '17', 'A-000', 'A-1234567'])('rejects %j', (text) => {
    expect(code(parseTicketNumber(text))).toBe('QUEUE.BAD_INPUT');
  });

  it('parse inverts format (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{1,2}$/), fc.integer({ min: 1, max: 999_999 }), (prefix, seq) => {
        expect(value(parseTicketNumber(value(formatTicketNumber(prefix, seq))))).toEqual({ prefix, seq });
      }),
    );
  });

  it('the queue day is the civil day in Almaty, not in UTC', () => {
    // 00:30 in Almaty on the 18th is still the 17th in UTC
    expect(value(queueDayOf('2025-03-17T19:30:00Z'))).toBe('2025-03-18');
    expect(value(queueDayOf('2025-03-17T18:59:59Z'))).toBe('2025-03-17');
    expect(code(queueDayOf('yesterday'))).not.toBe('ok');
  });
});
