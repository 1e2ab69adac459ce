/**
 * Issue 8 item 4: the records behind a figure as CSV (UTF-8 with a BOM, ";", CRLF, like the table's CSV),
 * written while the use case reads the period a day at a time: each day's lines wait for the reader to drain the
 * last ones, so a year of the whole country never sits in memory. No personal data (see the use case).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { type RecordsExport, streamIndicatorRecords } from '../../app/kpi/export-indicator-records';
import type { Deps } from '../../app/ports';
import { csvField, type ExportLanguage } from './indicators-file';

const HEADER = {
  kk: [
    'Кезең',
    'Көрсеткіш',
    'Түрі',
    'Коды',
    'Кеңсе',
    'Аудан',
    'Облыс',
    'Себебі',
    'Күні',
    'Мерзімі',
    'Аяқталды',
    'Толығырақ',
  ],
  ru: [
    'Период',
    'Показатель',
    'Тип',
    'Код',
    'Офис',
    'Район',
    'Область',
    'Причина',
    'Дата',
    'Срок',
    'Завершено',
    'Подробно',
  ],
} as const;

export async function writeIndicatorRecordsCsv(
  deps: Deps,
  job: RecordsExport,
  lang: ExportLanguage,
  out: Writable,
): Promise<void> {
  const line = (values: readonly (string | number | null)[]) => `${values.map(csvField).join(';')}\r\n`;
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write(`\uFEFF${line(HEADER[lang])}`);
  await streamIndicatorRecords(deps, job, (rows) =>
    write(
      rows
        .map((r) =>
          line([
            job.period,
            job.code,
            r.type,
            r.id,
            r.office,
            r.district,
            r.oblast,
            r.reason,
            r.at,
            r.due,
            r.completed,
            r.detail,
          ]),
        )
        .join(''),
    ),
  );
  out.end();
  await once(out, 'finish');
}
