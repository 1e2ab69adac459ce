import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import kzJson from '../../../data/calendar/kz.json';
import type { PlainDate } from '../shared/plain-date';
import {
  addTransfer,
  addYear,
  buildYearSpec,
  draftYear,
  entriesOfYear,
  setKurbanAit,
} from './calendar-admin';
import { deriveEntries, sourcesOf } from './holiday-rules';
import { buildCalendar, countWorkingDays, dayInfo, type WorkingCalendar } from './working-calendar';

const d = (s: string) => s as PlainDate;

function kz(): WorkingCalendar {
  const r = buildCalendar(kzJson);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
const cal = kz();
const basis = { act: 'TEST0000001' };

const value = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const kindOn = (c: WorkingCalendar, date: string) => {
  const r = dayInfo(c, d(date));
  return r.ok ? r.value.kind : r.error.code;
};

describe('the weekend rule (Law «On holidays», art. 5)', () => {
  it('re-deriving the committed calendar from its own sources gives it back', () => {
    expect(value(deriveEntries(sourcesOf(cal)))).toEqual(cal.entries);
  });

  it('each weekend holiday gets its own day; days already off are skipped', () => {
    const h = (date: string) => ({ date: d(date), key: 'x', name: { kk: 'x', ru: 'x' }, basis });
    // Sat 7 May 2016 (Defender's Day): Mon 9 May is Victory Day, so the observed day is Tue 10 May.
    const entries = value(
      deriveEntries({
        holidays: [h('2016-05-07'), h('2016-05-09')],
        religious: [{ ...h('2016-05-10'), key: 'r' }], // a religious day on Tue would push it to Wed
        transfers: [],
      }),
    );
    expect(entries.map((e) => `${e.date} ${e.kind}`)).toEqual([
      '2016-05-07 holiday', // Sat
      '2016-05-09 holiday', // Mon
      '2016-05-10 religious', // Tue
      '2016-05-11 observed', // Wed
    ]);
  });
});

describe('addTransfer', () => {
  it('adds a day off on a weekday and a working Saturday', () => {
    // Fri 28 Nov 2025 off, Sat 22 Nov 2025 worked (a made-up act).
    const next = value(addTransfer(cal, { off: d('2025-11-28'), work: d('2025-11-22'), basis }));
    expect(kindOn(next, '2025-11-28')).toBe('transferred_off');
    expect(kindOn(next, '2025-11-22')).toBe('transferred_workday');
    expect(value(countWorkingDays(next, d('2025-01-01'), d('2025-12-31')))).toBe(246);
    expect(kindOn(cal, '2025-11-28')).toBe('workday'); // the original value is untouched
  });

  it('may move an observed day, as the 2020 decree did', () => {
    // Mon 27 Oct 2025 is Republic Day's observed day; work it and rest on Fri 24 Oct instead.
    const next = value(addTransfer(cal, { off: d('2025-10-24'), work: d('2025-10-27'), basis }));
    expect(kindOn(next, '2025-10-24')).toBe('transferred_off');
    expect(kindOn(next, '2025-10-27')).toBe('transferred_workday');
  });

  it.each([
    ['2025-11-29', '2025-11-22', 'CALENDAR.TRANSFER_OFF_NOT_WEEKDAY'], // Sat off
    ['2025-11-28', '2025-11-27', 'CALENDAR.TRANSFER_WORKDAY_NOT_WEEKEND'], // Thu worked
    ['2025-12-16', '2025-11-22', 'CALENDAR.DUPLICATE_DATE'], // Tue, already a holiday
    ['2025-01-03', '2025-11-22', 'CALENDAR.DUPLICATE_DATE'], // Fri, already transferred
    ['2025-11-28', '2025-01-05', 'CALENDAR.DUPLICATE_DATE'], // Sun, already worked
    ['2028-01-07', '2028-01-08', 'CALENDAR.OUT_OF_COVERAGE'],
  ])('rejects off %s / work %s with %s', (off, work, code) => {
    const r = addTransfer(cal, { off: d(off), work: d(work), basis });
    expect(!r.ok && r.error.code).toBe(code);
  });
});

describe('setKurbanAit', () => {
  it('replaces a provisional date and recomputes nothing else', () => {
    expect(kindOn(cal, '2027-05-16')).toBe('religious'); // Sun, estimated
    const next = value(setKurbanAit(cal, { date: d('2027-05-17'), basis })); // Mon, announced
    expect(kindOn(next, '2027-05-16')).toBe('weekend');
    expect(kindOn(next, '2027-05-17')).toBe('religious');
    expect(value(countWorkingDays(next, d('2027-01-01'), d('2027-12-31')))).toBe(
      value(countWorkingDays(cal, d('2027-01-01'), d('2027-12-31'))) - 1,
    );
  });

  it('pushes an observed day that it lands on', () => {
    // 2027: Victory Day Sun 9 May → observed Mon 10 May. Kurban Ait on Mon 10 May moves it to Tue 11 May.
    const next = value(setKurbanAit(cal, { date: d('2027-05-10'), basis }));
    expect(kindOn(next, '2027-05-10')).toBe('religious');
    expect(kindOn(next, '2027-05-11')).toBe('observed');
  });

  it('does not overwrite an announced date', () => {
    const r = setKurbanAit(cal, { date: d('2025-06-07'), basis });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CALENDAR.DUPLICATE_DATE', details: { existing: '2025-06-06' } },
    });
  });
});

