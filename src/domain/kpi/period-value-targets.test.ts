/** reporting periods, the rating against normative and target, and the ministry's targets (§19). */
import { describe, expect, it } from 'vitest';
import { day } from './fixtures.test-support';
import {
  checkPeriodNotFuture,
  formatPeriod,
  parsePeriod,
  periodOf,
  periodRange,
  previousPeriod,
} from './period';
import { checkTarget } from './targets';
import { INDICATORS } from './indicators';
import { assess, indicatorValue, ratingWords, roundPercent } from './value';

describe('periods', () => {
  it.each([
    ['2025', { kind: 'year', year: 2025, index: 1 }, '2025-01-01', '2026-01-01'],
    ['2025-Q1', { kind: 'quarter', year: 2025, index: 1 }, '2025-01-01', '2025-04-01'],
    ['2025-Q4', { kind: 'quarter', year: 2025, index: 4 }, '2025-10-01', '2026-01-01'],
    ['2025-03', { kind: 'month', year: 2025, index: 3 }, '2025-03-01', '2025-04-01'],
    ['2024-12', { kind: 'month', year: 2024, index: 12 }, '2024-12-01', '2025-01-01'],
  ])('%s', (text, period, from, to) => {
    const p = parsePeriod(text);
    expect(p).toEqual({ ok: true, value: period });
    if (!p.ok) return;
    expect(formatPeriod(p.value)).toBe(text);
    const r = periodRange(p.value);
    expect([r.from, r.to]).toEqual([from, to]);
  });

  it('bounds are Almaty midnights: +06:00 before 1 March 2024, +05:00 after', () => {
    expect(new Date(periodRange({ kind: 'month', year: 2024, index: 1 }).fromMs).toISOString()).toBe(
      '2023-12-31T18:00:00.000Z',
    );
    expect(new Date(periodRange({ kind: 'month', year: 2025, index: 1 }).fromMs).toISOString()).toBe(
      '2024-12-31T19:00:00.000Z',
    );
  });

  it.each(['', '25', '2025-13', '2025-00', '2025-Q5', '2025-Q0', '2025-3', '1999', 'abcd', '2025-03-01'])(
    'rejects %j',
    (text) => {
      const p = parsePeriod(text);
      expect(p.ok).toBe(false);
      if (!p.ok) expect(p.error.code).toBe('KPI.BAD_PERIOD');
    },
  );

  it('a period that has not begun is an error; the current one is allowed', () => {
    const today = day('2025-03-15');
    const check = (text: string) => {
      const p = parsePeriod(text);
      if (!p.ok) throw new Error(text);
      const r = checkPeriodNotFuture(p.value, today);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(check('2025-03')).toBe('ok');
    expect(check('2025-Q1')).toBe('ok');
    expect(check('2025')).toBe('ok');
    expect(check('2024')).toBe('ok');
    expect(check('2025-04')).toBe('KPI.PERIOD_IN_FUTURE');
    expect(check('2025-Q2')).toBe('KPI.PERIOD_IN_FUTURE');
    expect(check('2026')).toBe('KPI.PERIOD_IN_FUTURE');
  });

  it('the period of a day, and the one before', () => {
    expect(periodOf('quarter', day('2025-08-31'))).toEqual({ kind: 'quarter', year: 2025, index: 3 });
    expect(previousPeriod({ kind: 'month', year: 2025, index: 1 })).toEqual({
      kind: 'month',
      year: 2024,
      index: 12,
    });
    expect(previousPeriod({ kind: 'quarter', year: 2025, index: 1 })).toEqual({
      kind: 'quarter',
      year: 2024,
      index: 4,
    });
    expect(previousPeriod({ kind: 'year', year: 2025, index: 1 })).toEqual({
      kind: 'year',
      year: 2024,
      index: 1,
    });
  });
});

describe('rating against the normative and the target', () => {
  const t = (numerator: number, denominator: number) => ({ numerator, denominator });
  it('a floor: green at the normative, amber between target and normative, red below both', () => {
    expect(assess('1.1', t(100, 100), 95).rating).toBe('green');
    expect(assess('1.1', t(96, 100), 95)).toEqual({
      rating: 'amber',
      meetsNormative: false,
      meetsTarget: true,
    });
    expect(assess('1.1', t(94, 100), 95).rating).toBe('red');
    expect(assess('1.1', t(99, 100), null)).toEqual({
      rating: 'red',
      meetsNormative: false,
      meetsTarget: null,
    });
    expect(assess('4.4', t(9, 10), null).rating).toBe('green'); // 90 % meets 90
    expect(assess('5.1', t(17, 20), null).rating).toBe('green'); // 85 %
    expect(assess('5.1', t(84, 100), 80).rating).toBe('amber');
    expect(assess('3.3', t(4, 10), null).rating).toBe('green'); // 40 % is within 40–50
  });
  it('4.1 is a ceiling: at most 1 % is green, above is not', () => {
    expect(assess('4.1', t(1, 100), null).rating).toBe('green');
    expect(assess('4.1', t(0, 100), null).rating).toBe('green');
    expect(assess('4.1', t(2, 100), 3)).toEqual({
      rating: 'amber',
      meetsNormative: false,
      meetsTarget: true,
    });
    expect(assess('4.1', t(4, 100), 3).rating).toBe('red');
  });
  it('R-15: a value over 4.1’s ceiling is said to be above the permitted level, not below the normative', () => {
    const words = (code: '1.1' | '4.1', numerator: number, target: number | null) =>
      ratingWords(INDICATORS[code].direction, assess(code, t(numerator, 100), target).rating);
    expect(words('4.1', 4, 3)).toBe('ceiling_red'); // 4 % > 1 %, and over the target too
    expect(words('4.1', 2, 3)).toBe('ceiling_amber'); // 2 % > 1 %, within the target
    expect(words('4.1', 1, null)).toBe('green');
    expect(words('1.1', 94, 95)).toBe('red'); // a floor missed: below
    expect(words('1.1', 96, 95)).toBe('amber');
    expect(ratingWords('ceiling', 'no_data')).toBe('no_data');
  });
  it('is exact where floats are not: 1/3 of 300 is 100 %', () => {
    expect(assess('1.1', t(300, 300), null).rating).toBe('green');
    expect(assess('4.4', t(27, 30), null).rating).toBe('green');
  });
  it('no data is neither green nor red', () => {
    expect(assess('1.1', t(0, 0), 95)).toEqual({
      rating: 'no_data',
      meetsNormative: null,
      meetsTarget: null,
    });
  });
  it('shows one decimal', () => {
    const v = indicatorValue(t(2, 3));
    expect(v.kind === 'value' && roundPercent(v.percent)).toBe(66.7);
  });
});

describe('targets (§19: set by the ministry)', () => {
  const code = (r: ReturnType<typeof checkTarget>) => (r.ok ? 'ok' : r.error.code);
  it('accepts 0..100 for this year up to five ahead', () => {
    expect(checkTarget({ code: '1.1', year: 2026, value: 98.5 }, 2025)).toEqual({
      ok: true,
      value: { code: '1.1', year: 2026, value: 98.5 },
    });
    expect(code(checkTarget({ code: '4.1', year: 2025, value: 0 }, 2025))).toBe('ok');
    expect(code(checkTarget({ code: '4.1', year: 2030, value: 100 }, 2025))).toBe('ok');
  });
  it.each([-0.01, 100.01, 150, Number.NaN, Number.POSITIVE_INFINITY])('rejects the value %s', (value) => {
    expect(code(checkTarget({ code: '1.1', year: 2026, value }, 2025))).toBe('KPI.TARGET_OUT_OF_RANGE');
  });
  it('rejects a past year, a year too far, and an unknown indicator', () => {
    expect(code(checkTarget({ code: '1.1', year: 2024, value: 90 }, 2025))).toBe(
      'KPI.TARGET_YEAR_OUT_OF_RANGE',
    );
    expect(code(checkTarget({ code: '1.1', year: 2031, value: 90 }, 2025))).toBe(
      'KPI.TARGET_YEAR_OUT_OF_RANGE',
    );
    expect(code(checkTarget({ code: '6.1', year: 2026, value: 90 }, 2025))).toBe('KPI.UNKNOWN_INDICATOR');
  });
});
