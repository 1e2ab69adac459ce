import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import speciesJson from '../../../data/species.json';
import type { PlainDate } from '../shared/plain-date';
import {
  householdBookHeader,
  householdBookRows,
  householdKeysOf,
  iinsOf,
  type ImportContext,
  mergeImportedHousehold,
  parseHouseholdBookRows,
  parseRelation,
  parseSheetDate,
  parseSheetNumber,
} from './import-rows';
import { makeSpeciesCatalogue } from './species';

const catalogue = makeSpeciesCatalogue(speciesJson);
if (!catalogue.ok) throw new Error('data/species.json is broken');
const species = catalogue.value;
const ctx: ImportContext = {
  akimatKato: '101033000',
  today: '2025-03-10' as PlainDate,
  species,
  openIins: new Set<string>(),
};

// A compact layout: the columns an akimat fills for a small farm. Line numbers: header = 1.
const HEADER = [
  'book_no',
  'account_no',
  'settlement_kato',
  'address',
  'reference_year',
  'iin',
  'surname',
  'name',
  'patronymic',
  'relation',
  'joined_on',
  'left_on',
  'homestead_ha',
  'cattle',
  'cows',
  'sheep',
] as const;
type Col = (typeof HEADER)[number];
const row = (cells: Partial<Record<Col, string>>) => HEADER.map((c) => cells[c] ?? '');
const head1 = row({
  book_no: '1',
  account_no: '12',
  settlement_kato: '101033100',
  address: 'Абай көшесі, 12',
  reference_year: '2025',
  iin: '620308301011',
  surname: 'Сәрсенбаев',
  name: 'Қайрат',
  patronymic: 'Төлеуұлы',
  relation: 'head',
  joined_on: '1988-04-15',
  homestead_ha: '0.12',
  cattle: '6',
  cows: '4',
  sheep: '25',
});
const wife1 = row({
  book_no: '1',
  account_no: '12',
  iin: '651119401019',
  surname: 'Сәрсенбаева',
  name: 'Гүлнар',
  patronymic: 'Серікқызы',
  relation: 'spouse',
  joined_on: '1988-04-15',
});
const head2 = row({
  book_no: '1',
  account_no: '13',
  settlement_kato: '101033102',
  address: 'ул. Центральная, 7',
  reference_year: '2025',
  iin: '750730301012',
  surname: 'Кузнецов',
  name: 'Андрей',
  patronymic: 'Викторович',
  relation: 'head',
  joined_on: '2000-06-01',
  homestead_ha: '0.15',
  cattle: '2',
  cows: '2',
});
const valid = [[...HEADER], head1, wife1, head2];

const set = (r: string[], col: Col, value: string) => r.map((v, i) => (HEADER[i] === col ? value : v));
const errorsOf = (rows: string[][], c: ImportContext = ctx) =>
  parseHouseholdBookRows(rows, c).errors.map((e) => [e.line, e.column, e.code]);

