/**
 * the "contact details" cell of Appendix 1 — telephones, faxes and e-mails run together over several
 * lines, sometimes split across two blocks when the PDF interleaved the columns.
 */
import { findEmailCandidates, repairEmail } from './email-repair';
import { joinBrokenLines, type SourceLine } from './normalise-text';
import type { ParseIssue } from './office-record';
import { readPhoneText } from './phones';

/** An issue found inside one entry; the entry id is added by the caller. */
export type Finding = Omit<ParseIssue, 'entry' | 'resolvedBy'>;

export interface ParsedContacts {
  readonly phones: readonly string[];
  readonly fax: readonly string[];
  readonly emails: readonly string[];
  readonly findings: readonly Finding[];
}

const unique = (values: readonly string[]): string[] => [...new Set(values)];

export function parseContacts(lines: readonly SourceLine[]): ParsedContacts {
  const joined = joinBrokenLines(lines);
  const findings: Finding[] = [];
  const emails: string[] = [];
  let rest = joined.text;
  for (const candidate of findEmailCandidates(joined.text)) {
    const repaired = repairEmail(candidate.raw);
    if (repaired.ok) emails.push(repaired.email);
    else {
      findings.push({
        line: joined.lineAt(candidate.start),
        code: repaired.code,
        severity: 'error',
        message: `e-mail address cannot be repaired with certainty: ${repaired.reason}`,
        text: candidate.raw,
      });
    }
    // Blank the address out (same length) so that offsets still point at the right line.
    rest =
      rest.slice(0, candidate.start) +
      ' '.repeat(candidate.end - candidate.start) +
      rest.slice(candidate.end);
  }

  const read = readPhoneText(rest);
  for (const number of read.unusual) {
    findings.push({
      line: joined.lineAt(number.offset),
      code: 'PHONE_UNUSUAL_LENGTH',
      severity: 'warning',
      message: `number has ${number.digits} digits after the trunk 8 where a Kazakh number has 10`,
      text: number.value,
    });
  }
  const [firstResidue] = read.residue;
  if (firstResidue) {
    findings.push({
      line: joined.lineAt(firstResidue.offset),
      code: 'UNUSED_TEXT',
      severity: 'warning',
      message: 'text in the contact details that is neither a number nor an e-mail address was left out',
      text: read.residue.map((r) => r.text).join(' '),
    });
  }
  const valuesFor = (wanted: 'tel' | 'fax') =>
    unique(read.numbers.filter((n) => n.role === wanted || n.role === 'telfax').map((n) => n.value));
  return { phones: valuesFor('tel'), fax: valuesFor('fax'), emails: unique(emails), findings };
}
