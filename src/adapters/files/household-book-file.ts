/**
 * The household book as a file (R-1; issue 4, item 3 and "Bad input"): bytes of an uploaded CSV or
 * XLSX → rows of strings for `parseHouseholdBookRows`, and an akimat's book → a CSV or XLSX in the same layout
 * (docs/household-book-import.md). Everything that is about the FILE is decided here, with coded errors
 * (`FILE.*`) that name the line and the cell; everything about the CONTENT is the domain's.
 *
 * Line numbers are spreadsheet row numbers: `rows[i]` is row i + 1, blank rows included, so an error the
 * domain reports on line 7 is the row a person finds as 7 in Excel.
 */
import { once } from 'node:events';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Household } from '../../domain/household/household';
import { householdBookHeader, householdBookRows } from '../../domain/household/import-rows';
import type { SpeciesCatalogue } from '../../domain/household/species';
import { err, ok, type Result } from '../../domain/shared/result';
import { cellText } from './sheet-cells';
import { decodeText, lostLetters, utf16Bom } from './text-encoding';
import { listZipEntries } from './zip-directory';

/** Upload limit; the HTTP route and the CLI check the size before reading the body (`checkImportSize`). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/**
 * Sum of the sizes an XLSX declares for its parts once inflated. exceljs holds the whole workbook in memory
 * (about eight times the XML: 56 MB of sheet XML took 470 MB of heap), so this bounds the memory one
 * upload can take; a real book of 50,000 members is well under it.
 */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 128 * 1024 * 1024;

export const FILE_ERROR_CODES = [
  'FILE.TOO_LARGE',
  'FILE.EMPTY',
  'FILE.UNSUPPORTED_FORMAT',
  'FILE.UNREADABLE',
  'FILE.BAD_CSV',
  'FILE.NOT_UTF8',
  'FILE.UNKNOWN_ENCODING',
  'FILE.XLSX_FORMULA',
  'FILE.XLSX_MERGED_CELLS',
] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];

export const FILE_WARNING_CODES = [
  'FILE.CONVERTED_FROM_CP1251',
  'FILE.CP1251_LOST_LETTERS',
  'FILE.EXTENSION_MISMATCH',
  'FILE.OTHER_SHEETS_IGNORED',
] as const;
export type FileWarningCode = (typeof FILE_WARNING_CODES)[number];

export interface FileIssueDetails {
  /** Spreadsheet row (1-based; the header is 1). */
  readonly line?: number;
  /** Cell address as Excel writes it, `B7`. */
  readonly cell?: string;
  readonly [key: string]: unknown;
}

/** Something the person should know although the file was read (a conversion, an ignored sheet). */
export interface FileWarning {
  readonly code: FileWarningCode;
  readonly message: string;
  readonly details: FileIssueDetails;
}

export interface HouseholdBookFile {
  /** `rows[0]` is the header; `rows[i]` is spreadsheet row i + 1; empty cells are ''. */
  readonly rows: string[][];
  readonly format: 'csv' | 'xlsx';
  /** CSV only: `utf-8`, `windows-1251` (converted) or `utf-16le`/`utf-16be`. */
  readonly encoding?: string;
  readonly warnings: FileWarning[];
}

export interface ReadHouseholdBookInput {
  readonly bytes: Uint8Array;
  /** Used only to warn when the name's extension contradicts the content, which decides. */
  readonly fileName: string;
  /**
   * Absent: a CSV that is not UTF-8 but is windows-1251 is converted, with `FILE.CONVERTED_FROM_CP1251`.
   * `'utf-8'`: such a file is refused with `FILE.NOT_UTF8` (`details.detected: 'windows-1251'`) instead.
   */
  readonly expectedEncoding?: 'utf-8';
}

const fail = (code: FileErrorCode, message: string, details: FileIssueDetails = {}) =>
  err(code, message, { ...details });

const MIB = 1024 * 1024;