describe('parseHouseholdBookRows', () => {
  it('accepts a well-formed file: one row per member, household facts once', () => {
    const r = parseHouseholdBookRows(valid, ctx);
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ rowsRead: 3, rowsAccepted: 3, rowsRejected: 0 });
    expect(r.households.map((h) => h.lines)).toEqual([[2, 3], [4]]);
    const [first] = r.households;
    expect(first?.household).toMatchObject({
      bookNumber: '1',
      accountNumber: '12',
      akimatKato: '101033000',
      settlementKato: '101033100',
      address: 'Абай көшесі, 12',
      status: 'open',
      yearlyRecords: [
        {
          referenceYear: 2025,
          landPlots: [{ purpose: 'homestead', areaHa: 0.12 }],
          livestock: { cattle: 6, cows: 4, sheep: 25 },
        },
      ],
    });
    expect(first?.household.members.map((m) => [m.iin, m.relation, m.joinedOn])).toEqual([
      ['620308301011', 'head', '1988-04-15'],
      ['651119401019', 'spouse', '1988-04-15'],
    ]);
  });

  // Issue 4, "Bad input": each gives a per-row error with its line, and nothing is imported.
  it.each<[string, string[][], ImportContext, [number, string | undefined, string][]]>([
    [
      'an IIN with a bad check digit',
      [[...HEADER], head1, set(wife1, 'iin', '651119401010'), head2],
      ctx,
      [[3, 'iin', 'IIN.BAD_CHECK_DIGIT']],
    ],
    [
      'one IIN in two open households of the file',
      [[...HEADER], head1, wife1, head2, set(set(wife1, 'account_no', '13'), 'relation', 'other')],
      ctx,
      [[5, 'iin', 'HOUSEHOLD.IIN_IN_TWO_OPEN_HOUSEHOLDS']],
    ],
    [
      'an IIN already open in the book',
      valid,
      { ...ctx, openIins: new Set(['750730301012']) },
      [[4, 'iin', 'HOUSEHOLD.IIN_IN_TWO_OPEN_HOUSEHOLDS']],
    ],
    [
      'an unknown species code',
      [[...HEADER, 'yaks'], head1],
      ctx,
      [[1, 'yaks', 'HOUSEHOLD.UNKNOWN_SPECIES']],
    ],
    [
      'a negative count',
      [[...HEADER], set(head1, 'sheep', '-5'), wife1],
      ctx,
      [[2, 'sheep', 'HOUSEHOLD.NEGATIVE_COUNT']],
    ],
    [
      'an absurd count',
      [[...HEADER], head1, wife1, set(head2, 'sheep', '100001')],
      ctx,
      [[4, 'sheep', 'HOUSEHOLD.ABSURD_COUNT']],
    ],
    [
      'a count that is not a number',
      [[...HEADER], set(head1, 'sheep', 'көп'), wife1],
      ctx,
      [[2, 'sheep', 'HOUSEHOLD.BAD_COUNT']],
    ],
    [
      'a non-numeric area',
      [[...HEADER], set(head1, 'homestead_ha', '12 соток'), wife1],
      ctx,
      [[2, 'homestead_ha', 'HOUSEHOLD.BAD_AREA']],
    ],
    [
      'a negative area',
      [[...HEADER], head1, wife1, set(head2, 'homestead_ha', '-0.15')],
      ctx,
      [[4, 'homestead_ha', 'HOUSEHOLD.BAD_AREA']],
    ],
    [
      'cows above cattle',
      [[...HEADER], set(head1, 'cows', '7'), wife1],
      ctx,
      [[2, 'cows', 'HOUSEHOLD.PART_EXCEEDS_TOTAL']],
    ],
    [
      'a date that is not a date',
      [[...HEADER], head1, set(wife1, 'joined_on', '31.02.1988')],
      ctx,
      [[3, 'joined_on', 'IMPORT.BAD_DATE']],
    ],
    [
      'a row without its account',
      [[...HEADER], head1, set(wife1, 'account_no', ' ')],
      ctx,
      [[3, 'account_no', 'IMPORT.MISSING_VALUE']],
    ],
    [
      'household facts that disagree',
      [[...HEADER], head1, set(wife1, 'address', 'Абай көшесі, 14')],
      ctx,
      [[3, 'address', 'IMPORT.CONFLICTING_VALUE']],
    ],
    [
      'a household without an address',
      [[...HEADER], set(head1, 'address', ''), wife1],
      ctx,
      [[2, 'address', 'IMPORT.MISSING_VALUE']],
    ],
    [
      'a member listed twice',
      [[...HEADER], head1, wife1, set(wife1, 'relation', 'other')],
      ctx,
      [[4, 'iin', 'HOUSEHOLD.DUPLICATE_MEMBER']],
    ],
    [
      'a household without a head',
      [[...HEADER], set(head1, 'relation', 'parent'), wife1],
      ctx,
      [[2, 'relation', 'HOUSEHOLD.NO_HEAD']],
    ],
    [
      'an unknown relation',
      [[...HEADER], head1, set(wife1, 'relation', 'кума')],
      ctx,
      [[3, 'relation', 'HOUSEHOLD.BAD_RELATION']],
    ],
    [
      'a settlement of another akimat',
      [[...HEADER], set(head1, 'settlement_kato', '101035100'), wife1],
      ctx,
      [[2, 'settlement_kato', 'HOUSEHOLD.SETTLEMENT_NOT_IN_AKIMAT']],
    ],
    [
      'a settlement the akimat does not have',
      [[...HEADER], head1, wife1],
      { ...ctx, settlements: new Set(['101033102']) },
      [[2, 'settlement_kato', 'HOUSEHOLD.SETTLEMENT_NOT_IN_AKIMAT']],
    ],
    [
      'a value under no column',
      [[...HEADER], head1, [...wife1, '', 'лишнее']],
      ctx,
      [[3, undefined, 'IMPORT.UNEXPECTED_VALUE']],
    ],
    [
      'a missing column',
      [HEADER.filter((c) => c !== 'relation'), head1],
      ctx,
      [[1, 'relation', 'IMPORT.MISSING_COLUMN']],
    ],
    ['a column twice', [[...HEADER, 'sheep'], head1], ctx, [[1, 'sheep', 'IMPORT.DUPLICATE_COLUMN']]],
    ['an empty file', [], ctx, [[1, undefined, 'IMPORT.EMPTY']]],
    ['a header only', [[...HEADER], ['', ''], []], ctx, [[1, undefined, 'IMPORT.EMPTY']]],
  ])('%s', (_label, rows, c, expected) => {
    const r = parseHouseholdBookRows(rows, c);
    expect(r.errors.map((e) => [e.line, e.column, e.code])).toEqual(expected);
    const accepted = new Set(r.households.flatMap((h) => h.lines));
    for (const [line] of expected) expect(accepted.has(line)).toBe(false);
    expect(r.rowsRejected).toBe(r.rowsRead - r.rowsAccepted);
  });

  it('says where the other occurrence of a doubled IIN is', () => {
    const rows = [[...HEADER], head1, wife1, head2, set(set(wife1, 'account_no', '13'), 'relation', 'other')];
    expect(parseHouseholdBookRows(rows, ctx).errors[0]?.details).toEqual({ otherLine: 3, where: 'file' });
    const open = parseHouseholdBookRows(valid, { ...ctx, openIins: new Set(['750730301012']) });
    expect(open.errors[0]?.details).toEqual({ where: 'book' });
  });

  it('rejects the whole household of a bad row, keeps the others for the report, and counts rows', () => {
    const r = parseHouseholdBookRows([[...HEADER], head1, set(wife1, 'iin', '651119401010'), head2], ctx);
    expect(r.households.map((h) => h.household.accountNumber)).toEqual(['13']);
    expect(r).toMatchObject({ rowsRead: 3, rowsAccepted: 1, rowsRejected: 2 });
  });

  it('lists every error of a file, sorted by line', () => {
    const rows = [
      [...HEADER],
      set(head1, 'sheep', '-1'),
      set(wife1, 'iin', '651119401010'),
      set(head2, 'homestead_ha', 'x'),
    ];
    expect(errorsOf(rows)).toEqual([
      [2, 'sheep', 'HOUSEHOLD.NEGATIVE_COUNT'],
      [3, 'iin', 'IIN.BAD_CHECK_DIGIT'],
      [4, 'homestead_ha', 'HOUSEHOLD.BAD_AREA'],
    ]);
  });

  it('lets a former member of one household be a current member of another', () => {
    const moved = set(set(set(wife1, 'account_no', '13'), 'relation', 'other'), 'joined_on', '2020-01-01');
    const rows = [[...HEADER], head1, set(wife1, 'left_on', '2019-12-31'), head2, moved];
    expect(errorsOf(rows)).toEqual([]);
  });

  it('takes the reference year from the context when the file has no such column', () => {
    const without = valid.map((r) => r.filter((_, i) => HEADER[i] !== 'reference_year'));
    expect(errorsOf(without)).toEqual([[1, 'reference_year', 'IMPORT.MISSING_COLUMN']]);
    const r = parseHouseholdBookRows(without, { ...ctx, referenceYear: 2024 });
    expect(r.errors).toEqual([]);
    expect(r.households[0]?.household.yearlyRecords[0]?.referenceYear).toBe(2024);
  });
});

