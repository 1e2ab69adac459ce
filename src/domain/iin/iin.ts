/**
 * applicants are identified by IIN (ЖСН / ИИН), 12 digits `YYMMDD C NNNN K`.
 * C gives the century and sex; K is a check digit over the first eleven digits.
 */
import { isValidYmd, type PlainDate, plainDate } from '../shared/plain-date';
import { err, ok, type Result } from '../shared/result';

declare const iinBrand: unique symbol;
/** A checksum-valid IIN. Only `parseIin` makes one. */
export type Iin = string & { readonly [iinBrand]: true };

export type Sex = 'male' | 'female';
export interface IinFacts {
  readonly iin: Iin;
  readonly birthDate: PlainDate;
  readonly sex: Sex;
}

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

/** The century digit C: 1/2 → 1800s, 3/4 → 1900s, 5/6 → 2000s; odd = male, even = female. */
const CENTURY_DIGIT: Readonly<Record<string, { century: number; sex: Sex }>> = {
  '1': { century: 1800, sex: 'male' },
  '2': { century: 1800, sex: 'female' },
  '3': { century: 1900, sex: 'male' },
  '4': { century: 1900, sex: 'female' },
  '5': { century: 2000, sex: 'male' },
  '6': { century: 2000, sex: 'female' },
};

/**
 * Check digit of the first eleven digits, or `undefined` when both weightings give 10:
 * such a number is never issued.
 */
export function iinCheckDigit(first11: string): number | undefined {
  // A plain loop over char codes: an import checks every member's IIN several times (≈ 2 µs each with
  // arrays and closures, a tenth of that without).
  const weigh = (weights: readonly number[]) => {
    let sum = 0;
    for (let i = 0; i < 11; i++) sum += (first11.charCodeAt(i) - 48) * weights[i]!;
    return sum % 11;
  };
  const first = weigh(FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weigh(SECOND_WEIGHTS);
  return second === 10 ? undefined : second;
}

export function parseIin(input: string): Result<IinFacts> {
  if (!/^\d{12}$/.test(input)) return err('IIN.BAD_FORMAT', 'an IIN is exactly 12 digits');
  const who = CENTURY_DIGIT[input[6]!];
  if (!who) return err('IIN.BAD_FORMAT', 'the 7th digit of an IIN gives century and sex: 1–6');
  const year = who.century + Number(input.slice(0, 2));
  const month = Number(input.slice(2, 4));
  const day = Number(input.slice(4, 6));
  const check = iinCheckDigit(input.slice(0, 11));
  if (check === undefined || check !== Number(input[11])) {
    return err('IIN.BAD_CHECK_DIGIT', 'the check digit of the IIN does not match');
  }
  if (!isValidYmd(year, month, day)) return err('IIN.BAD_DATE', 'the birth date in the IIN does not exist');
  return ok({ iin: input as Iin, birthDate: plainDate(year, month, day), sex: who.sex });
}

/** True for a checksum-valid IIN with a real birth date. */
export function isValidIin(input: string): input is Iin {
  return parseIin(input).ok;
}

/**
 * Builds a valid IIN from its parts, or undefined when the serial gives a never-issued number.
 * Used by the synthetic data generator and by tests.
 */
export function makeIin(
  birth: { year: number; month: number; day: number },
  sex: Sex,
  serial: number,
): Iin | undefined {
  const centuryBase = Math.floor(birth.year / 100) * 100;
  const centuryIndex = { 1800: 1, 1900: 3, 2000: 5 }[centuryBase];
  if (centuryIndex === undefined || !isValidYmd(birth.year, birth.month, birth.day)) return undefined;
  if (!Number.isInteger(serial) || serial < 0 || serial > 9999) return undefined;
  const c = centuryIndex + (sex === 'female' ? 1 : 0);
  const two = (n: number) => String(n).padStart(2, '0');
  const first11 = `${two(birth.year % 100)}${two(birth.month)}${two(birth.day)}${c}${String(serial).padStart(4, '0')}`;
  const k = iinCheckDigit(first11);
  return k === undefined ? undefined : (`${first11}${k}` as Iin);
}

/** For display and logs: only the last four digits stay (R-14, DESIGN.md: no IIN in clear in logs). */
export function maskIin(iin: string): string {
  return `********${iin.slice(-4)}`;
}
