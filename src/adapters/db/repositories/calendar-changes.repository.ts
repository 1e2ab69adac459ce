import { type Kysely, sql } from 'kysely';
import type { CalendarChange } from '../../../app/calendar/calendar-change';
import type { CalendarChangeRepository } from '../../../app/ports';
import type { Database } from '../schema';

export function calendarChangesRepository(db: Kysely<Database>): CalendarChangeRepository {
  return {
    async list() {
      const rows = await db.selectFrom('calendar_changes').select('change').orderBy('id').execute();
      return rows.map((r) => r.change as CalendarChange);
    },
    async append(change, madeBy) {
      await db
        .insertInto('calendar_changes')
        .values({ change: JSON.stringify(change), made_by: madeBy, made_at: sql`now()` })
        .execute();
    },
  };
}
