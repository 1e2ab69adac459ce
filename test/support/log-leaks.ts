/**
 * What must never appear in a log (R-14, DESIGN.md; issue 10 item 7): an IIN in clear — any 12-digit run that
 * passes the IIN check — and the secrets a test knows (passwords). The finding names where, never the value.
 */
import { isValidIin } from '../../src/domain/iin/iin';

const TWELVE_DIGITS = /(?<!\d)\d{12}(?!\d)/g;

export function leaksIn(lines: readonly string[], secrets: readonly string[]): string[] {
  const found: string[] = [];
  lines.forEach((line, index) => {
    for (const match of line.match(TWELVE_DIGITS) ?? []) {
      if (isValidIin(match)) found.push(`line ${index + 1}: an IIN ending ${match.slice(-4)}`);
    }
    for (const secret of secrets) if (line.includes(secret)) found.push(`line ${index + 1}: a password`);
  });
  return found;
}
