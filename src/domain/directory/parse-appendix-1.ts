/**
 * Appendix 1 — the oblast, district and city akim apparatuses, oblast by oblast. Each entry is
 * a row of a three-column table (name, address, contacts) that the PDF extraction printed as blocks of
 * lines separated by blank lines. Blocks are recognised by what they contain, not by their position, so an
 * entry whose columns came out interleaved (its phone line before its name) still parses.
 */
import type { AppendixSection } from './appendix-sections';
import { parseContacts } from './contacts';
import { joinBrokenLines, type SourceLine } from './normalise-text';
import type { KkRu, LocatedOffice, OfficeKind, ParseIssue } from './office-record';
import { regionGenitive, ruApparatusName, ruGenitive, ruRegionName, ruUnitName } from './russian-names';

const HEADING = /^[^\d«,(][^,«]* облысы$/u;
/** `1.`, `12`, `2. «Көкшетау қаласы`, `7 «М. Жұмабаев ауданы` — only at the start of a block. */
const ORDINAL = /^(\d{1,3})\.?(?:\s*(«.*))?$/u;
const ADDRESS_START = /^[^,«]+ облысы,/u;
const CONTACT_START = /^(?:тел|факс|ф\s*:|[EЕ]\s*-\s*mail)/iu;
const PHONE_START = /^[\d(][\d\s()]*-\d/u;
const NAME = /^«(.+)»\s*ММ$/u;
const SERVED = /^(.+?)\s+әкім(?:і)?нің\s+аппараты$/u;

type BlockKind = 'ordinal' | 'heading' | 'name' | 'address' | 'contact' | 'other';

interface Block {
  readonly kind: BlockKind;
  readonly lines: readonly SourceLine[];
}

const startsSubBlock = (text: string): boolean =>
  text.startsWith('«') || ADDRESS_START.test(text) || CONTACT_START.test(text) || HEADING.test(text);

/**
 * Cells are separated by blank lines; a cell that starts without one (a name right under its number, an
 * e-mail line under a phone line) is split off where its first line says what it is. A number alone
 * (`20.`) inside a block is the end of an address, never a new entry.
 */
function toBlocks(lines: readonly SourceLine[]): Block[] {
  const groups: SourceLine[][] = [];
  let current: SourceLine[] = [];
  for (const line of lines) {
    if (line.text === '') {
      if (current.length > 0) groups.push(current);
      current = [];
    } else if (current.length > 0 && startsSubBlock(line.text)) {
      groups.push(current);
      current = [line];
    } else current.push(line);
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group) => ({ kind: classify(group), lines: group }));
}

function classify(group: readonly SourceLine[]): BlockKind {
  const first = group[0]?.text ?? '';
  if (ORDINAL.test(first)) return 'ordinal';
  if (group.length === 1 && HEADING.test(first)) return 'heading';
  if (first.startsWith('«')) return 'name';
  if (ADDRESS_START.test(first)) return 'address';
  const all = group.map((l) => l.text).join(' ');
  if (CONTACT_START.test(first) || PHONE_START.test(first) || all.includes('@')) return 'contact';
  return 'other';
}

interface Draft {
  readonly line: number;
  readonly ordinal: number | undefined;
  name: SourceLine[];
  address: SourceLine[];
  contacts: SourceLine[];
  readonly issues: ParseIssue[];
}

interface Oblast {
  readonly index: number;
  readonly line: number;
  readonly names: KkRu;
  count: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `ш.а..` and `ш.а.` + `., 1 үй.`: a doubled dot is always a break artefact. */
function tidyAddress(text: string): string {
  return text.replace(/\.{2,}/gu, '.').replace(/\s+,/gu, ',');
}

/** `Шардара ауданы ауданы`: a word printed twice in a row names the district once. */
function withoutRepeatedWords(text: string): string {
  return text.replace(/(\S+)(?: \1)+(?= |$)/gu, '$1');
}

function buildRecord(draft: Draft, oblast: Oblast): LocatedOffice {
  oblast.count += 1;
  const id = `a1-${pad(oblast.index)}-${pad(oblast.count)}`;
  const issues = draft.issues;
  const issue = (i: Omit<ParseIssue, 'entry'>) => issues.push({ ...i, entry: id });
  const ordinal = draft.ordinal ?? oblast.count;
  if (draft.ordinal !== oblast.count) {
    issue({
      line: draft.line,
      code: 'ORDINAL_OUT_OF_SEQUENCE',
      severity: 'warning',
      message: `entry ${oblast.count} of ${oblast.names.kk} is numbered ${draft.ordinal ?? '(no number)'}`,
    });
  }

  const nameText = joinBrokenLines(draft.name).text;
  const inner = NAME.exec(nameText)?.[1]?.trim();
  if (nameText === '') {
    issue({ line: draft.line, code: 'MISSING_NAME', severity: 'error', message: 'the entry has no name' });
  } else if (!inner) {
    issue({
      line: draft.name[0]?.line ?? draft.line,
      code: 'MALFORMED_NAME',
      severity: 'error',
      message: 'expected «… әкімінің аппараты» ММ',
      text: nameText,
    });
  }
  const served = withoutRepeatedWords(SERVED.exec(inner ?? '')?.[1] ?? '');
  let kind: OfficeKind = 'district_apparatus';
  let district: KkRu | undefined;
  let nameRu = nameText;
  if (served === oblast.names.kk) {
    kind = 'oblast_apparatus';
    nameRu = ruApparatusName(regionGenitive(served) ?? served);
  } else if (/ (?:қаласы|ауданы|аудан)$/u.test(served)) {
    kind = served.endsWith(' қаласы') ? 'city_apparatus' : 'district_apparatus';
    const ru = ruUnitName(oblast.names.kk, served);
    if (ru === undefined) {
      issue({
        line: draft.name[0]?.line ?? draft.line,
        code: 'RU_NAME_MISSING',
        severity: 'error',
        message: `no Russian name for "${served}" in ${oblast.names.kk} (russian-names.ts)`,
        text: served,
      });
    }
    district = { kk: served, ru: ru ?? served };
    if (ru !== undefined) nameRu = ruApparatusName(ruGenitive(ru));
  } else if (inner) {
    issue({
      line: draft.name[0]?.line ?? draft.line,
      code: 'UNKNOWN_KIND',
      severity: 'error',
      message: `cannot tell whose apparatus this is (not ${oblast.names.kk}, a district or a city)`,
      text: nameText,
    });
  }

  const address = tidyAddress(joinBrokenLines(draft.address).text);
  if (address === '') {
    issue({
      line: draft.line,
      code: 'MISSING_ADDRESS',
      severity: 'error',
      message: 'the entry has no address',
    });
  } else if (!address.startsWith(`${oblast.names.kk},`)) {
    issue({
      line: draft.address[0]?.line ?? draft.line,
      code: 'ADDRESS_OBLAST_MISMATCH',
      severity: 'warning',
      message: `address is not in ${oblast.names.kk}`,
      text: address,
    });
  }

  const contacts = parseContacts(draft.contacts);
  for (const finding of contacts.findings) issue(finding);
  if (contacts.phones.length === 0 && contacts.fax.length === 0) {
    issue({
      line: draft.contacts[0]?.line ?? draft.line,
      code: 'MISSING_PHONE',
      severity: 'error',
      message: 'the entry has no telephone or fax number',
    });
  }

  return {
    line: draft.line,
    record: {
      id,
      appendix: 1,
      ordinal,
      oblast: oblast.names,
      kind,
      name: { kk: nameText, ru: nameRu },
      address,
      phones: contacts.phones,
      ...(contacts.fax.length > 0 ? { fax: contacts.fax.join(', ') } : {}),
      emails: contacts.emails,
      ...(district ? { district } : {}),
    },
  };
}

export interface AppendixResult {
  readonly offices: readonly LocatedOffice[];
  readonly issues: readonly ParseIssue[];
}

export function parseAppendix1(section: AppendixSection): AppendixResult {
  const offices: LocatedOffice[] = [];
  const issues: ParseIssue[] = [];
  let oblast: Oblast | undefined;
  let draft: Draft | undefined;
  let oblastCount = 0;

  const finish = () => {
    if (draft && oblast) {
      const built = buildRecord(draft, oblast);
      offices.push(built);
      issues.push(...draft.issues);
    }
    draft = undefined;
  };
  const unexpected = (block: Block, why: string) =>
    issues.push({
      line: block.lines[0]?.line ?? section.markerLine,
      code: 'UNEXPECTED_TEXT',
      severity: 'warning',
      message: why,
      text: block.lines.map((l) => l.text).join(' '),
      ...(draft && oblast ? { entry: `a1-${pad(oblast.index)}-${pad(oblast.count + 1)}` } : {}),
    });

  for (const block of toBlocks(section.lines)) {
    const first = block.lines[0]!;
    if (block.kind === 'heading') {
      finish();
      oblastCount += 1;
      const ru = ruRegionName(first.text);
      if (ru === undefined) {
        issues.push({
          line: first.line,
          code: 'RU_NAME_MISSING',
          severity: 'error',
          message: `no Russian name for the oblast "${first.text}" (russian-names.ts)`,
          text: first.text,
        });
      }
      oblast = {
        index: oblastCount,
        line: first.line,
        names: { kk: first.text, ru: ru ?? first.text },
        count: 0,
      };
    } else if (!oblast) {
      // The table's column headings come before the first oblast; only a numbered entry there is wrong.
      if (block.kind === 'ordinal') {
        issues.push({
          line: first.line,
          code: 'ENTRY_OUTSIDE_OBLAST',
          severity: 'error',
          message: 'a numbered entry before the first oblast heading',
          text: first.text,
        });
      }
    } else if (block.kind === 'ordinal') {
      finish();
      const match = ORDINAL.exec(first.text);
      const nameStart = match?.[2];
      draft = {
        line: first.line,
        ordinal: Number(match?.[1]),
        name: nameStart ? [{ line: first.line, text: nameStart }, ...block.lines.slice(1)] : [],
        address: [],
        contacts: [],
        issues: [],
      };
    } else if (!draft) {
      unexpected(block, 'text between an oblast heading and its first numbered entry');
    } else if (block.kind === 'name') {
      if (draft.name.length === 0) draft.name = [...block.lines];
      else unexpected(block, 'a second name in one entry');
    } else if (block.kind === 'address') {
      if (draft.address.length === 0) draft.address = [...block.lines];
      else unexpected(block, 'a second address in one entry');
    } else if (block.kind === 'contact') {
      draft.contacts.push(...block.lines);
    } else {
      unexpected(block, 'text that is neither a name, an address nor contact details');
    }
  }
  finish();
  return { offices, issues };
}
