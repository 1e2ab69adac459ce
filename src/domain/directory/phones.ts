/**
 * telephone and fax numbers of a directory entry, read from the text that remains once the e-mail
 * addresses are taken out. Format (docs/domain/directory.md): `8 (AREA) LOCAL`, the local part with
 * hyphens as printed (`25-79-22`, `21-2-16`, `92-302`); a number printed without an area code inherits the
 * entry's previous one when that makes the 10 digits of a Kazakh number, otherwise stays as printed.
 */

export type NumberRole = 'tel' | 'fax' | 'telfax';

export interface ReadNumber {
  readonly offset: number;
  readonly value: string;
  readonly role: NumberRole;
}

export interface PhoneText {
  readonly numbers: readonly ReadNumber[];
  /** Numbers whose digit count is not the 10 of a Kazakh number (after the trunk 8), with their count. */
  readonly unusual: readonly (ReadNumber & { readonly digits: number })[];
  /** Text that is neither a label, a number nor punctuation. */
  readonly residue: readonly { readonly offset: number; readonly text: string }[];
}

const NATIONAL_DIGITS = 10;

const SEPARATORS = /^[\s,;.:]+/u;
/** `тел`, `Тел.`, `тел/факс`, `тел/ факс:`, `факс`, `ф:` (Kyzylorda's abbreviation). */
const LABEL = /^(?:(тел)\s*\/\s*факс|(тел)|(факс)|(ф)(?=\s*[.:]))/iu;
/** The e-mail label left behind once the addresses are taken out: `E-mail`, `Е-mail` (Cyrillic Е), `E- mail`. */
const EMAIL_LABEL = /^[EЕ]\s*-\s*mail/iu;
/**
 * An optional area code — `8 (7162)`, `(72236)` without the trunk 8, `8 71133)` or `8 (71543` with a lost
 * parenthesis — then the local number `25-79-22`, `21-2-16`, `263-82-51` or `2 13-66` (a space for a hyphen).
 */
const NUMBER =
  /^(?:(?:8\s*)?(?:\(\s*(\d{3,6})\s*\)?|(\d{3,6})\s*\))\s*)?(\d{1,3}(?: \d{2}(?=-))?(?:-\d{1,3})+)/u;
const WORD = /^[^\s,;]+/u;

const digitCount = (s: string): number => s.replace(/\D/gu, '').length;

export function readPhoneText(text: string): PhoneText {
  const numbers: ReadNumber[] = [];
  const unusual: (ReadNumber & { digits: number })[] = [];
  const residue: { offset: number; text: string }[] = [];
  let role: NumberRole = 'tel';
  let lastArea: string | undefined;
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const sep = SEPARATORS.exec(rest);
    if (sep) {
      i += sep[0].length;
      continue;
    }
    const label = LABEL.exec(rest);
    if (label) {
      role = label[1] ? 'telfax' : label[2] ? 'tel' : 'fax';
      i += label[0].length;
      continue;
    }
    const emailLabel = EMAIL_LABEL.exec(rest);
    if (emailLabel) {
      i += emailLabel[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      const local = (number[3] ?? '').replace(' ', '-');
      const printedArea = number[1] ?? number[2];
      let value: string;
      let digits: number;
      if (printedArea) {
        lastArea = printedArea;
        value = `8 (${printedArea}) ${local}`;
        digits = digitCount(printedArea + local);
      } else if (lastArea && digitCount(lastArea + local) === NATIONAL_DIGITS) {
        value = `8 (${lastArea}) ${local}`;
        digits = NATIONAL_DIGITS;
      } else {
        value = local;
        digits = lastArea ? digitCount(lastArea + local) : NATIONAL_DIGITS;
      }
      const read = { offset: i, value, role };
      numbers.push(read);
      if (digits !== NATIONAL_DIGITS) unusual.push({ ...read, digits });
      i += number[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    const length = word ? word[0].length : 1;
    residue.push({ offset: i, text: rest.slice(0, length) });
    i += length;
  }
  return { numbers, unusual, residue };
}
