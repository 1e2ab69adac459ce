import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import kkNames from '../../../data/names/kk.json';
import ruNames from '../../../data/names/ru.json';
import streetNames from '../../../data/names/streets.json';
import speciesJson from '../../../data/species.json';
import { generateHouseholds } from '../../domain/household/generator';
import type { Household } from '../../domain/household/household';
import {
  householdBookHeader,
  householdBookRows,
  parseHouseholdBookRows,
} from '../../domain/household/import-rows';
import { parseNameList, parseStreetList } from '../../domain/household/names';
import { makeSpeciesCatalogue } from '../../domain/household/species';
import type { PlainDate } from '../../domain/shared/plain-date';
import type { Result } from '../../domain/shared/result';
import {
  checkImportSize,
  detectDelimiter,
  FILE_ERROR_CODES,
  type HouseholdBookFile,
  MAX_IMPORT_BYTES,
  MAX_XLSX_UNCOMPRESSED_BYTES,
  readHouseholdBookFile,
  writeHouseholdBookCsv,
  writeHouseholdBookXlsx,
} from './household-book-file';
import { listZipEntries } from './zip-directory';

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
const species = must(makeSpeciesCatalogue(speciesJson));
const names = {
  kk: must(parseNameList(kkNames)),
  ru: must(parseNameList(ruNames)),
  streets: must(parseStreetList(streetNames)),
};
const ctx = {
  akimatKato: '101033000',
  today: '2025-03-01' as PlainDate,
  species,
  openIins: new Set<string>(),
};

const sampleBytes = readFileSync(
  path.join(import.meta.dirname, '../../../docs/samples/household-book-sample.csv'),
);
const sampleText = sampleBytes.toString('utf8');
const utf8 = (text: string) => new TextEncoder().encode(text);

const read = (bytes: Uint8Array, fileName = 'book.csv', expectedEncoding?: 'utf-8') =>
  readHouseholdBookFile(expectedEncoding ? { bytes, fileName, expectedEncoding } : { bytes, fileName });

