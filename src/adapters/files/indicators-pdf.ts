/**
 * Issue 8 item 4: the Appendix 3 table as PDF, in Kazakh or Russian, printed by the project's direct PDF
 * writer (ADR 0006) — the unit looked at, in the Appendix's layout (№ · indicator · normative value · target
 * next year · current value, under the five group headings), then one line per unit of the chosen level with
 * the current value of each indicator. "No data" is words, never 0 or 100 %. The words are the XLSX's.
 */
import type { IndicatorCell, IndicatorRow, IndicatorTable } from '../../app/kpi/get-indicators';
import type { PrintableDocument } from '../../domain/certificates/documents';
import { civilParts, formatDate } from '../../domain/certificates/format-text';
import { APPENDIX_TABLE, INDICATOR_GROUPS, INDICATORS } from '../../domain/kpi/indicators';
import type { PdfRenderer } from '../pdf/pdf-renderer';
import type { ExportLanguage } from './indicators-file';

const WORDS = {
  kk: {
    noData: 'деректер жоқ',
    unit: 'Бірлік',
    period: 'Кезең',
    asOf: 'Есептелген уақыты',
    byUnit: 'Бірліктер бойынша ағымдағы мәндер, %',
    name: 'Атауы',
    preparedBy: 'Дайындаған',
    issuer: 'Мемлекеттік қызмет сапасының көрсеткіштері (стандарттың 3-қосымшасы)',
    notes: [
      'Мәндер — кезеңдегі жазбалар бойынша алымдар қосындысының бөлімдер қосындысына қатынасы, %.',
      '«Деректер жоқ» (бірліктер кестесінде «—») — кезеңде есептелетін жазба болмады; бұл 0 % те, 100 % те емес.',
      '4.1 көрсеткішінің нормативі — жоғарғы шек (1 %-дан аспауы керек), қалғандары — төменгі шек.',
    ],
  },
  ru: {
    noData: 'нет данных',
    unit: 'Единица',
    period: 'Период',
    asOf: 'Рассчитано',
    byUnit: 'Текущие значения по единицам, %',
    name: 'Наименование',
    preparedBy: 'Подготовил',
    issuer: 'Показатели качества государственной услуги (приложение 3 к стандарту)',
    notes: [
      'Значение — отношение суммы числителей к сумме знаменателей по записям периода, %.',
      '«Нет данных» (в таблице по единицам «—») — в периоде не было учитываемых записей; это не 0 % и не 100 %.',
      'Норматив показателя 4.1 — потолок (не более 1 %), остальных — нижняя граница.',
    ],
  },
} as const;

const unitName = (row: IndicatorRow, lang: ExportLanguage) => row.name?.[lang] ?? row.key;

/** One decimal, with the decimal comma of both languages. */
const percentText = (v: number) => String(v).replace('.', ',');

const current = (c: IndicatorCell, lang: ExportLanguage): string =>
  c.value.percent === null ? WORDS[lang].noData : percentText(c.value.percent);

/** The table as a document of the PDF writer: final strings in one language. */
export function indicatorsDocument(
  table: IndicatorTable,
  lang: ExportLanguage,
  preparedBy: string,
): PrintableDocument {
  const w = WORDS[lang];
  const asOf = civilParts(table.asOf);
  const rows: string[][] = [];
  let group = 0;
  for (const c of table.total.indicators) {
    const d = INDICATORS[c.code];
    if (d.group !== group) {
      group = d.group;
      rows.push([`${group}.`, INDICATOR_GROUPS[d.group][lang], '', '', '']);
    }
    rows.push([
      c.code,
      d.title[lang],
      c.normativeText,
      c.targetNextYear === null ? '—' : percentText(c.targetNextYear),
      current(c, lang),
    ]);
  }
  const codes = table.total.indicators.map((c) => c.code);
  const sections: PrintableDocument['sections'][number][] = [
    {
      fields: [
        { label: w.unit, value: unitName(table.total, lang) },
        { label: w.period, value: table.period },
        { label: w.asOf, value: `${formatDate(asOf.date, lang)}, ${asOf.time}` },
      ],
    },
    {
      table: {
        title: APPENDIX_TABLE.title[lang],
        columns: [
          '№',
          APPENDIX_TABLE.indicator[lang],
          APPENDIX_TABLE.normative[lang],
          APPENDIX_TABLE.targetNextYear[lang],
          APPENDIX_TABLE.current[lang],
        ],
        rows,
      },
    },
  ];
  if (table.rows.length > 0) {
    // The units as rows, the indicators as columns: twelve narrow figures fit A4 portrait.
    sections.push({
      table: {
        title: w.byUnit,
        columns: [w.name, ...codes],
        // "—" keeps the twelve columns narrow; the note under the table says it means "no data".
        rows: table.rows.map((row) => [
          unitName(row, lang),
          ...row.indicators.map((c) => (c.value.percent === null ? '—' : percentText(c.value.percent))),
        ]),
      },
    });
  }
  return {
    kind: 'indicator_table',
    language: lang,
    issuer: w.issuer,
    title: APPENDIX_TABLE.title[lang],
    subtitle: `${unitName(table.total, lang)} · ${table.period}`,
    number: `${table.within.key}-${table.period}`,
    date: formatDate(asOf.date, lang),
    sections,
    signatory: { position: w.preparedBy, name: preparedBy },
    footer: [...w.notes],
  };
}

export async function renderIndicatorsPdf(
  renderer: PdfRenderer,
  table: IndicatorTable,
  lang: ExportLanguage,
  preparedBy: string,
): Promise<Buffer> {
  return renderer.render(indicatorsDocument(table, lang, preparedBy));
}
