/**
 * The working calendar in force: data/calendar/kz.json (read once) with the administrators' changes from the
 * database replayed over it. Rebuilt only when the number of stored changes differs from the cached one, so
 * every instance sees a change made on another within one request.
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

export function calendarSource(db: Kysely<Database>): CalendarSource {
  let cached: { count: number; calendar: WorkingCalendar } | undefined;
  return {
    async current() {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from calendar_changes`.execute(db);
      const count = Number(rows[0]?.n ?? 0);
      if (cached && cached.count === count) return cached.calendar;
      let calendar = shippedCalendar();
      if (count > 0) {
        const changes = await db.selectFrom('calendar_changes').select('change').orderBy('id').execute();
        for (const { change } of changes)
          calendar = unwrap(applyCalendarChange(calendar, change as CalendarChange));
      }
      cached = { count, calendar };
      return calendar;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
