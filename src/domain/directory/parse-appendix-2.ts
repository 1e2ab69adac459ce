/**
 * Appendix 2 — the population service centres (ХҚКО / ЦОН), the alternative channel. Each row
 * is `N <name ending in ХҚҚО> <address> <phone>`, on one line or with the name broken over two; the phone
 * is printed without an area code and is kept so.
 */
import type { AppendixSection } from './appendix-sections';
import { joinBrokenLines, type SourceLine } from './normalise-text';
import type { KkRu, LocatedOffice, ParseIssue } from './office-record';
import type { AppendixResult } from './parse-appendix-1';
import { readPhoneText } from './phones';
import { RU_REGIONS, regionGenitive, ruGenitive, ruUnitName } from './russian-names';

/** A row starts with its number, alone or followed by the name (never by another digit: `1 2 3` is a header). */
const ROW_START = /^(\d{1,2})(?:\s+(\D.*))?$/u;
/** The seed spells it ХҚҚО throughout Appendix 2 (ХҚКО elsewhere); both end a name. */
const NAME_END = /^(.*?ХҚ[ҚК]О)\s*(.*)$/u;
const TRAILING_PHONE = /(?:^|\s)((?:8\s*\(\d{3,6}\)\s*)?\d{1,3}(?:-\d{1,3})+)$/u;
const NAME_TAIL = /^(?:(\S.*? ауданы)\s+)?(?:№\s*(\d+)\s+)?ХҚ[ҚК]О$/u;

/** `Ақмола облысының`, `Шығыс Қазақстан облысы`, `Батыс Қазақстан` (no «облысы»), `Алматы қаласы`. */
const REGION_PREFIXES: readonly (readonly [string, string])[] = Object.keys(RU_REGIONS)
  .flatMap((kk): [string, string][] => {
    const city = kk.endsWith(' қаласы');
    const stem = kk.replace(/ (?:облысы|қаласы)$/u, '');
    return city
      ? [[kk, kk]]
      : [
          [`${stem} облысының`, kk],
          [kk, kk],
          [stem, kk],
        ];
  })
  .sort((a, b) => b[0].length - a[0].length);

function findRegion(name: string): { kk: string; rest: string } | undefined {
  for (const [prefix, kk] of REGION_PREFIXES) {
    if (name.startsWith(`${prefix} `)) return { kk, rest: name.slice(prefix.length + 1) };
  }
  return undefined;
}

function toRows(lines: readonly SourceLine[]): { line: number; ordinal: number; lines: SourceLine[] }[] {
  const rows: { line: number; ordinal: number; lines: SourceLine[] }[] = [];
  for (const line of lines) {
    const start = ROW_START.exec(line.text);
    // A line of an address may start with a number too (`70 «а» көше`): a row start is the next number
    // in sequence, or a number followed by a centre's name.
    if (start && (Number(start[1]) === rows.length + 1 || /ХҚ[ҚК]О/u.test(start[2] ?? ''))) {
      const first = start[2] ? [{ line: line.line, text: start[2] }] : [];
      rows.push({ line: line.line, ordinal: Number(start[1]), lines: first });
    } else if (line.text !== '') {
      // Anything before the first row is the title and the table header.
      rows.at(-1)?.lines.push(line);
    }
  }
  return rows;
}

export function parseAppendix2(section: AppendixSection): AppendixResult {
  const offices: LocatedOffice[] = [];
  const issues: ParseIssue[] = [];
  toRows(section.lines).forEach((row, index) => {
    const position = index + 1;
    const id = `psc-${String(position).padStart(2, '0')}`;
    const issue = (i: Omit<ParseIssue, 'entry'>) => issues.push({ ...i, entry: id });
    if (row.ordinal !== position) {
      issue({
        line: row.line,
        code: 'ORDINAL_OUT_OF_SEQUENCE',
        severity: 'warning',
        message: `row ${position} is numbered ${row.ordinal}`,
      });
    }
    const text = joinBrokenLines(row.lines).text;
    const phoneMatch = TRAILING_PHONE.exec(text);
    const withoutPhone = phoneMatch ? text.slice(0, phoneMatch.index).trim() : text;
    const phones = phoneMatch ? readPhoneText(phoneMatch[1] ?? '').numbers.map((n) => n.value) : [];
    if (phones.length === 0) {
      issue({
        line: row.line,
        code: 'MISSING_PHONE',
        severity: 'error',
        message: 'the row has no telephone number',
      });
    }

    const split = NAME_END.exec(withoutPhone);
    const nameKk = split?.[1] ?? withoutPhone;
    const address = split?.[2] ?? '';
    if (!split) {
      issue({
        line: row.line,
        code: 'MALFORMED_NAME',
        severity: 'error',
        message: 'expected a name ending in ХҚҚО before the address',
        text,
      });
    }
    if (address === '') {
      issue({
        line: row.line,
        code: 'MISSING_ADDRESS',
        severity: 'error',
        message: 'the row has no address',
      });
    }

    const region = findRegion(nameKk);
    const tail = NAME_TAIL.exec(region?.rest ?? '');
    let oblast: KkRu = { kk: '', ru: '' };
    let district: KkRu | undefined;
    let nameRu = nameKk;
    if (!region || !tail) {
      if (split) {
        issue({
          line: row.line,
          code: 'UNKNOWN_REGION',
          severity: 'error',
          message: 'the name does not say which oblast or city the centre is in',
          text: nameKk,
        });
      }
    } else {
      oblast = { kk: region.kk, ru: RU_REGIONS[region.kk]?.ru ?? region.kk };
      const districtKk = tail[1];
      const districtRu = districtKk ? ruUnitName(region.kk, districtKk) : undefined;
      if (districtKk) {
        if (districtRu === undefined) {
          issue({
            line: row.line,
            code: 'RU_NAME_MISSING',
            severity: 'error',
            message: `no Russian name for "${districtKk}" in ${region.kk} (russian-names.ts)`,
            text: districtKk,
          });
        }
        district = { kk: districtKk, ru: districtRu ?? districtKk };
      }
      if (!districtKk || districtRu !== undefined) {
        nameRu = [
          'ЦОН',
          tail[2] ? `№ ${tail[2]}` : '',
          districtRu ? ruGenitive(districtRu) : '',
          regionGenitive(region.kk) ?? '',
        ]
          .filter((part) => part !== '')
          .join(' ');
      }
    }

    offices.push({
      line: row.line,
      record: {
        id,
        appendix: 2,
        ordinal: row.ordinal,
        oblast,
        kind: 'psc',
        name: { kk: nameKk, ru: nameRu },
        address,
        phones,
        emails: [],
        ...(district ? { district } : {}),
      },
    });
  });
  return { offices, issues };
}
