/**
 * Import of an akimat's household book from a spreadsheet (issue 4, item 3; layout documented in
 * docs/household-book-import.md). The adapter turns bytes (CSV or XLSX, any encoding) into rows of
 * strings; this module turns rows into households or into errors, each with its line and column.
 *
 * Layout: ONE ROW PER MEMBER. The key columns (book_no, account_no) are on every row; the household's
 * own facts (settlement, address, land, livestock, machinery) may be repeated on every row of the
 * household or given once (usually on the head's row) and left blank on the others; when repeated they
 * must be identical. That is how a specialist fills in a flat sheet by hand, and a sheet sorted or
 * filtered in Excel still keeps every row self-describing; merged cells are not needed.
 *
 * The import is all or nothing: the caller writes `households` only when `errors` is empty.
 */
import { parseIin } from '../iin/iin';
import { compareDates, type PlainDate, parsePlainDate } from '../shared/plain-date';
import {
  type Household,
  LAND_PURPOSES,
  type LandPlot,
  type LandPurpose,
  type Machine,
  type Member,
  RELATIONS,
  type Relation,
  type YearlyRecord,
} from './household';
import type { SpeciesCatalogue } from './species';
import { type FieldError, validateHousehold } from './validation';

export const IMPORT_ERROR_CODES = [
  'IMPORT.EMPTY',
  'IMPORT.MISSING_COLUMN',
  'IMPORT.DUPLICATE_COLUMN',
  'IMPORT.MISSING_VALUE',
  'IMPORT.CONFLICTING_VALUE',
  'IMPORT.UNEXPECTED_VALUE',
  'IMPORT.BAD_DATE',
  'IMPORT.BAD_CONTEXT',
] as const;

export const KEY_COLUMNS = ['book_no', 'account_no'] as const;
export const MEMBER_COLUMNS = [
  'iin',
  'surname',
  'name',
  'patronymic',
  'relation',
  'joined_on',
  'left_on',
] as const;
const AREA_COLUMNS = LAND_PURPOSES.map((p) => `${p}_ha`);
const CADASTRAL_COLUMNS = LAND_PURPOSES.map((p) => `${p}_cadastral`);
/** Columns describing the household itself; species columns (one per species code) are household columns too. */
export const HOUSEHOLD_COLUMNS = [
  'settlement_kato',
  'address',
  'reference_year',
  ...AREA_COLUMNS,
  ...CADASTRAL_COLUMNS,
  'machinery',
] as const;
const REQUIRED_COLUMNS = [
  'book_no',
  'account_no',
  'settlement_kato',
  'address',
  'iin',
  'surname',
  'name',
  'relation',
];

export interface ImportContext {
  /** The akimat whose book is imported (`--akimat`); every household goes to it. */
  readonly akimatKato: string;
  /** The civil date of the import: no date in the file may be later. */
  readonly today: PlainDate;
  readonly species: SpeciesCatalogue;
  /**
   * IINs that are current members of open households already in the database, other than the households
   * this file replaces (same akimat, book and account number). Usually a Set of the file's IINs found open
   * elsewhere, looked up by the adapter in one query.
   */
  readonly openIins: { has(iin: string): boolean };
  /** Settlements of the akimat, when known: a settlement KATO outside it is refused. */
  readonly settlements?: { has(kato: string): boolean };
  /** The reference year when the file has no `reference_year` column. */
  readonly referenceYear?: number;
}

