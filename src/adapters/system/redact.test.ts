import { describe, expect, it } from 'vitest';
import { redactIins } from './redact';

describe('redactIins', () => {
  it.each([
    ['/api/v1/iin/900101300017', '/api/v1/iin/********0017'],
    ['/verify?number=AK-2026-1&iin=850315400025', '/verify?number=AK-2026-1&iin=********0025'],
    ['kato 113243000 stays', 'kato 113243000 stays'],
    ['13 digits 1234567890123 stay', '13 digits 1234567890123 stay'],
  ])('%s → %s', (input, expected) => {
    expect(redactIins(input)).toBe(expected);
  });
});
