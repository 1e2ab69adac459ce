/**
 * The pure part of the household-book pages (issue 4, items 2 and 3): the API's shapes, the editable draft
 * of a household (what the inputs hold, as text) and its conversion to the domain value, and the mapping of
 * coded errors — the domain's own checks in the browser and the server's answers — to the field they are
 * about, so that each shows next to its input in the person's language ("Bad input").
 */
import {
  type Household,
  LAND_PURPOSES,
  type LandPurpose,
  type Member,
  RELATIONS,
  type Relation,
  type YearlyRecord,
} from '../domain/household/household';
import { householdBookHeader, parseSheetNumber } from '../domain/household/import-rows';
import type { Species, SpeciesCatalogue } from '../domain/household/species';
import { validateHousehold } from '../domain/household/validation';
import type { ChangeKind } from '../domain/household/versions';
import { parseIin } from '../domain/iin/iin';
import { type PlainDate, parsePlainDate } from '../domain/shared/plain-date';
import type { ApiError } from './api';

// ---- The API's shapes -------------------------------------------------------------------------------------

export type { Species };

export interface HouseholdSummary {
  readonly id: string;
  readonly akimatKato: string;
  readonly settlementKato: string;
  readonly bookNumber: string;
  readonly accountNumber: string;
  readonly address: string;
  readonly status: 'open' | 'closed';
  readonly headName: string;
  readonly currentVersion: number;
  /** The member whose name matched a name search, when it is not the head. */
  readonly matchedName?: string;
}

export interface HistoryEntry {
  readonly version: number;
  readonly change: ChangeKind;
  readonly recordedOn: PlainDate;
  readonly recordedAt: string;
  /** A user id, or `system` for the demo book and other machine-made versions. */
  readonly recordedBy: string;
  /** The recording user's display name; null for `system` (the demo book, the generator). */
  readonly recordedByName: string | null;
  readonly reason: string;
}

export interface HouseholdView {
  readonly id: string;
  /** The version shown: the last one recorded on or before `asOf`. */
  readonly version: number;
  readonly asOf: PlainDate;
  readonly household: Household;
  readonly history: readonly HistoryEntry[];
}

export interface TerritoryNode {
  readonly code: string;
  readonly parentCode: string | null;
  readonly kind: string;
  readonly name: { readonly kk: string; readonly ru: string };
  readonly isServiceProvider: boolean;
}

export interface ImportReport {
  readonly rowsRead: number;
  readonly rowsAccepted: number;
  readonly rowsRejected: number;
  readonly created: number;
  readonly updated: number;
  readonly written: boolean;
  readonly errors: readonly { line: number; column?: string; code: string; message: string }[];
  readonly warnings: readonly { code: string; message: string }[];
}

/** The server's limit for one upload (MAX_IMPORT_BYTES of the file adapter): refused here before sending. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** The change kinds of the history, for their translation keys. */
export const CHANGE_KINDS = ['created', 'edited', 'imported', 'closed', 'reopened'] as const;

// ---- Species -----------------------------------------------------------------------------------------------

/**
 * The catalogue the domain's checks need, from the `/species` answer. Unit names are not part of that answer
 * and are not used by validation.
 */
export function speciesCatalogue(list: readonly Species[]): SpeciesCatalogue {
  const byCode = new Map(list.map((s) => [s.code, s] as const));
  const childrenOf = new Map<string, string[]>();
  for (const s of list) {
    if (s.parent !== null) childrenOf.set(s.parent, [...(childrenOf.get(s.parent) ?? []), s.code]);
  }
  const blank = { kk: '', ru: '' };
  return { list, byCode, childrenOf, units: { head: blank, colony: blank } };
}

/** Species in the book's order with each "of which" line right under its total (depth 1). */
export function speciesRows(list: readonly Species[]): { species: Species; depth: 0 | 1 }[] {
  const rows: { species: Species; depth: 0 | 1 }[] = [];
  for (const top of list.filter((s) => s.parent === null)) {
    rows.push({ species: top, depth: 0 });
    for (const child of list.filter((s) => s.parent === top.code)) rows.push({ species: child, depth: 1 });
  }
  return rows;
}