/** Size check before reading anything (issue 4: "a 200 MB file (refused by size before reading)"). */
export function checkImportSize(size: number): Result<void> {
  if (size > MAX_IMPORT_BYTES) {
    return fail(
      'FILE.TOO_LARGE',
      `the file is ${Math.ceil(size / MIB)} MiB; the limit is ${MAX_IMPORT_BYTES / MIB} MiB`,
      { size, limit: MAX_IMPORT_BYTES },
    );
  }
  if (size <= 0) return fail('FILE.EMPTY', 'the file is empty');
  return ok(undefined);
}

/**
 * Bytes → rows. Never throws: every failure is a coded `FILE.*` error with `details.line`/`details.cell`
 * where there is one. The format is sniffed from the content (an XLSX is a ZIP starting `PK\x03\x04`),
 * not taken from the name.
 */
export async function readHouseholdBookFile(
  input: ReadHouseholdBookInput,
): Promise<Result<HouseholdBookFile>> {
  try {
    return await read(input);
  } catch (e) {
    // A library failing on bytes nobody foresaw: still the person's file that cannot be read.
    return fail('FILE.UNREADABLE', 'the file could not be read', {
      reason: e instanceof Error ? e.message : String(e),
    });
  }
}

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

async function read(input: ReadHouseholdBookInput): Promise<Result<HouseholdBookFile>> {
  const { bytes } = input;
  const size = checkImportSize(bytes.byteLength);
  if (!size.ok) return size;
  const ext = path.extname(input.fileName).toLowerCase();

  if (startsWith(bytes, ZIP_LOCAL)) {
    const r = await readXlsx(bytes);
    if (r.ok && ext !== '.xlsx' && ext !== '.xlsm') r.value.warnings.unshift(extensionMismatch(ext, 'xlsx'));
    return r;
  }
  if (startsWith(bytes, ZIP_EMPTY)) {
    return fail('FILE.UNSUPPORTED_FORMAT', 'an empty ZIP archive, not a workbook', { detected: 'zip' });
  }
  if (startsWith(bytes, OLE2)) {
    // Excel 97–2003 .xls, and also any password-protected .xlsx (Excel wraps those in the same container).
    return fail(
      'FILE.UNSUPPORTED_FORMAT',
      'an Excel 97–2003 (.xls) or password-protected workbook: save it as .xlsx without a password, or as CSV UTF-8',
      { detected: 'xls' },
    );
  }
  if (startsWith(bytes, PDF))
    return fail('FILE.UNSUPPORTED_FORMAT', 'a PDF, not a table', { detected: 'pdf' });
  if (utf16Bom(bytes) === undefined && looksBinary(bytes)) {
    return fail('FILE.UNSUPPORTED_FORMAT', 'neither CSV text nor an XLSX workbook', { detected: 'binary' });
  }
  const r = readCsv(bytes, input.expectedEncoding === 'utf-8');
  if (r.ok && !['.csv', '.txt', '.tsv', ''].includes(ext))
    r.value.warnings.unshift(extensionMismatch(ext, 'csv'));
  return r;
}

function extensionMismatch(ext: string, format: 'csv' | 'xlsx'): FileWarning {
  return {
    code: 'FILE.EXTENSION_MISMATCH',
    message: `the file is named ${ext || 'without an extension'} but holds ${format.toUpperCase()}; read as ${format.toUpperCase()}`,
    details: { extension: ext, format },
  };
}

