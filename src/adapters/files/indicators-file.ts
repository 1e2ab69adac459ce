/**
 * Issue 8: the Appendix 3 table as XLSX and CSV, headed in Kazakh or Russian. Sheet 1 is the unit looked
 * at in the Appendix's layout (indicator · normative value · target next year · current value, under the five
 * group headings); sheet 2 has one row per unit of the chosen level with the current value of each indicator.
 * Values are numbers a person can sum or chart (percent, one decimal); "no data" is words, never 0 or 100.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { IndicatorCell, IndicatorRow, IndicatorTable } from '../../app/kpi/get-indicators';
import { APPENDIX_TABLE, INDICATOR_GROUPS, INDICATORS } from '../../domain/kpi/indicators';
import { ratingWords } from '../../domain/kpi/value';

export type ExportLanguage = 'kk' | 'ru';

const WORDS = {
  kk: {
    noData: 'деректер жоқ',
    period: 'Кезең',
    unit: 'Бірлік',
    byUnit: 'Бірліктер бойынша',
    level: 'Деңгей',
    key: 'Коды',
    name: 'Атауы',
    code: 'Көрсеткіш',
    numerator: 'Алымы',
    denominator: 'Бөлімі',
    rating: 'Бағасы',
    asOf: 'Есептелген уақыты',
    levels: { office: 'кеңсе', district: 'аудан', oblast: 'облыс', country: 'ел' },
    ratings: {
      green: 'нормативке сай',
      amber: 'нормативтен төмен, мақсатқа сай',
      red: 'нормативтен төмен',
      no_data: 'деректер жоқ',
      ceiling_amber: 'рұқсат етілген деңгейден жоғары, мақсатқа сай',
      ceiling_red: 'рұқсат етілген деңгейден жоғары',
    },
  },
  ru: {
    noData: 'нет данных',
    period: 'Период',
    unit: 'Единица',
    byUnit: 'По единицам',
    level: 'Уровень',
    key: 'Код',
    name: 'Наименование',
    code: 'Показатель',
    numerator: 'Числитель',
    denominator: 'Знаменатель',
    rating: 'Оценка',
    asOf: 'Рассчитано',
    levels: { office: 'офис', district: 'район', oblast: 'область', country: 'страна' },
    ratings: {
      green: 'соответствует нормативу',
      amber: 'ниже норматива, цель достигнута',
      red: 'ниже норматива',
      no_data: 'нет данных',
      ceiling_amber: 'выше допустимого, цель достигнута',
      ceiling_red: 'выше допустимого',
    },
  },
} as const;

const unitName = (row: IndicatorRow, lang: ExportLanguage) => row.name?.[lang] ?? row.key;

/** A normative as printed: a number, or the Appendix's band "40-50" as text. */
const normativeValue = (c: IndicatorCell): number | string =>
  /^\d+(?:\.\d+)?$/.test(c.normativeText) ? Number(c.normativeText) : c.normativeText;

const currentValue = (c: IndicatorCell, lang: ExportLanguage): number | string =>
  c.value.percent ?? WORDS[lang].noData;

/** The Appendix's table of one unit as workbook rows (group headings included). */
function appendixRows(row: IndicatorRow, lang: ExportLanguage): (string | number | null)[][] {
  const out: (string | number | null)[][] = [];
  let group = 0;
  for (const c of row.indicators) {
    const d = INDICATORS[c.code];
    if (d.group !== group) {
      group = d.group;
      out.push([`${group}.`, INDICATOR_GROUPS[d.group][lang], null, null, null]);
    }
    out.push([c.code, d.title[lang], normativeValue(c), c.targetNextYear, currentValue(c, lang)]);
  }
  return out;
}

export async function writeIndicatorsXlsx(
  table: IndicatorTable,
  lang: ExportLanguage,
  out: Writable,
): Promise<void> {
  const w = WORDS[lang];
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(lang === 'kk' ? 'Кесте' : 'Таблица');
  sheet.columns = [{ width: 8 }, { width: 70 }, { width: 18 }, { width: 18 }, { width: 18 }];
  const title = sheet.addRow([APPENDIX_TABLE.title[lang]]);
  title.font = { bold: true, size: 13 };
  title.commit();
  sheet.addRow([w.unit, unitName(table.total, lang)]).commit();
  sheet.addRow([w.period, table.period]).commit();
  sheet.addRow([w.asOf, table.asOf]).commit();
  sheet.addRow([]).commit();
  const header = sheet.addRow([
    '№',
    APPENDIX_TABLE.indicator[lang],
    APPENDIX_TABLE.normative[lang],
    APPENDIX_TABLE.targetNextYear[lang],
    APPENDIX_TABLE.current[lang],
  ]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.commit();
  for (const values of appendixRows(table.total, lang)) {
    const r = sheet.addRow(values);
    if (values[2] === null) r.font = { bold: true };
    r.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    r.commit();
  }
  sheet.commit();

  const units = workbook.addWorksheet(w.byUnit, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const codes = table.total.indicators.map((c) => c.code);
  units.columns = [{ width: 14 }, { width: 40 }, ...codes.map(() => ({ width: 10 }))];
  const head = units.addRow([w.key, w.name, ...codes]);
  head.font = { bold: true };
  head.commit();
  for (const row of [table.total, ...table.rows]) {
    units
      .addRow([row.key, unitName(row, lang), ...row.indicators.map((c) => currentValue(c, lang))])
      .commit();
  }
  units.commit();
  await workbook.commit();
}

const FORMULA_START = /^[=+\-@\t\r]/;
/** A CSV field: quoted when needed; text that a spreadsheet would run as a formula is prefixed with '. */
export const csvField = (value: string | number | null): string => {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * The table as CSV (UTF-8 with a BOM, ";" between fields, CRLF — what Excel in kk-KZ and ru-RU opens by a double
 * click): one line per unit and indicator, the unit looked at first, with the numerator and denominator.
 */
export async function writeIndicatorsCsv(
  table: IndicatorTable,
  lang: ExportLanguage,
  out: Writable,
): Promise<void> {
  const w = WORDS[lang];
  const line = (values: (string | number | null)[]) => `${values.map(csvField).join(';')}\r\n`;
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write(
    `\uFEFF${line([
      w.period,
      w.level,
      w.key,
      w.name,
      w.code,
      APPENDIX_TABLE.indicator[lang],
      APPENDIX_TABLE.normative[lang],
      APPENDIX_TABLE.targetNextYear[lang],
      APPENDIX_TABLE.current[lang],
      w.numerator,
      w.denominator,
      w.rating,
    ])}`,
  );
  for (const row of [table.total, ...table.rows]) {
    const lines = row.indicators.map((c) =>
      line([
        table.period,
        w.levels[row.level],
        row.key,
        unitName(row, lang),
        c.code,
        INDICATORS[c.code].title[lang],
        c.normativeText,
        c.targetNextYear,
        currentValue(c, lang),
        c.value.numerator,
        c.value.denominator,
        w.ratings[ratingWords(c.direction, c.rating)],
      ]),
    );
    await write(lines.join(''));
  }
  out.end();
  await once(out, 'finish');
}
