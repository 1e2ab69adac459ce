/**
 * the public office directory parsed from the service standard's Appendix 1 (oblast, district and
 * city akim apparatuses, where complaints go under R-17) and Appendix 2 (population service centres).
 * See docs/domain/directory.md for the format and the repairs.
 */

/** A name in both UI languages. `kk` is the seed's wording; `ru` comes from russian-names.ts. */
export interface KkRu {
  readonly kk: string;
  readonly ru: string;
}

export const OFFICE_KINDS = ['oblast_apparatus', 'district_apparatus', 'city_apparatus', 'psc'] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];

export interface OfficeRecord {
  /** Stable slug: `a1-OO-EE` (oblast and entry position in the seed, 1-based) or `psc-NN`. */
  readonly id: string;
  readonly appendix: 1 | 2;
  /** The number printed in the seed's first column (Appendix 1 restarts it in every oblast). */
  readonly ordinal: number;
  /** The oblast, or the city of republican significance (Almaty, Astana) for PSCs there. */
  readonly oblast: KkRu;
  readonly kind: OfficeKind;
  readonly name: KkRu;
  /** As printed (Kazakh), with broken lines joined and white space normalised. */
  readonly address: string;
  /** `8 (AREA) LOCAL` when the seed gives an area code, else the local number as printed. */
  readonly phones: readonly string[];
  /** The fax number(s), same format as phones, joined with ", " when there are several. */
  readonly fax?: string;
  readonly emails: readonly string[];
  /** The district or city of oblast significance the apparatus serves; for PSCs, the city district. */
  readonly district?: KkRu;
}

export const PARSE_ISSUE_CODES = [
  'APPENDIX_NOT_FOUND',
  'UNEXPECTED_TEXT',
  'ENTRY_OUTSIDE_OBLAST',
  'ORDINAL_OUT_OF_SEQUENCE',
  'MISSING_NAME',
  'MALFORMED_NAME',
  'UNKNOWN_KIND',
  'MISSING_ADDRESS',
  'ADDRESS_OBLAST_MISMATCH',
  'MISSING_PHONE',
  'PHONE_UNUSUAL_LENGTH',
  'DUPLICATE_PHONE',
  'EMAIL_TRUNCATED',
  'EMAIL_INVALID',
  'DUPLICATE_EMAIL',
  'UNUSED_TEXT',
  'UNKNOWN_REGION',
  'RU_NAME_MISSING',
  'CORRECTION_UNKNOWN_OFFICE',
  'CORRECTION_STALE',
  'CORRECTION_UNUSED',
] as const;
export type ParseIssueCode = (typeof PARSE_ISSUE_CODES)[number];

/**
 * Something the parser could not repair with certainty. `error`: the record is incomplete or wrong and the
 * import must stop until a reviewed correction resolves it; `warning`: the record is usable but a reviewer
 * should look. A correction that resolves an issue leaves it in the list with `resolvedBy` set.
 */
export interface ParseIssue {
  /** 1-based line of the seed text where the problem is (the entry's first line when not more precise). */
  readonly line: number;
  /** The office id, when the issue belongs to one. */
  readonly entry?: string;
  readonly code: ParseIssueCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** The offending text, as found. */
  readonly text?: string;
  /** Id of the correction (data/offices-corrections.json) that resolves or acknowledges it. */
  readonly resolvedBy?: string;
}

export interface SeedDirectory {
  readonly offices: readonly OfficeRecord[];
  readonly issues: readonly ParseIssue[];
}

/** A record with the seed line where its entry starts, while parsing (issues and corrections point there). */
export interface LocatedOffice {
  readonly record: OfficeRecord;
  readonly line: number;
}
