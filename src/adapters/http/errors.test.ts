import { describe, expect, it } from 'vitest';
import { statusFor } from './errors';

describe('statusFor', () => {
  it.each([
    ['AUTH.INVALID_CREDENTIALS', 401],
    ['AUTH.CSRF', 403],
    ['AUTH.TOO_MANY_ATTEMPTS', 429],
    ['VALIDATION_FAILED', 422],
    ['OFFICE.NOT_FOUND', 404],
    ['APPLICATION.ALREADY_DECIDED', 409],
    ['APPLICATION.INVALID_TRANSITION', 409],
    ['IIN.BAD_CHECK_DIGIT', 422],
    ['CALENDAR.OUT_OF_COVERAGE', 422],
  ])('%s → %i', (code, status) => {
    expect(statusFor(code)).toBe(status);
  });
});
