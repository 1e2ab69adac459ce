/**
 * R-1 (issue 3): reads the classifier as the statistics authority and its re-publishers export it —
 * `id;parent_id;code;name`, or with Kazakh and Russian name columns — from raw bytes, in UTF-8 (with or
 * without BOM), cp1251 or UTF-16 with BOM. Pure: bytes in, nodes or every broken row out.
 */
import { err, ok, type Result } from '../shared/result';
import {
  buildKatoNodes,
  type KatoNode,
  type KatoProblem,
  type KatoRecord,
  type KatoWarning,
} from './kato-node';

export type KatoEncoding = 'utf-8' | 'windows-1251' | 'utf-16le' | 'utf-16be';

/**
 * Decide the encoding: a BOM wins; otherwise text that is valid UTF-8 is UTF-8, unless it has bytes
 * above 0x7F and yet no Cyrillic letter (then it is 8-bit text that happens to be valid UTF-8). Anything
 * else is cp1251, the code page of Russian-language Windows that Excel uses for "CSV (разделители —
 * точка с запятой)".
 */
export function decodeKatoBytes(bytes: Uint8Array): { text: string; encoding: KatoEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  let utf8: string | null = null;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8 = null;
  }
  if (utf8 !== null && (!bytes.some((b) => b > 0x7f) || /[\u0400-\u04ff]/u.test(utf8))) {
    return { text: utf8, encoding: 'utf-8' };
  }
  return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
}

type Column = 'id' | 'parent' | 'code' | 'ru' | 'kk';

/**
 * Header spellings accepted, compared after lower-casing and dropping spaces, `_`, `-` and `.`.
 * `name` alone is the Russian name (the `id;parent_id;code;name` layout carries Russian names only).
 */
const HEADER_ALIASES: Readonly<Record<string, Column>> = {
  id: 'id',
  parentid: 'parent',
  parent: 'parent',
  pid: 'parent',
  code: 'code',
  kato: 'code',
  katocode: 'code',
  codekato: 'code',
  te: 'code',
  код: 'code',
  кодкато: 'code',
  name: 'ru',
  nameru: 'ru',
  namerus: 'ru',
  ru: 'ru',
  rus: 'ru',
  наименование: 'ru',
  наименованиеru: 'ru',
  namekk: 'kk',
  namekz: 'kk',
  namekaz: 'kk',
  kk: 'kk',
  kz: 'kk',
  kaz: 'kk',
  атауы: 'kk',
  наименованиеkz: 'kk',
  наименованиеkk: 'kk',
};

export const KATO_DELIMITERS = [';', '\t', ','] as const;

function headerKey(field: string): string {
  return field
    .trim()
    .replace(/^"(.*)"$/u, '$1')
    .toLowerCase()
    .replace(/[\s_.-]/gu, '');
}

/** Splits one line; a field that starts with `"` is quoted with `""` as an escaped quote. */
function splitLine(line: string, delimiter: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return null;
        value += line.slice(j, q);
        if (line[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      if (j < line.length && line[j] !== delimiter) return null;
      fields.push(value);
      if (j >= line.length) return fields;
      i = j + 1;
    } else {
      const next = line.indexOf(delimiter, i);
      if (next < 0) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, next));
      i = next + 1;
    }
  }
}

interface Layout {
  readonly delimiter: string;
  readonly width: number;
  readonly at: Readonly<Record<Column, number | undefined>>;
  readonly ignored: readonly string[];
}

function detectLayout(header: string): Layout | null {
  for (const delimiter of KATO_DELIMITERS) {
    const raw = splitLine(header, delimiter) ?? header.split(delimiter);
    // A trailing delimiter after the last column is an Excel habit, not a column.
    while (raw.length > 1 && raw[raw.length - 1]?.trim() === '') raw.pop();
    const at: Record<Column, number | undefined> = {
      id: undefined,
      parent: undefined,
      code: undefined,
      ru: undefined,
      kk: undefined,
    };
    const ignored: string[] = [];
    let ambiguous = false;
    raw.forEach((field, index) => {
      const column = HEADER_ALIASES[headerKey(field)];
      if (!column) {
        ignored.push(field.trim());
        return;
      }
      if (at[column] !== undefined) ambiguous = true;
      at[column] = index;
    });
    if (
      !ambiguous &&
      at.id !== undefined &&
      at.parent !== undefined &&
      at.code !== undefined &&
      at.ru !== undefined
    ) {
      return { delimiter, width: raw.length, at, ignored };
    }
  }
  return null;
}

const ROOT_PARENT = /^(?:0|null)?$/iu;
const POSITIVE_INT = /^[1-9]\d*$/u;

