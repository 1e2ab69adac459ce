import { describe, expect, it } from 'vitest';
import {
  almatyInstant,
  almatyNowInput,
  almatyToday,
  localName,
  monthWeeks,
  sortByName,
  telHref,
} from './reference';

describe('telHref', () => {
  // the seed's numbers come with and without the area code; only complete ones become links.
  it.each([
    ['8 (7162) 25-79-22', 'tel:+77162257922'],
    ['+7 701 234 56 78', 'tel:+77012345678'],
    ['7172 74-00-00', 'tel:+77172740000'],
    ['40-10-76', null],
    ['263-82-51', null],
  ])('%s → %s', (phone, href) => {
    expect(telHref(phone)).toBe(href);
  });
});

describe('almatyInstant', () => {
  // Kazakhstan moved from UTC+6 to UTC+5 on 1 March 2024 (issue 3, item 4); the offset comes from IANA data.
  it.each([
    ['2027-11-12T10:15', '2027-11-12T10:15:00+05:00'], // Friday
    ['2024-03-01T09:00', '2024-03-01T09:00:00+05:00'], // Friday, the first day of UTC+5
    ['2024-02-29T18:00', '2024-02-29T18:00:00+06:00'], // Thursday, still UTC+6
    ['2020-05-08T12:00', '2020-05-08T12:00:00+06:00'], // Friday
  ])('%s → %s', (civil, iso) => {
    expect(almatyInstant(civil)).toBe(iso);
  });

  it.each(['', '2027-11-12', '2027-11-12 10:15', '12.11.2027 10:15'])('rejects %j', (civil) => {
    expect(almatyInstant(civil)).toBeNull();
  });

  it('round-trips the current Almaty time of an instant', () => {
    const now = new Date('2026-11-25T04:54:17Z'); // 09:54 in Almaty, Wednesday
    expect(almatyNowInput(now)).toBe('2026-11-25T09:54');
    expect(almatyToday(now)).toBe('2026-11-25');
    expect(almatyInstant(almatyNowInput(now))).toBe('2026-11-25T09:54:00+05:00');
  });
});

describe('monthWeeks', () => {
  it('starts on Monday and pads with the neighbouring months', () => {
    // November 2027 starts on a Monday and has 30 days: five weeks, the last one Monday 29 and Tuesday 30.
    const weeks = monthWeeks(2027, 11);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.[0]).toBe('2027-11-01');
    expect(weeks[4]).toEqual(['2027-11-29', '2027-11-30', null, null, null, null, null]);
  });

  it('pads the first week', () => {
    // 1 February 2026 is a Sunday: six empty cells, then the 1st.
    const weeks = monthWeeks(2026, 2);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-02-01']);
    expect(weeks.flat().filter(Boolean)).toHaveLength(28);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });
});

describe('names', () => {
  const a = { name: { kk: 'Ақмола облысы', ru: 'Акмолинская область' } };
  const b = { name: { kk: 'Атырау облысы', ru: 'Атырауская область' } };

  it('shows kk to kk readers and ru to ru and en readers', () => {
    expect(localName(a.name, 'kk')).toBe('Ақмола облысы');
    expect(localName(a.name, 'en')).toBe('Акмолинская область');
  });

  it('sorts by the name the reader sees', () => {
    expect(sortByName([b, a], 'ru')).toEqual([a, b]);
  });
});
