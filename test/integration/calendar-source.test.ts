/**
 * The calendar in force across instances (issue 3 item 4; ADR 0009's round-trip work): the instance that records
 * a change sees it at once, another instance on the same database within CALENDAR_RECHECK_MS — not on every
 * request, which was one round trip of every issuance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoriesFor } from '../../src/adapters/db/unit-of-work';
import { CALENDAR_RECHECK_MS, calendarSource } from '../../src/adapters/reference/calendar-source';
import type { CalendarChange } from '../../src/app/calendar/calendar-change';
import { isWorkingDay } from '../../src/domain/calendar';
import type { PlainDate } from '../../src/domain/shared/plain-date';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../support/databases';

/** Friday 8 January 2027 off, worked on Saturday the 9th. */
const TRANSFER: CalendarChange = {
  type: 'transfer',
  off: '2027-01-08' as PlainDate,
  work: '2027-01-09' as PlainDate,
  basis: { act: 'TEST-2027-1' },
};

describe.each(DATABASE_KINDS)('the calendar source on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(kind);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('sees its own change at once and another instance’s within the recheck interval', async () => {
    let clock = 0;
    const here = calendarSource(t.db.kysely, () => clock);
    const there = calendarSource(t.db.kysely, () => clock);
    const working = async (source: ReturnType<typeof calendarSource>, day: string) => {
      const w = isWorkingDay(await source.current(), day as PlainDate);
      if (!w.ok) throw new Error(w.error.message);
      return w.value;
    };
    expect(await working(here, '2027-01-08')).toBe(true);
    expect(await working(there, '2027-01-08')).toBe(true);

    await repositoriesFor(t.db.kysely, () => new Date()).calendarChanges.append(TRANSFER, null);
    here.invalidate();
    expect(await working(here, '2027-01-08')).toBe(false);
    expect(await working(here, '2027-01-09')).toBe(true);
    // The other instance has not asked yet…
    clock += CALENDAR_RECHECK_MS - 1;
    expect(await working(there, '2027-01-08')).toBe(true);
    // …and does once the interval has passed.
    clock += 1;
    expect(await working(there, '2027-01-08')).toBe(false);
  });
});