/** The import layout's header row, in the order the export writes it, as a CSV that Excel opens (BOM, `;`). */
export function templateCsv(list: readonly Species[]): string {
  return `\uFEFF${householdBookHeader(speciesCatalogue(list)).join(';')}\r\n`;
}

// ---- Search ------------------------------------------------------------------------------------------------

export interface SearchState {
  readonly q: string;
  readonly akimat: string;
  readonly status: '' | 'open' | 'closed';
  readonly page: number;
}

const KATO = /^\d{9}$/;

export function searchStateFrom(params: URLSearchParams): SearchState {
  const status = params.get('status');
  const page = Number(params.get('page'));
  const akimat = params.get('akimat') ?? '';
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    akimat: KATO.test(akimat) ? akimat : '',
    status: status === 'open' || status === 'closed' ? status : '',
    page: Number.isInteger(page) && page >= 1 && page <= 500 ? page : 1,
  };
}

/** The page's own address for a search (what the back button returns to); defaults are left out. */
export function searchParamsOf(state: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.q.trim()) p.set('q', state.q.trim());
  if (state.akimat) p.set('akimat', state.akimat);
  if (state.status) p.set('status', state.status);
  if (state.page > 1) p.set('page', String(state.page));
  return p;
}

/** The API query: one row more than a page, to know whether there is a next page without counting. */
export function searchApiQuery(state: SearchState, pageSize: number): string {
  const p = new URLSearchParams({
    limit: String(pageSize + 1),
    offset: String((state.page - 1) * pageSize),
  });
  if (state.q.trim()) p.set('q', state.q.trim());
  if (state.akimat) p.set('akimat', state.akimat);
  if (state.status) p.set('status', state.status);
  return p.toString();
}

// ---- The editable draft --------------------------------------------------------------------------------------

export interface MemberDraft {
  /** A stable React key: rows are added and removed. */
  readonly key: string;
  readonly iin: string;
  readonly surname: string;
  readonly name: string;
  readonly patronymic: string;
  readonly relation: Relation | '';
  readonly joinedOn: string;
  readonly leftOn: string;
}

export interface PlotDraft {
  readonly key: string;
  readonly purpose: LandPurpose;
  readonly areaHa: string;
  readonly cadastralNumber: string;
}

export interface MachineDraft {
  readonly key: string;
  readonly description: string;
  readonly count: string;
}

export interface RecordDraft {
  readonly key: string;
  readonly referenceYear: string;
  readonly landPlots: readonly PlotDraft[];
  /** Count as typed, by species code; blank is none. */
  readonly livestock: Readonly<Record<string, string>>;
  readonly machinery: readonly MachineDraft[];
}

export interface HouseholdDraft {
  readonly bookNumber: string;
  readonly accountNumber: string;
  readonly akimatKato: string;
  readonly settlementKato: string;
  readonly address: string;
  readonly status: 'open' | 'closed';
  readonly closedOn?: PlainDate;
  readonly closeReason?: string;
  readonly members: readonly MemberDraft[];
  readonly records: readonly RecordDraft[];
}

let nextKey = 0;
/** Keys only need to be unique within one page's life. */
export const newKey = (): string => `k${++nextKey}`;

export const emptyMember = (relation: Relation | '' = ''): MemberDraft => ({
  key: newKey(),
  iin: '',
  surname: '',
  name: '',
  patronymic: '',
  relation,
  joinedOn: '',
  leftOn: '',
});

export const emptyPlot = (purpose: LandPurpose = 'homestead'): PlotDraft => ({
  key: newKey(),
  purpose,
  areaHa: '',
  cadastralNumber: '',
});

export const emptyMachine = (): MachineDraft => ({ key: newKey(), description: '', count: '1' });

export const emptyRecord = (year: number): RecordDraft => ({
  key: newKey(),
  referenceYear: String(year),
  landPlots: [],
  livestock: {},
  machinery: [],
});

