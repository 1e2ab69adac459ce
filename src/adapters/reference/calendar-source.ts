/**
 * The working calendar in force: data/calendar/kz.json (read once) with the administrators' changes from the
 * database replayed over it. Rebuilt only when the number of stored changes differs from the cached one. The
 * count is asked at most once a second (it was one round trip of every issuing request): the instance that makes
 * a change sees it at once (`invalidate`), every other instance — and a server after a CLI change — within a
 * second. Changes are decrees moving days off weeks ahead; a second's delay changes no deadline in practice.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { applyCalendarChange, type CalendarChange } from '../../app/calendar/calendar-change';
import type { CalendarSource } from '../../app/ports';
import { buildCalendar, type WorkingCalendar } from '../../domain/calendar';
import { unwrap } from '../../domain/shared/result';
import type { Database } from '../db/schema';
import { ROOT_DIR } from '../system/paths';

export const CALENDAR_FILE = path.join(ROOT_DIR, 'data/calendar/kz.json');

let shipped: WorkingCalendar | undefined;
export function shippedCalendar(): WorkingCalendar {
  shipped ??= unwrap(buildCalendar(JSON.parse(readFileSync(CALENDAR_FILE, 'utf8'))));
  return shipped;
}

/** How long a checked calendar is taken as current without asking the database again. */
export const CALENDAR_RECHECK_MS = 1_000;

export function calendarSource(
  db: Kysely<Database>,
  monotonicNow: () => number = () => performance.now(),
): CalendarSource {
  let cached: { count: number; calendar: WorkingCalendar; checkedAt: number } | undefined;
  return {
    async current() {
      const now = monotonicNow();
      if (cached && now - cached.checkedAt < CALENDAR_RECHECK_MS) return cached.calendar;
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from calendar_changes`.execute(db);
      const count = Number(rows[0]?.n ?? 0);
      if (cached && cached.count === count) {
        cached.checkedAt = now;
        return cached.calendar;
      }
      let calendar = shippedCalendar();
      if (count > 0) {
        const changes = await db.selectFrom('calendar_changes').select('change').orderBy('id').execute();
        for (const { change } of changes)
          calendar = unwrap(applyCalendarChange(calendar, change as CalendarChange));
      }
      cached = { count, calendar, checkedAt: now };
      return calendar;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
