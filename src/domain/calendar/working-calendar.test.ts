import { describe, expect, it } from 'vitest';
import kzJson from '../../../data/calendar/kz.json';
import { daysInMonth, type PlainDate } from '../shared/plain-date';
import {
  buildCalendar,
  calendarDays,
  countWorkingDays,
  dayInfo,
  isWorkingDay,
  nextWorkingDay,
  toCalendarJson,
  type WorkingCalendar,
  workingDaysBetween,
} from './working-calendar';

const d = (s: string) => s as PlainDate;

function kz(): WorkingCalendar {
  const r = buildCalendar(kzJson);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
const cal = kz();

// offices work on working days only; weekends, holidays, observed and transferred days off excluded,
// transferred working days included.
describe('dayInfo (R-10)', () => {
  it.each([
    // 2025 Nauryz: Fri 21 holiday, Sat 22 + Sun 23 holidays on the weekend → Mon 24 and Tue 25 off.
    ['2025-03-20', true, 'workday'], // Thu
    ['2025-03-21', false, 'holiday'], // Fri
    ['2025-03-22', false, 'holiday'], // Sat
    ['2025-03-23', false, 'holiday'], // Sun
    ['2025-03-24', false, 'observed'], // Mon, for Sat 22
    ['2025-03-25', false, 'observed'], // Tue, for Sun 23
    ['2025-03-26', true, 'workday'], // Wed
    // 2026: 21–22 Mar on the weekend, Mon 23 a holiday itself → Tue 24 and Wed 25 off.
    ['2026-03-21', false, 'holiday'], // Sat
    ['2026-03-23', false, 'holiday'], // Mon
    ['2026-03-24', false, 'observed'], // Tue
    ['2026-03-25', false, 'observed'], // Wed
    ['2026-03-26', true, 'workday'], // Thu
    // 2020 May: Thu 7 holiday; the decree moved Victory Day's observed Mon 11 to Fri 8; Mon 11 worked.
    ['2020-05-07', false, 'holiday'], // Thu
    ['2020-05-08', false, 'transferred_off'], // Fri
    ['2020-05-09', false, 'holiday'], // Sat
    ['2020-05-11', true, 'transferred_workday'], // Mon
    ['2020-05-12', true, 'workday'], // Tue
    // Transferred working weekend days.
    ['2024-05-04', true, 'transferred_workday'], // Sat, for Wed 8 May 2024
    ['2025-01-05', true, 'transferred_workday'], // Sun, for Fri 3 Jan 2025
    ['2013-12-28', true, 'transferred_workday'], // Sat, for Fri 3 Jan 2014 (a pair across years)
    ['2014-01-03', false, 'transferred_off'], // Fri
    // 7 January and Kurban Ait never move.
    ['2023-01-07', false, 'religious'], // Sat
    ['2023-01-09', true, 'workday'], // Mon: not moved
    ['2024-06-16', false, 'religious'], // Sun, Kurban Ait
    ['2024-06-17', true, 'workday'], // Mon: not moved
    ['2025-06-06', false, 'religious'], // Fri, Kurban Ait
    // Holidays that came and went.
    ['2021-12-01', false, 'holiday'], // Wed, First President Day (2012–2021)
    ['2022-12-01', true, 'workday'], // Thu
    ['2021-12-17', false, 'holiday'], // Fri, Independence Day second day (to 2021)
    ['2024-12-17', true, 'workday'], // Tue
    ['2012-05-07', true, 'workday'], // Mon, Defender's Day only from 2013
    ['2013-05-07', false, 'holiday'], // Tue
    ['2021-10-25', true, 'workday'], // Mon, Republic Day only from 2022
    ['2022-10-25', false, 'holiday'], // Tue
    ['2025-08-30', false, 'holiday'], // Sat, Constitution Day on 30 Aug to 2025
    ['2025-09-01', false, 'observed'], // Mon
    ['2026-08-31', true, 'workday'], // Mon: no Constitution Day in 2026
    ['2027-03-15', false, 'holiday'], // Mon, Constitution Day from 2027
    ['2027-08-30', true, 'workday'], // Mon
    // Ordinary days.
    ['2025-03-15', false, 'weekend'], // Sat
    ['2025-03-17', true, 'workday'], // Mon
  ])('%s → working %s, %s', (date, working, kind) => {
    const r = dayInfo(cal, d(date));
    expect(r.ok && { working: r.value.working, kind: r.value.kind }).toEqual({ working, kind });
    expect(isWorkingDay(cal, d(date))).toEqual({ ok: true, value: working });
  });

  it('names holidays in kk and ru, and gives the legal basis', () => {
    const r = dayInfo(cal, d('2025-03-24'));
    expect(r.ok && r.value).toMatchObject({
      name: { kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы' },
      basis: { act: 'Z010000267_', article: '5' },
    });
    const t = dayInfo(cal, d('2020-05-08'));
    expect(t.ok && t.value.basis).toEqual({ act: 'P1900000820' });
    const plain = dayInfo(cal, d('2025-03-17'));
    expect(plain.ok && plain.value).toEqual({ date: '2025-03-17', working: true, kind: 'workday' });
  });

  it.each(['2010-12-31', '2028-01-01'])('fails loudly outside coverage: %s', (date) => {
    for (const r of [dayInfo(cal, d(date)), isWorkingDay(cal, d(date))]) {
      expect(r).toEqual({
        ok: false,
        error: {
          code: 'CALENDAR.OUT_OF_COVERAGE',
          message: 'the working calendar covers 2011-01-01 to 2027-12-31',
          details: { date, coverage: { from: '2011-01-01', to: '2027-12-31' } },
        },
      });
    }
  });
});

describe('working days per year (five-day week)', () => {
  it.each([
    // Ministry of Labour's published balance of working time for 2025.
    [2025, 246],
    // The published 2024 balance says 248: it assumed Kurban Ait on Mon 17 June; the Muftiate then set it on
    // Sun 16 June and the Ministry confirmed 17 June a working day (facts file: 16 Jun) — hence 249.
    [2024, 249],
  ])('%i has %i working days', (year, total) => {
    expect(countWorkingDays(cal, d(`${year}-01-01`), d(`${year}-12-31`))).toEqual({ ok: true, value: total });
  });

  // 2024 balance month by month (help.inbuh.kz/6801, Ministry of Labour), June corrected as above (19 → 20).
  it.each([
    [1, 21],
    [2, 21],
    [3, 17],
    [4, 22],
    [5, 20],
    [6, 20],
    [7, 22],
    [8, 21],
    [9, 21],
    [10, 22],
    [11, 21],
    [12, 21],
  ])('2024 month %i has %i working days', (month, total) => {
    const m = String(month).padStart(2, '0');
    const last = daysInMonth(2024, month);
    expect(countWorkingDays(cal, d(`2024-${m}-01`), d(`2024-${m}-${last}`))).toEqual({
      ok: true,
      value: total,
    });
  });

  // Month totals reported in the press at the time (five-day week).
  it.each([
    ['2021-03-01', '2021-03-31', 19], // "19 рабочих дней и 12 выходных" (March 2021)
    ['2021-07-01', '2021-07-31', 20], // 11 days off incl. Sat 3 Jul worked (July 2021)
    ['2022-03-01', '2022-03-31', 19], // 12 days off (March 2022)
    ['2022-12-01', '2022-12-31', 21], // 10 days off, 1 Dec no longer a holiday (December 2022)
    ['2023-01-01', '2023-01-31', 20], // 11 days off (January 2023)
    ['2026-01-01', '2026-01-31', 19], // "12 выходных, 19 рабочих дней" (January 2026)
  ])('%s..%s has %i working days', (from, to, total) => {
    expect(countWorkingDays(cal, d(from), d(to))).toEqual({ ok: true, value: total });
  });
});

describe('counting working days (R-7)', () => {
  it.each([
    // from (not counted) → to (counted)
    ['2025-03-17', '2025-03-19', 2], // Mon → Wed
    ['2025-03-20', '2025-03-27', 2], // Thu → Thu over Nauryz (21–25 off)
    ['2024-12-30', '2025-01-05', 2], // Mon → Sun (31 Dec, and the transferred working Sun 5 Jan)
    ['2025-03-19', '2025-03-17', -2], // backwards
    ['2025-03-17', '2025-03-17', 0],
  ])('workingDaysBetween(%s, %s) = %i', (from, to, n) => {
    expect(workingDaysBetween(cal, d(from), d(to))).toEqual({ ok: true, value: n });
  });

  it.each([
    ['2025-03-20', '2025-03-26'], // Thu → Wed
    ['2024-12-31', '2025-01-05'], // Tue → Sun (transferred working day)
    ['2020-05-06', '2020-05-11'], // Wed → Mon (worked in 2020)
  ])('nextWorkingDay(%s) = %s', (from, next) => {
    expect(nextWorkingDay(cal, d(from))).toEqual({ ok: true, value: next });
  });

  it('runs out of coverage loudly', () => {
    const r = nextWorkingDay(cal, d('2027-12-31'));
    expect(!r.ok && r.error.code).toBe('CALENDAR.OUT_OF_COVERAGE');
    const c = countWorkingDays(cal, d('2027-12-01'), d('2028-01-31'));
    expect(!c.ok && c.error.details).toEqual({
      date: '2028-01-31',
      coverage: { from: '2011-01-01', to: '2027-12-31' },
    });
  });

  it('lists the days of a range for the API', () => {
    const r = calendarDays(cal, d('2025-03-21'), d('2025-03-26'));
    expect(r.ok && r.value.map((x) => `${x.date} ${x.kind}`)).toEqual([
      '2025-03-21 holiday', // Fri
      '2025-03-22 holiday', // Sat
      '2025-03-23 holiday', // Sun
      '2025-03-24 observed', // Mon
      '2025-03-25 observed', // Tue
      '2025-03-26 workday', // Wed
    ]);
    expect(calendarDays(cal, d('2025-03-26'), d('2025-03-21')).ok).toBe(false);
  });
});

describe('buildCalendar', () => {
  it('round-trips through toCalendarJson', () => {
    const again = buildCalendar(JSON.parse(JSON.stringify(toCalendarJson(cal))));
    expect(again.ok && again.value.entries).toEqual(cal.entries);
  });

  it.each([
    [{ coverage: { from: '2025-01-01', to: '2025-12-31' }, days: [{ date: '2025-02-30' }] }, 'days[0].date'],
    [
      {
        coverage: { from: '2025-01-01', to: '2025-12-31' },
        days: [{ date: '2025-03-24', kind: 'observed', name: { kk: 'a', ru: 'b' }, basis: { act: 'x' } }],
      },
      'days[0].observedFor',
    ],
    [
      {
        coverage: { from: '2025-01-01', to: '2025-12-31' },
        days: [
          {
            date: '2025-01-03',
            kind: 'transferred_off',
            name: { kk: 'a', ru: 'b' },
            basis: { act: 'x' },
            pairedWith: '2025-01-05',
          },
        ],
      },
      'days[2025-01-03]',
    ],
    [{ coverage: { from: '2025-12-31', to: '2025-01-01' }, days: [] }, 'coverage'],
  ])('rejects invalid data with the path of each problem (%#)', (json, path) => {
    const r = buildCalendar(json);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('CALENDAR.INVALID');
      const issues = (r.error.details?.issues ?? []) as { path: string }[];
      expect(issues.map((i) => i.path)).toContain(path);
    }
  });
});