/** A new household of the akimat: one empty head row and an empty record of this year. */
export function emptyDraft(akimatKato: string, year: number): HouseholdDraft {
  return {
    bookNumber: '',
    accountNumber: '',
    akimatKato,
    settlementKato: '',
    address: '',
    status: 'open',
    members: [emptyMember('head')],
    records: [emptyRecord(year)],
  };
}

/** Decimal numbers are shown with a point, as typed back; the parser also accepts a comma. */
const numberText = (n: number): string => String(n);

export function draftFromHousehold(h: Household): HouseholdDraft {
  return {
    bookNumber: h.bookNumber,
    accountNumber: h.accountNumber,
    akimatKato: h.akimatKato,
    settlementKato: h.settlementKato,
    address: h.address,
    status: h.status,
    ...(h.closedOn === undefined ? {} : { closedOn: h.closedOn }),
    ...(h.closeReason === undefined ? {} : { closeReason: h.closeReason }),
    members: h.members.map((m) => ({
      key: newKey(),
      iin: m.iin,
      surname: m.surname,
      name: m.name,
      patronymic: m.patronymic ?? '',
      relation: m.relation,
      joinedOn: m.joinedOn,
      leftOn: m.leftOn ?? '',
    })),
    records: h.yearlyRecords.map((r) => ({
      key: newKey(),
      referenceYear: String(r.referenceYear),
      landPlots: r.landPlots.map((p) => ({
        key: newKey(),
        purpose: p.purpose,
        areaHa: numberText(p.areaHa),
        cadastralNumber: p.cadastralNumber ?? '',
      })),
      livestock: Object.fromEntries(Object.entries(r.livestock).map(([code, n]) => [code, numberText(n)])),
      machinery: r.machinery.map((m) => ({
        key: newKey(),
        description: m.description,
        count: numberText(m.count),
      })),
    })),
  };
}

/** One coded problem of one field (`members[1].iin`); `''` is the household as a whole. */
export interface FormIssue {
  readonly path: string;
  readonly code: string;
}

/** Text that is not a number becomes NaN, which the domain's checks report with their own codes. */
const numberFrom = (text: string): number => parseSheetNumber(text) ?? Number.NaN;

/**
 * The domain value the draft stands for, and the problems only the form can see: a date that is not a date
 * (the domain takes dates as given). A blank joining date means "since birth", as in the import layout.
 */
export function householdFromDraft(d: HouseholdDraft): { household: Household; issues: FormIssue[] } {
  const issues: FormIssue[] = [];
  const date = (text: string, path: string): PlainDate | undefined => {
    if (text.trim() === '') return undefined;
    const parsed = parsePlainDate(text.trim());
    if (parsed.ok) return parsed.value;
    issues.push({ path, code: parsed.error.code });
    return undefined;
  };
  const members = d.members.map((m, i): Member => {
    const path = `members[${i}]`;
    const iin = m.iin.replace(/\s/g, '');
    const parsedIin = parseIin(iin);
    let joinedOn = date(m.joinedOn, `${path}.joinedOn`);
    if (joinedOn === undefined && m.joinedOn.trim() === '') {
      if (parsedIin.ok) joinedOn = parsedIin.value.birthDate;
      else issues.push({ path: `${path}.joinedOn`, code: 'DATE.BAD_FORMAT' });
    }
    const leftOn = date(m.leftOn, `${path}.leftOn`);
    const patronymic = m.patronymic.trim();
    return {
      iin,
      surname: m.surname.trim(),
      name: m.name.trim(),
      ...(patronymic === '' ? {} : { patronymic }),
      relation: m.relation as Relation,
      // An unusable date stays out of the domain's date comparisons; its own issue is already recorded.
      joinedOn: joinedOn ?? ('1900-01-01' as PlainDate),
      ...(leftOn === undefined ? {} : { leftOn }),
    };
  });
  const yearlyRecords = d.records.map(
    (r): YearlyRecord => ({
      referenceYear: Number(r.referenceYear.trim() === '' ? Number.NaN : r.referenceYear),
      landPlots: r.landPlots.map((p) => {
        const cadastral = p.cadastralNumber.trim();
        return {
          purpose: p.purpose,
          areaHa: numberFrom(p.areaHa),
          ...(cadastral === '' ? {} : { cadastralNumber: cadastral }),
        };
      }),
      livestock: Object.fromEntries(
        Object.entries(r.livestock)
          .filter(([, text]) => text.trim() !== '')
          .map(([code, text]) => [code, numberFrom(text)]),
      ),
      machinery: r.machinery.map((m) => ({ description: m.description.trim(), count: numberFrom(m.count) })),
    }),
  );
  const household: Household = {
    bookNumber: d.bookNumber.trim(),
    accountNumber: d.accountNumber.trim(),
    akimatKato: d.akimatKato,
    settlementKato: d.settlementKato,
    address: d.address.trim(),
    status: d.status,
    ...(d.closedOn === undefined ? {} : { closedOn: d.closedOn }),
    ...(d.closeReason === undefined ? {} : { closeReason: d.closeReason }),
    members,
    yearlyRecords,
  };
  return { household, issues };
}