export interface ImportRowError {
  /** 1-based row number as a spreadsheet shows it; the header is line 1. */
  readonly line: number;
  readonly column?: string;
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface ImportedHousehold {
  readonly household: Household;
  readonly lines: readonly number[];
}

export interface HouseholdBookImport {
  /** Households all of whose rows are valid, in the order they first appear. */
  readonly households: readonly ImportedHousehold[];
  /** Sorted by line; empty means the import may be written. */
  readonly errors: readonly ImportRowError[];
  /** Non-blank data rows. */
  readonly rowsRead: number;
  /** Rows of accepted households. */
  readonly rowsAccepted: number;
  /** Rows of households with at least one error (each error names its own line). */
  readonly rowsRejected: number;
}

/** Words a specialist writes for the relation, in Kazakh and Russian, besides the codes themselves. */
const RELATION_WORDS: Readonly<Record<string, Relation>> = {
  глава: 'head',
  'глава хозяйства': 'head',
  'глава семьи': 'head',
  отағасы: 'head',
  'үй иесі': 'head',
  'отбасы басшысы': 'head',
  жена: 'spouse',
  муж: 'spouse',
  супруг: 'spouse',
  супруга: 'spouse',
  жұбайы: 'spouse',
  әйелі: 'spouse',
  күйеуі: 'spouse',
  сын: 'child',
  дочь: 'child',
  ұлы: 'child',
  қызы: 'child',
  баласы: 'child',
  невестка: 'child_in_law',
  зять: 'child_in_law',
  келіні: 'child_in_law',
  'күйеу баласы': 'child_in_law',
  внук: 'grandchild',
  внучка: 'grandchild',
  немересі: 'grandchild',
  мать: 'parent',
  отец: 'parent',
  анасы: 'parent',
  әкесі: 'parent',
  свекровь: 'parent_in_law',
  свёкор: 'parent_in_law',
  свекор: 'parent_in_law',
  тёща: 'parent_in_law',
  теща: 'parent_in_law',
  тесть: 'parent_in_law',
  'қайын атасы': 'parent_in_law',
  'қайын енесі': 'parent_in_law',
  бабушка: 'grandparent',
  дедушка: 'grandparent',
  әжесі: 'grandparent',
  брат: 'sibling',
  сестра: 'sibling',
  ағасы: 'sibling',
  інісі: 'sibling',
  әпкесі: 'sibling',
  қарындасы: 'sibling',
  сіңлісі: 'sibling',
  другое: 'other',
  другой: 'other',
  басқа: 'other',
};

export function parseRelation(text: string): Relation | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return (RELATIONS as readonly string[]).includes(t) ? (t as Relation) : RELATION_WORDS[t];
}

/** ISO `2024-03-15`, or `15.03.2024` as Kazakh and Russian spreadsheets show dates. */
export function parseSheetDate(text: string): PlainDate | undefined {
  const t = text.trim();
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const iso = dotted ? `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}` : t;
  const r = parsePlainDate(iso);
  return r.ok ? r.value : undefined;
}

/** A decimal as typed: `0.12`, `0,12` (Russian locale), `1 200` (grouped); undefined when not a number. */
export function parseSheetNumber(text: string): number | undefined {
  const t = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(t)) return undefined;
  return Number(t);
}

const MEMBER_PATHS: Readonly<Record<string, string>> = {
  iin: 'iin',
  surname: 'surname',
  name: 'name',
  patronymic: 'patronymic',
  relation: 'relation',
  joinedOn: 'joined_on',
  leftOn: 'left_on',
};

interface Source {
  readonly line: number;
  readonly column: string;
}

interface Group {
  readonly bookNumber: string;
  readonly accountNumber: string;
  readonly rows: { line: number; cells: readonly string[] }[];
}