/**
 * Parses a KATO export. Recognised headers (see docs/domain/territory.md): `id`, `parent_id`, `code`,
 * and either `name` (Russian) or `name_ru` with an optional `name_kk` (also `name_kz`, `name_kaz`,
 * `kk`, `kz`), separated by `;` (or a tab or a comma). Rows with `parent_id` 0, empty or `NULL` are
 * roots. Every broken row is reported (KATO.BAD_ROWS, details.problems [{ line, problem, message }]);
 * then no node is returned. Never throws, whatever the bytes.
 */
export function parseKatoCsv(bytes: Uint8Array): Result<{ nodes: KatoNode[]; warnings: KatoWarning[] }> {
  const { text, encoding } = decodeKatoBytes(bytes);
  const warnings: KatoWarning[] = [];
  if (encoding === 'windows-1251') {
    warnings.push({
      line: null,
      warning: 'DECODED_AS_CP1251',
      message: 'the file is not UTF-8; it was read as cp1251 (Kazakh letters cannot be represented there)',
    });
  } else if (encoding !== 'utf-8') {
    warnings.push({ line: null, warning: 'DECODED_AS_UTF16', message: `the file was read as ${encoding}` });
  }

  const lines = text.split(/\r\n|\n|\r/u);
  const header = lines[0] ?? '';
  const layout = detectLayout(header);
  if (!layout) {
    return err(
      'KATO.BAD_HEADER',
      'the first line must name the columns: id;parent_id;code;name or id;parent_id;code;name_kk;name_ru',
      { line: 1, header: header.slice(0, 200) },
    );
  }
  for (const column of layout.ignored) {
    warnings.push({ line: 1, warning: 'IGNORED_COLUMN', message: `column "${column}" is not used` });
  }

  const problems: KatoProblem[] = [];
  // Rows whose own id is sound but which are broken otherwise: their children are not reported again.
  const brokenIds = new Set<string>();
  const rows: {
    line: number;
    id: string;
    parentId: string | null;
    code: string;
    kk: string | null;
    ru: string;
  }[] = [];
  for (let index = 1; index < lines.length; index++) {
    const line = index + 1;
    const textLine = lines[index] ?? '';
    if (textLine.trim() === '') continue;
    const fields = splitLine(textLine, layout.delimiter);
    if (!fields) {
      problems.push({ line, problem: 'UNCLOSED_QUOTE', message: 'a quoted field is not closed on its line' });
      continue;
    }
    while (fields.length > layout.width && fields[fields.length - 1]?.trim() === '') fields.pop();
    if (fields.length !== layout.width) {
      problems.push({
        line,
        problem: 'COLUMN_COUNT',
        message: `${fields.length} column(s), the header has ${layout.width}`,
      });
      continue;
    }
    const get = (column: Column) => {
      const at = layout.at[column];
      return at === undefined ? null : (fields[at] ?? '').trim();
    };
    const id = get('id') ?? '';
    const parentId = get('parent') ?? '';
    if (!POSITIVE_INT.test(id)) {
      problems.push({ line, problem: 'BAD_ID', message: `id "${id}" is not a positive whole number` });
      continue;
    }
    if (!ROOT_PARENT.test(parentId) && !POSITIVE_INT.test(parentId)) {
      brokenIds.add(id);
      problems.push({ line, problem: 'BAD_PARENT_ID', message: `parent_id "${parentId}" is not a number` });
      continue;
    }
    rows.push({
      line,
      id,
      parentId: ROOT_PARENT.test(parentId) ? null : parentId,
      code: get('code') ?? '',
      kk: get('kk'),
      ru: get('ru') ?? '',
    });
  }

  const byId = new Map<string, (typeof rows)[number]>();
  const accepted: typeof rows = [];
  for (const row of rows) {
    const first = byId.get(row.id);
    if (first) {
      problems.push({
        line: row.line,
        problem: 'DUPLICATE_ID',
        message: `id ${row.id} already on line ${first.line}`,
      });
      continue;
    }
    byId.set(row.id, row);
    accepted.push(row);
  }

  const records: KatoRecord[] = [];
  for (const row of accepted) {
    let parentCode: string | null | undefined = null;
    if (row.parentId !== null) {
      const parent = byId.get(row.parentId);
      if (!parent && brokenIds.has(row.parentId)) {
        parentCode = undefined;
      } else if (!parent) {
        problems.push({
          line: row.line,
          problem: 'UNKNOWN_PARENT',
          message: `parent_id ${row.parentId} is not in the file`,
        });
        continue;
      } else {
        parentCode = parent.code;
      }
    }
    records.push({ line: row.line, code: row.code, parentCode, kk: row.kk, ru: row.ru });
  }
  if (records.length === 0 && problems.length === 0) {
    return err('KATO.NO_ROWS', 'the file has a header but no rows');
  }

  const built = buildKatoNodes(records, problems);
  if (!built.ok) return built;
  return ok({ nodes: built.value.nodes, warnings: [...warnings, ...built.value.warnings] });
}
