/**
 * reviewed corrections (data/offices-corrections.json) for what the parser cannot decide alone. Each
 * names the office, says why, and either changes fields — guarded by `expect`, the values the parser is
 * expected to produce, so a correction goes stale loudly instead of overwriting something new — or
 * acknowledges issues (`resolves`) after a person has looked at them, or both.
 */
import { err, ok, type Result } from '../shared/result';
import {
  type KkRu,
  type LocatedOffice,
  OFFICE_KINDS,
  type OfficeKind,
  type OfficeRecord,
  PARSE_ISSUE_CODES,
  type ParseIssue,
  type ParseIssueCode,
} from './office-record';

export interface CorrectableFields {
  readonly kind: OfficeKind;
  readonly name: KkRu;
  readonly district: KkRu;
  readonly address: string;
  readonly phones: readonly string[];
  readonly fax: string;
  readonly emails: readonly string[];
}
export type CorrectableField = keyof CorrectableFields;
const CORRECTABLE: readonly CorrectableField[] = [
  'kind',
  'name',
  'district',
  'address',
  'phones',
  'fax',
  'emails',
];

export interface OfficeCorrection {
  /** Stable, human-readable, unique in the file: `tarbagatai-email-truncated`. */
  readonly id: string;
  /** The office id (`a1-05-16`, `psc-03`). */
  readonly office: string;
  /** Why: what the seed says, what is certain, what was decided. Required. */
  readonly reason: string;
  /** Issue codes on this office that the correction resolves or acknowledges. */
  readonly resolves?: readonly ParseIssueCode[];
  readonly expect?: Partial<CorrectableFields>;
  readonly set?: Partial<CorrectableFields>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isKkRu = (v: unknown): boolean => isRecord(v) && typeof v.kk === 'string' && typeof v.ru === 'string';
const isStringList = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');

function fieldProblem(field: string, value: unknown): string | undefined {
  switch (field) {
    case 'kind':
      return (OFFICE_KINDS as readonly unknown[]).includes(value)
        ? undefined
        : `kind must be one of ${OFFICE_KINDS}`;
    case 'name':
    case 'district':
      return isKkRu(value) ? undefined : `${field} must be { kk, ru }`;
    case 'address':
    case 'fax':
      return typeof value === 'string' ? undefined : `${field} must be a string`;
    case 'phones':
    case 'emails':
      return isStringList(value) ? undefined : `${field} must be a list of strings`;
    default:
      return `"${field}" cannot be corrected (only ${CORRECTABLE.join(', ')})`;
  }
}

function fieldsProblem(what: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return `${what} must be an object`;
  for (const [field, v] of Object.entries(value)) {
    const problem = fieldProblem(field, v);
    if (problem) return `${what}: ${problem}`;
  }
  return undefined;
}

function correctionProblem(c: Record<string, unknown>): string | undefined {
  if (typeof c.id !== 'string' || c.id === '') return 'id must be a non-empty string';
  if (typeof c.office !== 'string' || c.office === '') return 'office must be an office id';
  if (typeof c.reason !== 'string' || c.reason.trim().length < 10)
    return 'reason must say why (10+ characters)';
  if (c.resolves !== undefined) {
    if (
      !Array.isArray(c.resolves) ||
      !c.resolves.every((r) => (PARSE_ISSUE_CODES as readonly unknown[]).includes(r))
    )
      return 'resolves must be a list of issue codes';
  }
  const problem = fieldsProblem('set', c.set) ?? fieldsProblem('expect', c.expect);
  if (problem) return problem;
  if (c.set === undefined && c.resolves === undefined)
    return 'a correction must set fields or resolve issues';
  if (c.set !== undefined) {
    const setKeys = Object.keys(c.set as object).sort();
    const expectKeys = Object.keys((c.expect ?? {}) as object).sort();
    if (setKeys.length === 0) return 'set must change at least one field';
    if (setKeys.join() !== expectKeys.join())
      return 'expect must give the current value of every field in set';
  }
  return undefined;
}

/** Validate the parsed JSON of data/offices-corrections.json: `{ "corrections": [ … ] }`. */
export function parseCorrectionsFile(json: unknown): Result<OfficeCorrection[]> {
  if (!isRecord(json) || !Array.isArray(json.corrections)) {
    return err('DIRECTORY.BAD_CORRECTIONS', 'expected an object with a "corrections" list');
  }
  const seen = new Set<string>();
  const out: OfficeCorrection[] = [];
  for (const [index, c] of json.corrections.entries()) {
    const problem = isRecord(c) ? correctionProblem(c) : 'each correction must be an object';
    if (problem) return err('DIRECTORY.BAD_CORRECTIONS', problem, { index });
    const correction = c as unknown as OfficeCorrection;
    if (seen.has(correction.id)) {
      return err('DIRECTORY.BAD_CORRECTIONS', `duplicate correction id "${correction.id}"`, { index });
    }
    seen.add(correction.id);
    out.push(correction);
  }
  return ok(out);
}

/** Structural equality of JSON-like values (strings, lists, { kk, ru }); key order does not matter. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]))
    );
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => sameValue(a[k], b[k]));
  }
  return a === b;
}

function withFields(record: OfficeRecord, set: Partial<CorrectableFields>): OfficeRecord {
  const next: Record<string, unknown> = { ...record };
  for (const field of CORRECTABLE) {
    if (set[field] !== undefined) next[field] = set[field];
  }
  return next as unknown as OfficeRecord;
}

export interface Corrected {
  readonly offices: LocatedOffice[];
  readonly issues: ParseIssue[];
}

/** Apply the corrections in file order. Never throws; every misfit becomes an error issue. */
export function applyCorrections(
  offices: readonly LocatedOffice[],
  issues: readonly ParseIssue[],
  corrections: readonly OfficeCorrection[],
): Corrected {
  const byId = new Map(offices.map((o, i) => [o.record.id, i]));
  const out = [...offices];
  const resolved = issues.map((i) => ({ ...i }) as { -readonly [K in keyof ParseIssue]: ParseIssue[K] });
  const added: ParseIssue[] = [];
  for (const c of corrections) {
    const index = byId.get(c.office);
    const located = index === undefined ? undefined : out[index];
    if (index === undefined || !located) {
      added.push({
        line: 0,
        code: 'CORRECTION_UNKNOWN_OFFICE',
        severity: 'error',
        message: `correction "${c.id}" names office "${c.office}", which the parser did not produce`,
      });
      continue;
    }
    const stale = c.set
      ? Object.entries(c.expect ?? {}).filter(([field, expected]) => {
          const current = (located.record as unknown as Record<string, unknown>)[field];
          return !sameValue(current, expected);
        })
      : [];
    if (stale.length > 0) {
      added.push({
        line: located.line,
        entry: c.office,
        code: 'CORRECTION_STALE',
        severity: 'error',
        message: `correction "${c.id}" expected other values for ${stale.map(([f]) => f).join(', ')}; not applied`,
        text: JSON.stringify(
          Object.fromEntries(
            stale.map(([f]) => [f, (located.record as unknown as Record<string, unknown>)[f]]),
          ),
        ),
      });
      continue;
    }
    if (c.set) out[index] = { ...located, record: withFields(located.record, c.set) };
    for (const code of c.resolves ?? []) {
      const matching = resolved.filter((i) => i.entry === c.office && i.code === code && !i.resolvedBy);
      if (matching.length === 0) {
        added.push({
          line: located.line,
          entry: c.office,
          code: 'CORRECTION_UNUSED',
          severity: 'error',
          message: `correction "${c.id}" resolves ${code}, but the parser reported no such issue here`,
        });
      }
      for (const i of matching) i.resolvedBy = c.id;
    }
  }
  return { offices: out, issues: [...resolved, ...added] };
}
