import { Writable } from 'node:stream';
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
import { FUZZ_RUNS, fuzzOptions } from '../../domain/shared/fuzz.test-support';
import type { PlainDate } from '../../domain/shared/plain-date';
import {
  FILE_ERROR_CODES,
  readHouseholdBookFile,
  writeHouseholdBookCsv,
  writeHouseholdBookXlsx,
} from './household-book-file';

// Issue 10 item 3 (R-1, issue 4): the household-book import fuzzed — the file adapter (CSV and XLSX) and the
// import's row validation. Files built from the book's own header and rows, damaged at random, and byte soup:
// the reader answers rows or a FILE.* code, the row validation IMPORT.* / HOUSEHOLD.* / IIN.* codes with a line,
// never a throw. And export → import gives back the same households, with hostile text in the free-text cells.

const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const species = must(makeSpeciesCatalogue(speciesJson));
const names = {
  kk: must(parseNameList(kkNames)),
  ru: must(parseNameList(ruNames)),
  streets: must(parseStreetList(streetNames)),
};
const akimats = [{ kato: '101033000', settlements: ['101033100', '101033102', '101033103'] }];
const ctx = {
  akimatKato: '101033000',
  today: '2025-03-01' as PlainDate,
  species,
  openIins: new Set<string>(),
};
const header = householdBookHeader(species);
const sample = [...generateHouseholds({ count: 3, seed: 'fuzz', akimats, referenceYear: 2025, names })];
const sampleRows = sample.flatMap((h) => householdBookRows(h, species));

const CODE = /^(IMPORT|HOUSEHOLD|IIN|FILE)\.[A-Z_]+$/;
const fileCodes: readonly string[] = FILE_ERROR_CODES;

function sink(): { out: Writable; bytes: () => Uint8Array } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(Buffer.from(chunk));
      cb();
    },
  });
  return { out, bytes: () => new Uint8Array(Buffer.concat(chunks)) };
}

/** Read a file and validate its rows, checking that every answer is coded; returns the parsed import. */
async function readAndValidate(bytes: Uint8Array, fileName: string) {
  const file = await readHouseholdBookFile({ bytes, fileName });
  if (!file.ok) {
    expect(fileCodes).toContain(file.error.code);
    return undefined;
  }
  const parsed = parseHouseholdBookRows(file.value.rows, ctx);
  for (const e of parsed.errors) {
    expect(e.code).toMatch(CODE);
    expect(e.line).toBeGreaterThanOrEqual(1);
  }
  // Households whose rows are all valid are reported even beside errors; the use case writes none then.
  expect(parsed.rowsAccepted + parsed.rowsRejected).toBe(parsed.rowsRead);
  for (const h of parsed.households) for (const line of h.lines) expect(line).toBeGreaterThanOrEqual(2);
  return parsed;
}

/** A cell: a real one from the sample, or one damaged, or noise that looks like data. */
const cell = fc.oneof(
  fc.constantFrom(...sampleRows.flat()),
  fc.constantFrom(
    '',
    ' ',
    '"',
    '""',
    ';',
    '\n',
    '0',
    '-1',
    '1e309',
    'NaN',
    '31.02.2025',
    '2025-02-30',
    '850315400024',
    'глава',
    '=1+1',
    '<script>',
  ),
  fc.string({ maxLength: 12 }),
);
const csvField = (v: string, delimiter: string) =>
  /["\r\n]/.test(v) || v.includes(delimiter) ? `"${v.replaceAll('"', '""')}"` : v;

describe('household-book import fuzzed (issue 10 item 3)', () => {
  it(`reads and validates damaged book files and byte soup with coded answers only (${FUZZ_RUNS} files)`, async () => {
    const rowsArb = fc.array(
      fc.oneof(
        fc.constantFrom(...sampleRows),
        // A real row with some cells replaced, or cut short.
        fc
          .tuple(
            fc.constantFrom(...sampleRows),
            fc.array(fc.tuple(fc.nat(), cell), { maxLength: 3 }),
            fc.nat(),
          )
          .map(([row, edits, keep]) => {
            const r = [...row];
            for (const [at, v] of edits) r[at % r.length] = v;
            return r.slice(0, Math.max(1, keep % (r.length + 4)));
          }),
        fc.array(cell, { maxLength: 8 }),
      ),
      { maxLength: 3 },
    );
    const csv = fc
      .record({
        rows: rowsArb,
        delimiter: fc.constantFrom(';', ',', '\t'),
        eol: fc.constantFrom('\r\n', '\n'),
        bom: fc.boolean(),
        dropHeaderColumn: fc.option(fc.nat(), { nil: undefined }),
      })
      .map(({ rows, delimiter, eol, bom, dropHeaderColumn }) => {
        const head = [...header];
        if (dropHeaderColumn !== undefined) head.splice(dropHeaderColumn % head.length, 1);
        const text = [head, ...rows]
          .map((r) => r.map((v) => csvField(v, delimiter)).join(delimiter))
          .join(eol);
        return new TextEncoder().encode((bom ? '\uFEFF' : '') + text);
      });
    const soup = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.uint8Array({ maxLength: 100 }).map((b) => Uint8Array.of(0x50, 0x4b, 0x03, 0x04, ...b)),
      fc.string({ unit: 'binary', maxLength: 200 }).map((t) => new TextEncoder().encode(t)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ arbitrary: csv, weight: 3 }, { arbitrary: soup, weight: 1 }),
        fc.constantFrom('book.csv', 'book.CSV', 'book.xlsx', 'book.txt', 'book'),
        async (bytes, fileName) => {
          await readAndValidate(bytes, fileName);
        },
      ),
      fuzzOptions(),
    );
  });

  /** Households with hostile free text: quotes, delimiters, line breaks, formula prefixes, markup. */
  const hostileHouseholds = fc
    .tuple(
      fc.integer(),
      fc.array(
        fc.constantFrom(
          '=HYPERLINK("x";"y")',
          '+7 701',
          '-5',
          '@SUM(A1)',
          '"quoted"; semi;colon',
          'line\nbreak',
          '<script>alert(1)</script>',
          "O'Neil & Co",
          ' padded ',
          'tab\there',
        ),
        { minLength: 1, maxLength: 2 },
      ),
    )
    .map(([seed, texts]) =>
      [...generateHouseholds({ count: 2, seed, akimats, referenceYear: 2025, names })].map((h, i) => ({
        ...h,
        address: `${texts[i % texts.length]!.trim() || 'x'}, ${h.address}`,
      })),
    );

  it(`CSV export → import gives back the same households (${FUZZ_RUNS / 20} books)`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileHouseholds, async (households: Household[]) => {
        const { out, bytes } = sink();
        await writeHouseholdBookCsv(households, species, out);
        const parsed = await readAndValidate(bytes(), 'book.csv');
        expect(parsed?.errors).toEqual([]);
        expect(parsed?.households.map((h) => h.household)).toEqual(households);
      }),
      fuzzOptions(20),
    );
  });

  it(`XLSX export → import gives back the same households (${FUZZ_RUNS / 200} books)`, async () => {
    // exceljs takes tens of milliseconds a workbook: a 200th of FUZZ_RUNS.
    await fc.assert(
      fc.asyncProperty(hostileHouseholds, async (households: Household[]) => {
        const { out, bytes } = sink();
        await writeHouseholdBookXlsx(households, species, out);
        const parsed = await readAndValidate(bytes(), 'book.xlsx');
        expect(parsed?.errors).toEqual([]);
        expect(parsed?.households.map((h) => h.household)).toEqual(households);
      }),
      fuzzOptions(200),
    );
  });
});
