import type { Command } from 'commander';
import { addCalendarChange } from '../../app/calendar/add-calendar-change';
import type { CalendarChange } from '../../app/calendar/calendar-change';
import { buildYearSpec } from '../../domain/calendar';
import { type PlainDate, parsePlainDate } from '../../domain/shared/plain-date';
import { openRuntime } from '../../adapters/runtime';
import { loadConfig } from '../../adapters/system/config';

function day(text: string, option: string): PlainDate {
  const d = parsePlainDate(text);
  if (!d.ok) throw new Error(`${option}: ${d.error.message}`);
  return d.value;
}

async function apply(change: CalendarChange) {
  const runtime = await openRuntime(loadConfig());
  try {
    const r = await addCalendarChange(runtime.deps, null, change, null);
    if (!r.ok) {
      console.error(`${r.error.code}: ${r.error.message}\nnothing was changed`);
      process.exitCode = 1;
    } else console.log(`calendar updated; coverage ${r.value.coverage.from} … ${r.value.coverage.to}`);
  } finally {
    await runtime.close();
  }
}

export function registerCalendarCommands(program: Command) {
  const calendar = program
    .command('calendar')
    .description('the working calendar (R-7, R-10): add what a new act decrees');
  calendar
    .command('add-transfer')
    .description('a weekday becomes a day off and a weekend day a working day')
    .requiredOption('--off <date>', 'the weekday that rests (YYYY-MM-DD)')
    .requiredOption('--work <date>', 'the weekend day that is worked instead')
    .requiredOption('--act <id>', 'the act that decrees it (e.g. the adilet id)')
    .action((o: { off: string; work: string; act: string }) =>
      apply({
        type: 'transfer',
        off: day(o.off, '--off'),
        work: day(o.work, '--work'),
        basis: { act: o.act },
      }),
    );
  calendar
    .command('set-kurban-ait')
    .description("set a year's Kurban Ait date (a non-working day that never moves)")
    .requiredOption('--date <date>', 'YYYY-MM-DD')
    .requiredOption('--act <id>', 'the act that announces it')
    .option('--provisional', 'an estimate until the date is announced')
    .action((o: { date: string; act: string; provisional?: boolean }) =>
      apply({
        type: 'kurban_ait',
        date: day(o.date, '--date'),
        basis: { act: o.act },
        ...(o.provisional ? { provisional: true } : {}),
      }),
    );
  calendar
    .command('add-year')
    .description(
      'add the year after (or before) the coverage: holidays drafted from the adjacent year, plus Kurban Ait and transfers',
    )
    .requiredOption('--year <yyyy>', 'the year to add')
    .requiredOption('--act <id>', 'the act that sets the year (Kurban Ait, transfers)')
    .option('--kurban-ait <date>', 'the first day of Kurban Ait (YYYY-MM-DD)')
    .option('--provisional', 'the Kurban Ait date is an estimate until announced')
    .option('--transfer <off:work...>', 'a transfer, e.g. 2028-03-24:2028-03-18 (repeatable)')
    .action(
      async (o: {
        year: string;
        act: string;
        kurbanAit?: string;
        provisional?: boolean;
        transfer?: string[];
      }) => {
        const year = Number(o.year);
        if (!Number.isInteger(year)) throw new Error('--year: expected a year such as 2028');
        const transfers = (o.transfer ?? []).map((t) => {
          const [off = '', work = ''] = t.split(':');
          return { off: day(off, '--transfer'), work: day(work, '--transfer') };
        });
        const runtime = await openRuntime(loadConfig());
        let spec: ReturnType<typeof buildYearSpec>;
        try {
          spec = buildYearSpec(await runtime.deps.calendar.current(), {
            year,
            basis: { act: o.act },
            ...(o.kurbanAit
              ? { kurbanAit: { date: day(o.kurbanAit, '--kurban-ait'), provisional: !!o.provisional } }
              : {}),
            transfers,
          });
        } finally {
          await runtime.close();
        }
        if (!spec.ok) {
          console.error(`${spec.error.code}: ${spec.error.message}\nnothing was changed`);
          process.exitCode = 1;
          return;
        }
        await apply({ type: 'year', spec: spec.value });
      },
    );
}
