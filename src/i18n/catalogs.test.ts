import { describe, expect, it } from 'vitest';
import { en } from './en';
import { CATALOGS, LOCALES, placeholders } from './index';
import { kk } from './kk';
import { ru } from './ru';

// Issue 2, item 5: the three catalogues have identical keys. The type system already rejects a missing or an
// extra key in ru/en; this test also guards the values, which types cannot see.
describe('catalogues', () => {
  const kkKeys = Object.keys(kk).sort();

  it.each([
    ['ru', ru],
    ['en', en],
  ] as const)('%s has exactly the keys of kk', (_name, catalog) => {
    expect(Object.keys(catalog).sort()).toEqual(kkKeys);
  });

  it.each(LOCALES)('%s has no empty or blank message', (locale) => {
    const blank = Object.entries(CATALOGS[locale]).filter(([, message]) => message.trim() === '');
    expect(blank).toEqual([]);
  });

  it.each([
    ['ru', ru],
    ['en', en],
  ] as const)('every {placeholder} of kk appears in %s, and no other', (_name, catalog) => {
    const mismatched = Object.entries(kk).filter(
      ([key, message]) =>
        placeholders(message).sort().join() !==
        placeholders(catalog[key as keyof typeof kk])
          .sort()
          .join(),
    );
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  // A Latin "i", "a" or "o" typed inside a Cyrillic word looks right on screen but breaks search and screen readers.
  it.each([
    ['kk', kk],
    ['ru', ru],
  ] as const)('%s never mixes Latin and Cyrillic letters in one word', (_name, catalog) => {
    const mixed = Object.values(catalog)
      .flatMap((message) => message.split(/[^\p{L}]+/u))
      .filter((word) => /\p{Script=Latin}/u.test(word) && /\p{Script=Cyrillic}/u.test(word));
    expect(mixed).toEqual([]);
  });

  it('R-15: a value over 4.1’s ceiling reads “above the permitted level”, a floor missed “below the normative”', () => {
    expect([
      kk['kpi.rating.ceiling_red'],
      ru['kpi.rating.ceiling_red'],
      en['kpi.rating.ceiling_red'],
    ]).toEqual(['рұқсат етілген деңгейден жоғары', 'выше допустимого', 'above the permitted level']);
    expect(en['kpi.rating.ceiling_amber']).toBe('above the permitted level, meets the target');
    expect(ru['kpi.rating.ceiling_amber']).toBe('выше допустимого, цель достигнута');
    expect(kk['kpi.rating.ceiling_amber']).toBe('рұқсат етілген деңгейден жоғары, мақсатқа сай');
    expect(ru['kpi.rating.red']).toBe('ниже норматива');
  });

  it('kk is written with the Kazakh letters, not their Russian stand-ins', () => {
    const text = Object.values(kk).join(' ');
    for (const letter of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'і']) expect(text).toContain(letter);
  });

  it('translates every error code the API and the domain return so far', () => {
    const codes = [
      'AUTH.INVALID_CREDENTIALS',
      'AUTH.TOO_MANY_ATTEMPTS',
      'AUTH.UNAUTHENTICATED',
      'AUTH.CSRF',
      'AUTH.FORBIDDEN',
      'VALIDATION_FAILED',
      'NOT_FOUND',
      'RATE_LIMITED',
      'INTERNAL',
      'IIN.BAD_FORMAT',
      'IIN.BAD_CHECK_DIGIT',
      'IIN.BAD_DATE',
      'CALENDAR.OUT_OF_COVERAGE',
      'CERTIFICATE.BAD_NUMBER',
      'QR.BAD_FORMAT',
      'QR.UNSUPPORTED_VERSION',
    ];
    expect(codes.filter((code) => !(`error.${code}` in kk))).toEqual([]);
  });
});