function value(r: Result<HouseholdBookFile>): HouseholdBookFile {
  return must(r);
}
function error(r: Result<HouseholdBookFile>) {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value.rows.slice(0, 3))}`);
  return r.error;
}

/** Encoders for 8-bit code pages, from the decoder's own table: a character it lacks becomes "?" as in Excel. */
function encoderFor(label: string): (text: string) => Uint8Array {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number>();
  for (let b = 255; b >= 0; b--) table.set(decoder.decode(Uint8Array.of(b)), b);
  return (text) => Uint8Array.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}
const cp1251 = encoderFor('windows-1251');
const cp866 = encoderFor('ibm866');

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A ZIP with stored (uncompressed) entries, to have archives that are not workbooks. */
function storedZip(files: Record<string, string>): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const n = Buffer.from(name);
    const d = Buffer.from(text);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(d), 14);
    local.writeUInt32LE(d.length, 18);
    local.writeUInt32LE(d.length, 22);
    local.writeUInt16LE(n.length, 26);
    parts.push(local, n, d);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt32LE(crc32(d), 16);
    c.writeUInt32LE(d.length, 20);
    c.writeUInt32LE(d.length, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, n);
    offset += 30 + n.length + d.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}

function sink(slow = false): { out: Writable; bytes: () => Uint8Array } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    highWaterMark: 4096,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      if (slow) setImmediate(callback);
      else callback();
    },
  });
  return { out, bytes: () => new Uint8Array(Buffer.concat(chunks)) };
}

const header = householdBookHeader(species);

// R-1, issue 4, "Bad input": "a 200 MB file (refused by size before reading)"; "an empty file".
describe('checkImportSize', () => {
  it.each([
    [200 * 1024 * 1024, 'FILE.TOO_LARGE'],
    [MAX_IMPORT_BYTES + 1, 'FILE.TOO_LARGE'],
    [0, 'FILE.EMPTY'],
  ])('refuses %i bytes with %s', (size, code) => {
    const r = checkImportSize(size);
    expect(r.ok ? undefined : r.error.code).toBe(code);
  });

  it('accepts up to the limit and names the limit when refusing', () => {
    expect(checkImportSize(MAX_IMPORT_BYTES).ok).toBe(true);
    expect(checkImportSize(1).ok).toBe(true);
    const r = checkImportSize(200 * 1024 * 1024);
    expect(r.ok ? undefined : r.error.details).toEqual({ size: 200 * 1024 * 1024, limit: 64 * 1024 * 1024 });
  });
});

describe('readHouseholdBookFile: size and emptiness', () => {
  it.each([
    ['no bytes', new Uint8Array(0)],
    ['a BOM only', Uint8Array.of(0xef, 0xbb, 0xbf)],
    ['blank lines only', utf8('\r\n\r\n  \r\n')],
  ])('an empty file (%s) is FILE.EMPTY', async (_label, bytes) => {
    expect(error(await read(bytes)).code).toBe('FILE.EMPTY');
  });

  it('refuses a file above the limit without parsing it', async () => {
    const e = error(await read(new Uint8Array(MAX_IMPORT_BYTES + 1)));
    expect(e).toMatchObject({ code: 'FILE.TOO_LARGE', details: { limit: MAX_IMPORT_BYTES } });
  });

  it('reads a header-only CSV, and the domain reports IMPORT.EMPTY', async () => {
    const file = value(await read(utf8(`${header.join(',')}\r\n`)));
    expect(file.rows).toEqual([header]);
    expect(parseHouseholdBookRows(file.rows, ctx).errors.map((e) => e.code)).toEqual(['IMPORT.EMPTY']);
  });
});

describe('readHouseholdBookFile: CSV', () => {
  it('reads the sample exactly as csv-parse does', async () => {
    const file = value(await read(sampleBytes, 'household-book-sample.csv'));
    expect(file).toEqual({ rows: parse(sampleText), format: 'csv', encoding: 'utf-8', warnings: [] });
    expect(parseHouseholdBookRows(file.rows, ctx).errors).toEqual([]);
  });

  it.each([
    [
      'semicolons, CRLF, a quoted ;',
      'a;b;c\r\n1;"x;y";3\r\n',
      [
        ['a', 'b', 'c'],
        ['1', 'x;y', '3'],
      ],
    ],
    [
      'tabs',
      'a\tb\n1\t2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'commas',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a UTF-8 BOM',
      '\uFEFFa;b\n1;2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['a blank row inside, kept for the line numbers', 'a,b\n\n1,2\n', [['a', 'b'], [''], ['1', '2']]],
    [
      'a cell over two lines is one row',
      'a,b\n1,"x\ny"\n2,3\n',
      [
        ['a', 'b'],
        ['1', 'x\ny'],
        ['2', '3'],
      ],
    ],
    [
      'empty cells kept as empty strings',
      'a;b;c\n;;\n',
      [
        ['a', 'b', 'c'],
        ['', '', ''],
      ],
    ],
    [
      'a quote inside an unquoted value, as Excel reads it',
      'a,b\nЖеңіс "Ақ жол",2\n',
      [
        ['a', 'b'],
        ['Жеңіс "Ақ жол"', '2'],
      ],
    ],
    [
      "the export's guard against formulas removed",
      "a;b\n'=1+2;'-x\n",
      [
        ['a', 'b'],
        ['=1+2', '-x'],
      ],
    ],
  ])('%s', async (_label, text, rows) => {
    expect(value(await read(utf8(text))).rows).toEqual(rows);
  });

  it.each([
    ['book_no;account_no,x', ';'],
    ['book_no,account_no,x;y', ','],
    ['a\tb\tc', '\t'],
    ['"a;b",c', ','],
    ['single', ','],
  ])('takes the delimiter from the header %j', (text, delimiter) => {
    expect(detectDelimiter(`${text}\n1;2,3\t4`)).toBe(delimiter);
  });

  it('reports an unclosed quote with the row where it opens', async () => {
    const e = error(await read(utf8('a,b\n1,2\n3,"never closed\n4,5\n')));
    expect(e).toMatchObject({
      code: 'FILE.BAD_CSV',
      details: { line: 3, reason: 'CSV_QUOTE_NOT_CLOSED' },
    });
  });

  it('reads UTF-16 "Unicode text" as Excel saves it', async () => {
    const text = 'a\tb\r\nҚайрат\t1\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const file = value(await read(bytes, 'book.txt'));
    expect(file).toMatchObject({
      encoding: 'utf-16le',
      rows: [
        ['a', 'b'],
        ['Қайрат', '1'],
      ],
    });
  });

  it('refuses an HTML table disguised as .xls', async () => {
    const e = error(await read(utf8('<html><table><tr><td>1</td></tr></table></html>'), 'book.xls'));
    expect(e).toMatchObject({ code: 'FILE.UNSUPPORTED_FORMAT', details: { detected: 'html' } });
  });

  it('reads by content and warns when the name says otherwise', async () => {
    const file = value(await read(utf8('a;b\n1;2\n'), 'book.xlsx'));
    expect(file.format).toBe('csv');
    expect(file.warnings.map((w) => w.code)).toEqual(['FILE.EXTENSION_MISMATCH']);
  });
});

// Issue 4, "Bad input": "a file in cp1251 when UTF-8 is expected (detect and convert, or say so)".
describe('readHouseholdBookFile: encodings', () => {
  // The Kuznetsov household of the sample: Russian letters only, all of them in cp1251.
  const russian = [sampleText.split('\n')[0], ...sampleText.split('\n').filter((l) => l.includes('Кузнецов'))]
    .join('\r\n')
    .concat('\r\n');

  it('converts windows-1251 and says so', async () => {
    const file = value(await read(cp1251(russian)));
    expect(file.rows).toEqual(parse(russian));
    expect(file.encoding).toBe('windows-1251');
    expect(file.warnings).toEqual([
      expect.objectContaining({ code: 'FILE.CONVERTED_FROM_CP1251', details: { encoding: 'windows-1251' } }),
    ]);
    expect(parseHouseholdBookRows(file.rows, ctx).errors).toEqual([]);
  });

  it('points at the first row whose Kazakh letters cp1251 replaced with "?"', async () => {
    const file = value(await read(cp1251(sampleText)));
    expect(file.rows[1]?.[6]).toBe('С?рсенбаев');
    expect(file.warnings.map((w) => [w.code, w.details.line])).toEqual([
      ['FILE.CONVERTED_FROM_CP1251', undefined],
      ['FILE.CP1251_LOST_LETTERS', 2],
    ]);
  });

  it('refuses instead of converting when UTF-8 is required', async () => {
    const e = error(await read(cp1251(russian), 'book.csv', 'utf-8'));
    expect(e).toMatchObject({ code: 'FILE.NOT_UTF8', details: { line: 2, detected: 'windows-1251' } });
  });

  it('accepts UTF-8 when UTF-8 is required', async () => {
    expect(value(await read(sampleBytes, 'book.csv', 'utf-8')).rows).toEqual(parse(sampleText));
  });

  it('refuses another code page (DOS cp866) with the line', async () => {
    const e = error(await read(cp866(russian)));
    expect(e).toMatchObject({ code: 'FILE.UNKNOWN_ENCODING', details: { line: 2 } });
  });
});

describe('readHouseholdBookFile: XLSX', () => {
  it('gives every cell as the person sees it, and keeps the row numbers', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Кітап');
      ws.addRow(['book_no', 'IIN', 'joined_on', 'homestead_ha', 'name', 'note', 'count']);
      ws.addRow([
        1,
        10229500016,
        new Date(Date.UTC(1988, 3, 15)),
        12.499999999999998,
        { richText: [{ text: 'Қай' }, { font: { bold: true }, text: 'рат' }] },
        true,
        0.1 + 0.2,
      ]);
      ws.addRow([]);
      ws.addRow(['2', '620308301011', '15.04.1988', '0,12;0,03', 'Ольга', '', 25]);
      ws.getCell('F4').value = { text: 'link', hyperlink: 'https://example.kz' };
      ws.getCell('A6').value = 1e-7;
      // formatting without values below the data does not add rows
      ws.getCell('B20').numFmt = '@';
    });
    const file = value(await read(bytes, 'book.xlsx'));
    expect(file).toEqual({
      format: 'xlsx',
      warnings: [],
      rows: [
        ['book_no', 'IIN', 'joined_on', 'homestead_ha', 'name', 'note', 'count'],
        ['1', '010229500016', '1988-04-15', '12.5', 'Қайрат', 'TRUE', '0.3'],
        [],
        ['2', '620308301011', '15.04.1988', '0,12;0,03', 'Ольга', 'link', '25'],
        [],
        ['0.0000001'],
      ],
    });
  });

  it('reads a header-only sheet, and refuses a sheet without values as empty', async () => {
    const headerOnly = await xlsx((wb) => wb.addWorksheet('a').addRow(header));
    expect(value(await read(headerOnly, 'book.xlsx')).rows).toEqual([header]);
    const empty = await xlsx((wb) => wb.addWorksheet('a'));
    expect(error(await read(empty, 'book.xlsx')).code).toBe('FILE.EMPTY');
  });

  it('refuses a formula, naming its cell and spreadsheet row', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('a');
      ws.addRow(['book_no', 'cattle', 'cows']);
      ws.addRow(['1', 3, 2]);
      ws.addRow(['2', 4, { formula: 'B2+1', result: 3 }]);
      ws.addRow(['3', { formula: 'B3*2', result: 8 }, 1]);
    });
    const e = error(await read(bytes, 'book.xlsx'));
    expect(e).toEqual({
      code: 'FILE.XLSX_FORMULA',
      message: expect.stringContaining('C3'),
      details: { line: 3, cell: 'C3', formula: 'B2+1', count: 2, sheet: 'a' },
    });
  });

  it('refuses merged cells, naming the range', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('a');
      ws.addRow(['book_no', 'account_no', 'address', 'iin']);
      ws.addRow(['1', '12', 'Абай көшесі, 12', '620308301011']);
      ws.addRow(['1', '12', '', '651119401019']);
      ws.mergeCells('C2:C3');
      ws.mergeCells('A5:B5');
    });
    const e = error(await read(bytes, 'book.xlsx'));
    expect(e).toMatchObject({
      code: 'FILE.XLSX_MERGED_CELLS',
      details: { line: 2, cell: 'C2', range: 'C2:C3', count: 2 },
    });
  });

  it('reads the first visible sheet and says which others it ignored', async () => {
    const bytes = await xlsx((wb) => {
      const hidden = wb.addWorksheet('old');
      hidden.state = 'hidden';
      hidden.addRow(['stale']);
      wb.addWorksheet('book').addRow(['book_no']);
      wb.addWorksheet('notes').addRow(['a note']);
      wb.addWorksheet('blank');
    });
    const file = value(await read(bytes, 'book.xlsx'));
    expect(file.rows).toEqual([['book_no']]);
    expect(file.warnings).toEqual([
      expect.objectContaining({
        code: 'FILE.OTHER_SHEETS_IGNORED',
        details: { sheet: 'book', ignored: ['old', 'notes'] },
      }),
    ]);
  });

  it('sniffs the content: an XLSX named .csv is read as XLSX, with a warning', async () => {
    const bytes = await xlsx((wb) => wb.addWorksheet('a').addRow(['book_no']));
    const file = value(await read(bytes, 'book.csv'));
    expect(file.format).toBe('xlsx');
    expect(file.warnings.map((w) => w.code)).toEqual(['FILE.EXTENSION_MISMATCH']);
  });

  it.each([
    ['a ZIP of text files', storedZip({ 'hello.txt': 'hi' }), 'FILE.UNSUPPORTED_FORMAT', 'zip'],
    ['a Word document', storedZip({ 'word/document.xml': '<w/>' }), 'FILE.UNSUPPORTED_FORMAT', 'docx'],
    [
      'an empty ZIP',
      Uint8Array.of(0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)),
      'FILE.UNSUPPORTED_FORMAT',
      'zip',
    ],
    [
      'an .xls or encrypted workbook',
      Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0),
      'FILE.UNSUPPORTED_FORMAT',
      'xls',
    ],
    ['a PDF', utf8('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj'), 'FILE.UNSUPPORTED_FORMAT', 'pdf'],
    ['binary bytes', Uint8Array.of(1, 2, 3, 0, 5, 6), 'FILE.UNSUPPORTED_FORMAT', 'binary'],
    [
      'a workbook without its parts',
      storedZip({ 'xl/workbook.xml': 'not xml' }),
      'FILE.UNREADABLE',
      undefined,
    ],
  ])('%s → %s', async (_label, bytes, code, detected) => {
    const e = error(await read(bytes, 'book.xlsx'));
    expect(e.code).toBe(code);
    if (detected) expect(e.details).toMatchObject({ detected });
  });

  it('refuses a truncated workbook as unreadable', async () => {
    const bytes = await xlsx((wb) => wb.addWorksheet('a').addRow(header));
    const e = error(await read(bytes.subarray(0, Math.floor(bytes.length / 2)), 'book.xlsx'));
    expect(e.code).toBe('FILE.UNREADABLE');
  });

  it('refuses a workbook that would inflate beyond the limit, before inflating it', async () => {
    const bytes = await xlsx((wb) => wb.addWorksheet('a').addRow(header));
    // Declare 1 GiB for the first part in the central directory, as a zip bomb would.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = bytes.length - 22;
    expect(view.getUint32(eocd, true)).toBe(0x06054b50);
    view.setUint32(view.getUint32(eocd + 16, true) + 24, 1024 * 1024 * 1024, true);
    expect(listZipEntries(bytes)?.[0]?.uncompressedSize).toBe(1024 * 1024 * 1024);
    const e = error(await read(bytes, 'book.xlsx'));
    expect(e).toMatchObject({
      code: 'FILE.TOO_LARGE',
      details: { reason: 'uncompressed', limit: MAX_XLSX_UNCOMPRESSED_BYTES },
    });
  });
});

describe('readHouseholdBookFile never throws', () => {
  const isCoded = (r: Result<HouseholdBookFile>) =>
    r.ok ? Array.isArray(r.value.rows) : (FILE_ERROR_CODES as readonly string[]).includes(r.error.code);

  it('on random bytes, with or without a ZIP signature', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.boolean(), async (bytes, zip) => {
        const input = zip ? Uint8Array.of(0x50, 0x4b, 0x03, 0x04, ...bytes) : bytes;
        expect(isCoded(await read(input, 'x.xlsx'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('on damaged workbooks', async () => {
    const good = await xlsx((wb) => {
      const ws = wb.addWorksheet('a');
      ws.addRow(header);
      ws.addRow(['1', '12', '101033100', 'Абай көшесі, 12', 2025, '620308301011']);
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.nat({ max: good.length }),
        async (edits, cut) => {
          const bytes = good.slice(0, Math.max(4, cut));
          for (const [at, b] of edits) if (at >= 4 && at < bytes.length) bytes[at] = b;
          expect(isCoded(await read(bytes, 'x.xlsx'))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('export, then read, then parse', () => {
  const akimats = [{ kato: '101033000', settlements: ['101033100', '101033102', '101033103'] }];
  const households: Household[] = [
    ...generateHouseholds({ count: 40, seed: 'files', akimats, referenceYear: 2025, names }),
  ];

  async function* slowly(list: readonly Household[]) {
    for (const h of list) {
      await Promise.resolve();
      yield h;
    }
  }

  it('CSV: UTF-8 with BOM and semicolons, giving back the same households', async () => {
    const { out, bytes } = sink();
    const summary = await writeHouseholdBookCsv(households, species, out);
    const written = bytes();
    expect([...written.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(written).split('\r\n')[0]).toBe(
      `\uFEFF${header.join(';')}`,
    );
    const file = value(await read(written, 'book.csv'));
    expect(file.rows.slice(1)).toEqual(households.flatMap((h) => householdBookRows(h, species)));
    expect(summary).toEqual({ households: 40, rows: file.rows.length - 1 });
    const parsed = parseHouseholdBookRows(file.rows, ctx);
    expect(parsed.errors).toEqual([]);
    expect(parsed.households.map((h) => h.household)).toEqual(households);
  });

  it('CSV: text that Excel would run as a formula is written inert and read back as it was', async () => {
    const h = { ...households[0]!, address: '=HYPERLINK("x";"y"); 5' };
    const { out, bytes } = sink();
    await writeHouseholdBookCsv([h], species, out);
    const text = new TextDecoder().decode(bytes());
    expect(text).toContain(`"'=HYPERLINK(""x"";""y""); 5"`);
    expect(value(await read(bytes())).rows[1]?.[3]).toBe(h.address);
  });

  it('XLSX: header frozen, IIN as text, giving back the same households', async () => {
    const { out, bytes } = sink(true);
    const summary = await writeHouseholdBookXlsx(slowly(households), species, out);
    const written = bytes();
    const file = value(await read(written, 'book.xlsx'));
    expect(file.rows[0]).toEqual(header);
    // A sheet has no trailing empty cells; the domain reads a missing cell as ''.
    const withoutTrailingBlanks = (row: string[]) => row.slice(0, row.findLastIndex((c) => c !== '') + 1);
    expect(file.rows.slice(1)).toEqual(
      households.flatMap((h) => householdBookRows(h, species)).map(withoutTrailingBlanks),
    );
    expect(summary).toEqual({ households: 40, rows: file.rows.length - 1 });
    const parsed = parseHouseholdBookRows(file.rows, ctx);
    expect(parsed.errors).toEqual([]);
    expect(parsed.households.map((h) => h.household)).toEqual(households);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(written.buffer as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const iin = ws.getRow(2).getCell(header.indexOf('iin') + 1);
    expect(iin.type).toBe(ExcelJS.ValueType.String);
    expect(iin.numFmt).toBe('@');
    expect(ws.getRow(2).getCell(header.indexOf('joined_on') + 1).type).toBe(ExcelJS.ValueType.Date);
  });
});
