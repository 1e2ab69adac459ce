/**
 * Logs never contain an IIN in clear (DESIGN.md, R-14): any run of exactly 12 digits is masked to its last four,
 * wherever it appears (URL paths, query strings, messages).
 */
const TWELVE_DIGITS = /(?<!\d)\d{8}(\d{4})(?!\d)/g;

export function redactIins(text: string): string {
  return text.replace(TWELVE_DIGITS, '********$1');
}
