/**
 * Numbers of issued documents (R-5, issue 5): unique and sequential per issuer, kind and year, never reused. The
 * sequence itself lives in the database (document_sequences, taken in the issuing transaction); this is only the
 * printed form and its parser.
 *
 *   certificate   113243-2026-000042     akimat KATO 113243000, 2026, the 42nd certificate of that year
 *   refusal       113243-2026-R000007    the 7th refusal of that akimat in 2026
 *   refusal       psc-01-2026-R000003    a refusal at PSC intake (ground 1), numbered by the PSC
 *   receipt       psc-01-2026-P000115    a PSC receipt
 *
 * The issuer is the akimat's KATO code cut to its significant prefix (trailing zero groups dropped, as
 * domain/territory defines it: 113243000 → 113243, 113243100 → 1132431), which is shorter to print and type and
 * maps back to exactly one code; or an office id (lower-case letters, digits and hyphens, starting with a letter,
 * e.g. `psc-01`, and `online` for an online refusal of someone in no book). The sequence has at least six digits.
 */
import { DomainInvariantError, err, ok, type Result } from '../shared/result';
import { isKatoCode, significantPrefix } from '../territory/kato-code';

export const NUMBERED_KINDS = ['certificate', 'refusal', 'receipt'] as const;
export type NumberedKind = (typeof NUMBERED_KINDS)[number];

const LETTER: Readonly<Record<NumberedKind, string>> = { certificate: '', refusal: 'R', receipt: 'P' };
const KIND_OF_LETTER: Readonly<Record<string, NumberedKind>> = {
  '': 'certificate',
  R: 'refusal',
  P: 'receipt',
};

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2999;
export const MAX_SEQ = 9_999_999;
const SEQ_WIDTH = 6;

const OFFICE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_OFFICE_ID = 24;
const NUMBER = /^([0-9a-z-]+)-(\d{4})-([rp]?)(\d{6,7})$/i;

export interface DocumentNumber {
  readonly kind: NumberedKind;
  /** A nine-digit akimat KATO code, or an office id. */
  readonly issuer: string;
  readonly year: number;
  readonly seq: number;
  /** The canonical printed form. */
  readonly text: string;
}

export function isOfficeId(value: string): boolean {
  return value.length <= MAX_OFFICE_ID && OFFICE_ID.test(value);
}

function issuerCode(issuer: string): string | undefined {
  if (isKatoCode(issuer)) {
    const prefix = significantPrefix(issuer);
    return prefix === '' ? undefined : prefix;
  }
  return isOfficeId(issuer) ? issuer : undefined;
}

/** The nine-digit code whose significant prefix is `digits`, if `digits` is one. */
function katoFromPrefix(digits: string): string | undefined {
  if (![2, 4, 6, 7, 9].includes(digits.length)) return undefined;
  const code = digits.padEnd(9, '0');
  return significantPrefix(code) === digits ? code : undefined;
}

/** The printed number. Throws on values the database could never hand out (a programming error). */
export function formatDocumentNumber(kind: NumberedKind, issuer: string, year: number, seq: number): string {
  const code = issuerCode(issuer);
  if (code === undefined || !(kind in LETTER)) {
    throw new DomainInvariantError('CERTIFICATE.BAD_NUMBER', 'the issuer is a KATO code or an office id', {
      kind,
      issuer,
    });
  }
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new DomainInvariantError('CERTIFICATE.BAD_NUMBER', 'year out of range', { year });
  }
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) {
    throw new DomainInvariantError('CERTIFICATE.BAD_NUMBER', 'sequence out of range', { seq });
  }
  return `${code}-${year}-${LETTER[kind]}${String(seq).padStart(SEQ_WIDTH, '0')}`;
}

/** `113243-2026-000042` for the 42nd certificate of akimat 113243000 in 2026. */
export function formatCertificateNumber(akimatKato: string, year: number, seq: number): string {
  if (!isKatoCode(akimatKato)) {
    throw new DomainInvariantError('CERTIFICATE.BAD_NUMBER', 'a certificate is numbered by its akimat', {
      akimatKato,
    });
  }
  return formatDocumentNumber('certificate', akimatKato, year, seq);
}

/**
 * Reads a number as typed or scanned (spaces around it and letter case do not matter) and returns its parts and
 * canonical form; `CERTIFICATE.BAD_NUMBER` for anything else. Never throws.
 */
export function parseDocumentNumber(input: unknown): Result<DocumentNumber> {
  const bad = () => err('CERTIFICATE.BAD_NUMBER', 'not a document number such as 113243-2026-000042');
  if (typeof input !== 'string' || input.length > 64) return bad();
  const m = NUMBER.exec(input.trim());
  if (!m) return bad();
  const code = (m[1] ?? '').toLowerCase();
  const letter = (m[3] ?? '').toUpperCase();
  const [yearText = '', seqText = ''] = [m[2], m[4]];
  const kind = KIND_OF_LETTER[letter];
  const issuer = /^\d+$/.test(code) ? katoFromPrefix(code) : isOfficeId(code) ? code : undefined;
  const year = Number(yearText);
  const seq = Number(seqText);
  if (kind === undefined || issuer === undefined || year < MIN_YEAR || year > MAX_YEAR || seq < 1)
    return bad();
  const text = formatDocumentNumber(kind, issuer, year, seq);
  // One number, one spelling: 0000042 for 000042 would let two strings name one document.
  if (text !== `${code}-${yearText}-${letter}${seqText}`) return bad();
  return ok({ kind, issuer, year, seq, text });
}

/** A certificate number and the akimat that issued it; any other kind of number is `CERTIFICATE.BAD_NUMBER`. */
export function parseCertificateNumber(input: unknown): Result<{
  readonly akimatKato: string;
  readonly year: number;
  readonly seq: number;
  readonly text: string;
}> {
  const n = parseDocumentNumber(input);
  if (!n.ok) return n;
  if (n.value.kind !== 'certificate' || !isKatoCode(n.value.issuer)) {
    return err('CERTIFICATE.BAD_NUMBER', 'not a certificate number', { kind: n.value.kind });
  }
  return ok({ akimatKato: n.value.issuer, year: n.value.year, seq: n.value.seq, text: n.value.text });
}
