import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../domain/shared/plain-date';
import {
  almatyCivilTime,
  formatDate,
  formatDateTime,
  formatDuration,
  formatNumber,
  isLocale,
  translate,
  translateError,
} from './index';

describe('translate', () => {
  it.each([
    ['kk', 'Қош келдіңіз, Айгерим!'],
    ['ru', 'Здравствуйте, Айгерим!'],
    ['en', 'Welcome, Айгерим!'],
  ] as const)('%s fills placeholders', (locale, expected) => {
    expect(translate(locale, 'home.welcome', { name: 'Айгерим' })).toBe(expected);
  });

  it('leaves a placeholder without a value visible', () => {
    expect(translate('en', 'home.welcome')).toBe('Welcome, {name}!');
    expect(translate('en', 'home.welcome', {})).toBe('Welcome, {name}!');
  });

  it('formats numeric parameters for the locale', () => {
    expect(translate('ru', 'error.UNKNOWN', { code: 12500 })).toBe(
      'Непредвиденная ошибка (код: 12\u00a0500).',
    );
  });
});

describe('translateError', () => {
  it.each([
    ['kk', 'AUTH.INVALID_CREDENTIALS', 'Пайдаланушы аты немесе құпиясөз қате.'],
    ['ru', 'AUTH.INVALID_CREDENTIALS', 'Неверное имя пользователя или пароль.'],
    ['en', 'IIN.BAD_CHECK_DIGIT', 'The check digit of the IIN does not match. Check the number.'],
    ['ru', 'APPLICATION.SOMETHING_NEW', 'Непредвиденная ошибка (код: APPLICATION.SOMETHING_NEW).'],
  ] as const)('%s %s', (locale, code, expected) => {
    expect(translateError(locale, code)).toBe(expected);
  });

  it('does not mistake inherited object properties for codes', () => {
    expect(translateError('en', 'constructor')).toBe('Something unexpected happened (code: constructor).');
  });
});

describe('isLocale', () => {
  it.each([
    ['kk', true],
    ['ru', true],
    ['en', true],
    ['kz', false],
    ['', false],
    [null, false],
  ])('%s → %s', (value, expected) => {
    expect(isLocale(value)).toBe(expected);
  });
});

// Issue 2, item 5: dates and numbers per locale; instants in Asia/Almaty (UTC+5 since 1 March 2024).
describe('formatting', () => {
  const instant = new Date('2025-03-24T10:05:00Z');

  it.each([
    ['kk', '2025 жылғы 24 наурыз'],
    ['ru', '24 марта 2025 г.'],
    ['en', '24 March 2025'],
  ] as const)('%s long date of a PlainDate', (locale, expected) => {
    expect(formatDate(locale, '2025-03-24' as PlainDate)).toBe(expected);
  });

  it.each([
    ['2025-01-01', '2025 жылғы 1 қаңтар'],
    ['2025-05-09', '2025 жылғы 9 мамыр'],
    ['2025-12-31', '2025 жылғы 31 желтоқсан'],
  ])('kk month names: %s → %s', (date, expected) => {
    expect(formatDate('kk', date as PlainDate)).toBe(expected);
  });

  it('a PlainDate is never shifted by a time zone', () => {
    expect(formatDate('en', '2025-01-01' as PlainDate, 'short')).toBe('01/01/2025');
  });

  it('an instant late in the UTC evening is already the next day in Almaty', () => {
    expect(formatDate('ru', new Date('2025-03-24T20:30:00Z'), 'short')).toBe('25.03.2025');
    expect(formatDate('kk', new Date('2025-03-24T20:30:00Z'))).toBe('2025 жылғы 25 наурыз');
  });

  it('before 1 March 2024 Almaty was UTC+6', () => {
    expect(almatyCivilTime(new Date('2024-01-15T18:30:00Z'))).toEqual({
      year: 2024,
      month: 1,
      day: 16,
      hour: 0,
      minute: 30,
    });
  });

  it.each([
    ['kk', '24.03.2025, 15:05'],
    ['ru', '24.03.2025, 15:05'],
    ['en', '24/03/2025, 15:05'],
  ] as const)('%s date and time in Almaty', (locale, expected) => {
    expect(formatDateTime(locale, instant)).toBe(expected);
  });

  it.each([
    ['kk', '1\u00a0234\u00a0567,5'],
    ['ru', '1\u00a0234\u00a0567,5'],
    ['en', '1,234,567.5'],
  ] as const)('%s number', (locale, expected) => {
    expect(formatNumber(locale, 1234567.5)).toBe(expected);
  });

  it.each([
    ['ru', 45, '45 секунд'],
    ['ru', 60, '1 минута'],
    ['ru', 61, '2 минуты'],
    ['kk', 900, '15 минут'],
    ['kk', 45, '45 секунд'],
    ['kk', 7200, '2 сағат'],
    ['en', 3601, '2 hours'],
    ['en', 0, '0 seconds'],
  ] as const)('%s duration of %i s', (locale, seconds, expected) => {
    expect(formatDuration(locale, seconds)).toBe(expected);
  });
});
