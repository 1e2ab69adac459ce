/**
 * the office directory from the seed text — Appendix 1 (akim apparatuses) then Appendix 2 (PSCs),
 * cross-checked, with the reviewed corrections applied. Pure and total: any text gives a result, and what
 * is wrong with it is in `issues`.
 */
import { findAppendix } from './appendix-sections';
import { applyCorrections, type OfficeCorrection } from './corrections';
import { normaliseSeedText } from './normalise-text';
import type { LocatedOffice, ParseIssue, SeedDirectory } from './office-record';
import { parseAppendix1 } from './parse-appendix-1';
import { parseAppendix2 } from './parse-appendix-2';

/**
 * Two offices with one e-mail address or one telephone number: one of them is probably a misprint
 * (Ertis district and Ekibastuz city both print `kense.aer@pavlodar.gov.kz`).
 */
function duplicates(offices: readonly LocatedOffice[]): ParseIssue[] {
  const issues: ParseIssue[] = [];
  const check = (
    code: 'DUPLICATE_EMAIL' | 'DUPLICATE_PHONE',
    values: (o: LocatedOffice) => readonly string[],
  ) => {
    const firstSeen = new Map<string, string>();
    for (const office of offices) {
      for (const value of values(office)) {
        const other = firstSeen.get(value);
        if (other === undefined) firstSeen.set(value, office.record.id);
        else if (other !== office.record.id) {
          issues.push({
            line: office.line,
            entry: office.record.id,
            code,
            severity: 'warning',
            message: `also printed for ${other}`,
            text: value,
          });
        }
      }
    }
  };
  check('DUPLICATE_EMAIL', (o) => o.record.emails);
  // Only full numbers: the PSCs' local numbers are short enough to repeat across cities.
  check('DUPLICATE_PHONE', (o) => o.record.phones.filter((p) => p.startsWith('8 (')));
  return issues;
}

const byLine = (a: ParseIssue, b: ParseIssue): number =>
  a.line - b.line || (a.entry ?? '').localeCompare(b.entry ?? '') || a.code.localeCompare(b.code);

/**
 * Parse the seed and apply the corrections. The corrections come from data/offices-corrections.json,
 * validated with `parseCorrectionsFile`; pass `[]` to see the raw parse.
 */
export function parseSeedDirectory(text: string, corrections: readonly OfficeCorrection[]): SeedDirectory {
  const lines = normaliseSeedText(text);
  const issues: ParseIssue[] = [];
  const offices: LocatedOffice[] = [];
  for (const [number, parse] of [
    [1, parseAppendix1],
    [2, parseAppendix2],
  ] as const) {
    const section = findAppendix(lines, number);
    if (!section) {
      issues.push({
        line: 0,
        code: 'APPENDIX_NOT_FOUND',
        severity: 'error',
        message: `no line "${number}-қосымша" starts Appendix ${number}`,
      });
      continue;
    }
    const parsed = parse(section);
    offices.push(...parsed.offices);
    issues.push(...parsed.issues);
  }
  issues.push(...duplicates(offices));
  const corrected = applyCorrections(offices, issues, corrections);
  return {
    offices: corrected.offices.map((o) => o.record),
    issues: [...corrected.issues].sort(byLine),
  };
}

/** Issues that stop an import: errors no reviewed correction resolves. */
export function blockingIssues(result: SeedDirectory): ParseIssue[] {
  return result.issues.filter((i) => i.severity === 'error' && i.resolvedBy === undefined);
}

/** One line per issue, for the CLI and the build script: `line 946 a1-05-16 EMAIL_TRUNCATED error: …`. */
export function formatParseIssue(issue: ParseIssue): string {
  const where = issue.line > 0 ? `line ${issue.line}` : 'corrections';
  const parts = [where, issue.entry ?? '-', issue.code, `${issue.severity}:`, issue.message];
  if (issue.text !== undefined) parts.push(`— "${issue.text}"`);
  if (issue.resolvedBy !== undefined) parts.push(`[resolved by ${issue.resolvedBy}]`);
  return parts.join(' ');
}
