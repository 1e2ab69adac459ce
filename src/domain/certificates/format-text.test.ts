import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../shared/plain-date';
import {
  formatArea,
  formatCount,
  formatDate,
  formatDateTime,
  formatDueBy,
  formatInitials,
  fullName,
  initialsOf,
  kkDativeOfTime,
  ruPlural,
} from './format-text';

const d = (s: string) => s as PlainDate;

// dates as the documents print them, written by hand (no Kazakh in Intl).
describe('dates', () => {
  it.each([
    ['2026-01-01', '2026 жылғы 1 қаңтар', '1 января 2026 г.'],
    ['2026-02-28', '2026 жылғы 28 ақпан', '28 февраля 2026 г.'],
    ['2026-03-22', '2026 жылғы 22 наурыз', '22 марта 2026 г.'],
    ['2026-04-05', '2026 жылғы 5 сәуір', '5 апреля 2026 г.'],
    ['2026-05-09', '2026 жылғы 9 мамыр', '9 мая 2026 г.'],
    ['2026-06-12', '2026 жылғы 12 маусым', '12 июня 2026 г.'],
    ['2026-07-06', '2026 жылғы 6 шілде', '6 июля 2026 г.'],
    ['2026-08-30', '2026 жылғы 30 тамыз', '30 августа 2026 г.'],
    ['2026-09-01', '2026 жылғы 1 қыркүйек', '1 сентября 2026 г.'],
    ['2026-10-25', '2026 жылғы 25 қазан', '25 октября 2026 г.'],
    ['2026-11-25', '2026 жылғы 25 қараша', '25 ноября 2026 г.'],
    ['2026-12-16', '2026 жылғы 16 желтоқсан', '16 декабря 2026 г.'],
  ])('%s → %s / %s', (date, kk, ru) => {
    expect(formatDate(d(date), 'kk')).toBe(kk);
    expect(formatDate(d(date), 'ru')).toBe(ru);
  });

  it('writes instants in Almaty time', () => {
    expect(formatDateTime('2026-11-25T05:00:00Z', 'kk')).toBe('2026 жылғы 25 қараша, сағат 10:00');
    expect(formatDateTime('2026-11-25T05:00:00Z', 'ru')).toBe('25 ноября 2026 г., 10:00');
    expect(formatDateTime('2026-11-25T19:30:00Z', 'ru')).toBe('26 ноября 2026 г., 00:30');
  });

  it('writes the due moment of a receipt (R-12)', () => {
    expect(formatDueBy('2026-11-27T20:00:00+05:00', 'kk')).toBe('2026 жылғы 27 қараша, сағат 20:00-ге дейін');
    expect(formatDueBy('2026-11-27T20:00:00+05:00', 'ru')).toBe('27 ноября 2026 г., до 20:00');
  });

  it.each([
    ['20:00', '20:00-ге'],
    ['19:30', '19:30-ға'],
    ['18:45', '18:45-ке'],
    ['18:40', '18:40-қа'],
    ['18:50', '18:50-ге'],
    ['18:10', '18:10-ға'],
    ['18:06', '18:06-ға'],
    ['18:01', '18:01-ге'],
    ['18:03', '18:03-ке'],
    ['18:09', '18:09-ға'],
  ])('Kazakh dative after %s: %s', (time, expected) => {
    expect(kkDativeOfTime(time)).toBe(expected);
  });
});

describe('numbers', () => {
  it.each([
    [0.25, '0,25'],
    [1, '1,00'],
    [0.0625, '0,0625'],
    [0.123, '0,123'],
    [0.5, '0,50'],
    [12.3456, '12,3456'],
    [1250.5, '1\u00a0250,50'],
    [0.1 + 0.2, '0,30'],
  ])('area %s ha → %s', (ha, text) => {
    expect(formatArea(ha)).toBe(text);
  });

  it.each([
    [0, '0'],
    [7, '7'],
    [1200, '1\u00a0200'],
    [1234567, '1\u00a0234\u00a0567'],
  ])('count %s → %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });

  it('refuses to print NaN', () => {
    expect(() => formatArea(Number.NaN)).toThrow();
    expect(() => formatCount(Number.POSITIVE_INFINITY)).toThrow();
  });

  it.each([
    [1, 'день'],
    [2, 'дня'],
    [5, 'дней'],
    [11, 'дней'],
    [12, 'дней'],
    [21, 'день'],
    [22, 'дня'],
    [111, 'дней'],
  ])('ruPlural(%s) → %s', (n, word) => {
    expect(ruPlural(n, 'день', 'дня', 'дней')).toBe(word);
  });
});

describe('names', () => {
  it('full name in identity-card order, initials for the QR (R-23)', () => {
    const p = { surname: 'Әбілқасымова', name: 'Гүлнұр', patronymic: 'Өмірзаққызы' };
    expect(fullName(p)).toBe('Әбілқасымова Гүлнұр Өмірзаққызы');
    expect(initialsOf(p)).toBe('ӘГӨ');
    expect(formatInitials('ӘГӨ')).toBe('Ә. Г. Ө.');
    expect(fullName({ surname: ' Иванов ', name: 'Иван' })).toBe('Иванов Иван');
    expect(initialsOf({ surname: 'іргебаев', name: 'ұлан', patronymic: '' })).toBe('ІҰ');
    expect(initialsOf({ surname: '«Қ»', name: 'А' })).toBe('ҚА');
  });
});