/** A header cell as a column name: a UTF-8 BOM, spaces and case ignored. */
function columnName(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

/**
 * The `book\u0000account` keys the file's rows name (what the file replaces), read before the full parse so
 * that the adapter can tell which open memberships are "elsewhere" in one pass (issue 4, item 3).
 */
export function householdKeysOf(rows: readonly (readonly string[])[]): Set<string> {
  const keys = new Set<string>();
  const header = (rows[0] ?? []).map(columnName);
  const book = header.indexOf('book_no');
  const account = header.indexOf('account_no');
  if (book < 0 || account < 0) return keys;
  for (let i = 1; i < rows.length; i++) {
    const b = (rows[i]![book] ?? '').trim();
    const a = (rows[i]![account] ?? '').trim();
    if (b !== '' && a !== '') keys.add(`${b}\u0000${a}`);
  }
  return keys;
}

/** The well-formed IINs of the file's `iin` column (what the adapter looks up as open memberships). */
export function iinsOf(rows: readonly (readonly string[])[]): string[] {
  const header = (rows[0] ?? []).map(columnName);
  const column = header.indexOf('iin');
  if (column < 0) return [];
  const iins = new Set<string>();
  for (let i = 1; i < rows.length; i++) {
    const iin = (rows[i]![column] ?? '').trim();
    if (/^\d{12}$/.test(iin)) iins.add(iin);
  }
  return [...iins];
}

/**
 * Rows → households or per-row errors (issue 4, "Bad input"). `rows[0]` is the header; a fully blank row
 * is skipped (spreadsheets end with some). Line numbers are row positions, 1-based.
 */
export function parseHouseholdBookRows(
  rows: readonly (readonly string[])[],
  ctx: ImportContext,
): HouseholdBookImport {
  const errors: ImportRowError[] = [];
  const blank = (row: readonly string[]) => row.every((c) => c.trim() === '');
  const dataRowCount = rows.slice(1).filter((r) => !blank(r)).length;
  const fail = (): HouseholdBookImport => ({
    households: [],
    errors: errors.sort((a, b) => a.line - b.line),
    rowsRead: dataRowCount,
    rowsAccepted: 0,
    rowsRejected: dataRowCount,
  });

  if (!/^\d{9}$/.test(ctx.akimatKato)) {
    errors.push({ line: 1, code: 'IMPORT.BAD_CONTEXT', message: 'the akimat KATO is 9 digits' });
    return fail();
  }
  const header = rows[0];
  if (header === undefined || blank(header) || dataRowCount === 0) {
    errors.push({ line: 1, code: 'IMPORT.EMPTY', message: 'the file has no header or no data rows' });
    return fail();
  }

  // Header: known column names, or species codes. Anything else is most likely a species typed wrong.
  const index = new Map<string, number>();
  const known = new Set<string>([...KEY_COLUMNS, ...MEMBER_COLUMNS, ...HOUSEHOLD_COLUMNS]);
  header.forEach((raw, i) => {
    const name = columnName(raw);
    if (name === '') return;
    if (index.has(name)) {
      errors.push({
        line: 1,
        column: name,
        code: 'IMPORT.DUPLICATE_COLUMN',
        message: 'the column appears twice',
      });
      return;
    }
    if (!known.has(name) && !ctx.species.byCode.has(name)) {
      errors.push({
        line: 1,
        column: name,
        code: 'HOUSEHOLD.UNKNOWN_SPECIES',
        message: 'neither a column of the layout nor a species code',
        details: { species: name },
      });
      return;
    }
    index.set(name, i);
  });
  const required =
    ctx.referenceYear === undefined ? [...REQUIRED_COLUMNS, 'reference_year'] : REQUIRED_COLUMNS;
  for (const c of required) {
    if (!index.has(c))
      errors.push({ line: 1, column: c, code: 'IMPORT.MISSING_COLUMN', message: 'required column' });
  }
  if (errors.length > 0) return fail();

  const at = (cells: readonly string[], column: string) => {
    const i = index.get(column);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const speciesColumns = ctx.species.list.map((s) => s.code).filter((c) => index.has(c));
  const householdColumns = [...HOUSEHOLD_COLUMNS.filter((c) => index.has(c)), ...speciesColumns];
  const usedIndexes = new Set(index.values());

  // Group the rows by (book, account); a row without its key cannot belong anywhere.
  const groups = new Map<string, Group>();
  const rowsWithoutKey: number[] = [];
  rows.forEach((cells, i) => {
    if (i === 0 || blank(cells)) return;
    const line = i + 1;
    cells.forEach((c, ci) => {
      if (!usedIndexes.has(ci) && c.trim() !== '') {
        errors.push({
          line,
          code: 'IMPORT.UNEXPECTED_VALUE',
          message: 'a value under no column',
          details: { cell: ci + 1 },
        });
      }
    });
    const bookNumber = at(cells, 'book_no');
    const accountNumber = at(cells, 'account_no');
    if (bookNumber === '' || accountNumber === '') {
      const column = bookNumber === '' ? 'book_no' : 'account_no';
      errors.push({
        line,
        column,
        code: 'IMPORT.MISSING_VALUE',
        message: 'every row names its book and account',
      });
      rowsWithoutKey.push(line);
      return;
    }
    const key = `${bookNumber}\u0000${accountNumber}`;
    const group = groups.get(key);
    if (group) group.rows.push({ line, cells });
    else groups.set(key, { bookNumber, accountNumber, rows: [{ line, cells }] });
  });

  const built: {
    group: Group;
    household: Household;
    current: { iin: string; line: number }[];
  }[] = [];
  for (const group of groups.values()) {
    const b = buildHousehold(group, ctx, at, householdColumns, speciesColumns, errors);
    built.push({ group, household: b.household, current: b.current });
  }

  // One IIN, one open household: across the file (the first line keeps it) and against the database.
  const firstSeen = new Map<string, { line: number; group: Group }>();
  const allCurrent = built.flatMap((b) => b.current.map((c) => ({ ...c, group: b.group })));
  allCurrent.sort((a, b) => a.line - b.line);
  for (const c of allCurrent) {
    const first = firstSeen.get(c.iin);
    if (first === undefined) firstSeen.set(c.iin, { line: c.line, group: c.group });
    else if (first.group !== c.group) {
      errors.push({
        line: c.line,
        column: 'iin',
        code: 'HOUSEHOLD.IIN_IN_TWO_OPEN_HOUSEHOLDS',
        message: 'the same person is a current member of another household in this file',
        details: { otherLine: first.line, where: 'file' },
      });
    }
  }

  const badLines = new Set(errors.map((e) => e.line));
  const households: ImportedHousehold[] = [];
  let rowsAccepted = 0;
  for (const b of built) {
    const lines = b.group.rows.map((r) => r.line);
    if (lines.some((l) => badLines.has(l))) continue;
    households.push({ household: b.household, lines });
    rowsAccepted += lines.length;
  }
  return {
    households,
    errors: errors.sort((a, b) => a.line - b.line),
    rowsRead: dataRowCount,
    rowsAccepted,
    rowsRejected: dataRowCount - rowsAccepted,
  };
}

function buildHousehold(
  group: Group,
  ctx: ImportContext,
  at: (cells: readonly string[], column: string) => string,
  householdColumns: readonly string[],
  speciesColumns: readonly string[],
  errors: ImportRowError[],
): { household: Household; current: { iin: string; line: number }[] } {
  const firstLine = group.rows[0]!.line;
  // One error per cell: a value that could not be read is not reported again by the validation.
  const reported = new Set<string>();
  const push = (
    line: number,
    column: string,
    code: string,
    message: string,
    details?: Record<string, unknown>,
  ) => {
    const cell = `${line}:${column}`;
    if (reported.has(cell)) return;
    reported.add(cell);
    errors.push(
      details === undefined ? { line, column, code, message } : { line, column, code, message, details },
    );
  };

  // Household facts: the first non-blank value of each column; a different value later is a conflict.
  const facts = new Map<string, { value: string; line: number }>();
  for (const { line, cells } of group.rows) {
    for (const column of householdColumns) {
      const value = at(cells, column);
      if (value === '') continue;
      const first = facts.get(column);
      if (first === undefined) facts.set(column, { value, line });
      else if (first.value !== value) {
        push(line, column, 'IMPORT.CONFLICTING_VALUE', 'differs from the same household on another line', {
          otherLine: first.line,
        });
      }
    }
  }
  const fact = (column: string) => facts.get(column);
  const sourceOf = (column: string): Source => ({ line: fact(column)?.line ?? firstLine, column });
  for (const column of ['settlement_kato', 'address']) {
    if (fact(column) === undefined)
      push(firstLine, column, 'IMPORT.MISSING_VALUE', 'required for the household');
  }

  let referenceYear = ctx.referenceYear ?? Number.NaN;
  const yearText = fact('reference_year');
  if (yearText !== undefined) {
    referenceYear = /^\d{4}$/.test(yearText.value) ? Number(yearText.value) : Number.NaN;
    if (Number.isNaN(referenceYear)) {
      push(yearText.line, 'reference_year', 'HOUSEHOLD.BAD_REFERENCE_YEAR', 'a four-digit year');
      referenceYear = ctx.referenceYear ?? Number(ctx.today.slice(0, 4));
    }
  } else if (Number.isNaN(referenceYear)) {
    push(firstLine, 'reference_year', 'IMPORT.MISSING_VALUE', 'required for the household');
    referenceYear = Number(ctx.today.slice(0, 4));
  }

  // Land: one column per purpose; several plots of one purpose are separated by ";".
  const landPlots: LandPlot[] = [];
  const plotSources: { area: Source; cadastral: Source }[] = [];
  LAND_PURPOSES.forEach((purpose: LandPurpose) => {
    const areaColumn = `${purpose}_ha`;
    const cadastralColumn = `${purpose}_cadastral`;
    const areas =
      fact(areaColumn)
        ?.value.split(';')
        .map((s) => s.trim()) ?? [];
    const cadastrals =
      fact(cadastralColumn)
        ?.value.split(';')
        .map((s) => s.trim()) ?? [];
    if (cadastrals.length > areas.length) {
      push(
        sourceOf(cadastralColumn).line,
        cadastralColumn,
        'HOUSEHOLD.BAD_CADASTRAL_NUMBER',
        'more cadastral numbers than plots',
        { reason: 'count-mismatch' },
      );
    }
    areas.forEach((text, k) => {
      const area = parseSheetNumber(text);
      if (area === undefined) {
        push(sourceOf(areaColumn).line, areaColumn, 'HOUSEHOLD.BAD_AREA', 'area is not a number', {
          reason: 'not-a-number',
          value: text,
        });
        return;
      }
      const cadastralNumber = cadastrals[k];
      const areaHa = Math.round(area * 10_000) / 10_000;
      landPlots.push(cadastralNumber ? { purpose, areaHa, cadastralNumber } : { purpose, areaHa });
      plotSources.push({ area: sourceOf(areaColumn), cadastral: sourceOf(cadastralColumn) });
    });
  });

  const livestock: Record<string, number> = {};
  for (const code of speciesColumns) {
    const f = fact(code);
    if (f === undefined) continue;
    const n = parseSheetNumber(f.value);
    if (n === undefined || !Number.isInteger(n)) {
      push(f.line, code, 'HOUSEHOLD.BAD_COUNT', 'a count is a whole number', { value: f.value });
      continue;
    }
    if (n !== 0) livestock[code] = n;
  }

  // Machinery: "трактор МТЗ-82; прицеп=2", a bare item counting as one.
  const machinery: Machine[] = [];
  const machineryFact = fact('machinery');
  for (const item of machineryFact?.value.split(';') ?? []) {
    const m = /^(.*?)(?:\s*=\s*(\S+))?$/.exec(item.trim());
    const description = m?.[1]?.trim() ?? '';
    if (description === '') continue;
    const count = m?.[2] === undefined ? 1 : parseSheetNumber(m[2]);
    if (count === undefined) {
      push(
        machineryFact!.line,
        'machinery',
        'HOUSEHOLD.BAD_MACHINERY',
        'write a machine as "name" or "name=count"',
      );
      continue;
    }
    machinery.push({ description, count });
  }

  const members: Member[] = [];
  const memberLines: number[] = [];
  const current: { iin: string; line: number }[] = [];
  for (const { line, cells } of group.rows) {
    const iin = at(cells, 'iin');
    const iinFacts = parseIin(iin);
    const date = (column: 'joined_on' | 'left_on'): PlainDate | undefined => {
      const text = at(cells, column);
      if (text === '') return undefined;
      const d = parseSheetDate(text);
      if (d === undefined)
        push(line, column, 'IMPORT.BAD_DATE', 'a date as YYYY-MM-DD or DD.MM.YYYY', { value: text });
      return d;
    };
    // Without a joining date the person counts as a member since birth: the book does not say otherwise.
    const joinedOn = date('joined_on') ?? (iinFacts.ok ? iinFacts.value.birthDate : ctx.today);
    const leftOn = date('left_on');
    const relationText = at(cells, 'relation');
    const patronymic = at(cells, 'patronymic');
    const member: Member = {
      iin,
      surname: at(cells, 'surname'),
      name: at(cells, 'name'),
      ...(patronymic === '' ? {} : { patronymic }),
      relation: parseRelation(relationText) ?? (relationText as Relation),
      joinedOn,
      ...(leftOn === undefined ? {} : { leftOn }),
    };
    members.push(member);
    memberLines.push(line);
    if (leftOn === undefined || compareDates(ctx.today, leftOn) < 0) current.push({ iin, line });
  }

  const record: YearlyRecord = { referenceYear, landPlots, livestock, machinery };
  const settlementKato = fact('settlement_kato')?.value ?? '';
  const household: Household = {
    bookNumber: group.bookNumber,
    accountNumber: group.accountNumber,
    akimatKato: ctx.akimatKato,
    settlementKato,
    address: fact('address')?.value ?? '',
    status: 'open',
    members,
    yearlyRecords: [record],
  };

  const fieldErrors = validateHousehold(household, {
    species: ctx.species,
    today: ctx.today,
    openIinsElsewhere: ctx.openIins,
  });
  if (settlementKato !== '' && ctx.settlements !== undefined && !ctx.settlements.has(settlementKato)) {
    fieldErrors.push({
      code: 'HOUSEHOLD.SETTLEMENT_NOT_IN_AKIMAT',
      path: 'settlementKato',
      message: 'not a settlement of this akimat',
    });
  }
  const locate = (e: FieldError): Source => {
    const member = /^members\[(\d+)\]\.(\w+)$/.exec(e.path);
    if (member) {
      return { line: memberLines[Number(member[1])] ?? firstLine, column: MEMBER_PATHS[member[2]!] ?? 'iin' };
    }
    const plot = /^yearlyRecords\[0\]\.landPlots\[(\d+)\]\.(\w+)$/.exec(e.path);
    if (plot) {
      const s = plotSources[Number(plot[1])];
      if (s) return plot[2] === 'cadastralNumber' ? s.cadastral : s.area;
    }
    const animal = /^yearlyRecords\[0\]\.livestock\.(\w+)$/.exec(e.path);
    if (animal) return sourceOf(animal[1]!);
    if (e.path.startsWith('yearlyRecords[0].machinery')) return sourceOf('machinery');
    if (e.path === 'yearlyRecords[0].referenceYear') return sourceOf('reference_year');
    if (e.path === 'settlementKato') return sourceOf('settlement_kato');
    if (e.path === 'address') return sourceOf('address');
    if (e.path === 'bookNumber') return { line: firstLine, column: 'book_no' };
    if (e.path === 'accountNumber') return { line: firstLine, column: 'account_no' };
    return { line: firstLine, column: 'relation' };
  };
  for (const e of fieldErrors) {
    // The database already holds this person in another open household.
    const details =
      e.code === 'HOUSEHOLD.IIN_IN_TWO_OPEN_HOUSEHOLDS'
        ? { ...e.details, where: 'book' }
        : e.details && { ...e.details };
    const { line, column } = locate(e);
    push(line, column, e.code, e.message, details);
  }
  // Only well-formed IINs take part in the cross-file check; a malformed one is already an error.
  return { household, current: current.filter((c) => parseIin(c.iin).ok) };
}

/** The header of the layout, for the export (same columns the import reads). */
export function householdBookHeader(species: SpeciesCatalogue): string[] {
  const land = LAND_PURPOSES.flatMap((p) => [`${p}_ha`, `${p}_cadastral`]);
  return [
    ...KEY_COLUMNS,
    'settlement_kato',
    'address',
    'reference_year',
    ...MEMBER_COLUMNS,
    ...land,
    ...species.list.map((s) => s.code),
    'machinery',
  ];
}

/**
 * One household as rows of the layout: one row per member (former members too, with left_on), the
 * household's facts repeated on every row so that the sheet survives sorting. `referenceYear` picks the
 * yearly record (default: the latest); importing the rows back gives the same household.
 */
export function householdBookRows(
  household: Household,
  species: SpeciesCatalogue,
  referenceYear?: number,
): string[][] {
  const record =
    household.yearlyRecords.find((r) => r.referenceYear === referenceYear) ??
    (referenceYear === undefined
      ? household.yearlyRecords.reduce<YearlyRecord | undefined>(
          (best, r) => (best === undefined || r.referenceYear > best.referenceYear ? r : best),
          undefined,
        )
      : undefined);
  const land = LAND_PURPOSES.flatMap((purpose) => {
    const plots = record?.landPlots.filter((p) => p.purpose === purpose) ?? [];
    const cadastral = plots.some((p) => p.cadastralNumber)
      ? plots.map((p) => p.cadastralNumber ?? '').join(';')
      : '';
    return [plots.map((p) => String(p.areaHa)).join(';'), cadastral];
  });
  const animals = species.list.map((s) => {
    const n = record?.livestock[s.code];
    return n === undefined || n === 0 ? '' : String(n);
  });
  const machinery = (record?.machinery ?? [])
    .map((m) => (m.count === 1 ? m.description : `${m.description}=${m.count}`))
    .join('; ');
  return household.members.map((m) => [
    household.bookNumber,
    household.accountNumber,
    household.settlementKato,
    household.address,
    record === undefined ? '' : String(record.referenceYear),
    m.iin,
    m.surname,
    m.name,
    m.patronymic ?? '',
    m.relation,
    m.joinedOn,
    m.leftOn ?? '',
    ...land,
    ...animals,
    machinery,
  ]);
}

/**
 * The state an import writes over a household already in the book (same akimat, book and account): the
 * file's facts and members, the file's yearly record replacing that year's, the other years kept. People
 * the file no longer lists stay as former members, leaving on `today`, so the version still says who lived
 * there; someone who joined that very day is simply dropped.
 */
export function mergeImportedHousehold(
  existing: Household,
  imported: Household,
  today: PlainDate,
): Household {
  const listed = new Set(imported.members.map((m) => m.iin));
  const former = existing.members.flatMap((m): Member[] => {
    if (listed.has(m.iin)) return [];
    if (m.leftOn !== undefined && compareDates(m.leftOn, today) <= 0) return [m];
    return compareDates(m.joinedOn, today) < 0 ? [{ ...m, leftOn: today }] : [];
  });
  const years = new Set(imported.yearlyRecords.map((r) => r.referenceYear));
  const yearlyRecords = [
    ...existing.yearlyRecords.filter((r) => !years.has(r.referenceYear)),
    ...imported.yearlyRecords,
  ].sort((a, b) => a.referenceYear - b.referenceYear);
  return { ...imported, members: [...imported.members, ...former], yearlyRecords };
}