/** NUL bytes, or more than 1 % control characters other than tab, CR, LF and form feed: not a text file. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) || b === 0x7f) control++;
  }
  return control > n * 0.01;
}

// ---------------------------------------------------------------------------------------------- CSV

function readCsv(bytes: Uint8Array, strictUtf8: boolean): Result<HouseholdBookFile> {
  const decoded = decodeText(bytes, strictUtf8);
  if (!decoded.ok) {
    if (strictUtf8) {
      return fail(
        'FILE.NOT_UTF8',
        decoded.detected === 'windows-1251'
          ? 'the file is in windows-1251 (cp1251); save it as "CSV UTF-8"'
          : 'the file is not UTF-8; save it as "CSV UTF-8"',
        decoded.detected ? { line: decoded.line, detected: decoded.detected } : { line: decoded.line },
      );
    }
    return fail(
      'FILE.UNKNOWN_ENCODING',
      'the text is neither UTF-8 nor windows-1251; save it as "CSV UTF-8"',
      {
        line: decoded.line,
      },
    );
  }
  const { text, encoding } = decoded;
  if (text.trim() === '') return fail('FILE.EMPTY', 'the file has no text');
  // 1C and other systems "export to Excel" as an HTML table named .xls; CSV parsing would make garbage of it.
  if (/^\s*</.test(text)) {
    return fail(
      'FILE.UNSUPPORTED_FORMAT',
      'an HTML or XML document, not a table: open it in Excel and save as .xlsx',
      {
        detected: 'html',
      },
    );
  }
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      // As Excel reads it: a quote inside an unquoted field is a character, not a syntax error.
      relax_quotes: true,
      skip_empty_lines: false,
      trim: false,
    });
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    // csv-parse counts the records it completed; the broken one is the next spreadsheet row.
    const records = typeof e.records === 'number' ? e.records : 0;
    const message =
      e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted value is never closed' : 'the row is not valid CSV';
    return fail('FILE.BAD_CSV', message, { line: records + 1, reason: e.code });
  }
  rows = rows.map((row) => row.map(unescapeFormulaGuard));
  const warnings: FileWarning[] = [];
  if (encoding === 'windows-1251') {
    warnings.push({
      code: 'FILE.CONVERTED_FROM_CP1251',
      message: 'the file was in windows-1251 (cp1251) and was converted to UTF-8',
      details: { encoding },
    });
    const lost = lostLetters(rows);
    if (lost) {
      warnings.push({
        code: 'FILE.CP1251_LOST_LETTERS',
        message:
          'windows-1251 cannot hold Kazakh letters (ә ғ қ ң ө ұ ү һ): Excel wrote "?" for them; save as "CSV UTF-8" or .xlsx',
        details: lost,
      });
    }
  }
  return ok({ rows, format: 'csv', encoding, warnings });
}

/**
 * The header decides: Excel in kk/ru locales separates with ";", elsewhere with ","; "Text (tab
 * delimited)" with tabs. The most frequent of the three outside quotes wins; one column means ",".
 */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.keys(counts) as (keyof typeof counts)[]).reduce((a, b) =>
    counts[b] > counts[a] ? b : a,
  );
  return counts[best] === 0 ? ',' : best;
}

