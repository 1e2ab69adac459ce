/**
 * Generates data/calendar/kz.json (R-7, R-10; issue 3 item 4) from the tables below, which transcribe
 * ../shared/calendar/kz-calendar-facts.md. The observed days are not in the tables: the domain's weekend rule
 * (src/domain/calendar/holiday-rules.ts) derives them, the same code the admin edits use.
 *
 *   npx tsx scripts/generate-calendar.ts           write the file
 *   npx tsx scripts/generate-calendar.ts --check   exit 1 if the committed file differs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type CalendarSources,
  deriveEntries,
  type HolidaySource,
  type ReligiousSource,
  type TransferSource,
} from '../src/domain/calendar/holiday-rules';
import type {
  ActInfo,
  CalendarJson,
  LegalBasis,
  LocalizedName,
} from '../src/domain/calendar/working-calendar';
import { type PlainDate, plainDate } from '../src/domain/shared/plain-date';

const FIRST_YEAR = 2011;
const LAST_YEAR = 2027;

const HOLIDAYS_LAW: LegalBasis = { act: 'Z010000267_', article: '5' };

/** Public holidays by fixed date and the years they were non-working days (facts: "Public holidays"). */
const HOLIDAYS: readonly {
  key: string;
  month: number;
  day: number;
  from?: number;
  to?: number;
  name: LocalizedName;
}[] = [
  { key: 'new_year', month: 1, day: 1, name: { kk: 'Жаңа жыл', ru: 'Новый год' } },
  { key: 'new_year', month: 1, day: 2, name: { kk: 'Жаңа жыл', ru: 'Новый год' } },
  {
    key: 'womens_day',
    month: 3,
    day: 8,
    name: { kk: 'Халықаралық әйелдер күні', ru: 'Международный женский день' },
  },
  // 15 March from 2027: Constitution Day moved by the 2026 constitutional change.
  {
    key: 'constitution_day',
    month: 3,
    day: 15,
    from: 2027,
    name: { kk: 'Қазақстан Республикасының Конституциясы күні', ru: 'День Конституции Республики Казахстан' },
  },
  { key: 'nauryz', month: 3, day: 21, name: { kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы' } },
  { key: 'nauryz', month: 3, day: 22, name: { kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы' } },
  { key: 'nauryz', month: 3, day: 23, name: { kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы' } },
  {
    key: 'unity_day',
    month: 5,
    day: 1,
    name: { kk: 'Қазақстан халқының бірлігі мерекесі', ru: 'Праздник единства народа Казахстана' },
  },
  {
    key: 'defender_day',
    month: 5,
    day: 7,
    from: 2013,
    name: { kk: 'Отан қорғаушы күні', ru: 'День защитника Отечества' },
  },
  { key: 'victory_day', month: 5, day: 9, name: { kk: 'Жеңіс күні', ru: 'День Победы' } },
  { key: 'capital_day', month: 7, day: 6, name: { kk: 'Астана күні', ru: 'День столицы' } },
  {
    key: 'constitution_day',
    month: 8,
    day: 30,
    to: 2025,
    name: { kk: 'Қазақстан Республикасының Конституциясы күні', ru: 'День Конституции Республики Казахстан' },
  },
  {
    key: 'republic_day',
    month: 10,
    day: 25,
    from: 2022,
    to: 2025,
    name: { kk: 'Республика күні', ru: 'День Республики' },
  },
  {
    key: 'republic_day',
    month: 10,
    day: 25,
    from: 2026,
    name: { kk: 'Қазақстан Республикасы күні', ru: 'День Республики Казахстан' },
  },
  {
    key: 'first_president_day',
    month: 12,
    day: 1,
    from: 2012,
    to: 2021,
    name: { kk: 'Тұңғыш Президент күні', ru: 'День Первого Президента Республики Казахстан' },
  },
  { key: 'independence_day', month: 12, day: 16, name: { kk: 'Тәуелсіздік күні', ru: 'День Независимости' } },
  {
    key: 'independence_day',
    month: 12,
    day: 17,
    to: 2021,
    name: { kk: 'Тәуелсіздік күні', ru: 'День Независимости' },
  },
];

/** First day of Kurban Ait as announced (2027: an estimate until announced). */
const KURBAN_AIT: Readonly<Record<number, string>> = {
  2011: '2011-11-06',
  2012: '2012-10-26',
  2013: '2013-10-15',
  2014: '2014-10-04',
  2015: '2015-09-24',
  2016: '2016-09-12',
  2017: '2017-09-01',
  2018: '2018-08-21',
  2019: '2019-08-11',
  2020: '2020-07-31',
  2021: '2021-07-20',
  2022: '2022-07-09',
  2023: '2023-06-28',
  2024: '2024-06-16',
  2025: '2025-06-06',
  2026: '2026-05-27',
  2027: '2027-05-16',
};
const PROVISIONAL_KURBAN_AIT = new Set([2027]);

/** The Labour Code in force makes 7 January and Kurban Ait days off that never move. */
function religiousBasis(year: number): LegalBasis {
  return year <= 2015 ? { act: 'K070000251_', article: '96' } : { act: 'K1500000414', article: '84' };
}

/** Transfers for the five-day week (facts: "Transferred days off"): [day off, working day instead, act]. */
const TRANSFERS: readonly [off: string, work: string, act: string][] = [
  ['2011-03-07', '2011-03-05', 'P1100000167'],
  ['2011-08-29', '2011-08-27', 'P1100000948'],
  ['2012-03-09', '2012-03-11', 'P1200000268'],
  ['2012-04-30', '2012-04-28', 'P1200000458'],
  ['2012-12-31', '2012-12-29', 'P1200001538'],
  ['2013-05-10', '2013-05-04', 'P1300000345'],
  ['2013-10-14', '2013-10-12', 'P1300001068'],
  ['2014-01-03', '2013-12-28', 'P1300001322'],
  ['2014-05-02', '2014-05-04', 'P1400000365'],
  ['2014-05-08', '2014-05-11', 'P1400000365'],
  ['2016-03-07', '2016-03-05', 'P1600000067'],
  ['2017-03-20', '2017-03-18', 'P1700000005'],
  ['2017-07-07', '2017-07-01', 'P1700000005'],
  ['2018-03-09', '2018-03-03', 'P1700000864'],
  ['2018-04-30', '2018-04-28', 'P1700000864'],
  ['2018-05-08', '2018-05-05', 'P1700000864'],
  ['2018-08-31', '2018-08-25', 'P1700000864'],
  ['2018-12-31', '2018-12-29', 'P1700000864'],
  ['2019-05-10', '2019-05-04', 'P1800000888'],
  ['2020-01-03', '2020-01-05', 'P1900000820'],
  // Victory Day 2020 fell on Saturday: the decree moved its observed Monday 11 May to Friday 8 May.
  ['2020-05-08', '2020-05-11', 'P1900000820'],
  ['2020-12-18', '2020-12-20', 'P1900000820'],
  ['2021-07-05', '2021-07-03', 'P2000000930'],
  ['2022-03-07', '2022-03-05', 'P2200000796'],
  ['2022-08-29', '2022-08-27', 'P2200000796'],
  ['2022-10-24', '2022-10-22', 'P2200000796'],
  ['2023-07-07', '2023-07-01', 'P2300000326'],
  ['2024-05-08', '2024-05-04', 'G24G0000109'],
  ['2025-01-03', '2025-01-05', 'G24G0000436'],
];

function actUrl(id: string): string {
  return `https://adilet.zan.kz/rus/docs/${id}`;
}

function acts(): Record<string, ActInfo> {
  const out: Record<string, ActInfo> = {
    Z010000267_: {
      kind: 'law',
      title:
        'Law of the Republic of Kazakhstan No. 267-II of 13 December 2001 «On holidays in the Republic of Kazakhstan»',
      url: actUrl('Z010000267_'),
    },
    K070000251_: {
      kind: 'code',
      title:
        'Labour Code of the Republic of Kazakhstan No. 251-III of 15 May 2007 (in force until 31 December 2015)',
      url: actUrl('K070000251_'),
    },
    K1500000414: {
      kind: 'code',
      title: 'Labour Code of the Republic of Kazakhstan No. 414-V of 23 November 2015',
      url: actUrl('K1500000414'),
    },
  };
  for (const [off, , id] of TRANSFERS) {
    const year = off.slice(0, 4);
    const existing = out[id];
    const order = id.startsWith('G') ? 'minister_order' : 'government_decree';
    const what =
      order === 'minister_order'
        ? 'Order of the Minister of Labour and Social Protection of the Population on transferring days off'
        : 'Government Decree on transferring days off';
    if (!existing) out[id] = { kind: order, title: `${what} in ${year}`, url: actUrl(id) };
    else if (!existing.title.endsWith(year)) out[id] = { ...existing, title: `${existing.title}, ${year}` };
  }
  return out;
}

export function kzCalendarSources(): CalendarSources {
  const holidays: HolidaySource[] = [];
  const religious: ReligiousSource[] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (const h of HOLIDAYS) {
      if ((h.from ?? FIRST_YEAR) <= year && year <= (h.to ?? LAST_YEAR)) {
        holidays.push({
          date: plainDate(year, h.month, h.day),
          key: h.key,
          name: h.name,
          basis: HOLIDAYS_LAW,
        });
      }
    }
    religious.push({
      date: plainDate(year, 1, 7),
      key: 'orthodox_christmas',
      name: { kk: 'Православиелік Рождество', ru: 'Православное Рождество' },
      basis: religiousBasis(year),
    });
    const kurban = KURBAN_AIT[year];
    if (!kurban) throw new Error(`no Kurban Ait date for ${year}`);
    religious.push({
      date: kurban as PlainDate,
      key: 'kurban_ait',
      name: { kk: 'Құрбан айт', ru: 'Курбан айт' },
      basis: religiousBasis(year),
      ...(PROVISIONAL_KURBAN_AIT.has(year) ? { provisional: true } : {}),
    });
  }
  const transfers: TransferSource[] = TRANSFERS.map(([off, work, act]) => ({
    off: off as PlainDate,
    work: work as PlainDate,
    basis: { act },
  }));
  return { holidays, religious, transfers };
}

export function buildKzCalendarJson(): CalendarJson {
  const entries = deriveEntries(kzCalendarSources());
  if (!entries.ok) throw new Error(`${entries.error.code}: ${entries.error.message}`);
  return {
    coverage: { from: plainDate(FIRST_YEAR, 1, 1), to: plainDate(LAST_YEAR, 12, 31) },
    acts: acts(),
    days: entries.value,
  };
}

/** One day per line, so a year's review or an admin edit reads as a short diff. */
export function serializeCalendar(json: CalendarJson): string {
  const head = {
    $comment:
      'Generated by scripts/generate-calendar.ts from ../shared/calendar/kz-calendar-facts.md; edit the script, not this file. Five-day week; the weekdays and weekends not listed are ordinary.',
    coverage: json.coverage,
    acts: json.acts,
  };
  const headText = JSON.stringify(head, null, 2);
  const days = json.days.map((d) => `    ${JSON.stringify(d)}`).join(',\n');
  return `${headText.slice(0, -2)},\n  "days": [\n${days}\n  ]\n}\n`;
}

export const KZ_CALENDAR_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'data',
  'calendar',
  'kz.json',
);

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const text = serializeCalendar(buildKzCalendarJson());
  if (process.argv.includes('--check')) {
    const current = readFileSync(KZ_CALENDAR_PATH, 'utf8');
    if (current !== text) {
      console.error(`${KZ_CALENDAR_PATH} is out of date: run npx tsx scripts/generate-calendar.ts`);
      process.exit(1);
    }
    console.log(`${KZ_CALENDAR_PATH} is up to date`);
  } else {
    writeFileSync(KZ_CALENDAR_PATH, text);
    console.log(`wrote ${KZ_CALENDAR_PATH}`);
  }
}