/**
 * Everything the browser can check before sending: the form's own problems, then the domain's rules
 * (`validateHousehold`, the same function the server runs). A field with a form problem gets no domain
 * error on top of it. Membership of another household is the server's to check: it needs the whole book.
 */
export function checkDraft(
  d: HouseholdDraft,
  species: SpeciesCatalogue,
  today: PlainDate,
): { household: Household; issues: FormIssue[] } {
  const { household, issues } = householdFromDraft(d);
  const taken = new Set(issues.map((i) => i.path));
  const domain = validateHousehold(household, { species, today })
    .filter((e) => !taken.has(e.path))
    .map((e) => ({ path: e.path, code: e.code }));
  return { household, issues: [...issues, ...domain] };
}

// ---- Errors from the server ----------------------------------------------------------------------------------

/**
 * `body.household.members.0.surname` (a request-schema path) → `members[0].surname` (the domain's form).
 * Paths that are already in the domain's form pass unchanged.
 */
export function domainPath(path: string): string {
  const parts = path
    .replace(/^body\./, '')
    .replace(/^household\./, '')
    .split('.');
  let out = '';
  for (const part of parts) {
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The field problems an error answer carries: the domain's `details.errors` of `HOUSEHOLD.INVALID`, the
 * request schema's `details.fields` of `VALIDATION_FAILED` (coded `VALIDATION_FAILED`: the server's text is
 * English and never shown), and the single-field codes this form knows where to put.
 */
export function issuesFromError(error: ApiError): FormIssue[] {
  const details = error.details;
  if (error.code === 'HOUSEHOLD.INVALID' && isRecord(details) && Array.isArray(details.errors)) {
    return details.errors.flatMap((e: unknown): FormIssue[] =>
      isRecord(e) && typeof e.code === 'string'
        ? [{ path: domainPath(typeof e.path === 'string' ? e.path : ''), code: e.code }]
        : [],
    );
  }
  if (error.code === 'VALIDATION_FAILED') {
    return error.fieldIssues.map((f) => ({ path: domainPath(f.path), code: 'VALIDATION_FAILED' }));
  }
  if (error.code === 'HOUSEHOLD.ACCOUNT_EXISTS') return [{ path: 'accountNumber', code: error.code }];
  if (error.code === 'HOUSEHOLD.MISSING_REASON') return [{ path: 'reason', code: error.code }];
  return [];
}

/** The id of the input a path names: `members[1].iin` → `hb-members-1-iin`. */
export function fieldId(path: string): string {
  return `hb-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;
}

/** Issues by path, each code once, in the order they came. */
export function issuesByPath(issues: readonly FormIssue[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { path, code } of issues) {
    const codes = map.get(path) ?? [];
    if (!codes.includes(code)) codes.push(code);
    map.set(path, codes);
  }
  return map;
}

export { LAND_PURPOSES, RELATIONS };