/**
 * A CSV cell starting with = + - @ runs as a formula when the export is opened in Excel ("CSV injection"),
 * so the export prefixes such text with an apostrophe, which Excel shows but does not execute; the import
 * removes it again, so an exported file imports back unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const escapeFormulaGuard = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);
const unescapeFormulaGuard = (text: string) =>
  text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;

// --------------------------------------------------------------------------------------------- XLSX

async function readXlsx(bytes: Uint8Array): Promise<Result<HouseholdBookFile>> {
  const entries = listZipEntries(bytes);
  if (entries === undefined) {
    return fail('FILE.UNREADABLE', 'the workbook is damaged or incomplete (the ZIP cannot be read)', {
      reason: 'zip',
    });
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) {
    const detected = names.has('xl/workbook.bin')
      ? 'xlsb'
      : names.has('word/document.xml')
        ? 'docx'
        : names.has('content.xml')
          ? 'ods'
          : 'zip';
    return fail('FILE.UNSUPPORTED_FORMAT', `a ZIP archive (${detected}) that is not an XLSX workbook`, {
      detected,
    });
  }
  const inflated = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (inflated > MAX_XLSX_UNCOMPRESSED_BYTES) {
    return fail('FILE.TOO_LARGE', 'the workbook is too large once unpacked', {
      reason: 'uncompressed',
      size: inflated,
      limit: MAX_XLSX_UNCOMPRESSED_BYTES,
    });
  }

  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types the input as an ArrayBuffer; it hands it to JSZip, which takes a Node Buffer as is (no copy).
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer;
    await workbook.xlsx.load(data);
  } catch (e) {
    return fail('FILE.UNREADABLE', 'the workbook is damaged and cannot be opened', {
      reason: e instanceof Error ? e.message : String(e),
    });
  }
  const sheets = workbook.worksheets;
  // The sheet a person sees first when opening the file: hidden sheets are not it.
  const sheet = sheets.find((s) => s.state === undefined || s.state === 'visible') ?? sheets[0];
  if (sheet === undefined)
    return fail('FILE.UNREADABLE', 'the workbook has no worksheet', { reason: 'no-sheet' });

  const warnings: FileWarning[] = [];
  const ignored = sheets.filter((s) => s !== sheet && s.actualRowCount > 0).map((s) => s.name);
  if (ignored.length > 0) {
    warnings.push({
      code: 'FILE.OTHER_SHEETS_IGNORED',
      message: `only the sheet "${sheet.name}" is read`,
      details: { sheet: sheet.name, ignored },
    });
  }

  if (sheet.hasMerges) {
    // Merged cells hide which row a value belongs to; the layout repeats values instead (docs).
    const ranges = sheet.model.merges.map(parseRange).sort((a, b) => a.top - b.top || a.left - b.left);
    const first = ranges[0]!;
    return fail(
      'FILE.XLSX_MERGED_CELLS',
      `cells ${first.range} are merged; unmerge them and fill every row`,
      {
        line: first.top,
        cell: first.range.split(':')[0],
        range: first.range,
        count: ranges.length,
        sheet: sheet.name,
      },
    );
  }

  const rows: string[][] = [];
  let iinColumn = -1;
  let formula: { line: number; cell: string; formula: string } | undefined;
  let formulas = 0;
  sheet.eachRow((row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell((cell, col) => {
      if (cell.type === ExcelJS.ValueType.Formula) {
        formulas++;
        formula ??= { line: rowNumber, cell: cell.address, formula: cell.formula ?? '' };
        return;
      }
      cells[col - 1] = cellText(cell, rowNumber > 1 && col - 1 === iinColumn);
    });
    const dense = Array.from(cells, (c) => c ?? '');
    while (dense.length > 0 && dense[dense.length - 1] === '') dense.pop();
    if (rowNumber === 1) {
      iinColumn = dense.findIndex(
        (h) =>
          h
            .replace(/^\uFEFF/, '')
            .trim()
            .toLowerCase() === 'iin',
      );
    }
    rows[rowNumber - 1] = dense;
  });
  if (formula) {
    // Formulas are refused rather than read as their cached results: the result may be stale or absent
    // (files written by other programs), and the register must hold what was typed, not what was computed.
    return fail(
      'FILE.XLSX_FORMULA',
      `cell ${formula.cell} holds a formula; replace formulas with their values (Paste Special → Values)`,
      { ...formula, count: formulas, sheet: sheet.name },
    );
  }
  // A blank row inside the sheet stays a blank row, so the next rows keep their Excel numbers.
  const dense = Array.from(rows, (r) => r ?? []);
  while (dense.length > 0 && dense[dense.length - 1]!.every((c) => c.trim() === '')) dense.pop();
  if (dense.length === 0)
    return fail('FILE.EMPTY', `the sheet "${sheet.name}" is empty`, { sheet: sheet.name });
  return ok({ rows: dense, format: 'xlsx', warnings });
}

function parseRange(range: string): { range: string; top: number; left: number } {
  const m = /^([A-Z]+)(\d+)/.exec(range);
  const left = m ? [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 0;
  return { range, top: m ? Number(m[2]) : 0, left };
}

// ------------------------------------------------------------------------------------------- export

export interface ExportOptions {
  /** Which yearly record to write (default: each household's latest). */
  readonly referenceYear?: number;
}

export interface ExportSummary {
  readonly households: number;
  /** Data rows written (one per member), the header not counted. */
  readonly rows: number;
}

type Households = AsyncIterable<Household> | Iterable<Household>;

/** Yield to the event loop every so many rows so the output can flush, and wait when it is full. */
const FLUSH_EVERY = 256;

