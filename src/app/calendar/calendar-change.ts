/**
 * An administrator's addition to the working calendar (issue 3, item 4): a transfer of a day off, a Kurban Ait
 * date, or a whole year. Stored as a list and replayed, in order, over the shipped calendar through the domain
 * functions that validate them, so a stored change can never make an invalid calendar.
 */
import {
  addTransfer,
  addYear,
  type LegalBasis,
  setKurbanAit,
  type WorkingCalendar,
  type YearSpec,
} from '../../domain/calendar';
import type { PlainDate } from '../../domain/shared/plain-date';
import type { Result } from '../../domain/shared/result';

export type CalendarChange =
  | {
      readonly type: 'transfer';
      readonly off: PlainDate;
      readonly work: PlainDate;
      readonly basis: LegalBasis;
    }
  | {
      readonly type: 'kurban_ait';
      readonly date: PlainDate;
      readonly basis: LegalBasis;
      readonly provisional?: boolean;
    }
  | { readonly type: 'year'; readonly spec: YearSpec };

export function applyCalendarChange(cal: WorkingCalendar, change: CalendarChange): Result<WorkingCalendar> {
  switch (change.type) {
    case 'transfer':
      return addTransfer(cal, { off: change.off, work: change.work, basis: change.basis });
    case 'kurban_ait':
      return setKurbanAit(cal, {
        date: change.date,
        basis: change.basis,
        ...(change.provisional !== undefined ? { provisional: change.provisional } : {}),
      });
    case 'year':
      return addYear(cal, change.spec);
  }
}
