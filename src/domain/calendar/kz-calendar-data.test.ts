import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildKzCalendarJson, KZ_CALENDAR_PATH, serializeCalendar } from '../../../scripts/generate-calendar';
import { isoWeekday, type PlainDate, plainDate } from '../shared/plain-date';
import { buildCalendar } from './working-calendar';

// The committed data is exactly what the script makes from its tables.
describe('data/calendar/kz.json', () => {
  const text = readFileSync(KZ_CALENDAR_PATH, 'utf8');

  it('is what scripts/generate-calendar.ts writes (run it after editing the tables)', () => {
    expect(text).toBe(serializeCalendar(buildKzCalendarJson()));
  });

  it('is a valid calendar covering 2011–2027, every entry with a legal basis among its acts', () => {
    const json = JSON.parse(text);
    const cal = buildCalendar(json);
    expect(cal.ok).toBe(true);
    if (!cal.ok) return;
    expect(cal.value.coverage).toEqual({ from: '2011-01-01', to: '2027-12-31' });
    for (const e of cal.value.entries) expect(Object.keys(cal.value.acts)).toContain(e.basis.act);
  });
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const FACTS = fileURLToPath(new URL('../../../../shared/calendar/kz-calendar-facts.md', import.meta.url));

function dayMonth(year: number, text: string): PlainDate {
  const m = /(\d{1,2}) ([A-Z][a-z]{2})(?: (\d{4}))?/.exec(text);
  if (!m) throw new Error(`cannot read a date in ${text}`);
  return plainDate(m[3] ? Number(m[3]) : year, MONTHS.indexOf(m[2] ?? '') + 1, Number(m[1]));
}

// ../shared is not part of the repository; without it the transcription cannot be re-checked here.
describe.skipIf(!existsSync(FACTS))('the tables transcribe ../shared/calendar/kz-calendar-facts.md', () => {
  const facts = existsSync(FACTS) ? readFileSync(FACTS, 'utf8') : '';
  const cal = buildCalendar(JSON.parse(readFileSync(KZ_CALENDAR_PATH, 'utf8')));
  const kindOf = (date: PlainDate) => (cal.ok ? cal.value.byDate.get(date) : undefined);

  it('every Kurban Ait date', () => {
    const rows = [...facts.matchAll(/\|\s*(\d{4})\s*\|\s*(\d{1,2} [A-Z][a-z]{2})[^|]*\|/g)];
    expect(rows.length).toBe(17);
    for (const [, y, dm] of rows) {
      const date = dayMonth(Number(y), dm ?? '');
      expect(kindOf(date), date).toMatchObject({ kind: 'religious', key: 'kurban_ait' });
    }
  });

  it('every transfer, with its act and the weekdays the facts give', () => {
    const rows = [
      ...facts.matchAll(
        /^\|\s*(\d{4})\s*\|\s*([A-Z][a-z]{2}) ([^|]+?)\s*\|\s*([A-Z][a-z]{2}) ([^|]+?)\s*\|\s*(\w+)\s*\|$/gm,
      ),
    ];
    expect(rows.length).toBe(29);
    for (const [, y, offWd, off, workWd, work, act] of rows) {
      const offDate = dayMonth(Number(y), off ?? '');
      const workDate = dayMonth(Number(y), work ?? '');
      expect(WEEKDAYS[isoWeekday(offDate) - 1]).toBe(offWd);
      expect(WEEKDAYS[isoWeekday(workDate) - 1]).toBe(workWd);
      expect(kindOf(offDate), offDate).toMatchObject({
        kind: 'transferred_off',
        basis: { act },
        pairedWith: workDate,
      });
      expect(kindOf(workDate), workDate).toMatchObject({
        kind: 'transferred_workday',
        basis: { act },
        pairedWith: offDate,
      });
    }
  });
});