describe('addYear', () => {
  it('adds 2028 from a draft of 2027 plus its Kurban Ait', () => {
    const draft = value(draftYear(cal, 2027, 2028));
    expect(draft.holidays.map((h) => h.date.slice(5))).toEqual([
      '01-01',
      '01-02',
      '03-08',
      '03-15',
      '03-21',
      '03-22',
      '03-23',
      '05-01',
      '05-07',
      '05-09',
      '07-06',
      '10-25',
      '12-16',
    ]);
    const next = value(
      addYear(cal, {
        ...draft,
        religious: [
          ...draft.religious,
          // A made-up date for the test, not an announcement.
          { date: d('2028-05-05'), key: 'kurban_ait', name: { kk: 'Құрбан айт', ru: 'Курбан айт' }, basis },
        ],
      }),
    );
    expect(next.coverage).toEqual({ from: '2011-01-01', to: '2028-12-31' });
    expect(kindOn(next, '2028-01-07')).toBe('religious'); // Fri
    expect(kindOn(next, '2028-03-15')).toBe('holiday'); // Wed
    expect(kindOn(next, '2028-05-05')).toBe('religious'); // Fri
    expect(kindOn(next, '2028-05-08')).toBe('observed'); // Mon, for Defender's Day on Sun 7 May
    expect(kindOn(next, '2028-01-03')).toBe('observed'); // Mon, for Sat 1 Jan
    expect(kindOn(next, '2028-01-04')).toBe('observed'); // Tue, for Sun 2 Jan
    expect(entriesOfYear(next, 2027)).toEqual(entriesOfYear(cal, 2027));
  });

  it.each([
    [2030, 'CALENDAR.YEAR_NOT_ADJACENT'],
    [2027, 'CALENDAR.YEAR_NOT_ADJACENT'],
  ])('rejects %i', (year, code) => {
    const r = addYear(cal, { year, holidays: [], religious: [], transfers: [] });
    expect(!r.ok && r.error.code).toBe(code);
  });

  it('rejects a holiday outside the year being added', () => {
    const r = addYear(cal, {
      year: 2028,
      holidays: [
        { date: d('2029-01-01'), key: 'new_year', name: { kk: 'Жаңа жыл', ru: 'Новый год' }, basis },
      ],
      religious: [],
      transfers: [],
    });
    expect(!r.ok && r.error.code).toBe('CALENDAR.DATE_OUTSIDE_YEAR');
  });
});

describe('properties of admin edits', () => {
  const weekdays2025: PlainDate[] = [];
  const weekends2025: PlainDate[] = [];
  for (let m = 1; m <= 12; m++) {
    for (let day = 1; day <= 28; day++) {
      const date = d(`2025-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
      const kind = kindOn(cal, date);
      if (kind === 'workday') weekdays2025.push(date);
      if (kind === 'weekend') weekends2025.push(date);
    }
  }

  it('a valid transfer keeps the year total and never touches other days', () => {
    fc.assert(
      fc.property(fc.constantFrom(...weekdays2025), fc.constantFrom(...weekends2025), (off, work) => {
        const next = value(addTransfer(cal, { off, work, basis }));
        expect(value(countWorkingDays(next, d('2025-01-01'), d('2025-12-31')))).toBe(246);
        const changed = next.entries
          .filter((e) => cal.byDate.get(e.date)?.kind !== e.kind)
          .map((e) => e.date);
        expect(changed.sort()).toEqual([off, work].sort());
      }),
      { numRuns: 30 },
    );
  });
});

describe('buildYearSpec (issue 3 item 4: an admin adds a year)', () => {
  // 2028: 1 January is a Saturday, so the weekend rule moves it to Monday 3 January (observed).
  it('drafts 2028 from 2027, adds Kurban Ait and a transfer, and addYear accepts it', () => {
    const spec = value(
      buildYearSpec(cal, {
        year: 2028,
        basis,
        kurbanAit: { date: d('2028-05-05'), provisional: true }, // Friday
        transfers: [{ off: d('2028-03-24'), work: d('2028-03-18') }], // Fri off, Sat worked
      }),
    );
    expect(spec.year).toBe(2028);
    expect(spec.holidays.map((h) => h.date)).toContain('2028-03-22');
    expect(spec.religious.map((r) => r.date)).toEqual(expect.arrayContaining(['2028-01-07', '2028-05-05']));
    const next = value(addYear(cal, spec));
    expect(next.coverage.to).toBe('2028-12-31');
    expect(kindOn(next, '2028-05-05')).toBe('religious');
    expect(kindOn(next, '2028-03-24')).toBe('transferred_off');
    expect(kindOn(next, '2028-03-18')).toBe('transferred_workday');
    expect(kindOn(next, '2028-01-03')).toBe('observed');
  });

  it.each([
    [2030, 'CALENDAR.YEAR_NOT_ADJACENT'],
    [2020, 'CALENDAR.YEAR_NOT_ADJACENT'],
  ])('refuses %i (not next to the coverage) with %s', (year, code) => {
    const r = buildYearSpec(cal, { year, basis });
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });

  it('refuses a Kurban Ait date outside the year', () => {
    const r = buildYearSpec(cal, { year: 2028, basis, kurbanAit: { date: d('2027-05-16') } });
    expect(r.ok ? 'ok' : r.error.code).toBe('CALENDAR.DATE_OUTSIDE_YEAR');
  });
});