async function letOutputDrain(out: Writable): Promise<void> {
  if (out.destroyed) throw out.errored ?? new Error('the output stream was closed');
  if (out.writableNeedDrain) await once(out, 'drain');
  else await new Promise<void>((resolve) => setImmediate(resolve));
}

const csvField = (text: string) => {
  const safe = escapeFormulaGuard(text);
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/**
 * The book as CSV: UTF-8 with a BOM and ";" between fields, CRLF line ends — what Excel in kk-KZ and ru-RU
 * opens correctly by a double click. Streams: one household at a time is in memory. Ends `out`.
 *
 * Excel shows a 12-digit IIN of a CSV in exponent form and saves it so, losing digits: the CSV is for
 * exchange between systems, and the XLSX is the file a person should edit (docs).
 */
export async function writeHouseholdBookCsv(
  households: Households,
  species: SpeciesCatalogue,
  out: Writable,
  options: ExportOptions = {},
): Promise<ExportSummary> {
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write(`\uFEFF${householdBookHeader(species).map(csvField).join(';')}\r\n`);
  let count = 0;
  let rows = 0;
  for await (const household of households) {
    const lines = householdBookRows(household, species, options.referenceYear).map(
      (row) => `${row.map(csvField).join(';')}\r\n`,
    );
    await write(lines.join(''));
    count++;
    rows += lines.length;
    if (count % FLUSH_EVERY === 0) await letOutputDrain(out);
  }
  out.end();
  await once(out, 'finish');
  return { households: count, rows };
}

const TEXT_FORMAT = '@';
const DATE_FORMAT = 'dd.mm.yyyy';
const DATE_COLUMNS = new Set(['joined_on', 'left_on']);

/**
 * The book as XLSX, written by exceljs's streaming writer so a large akimat's book never sits whole in
 * memory: the header row frozen and filterable; IIN, KATO, book and account numbers as text (a number
 * would lose the IIN's leading zero and show it in exponent form); counts, years and single areas as
 * numbers a person can sum; membership dates as Excel dates. Reading the file back gives the same rows.
 * Ends `out`.
 */
export async function writeHouseholdBookXlsx(
  households: Households,
  species: SpeciesCatalogue,
  out: Writable,
  options: ExportOptions = {},
): Promise<ExportSummary> {
  const header = householdBookHeader(species);
  const numeric = new Set([
    'reference_year',
    ...species.list.map((s) => s.code),
    ...header.filter((h) => h.endsWith('_ha')),
  ]);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('household_book', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
  });
  sheet.columns = header.map((key) => ({
    key,
    width: columnWidth(key),
    style: numeric.has(key) ? {} : { numFmt: DATE_COLUMNS.has(key) ? DATE_FORMAT : TEXT_FORMAT },
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  const headerRow = sheet.addRow(header);
  headerRow.font = { bold: true, name: 'Calibri', size: 11 };
  headerRow.commit();

  const cellValue = (key: string, text: string): ExcelJS.CellValue => {
    // No cell at all (rather than an empty one carrying the column's style) keeps the sheet small.
    if (text === '') return undefined;
    if (numeric.has(key) && /^\d+(?:\.\d+)?$/.test(text)) return Number(text);
    if (DATE_COLUMNS.has(key)) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    }
    return text;
  };

  let count = 0;
  let rows = 0;
  for await (const household of households) {
    for (const row of householdBookRows(household, species, options.referenceYear)) {
      sheet.addRow(row.map((text, i) => cellValue(header[i]!, text))).commit();
      rows++;
    }
    count++;
    if (count % FLUSH_EVERY === 0) await letOutputDrain(out);
  }
  sheet.commit();
  await workbook.commit();
  return { households: count, rows };
}

function columnWidth(key: string): number {
  if (key === 'address' || key === 'machinery') return 32;
  if (key === 'iin' || key.endsWith('_cadastral')) return 16;
  if (key === 'surname' || key === 'name' || key === 'patronymic') return 18;
  if (key === 'settlement_kato' || DATE_COLUMNS.has(key) || key === 'relation') return 12;
  return 10;
}