describe('cell readers', () => {
  it.each([
    ['0.12', 0.12],
    ['0,12', 0.12],
    [' 1 200 ', 1200],
    ['-3', -3],
    ['.5', 0.5],
    ['12 соток', undefined],
    ['1.2.3', undefined],
    ['', undefined],
  ])('number %j → %s', (text, value) => {
    expect(parseSheetNumber(text)).toBe(value);
  });

  it.each([
    ['2024-03-15', '2024-03-15'],
    ['15.03.2024', '2024-03-15'],
    ['5.3.2024', '2024-03-05'],
    ['31.02.2024', undefined],
    ['15/03/2024', undefined],
  ])('date %s → %s', (text, value) => {
    expect(parseSheetDate(text)).toBe(value);
  });

  it.each([
    ['head', 'head'],
    ['Глава хозяйства', 'head'],
    ['отағасы', 'head'],
    ['жұбайы', 'spouse'],
    ['Келіні', 'child_in_law'],
    ['внучка', 'grandchild'],
    ['кума', undefined],
  ])('relation %s → %s', (text, value) => {
    expect(parseRelation(text)).toBe(value);
  });
});

/** RFC 4180 for the sample file; the real adapter (bytes, encodings, XLSX) is not the domain's. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('docs/samples/household-book-sample.csv', () => {
  const rows = parseCsv(
    readFileSync(new URL('../../../docs/samples/household-book-sample.csv', import.meta.url), 'utf8'),
  );

  it('is a valid import of four households and fifteen rows', () => {
    const r = parseHouseholdBookRows(rows, { ...ctx, settlements: new Set(['101033100', '101033102']) });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ rowsRead: 15, rowsAccepted: 15 });
    expect(
      r.households.map((h) => [
        h.household.bookNumber,
        h.household.accountNumber,
        h.household.members.length,
      ]),
    ).toEqual([
      ['1', '12', 7],
      ['1', '13', 4],
      ['2', '101', 1],
      ['2', '102', 3],
    ]);
    const big = r.households[0]!.household;
    expect(big.yearlyRecords[0]?.landPlots).toEqual([
      { purpose: 'homestead', areaHa: 0.12, cadastralNumber: '10-103-310-1001' },
      { purpose: 'homestead', areaHa: 0.03 },
      { purpose: 'garden', areaHa: 0.25 },
      { purpose: 'hayfield', areaHa: 3.5 },
    ]);
    expect(big.members.find((m) => m.iin === '880121301018')?.leftOn).toBe('2012-08-01');
    expect(big.yearlyRecords[0]?.machinery).toEqual([{ description: 'трактор МТЗ-82', count: 1 }]);
  });

  it('uses the same header as the export', () => {
    expect(rows[0]).toEqual(householdBookHeader(species));
  });

  it('survives export and import unchanged', () => {
    const first = parseHouseholdBookRows(rows, ctx);
    const exported = [
      householdBookHeader(species),
      ...first.households.flatMap((h) => householdBookRows(h.household, species)),
    ];
    const again = parseHouseholdBookRows(exported, ctx);
    expect(again.errors).toEqual([]);
    expect(again.households.map((h) => h.household)).toEqual(first.households.map((h) => h.household));
  });
});

// Issue 4 item 3: the accounts a file replaces are known before the full parse, so that a person
// listed again in their own household is not "a member of another open household".
// Issue 4 item 3: the IINs looked up as open memberships are the iin column's, each once; no other 12-digit cell.
describe('iinsOf', () => {
  it('gives every well-formed IIN of the iin column once, as the parse reads them', () => {
    const parsed = parseHouseholdBookRows(valid, ctx);
    expect(new Set(iinsOf(valid))).toEqual(
      new Set(parsed.households.flatMap((h) => h.household.members.map((m) => m.iin))),
    );
    expect(iinsOf([...valid, valid[1]!])).toHaveLength(iinsOf(valid).length);
  });

  it('reads a BOM and upper-case header, trims, and skips malformed values and other columns', () => {
    const header = HEADER.map((c) => (c === 'iin' ? '\uFEFF IIN' : c));
    const other = set(wife1, 'iin', '12345');
    const withNumberElsewhere = set(head1, 'address', '780512300014');
    expect(
      iinsOf([header, set(withNumberElsewhere, 'iin', ` ${head1[HEADER.indexOf('iin')]} `), other]),
    ).toEqual([head1[HEADER.indexOf('iin')]]);
    expect(iinsOf([['book_no'], ['1']])).toEqual([]);
  });
});

describe('householdKeysOf', () => {
  it('gives the book and account of every data row, as the parse groups them', () => {
    const keys = householdKeysOf(valid);
    const parsed = parseHouseholdBookRows(valid, ctx);
    expect(keys).toEqual(
      new Set(parsed.households.map((h) => `${h.household.bookNumber}\u0000${h.household.accountNumber}`)),
    );
    expect(keys.size).toBe(2);
  });

  it('trims cells, skips rows without a key, reads a BOM and upper-case header', () => {
    const header = HEADER.map((c) => (c === 'book_no' ? '\uFEFFBOOK_NO ' : c));
    expect(
      householdKeysOf([header, set(head1, 'book_no', ' 7 '), set(wife1, 'account_no', ''), row({})]),
    ).toEqual(new Set([`7\u0000${head1[HEADER.indexOf('account_no')]}`]));
  });

  it('is empty without the key columns or without data', () => {
    expect(householdKeysOf([])).toEqual(new Set());
    expect(
      householdKeysOf([
        ['iin', 'surname'],
        ['1', '2'],
      ]),
    ).toEqual(new Set());
  });
});

describe('mergeImportedHousehold', () => {
  it('keeps other years and people the file no longer lists, as former members', () => {
    const r = parseHouseholdBookRows(valid, ctx);
    const imported = r.households[0]!.household;
    const existing = {
      ...imported,
      address: 'old address',
      members: [
        ...imported.members,
        {
          ...imported.members[1]!,
          iin: '900502301015',
          relation: 'child' as const,
          joinedOn: '1990-05-02' as PlainDate,
        },
        {
          ...imported.members[1]!,
          iin: '880121301018',
          relation: 'child' as const,
          leftOn: '2012-08-01' as PlainDate,
        },
      ],
      yearlyRecords: [
        { referenceYear: 2024, landPlots: [], livestock: { sheep: 3 }, machinery: [] },
        { referenceYear: 2025, landPlots: [], livestock: { sheep: 99 }, machinery: [] },
      ],
    };
    const merged = mergeImportedHousehold(existing, imported, ctx.today);
    expect(merged.address).toBe('Абай көшесі, 12');
    expect(merged.members.map((m) => [m.iin, m.leftOn])).toEqual([
      ['620308301011', undefined],
      ['651119401019', undefined],
      ['900502301015', '2025-03-10'],
      ['880121301018', '2012-08-01'],
    ]);
    expect(merged.yearlyRecords.map((y) => [y.referenceYear, y.livestock.sheep])).toEqual([
      [2024, 3],
      [2025, 25],
    ]);
  });
});
