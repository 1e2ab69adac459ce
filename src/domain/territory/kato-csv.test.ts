import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeKatoBytes, parseKatoCsv } from './kato-csv';

// R-1 (issue 3): the classifier as published — `id;parent_id;code;name`, UTF-8/BOM/cp1251, kk+ru variant.

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

/** cp1251 for the letters used here (the Russian alphabet, Ё/ё, І/і); enough to build test files. */
function cp1251(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c >= 0x410 && c <= 0x44f) out.push(c - 0x410 + 0xc0);
    else if (ch === 'Ё') out.push(0xa8);
    else if (ch === 'ё') out.push(0xb8);
    else if (ch === 'І') out.push(0xb2);
    else if (ch === 'і') out.push(0xb3);
    else throw new Error(`no cp1251 byte for ${ch}`);
  }
  return new Uint8Array(out);
}

const RU_ONLY = [
  'id;parent_id;code;name',
  '1;0;110000000;Акмолинская область',
  '2;1;113200000;Аккольский район',
  '3;2;113243000;Кенесский с.о.',
  '4;3;113243200;с.Кенес',
  '',
].join('\n');

const summary = (bytes: Uint8Array) => {
  const r = parseKatoCsv(bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.nodes.map((n) => [n.code, n.parentCode, n.level, n.kind, n.names.kk, n.names.ru]);
};

const EXPECTED = [
  ['110000000', null, 1, 'oblast', null, 'Акмолинская область'],
  ['113200000', '110000000', 2, 'district', null, 'Аккольский район'],
  ['113243000', '113200000', 3, 'rural_district', null, 'Кенесский с.о.'],
  ['113243200', '113243000', 4, 'settlement', null, 'с.Кенес'],
];

describe('parseKatoCsv: encodings', () => {
  it('reads UTF-8 without BOM', () => {
    expect(summary(utf8(RU_ONLY))).toEqual(EXPECTED);
  });

  it('reads UTF-8 with BOM (the 2022 snapshot is so)', () => {
    expect(summary(withBom(RU_ONLY))).toEqual(EXPECTED);
  });

  it('reads cp1251 and says so', () => {
    const bytes = cp1251(RU_ONLY.replaceAll('\n', '\r\n'));
    expect(decodeKatoBytes(bytes).encoding).toBe('windows-1251');
    expect(summary(bytes)).toEqual(EXPECTED);
    const r = parseKatoCsv(bytes);
    expect(r.ok && r.value.warnings.map((w) => w.warning)).toEqual(['DECODED_AS_CP1251']);
  });

  it('reads UTF-16LE with BOM (Excel "Unicode text", tab-separated)', () => {
    const text = RU_ONLY.replaceAll(';', '\t');
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      bytes[2 + 2 * i] = c & 0xff;
      bytes[3 + 2 * i] = c >> 8;
    }
    expect(summary(bytes)).toEqual(EXPECTED);
  });

  it('takes pure ASCII as UTF-8 and 8-bit text without Cyrillic as cp1251', () => {
    expect(decodeKatoBytes(utf8('id;parent_id;code;name')).encoding).toBe('utf-8');
    // 0xC3 0xA9 is valid UTF-8 ("é") but no Russian file has that; in cp1251 it is "Г©".
    expect(decodeKatoBytes(new Uint8Array([0xc3, 0xa9])).encoding).toBe('windows-1251');
  });
});

describe('parseKatoCsv: layouts', () => {
  it.each([
    'id;parent_id;code;name_kk;name_ru',
    'id;parent_id;code;name_kz;name_ru',
    'ID;Parent_ID;Code;NameKaz;NameRus',
    'id;parentId;kato;kk;ru',
    'id;parent_id;code;name_kz;name_ru;',
  ])('reads Kazakh and Russian names under the header %s', (header) => {
    const text = [
      header,
      '1;0;110000000;Ақмола облысы;Акмолинская область',
      '2;1;113200000;Ақкөл ауданы;Аккольский район',
      '3;2;113243000;Кенес ауылдық округі;Кенесский с.о.',
      '4;3;113243200;;с.Кенес',
    ].join('\r\n');
    const r = parseKatoCsv(utf8(text));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.nodes.map((n) => n.names)).toEqual([
      { kk: 'Ақмола облысы', ru: 'Акмолинская область' },
      { kk: 'Ақкөл ауданы', ru: 'Аккольский район' },
      { kk: 'Кенес ауылдық округі', ru: 'Кенесский с.о.' },
      { kk: null, ru: 'с.Кенес' }, // an empty Kazakh cell is "unknown", not ""
    ]);
  });

  it('reads columns in any order, quoted fields, tabs, and NULL/empty root parents', () => {
    const text = [
      'code\tname\tid\tparent_id',
      '110000000\tАкмолинская область\t1\tNULL',
      '113200000\t"Аккольский ""старый"" район"\t2\t1',
      '230000000\tАтырауская область\t3\t',
    ].join('\n');
    const r = parseKatoCsv(utf8(text));
    expect(r.ok && r.value.nodes.map((n) => [n.code, n.parentCode, n.names.ru])).toEqual([
      ['110000000', null, 'Акмолинская область'],
      ['113200000', '110000000', 'Аккольский "старый" район'],
      ['230000000', null, 'Атырауская область'],
    ]);
  });

  it('warns about columns it does not use', () => {
    const r = parseKatoCsv(utf8('id;parent_id;code;name;nn\n1;0;110000000;Акмолинская область;1\n'));
    expect(r.ok && r.value.warnings).toEqual([
      { line: 1, warning: 'IGNORED_COLUMN', message: 'column "nn" is not used' },
    ]);
  });

  it.each([
    ['', 'KATO.BAD_HEADER'],
    ['1;0;110000000;Акмолинская область\n', 'KATO.BAD_HEADER'], // no header
    ['id;parent_id;code;name_kk\n', 'KATO.BAD_HEADER'], // a Russian name column is required
    ['id;parent_id;code;name;name_ru\n', 'KATO.BAD_HEADER'], // two Russian name columns
    ['id;parent_id;code;name\n\n', 'KATO.NO_ROWS'],
  ])('refuses %j with %s', (text, code) => {
    const r = parseKatoCsv(utf8(text));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });
});

describe('parseKatoCsv: broken rows (each listed with its line, nothing returned)', () => {
  const HEAD = 'id;parent_id;code;name\n1;0;110000000;Акмолинская область\n2;1;113200000;Аккольский район\n';
  it.each([
    ['3;2;113243000\n', 4, 'COLUMN_COUNT'],
    ['3;2;113243000;Кенесский с.о.;лишнее\n', 4, 'COLUMN_COUNT'],
    ['x;2;113243000;Кенесский с.о.\n', 4, 'BAD_ID'],
    ['0;2;113243000;Кенесский с.о.\n', 4, 'BAD_ID'],
    ['3;два;113243000;Кенесский с.о.\n', 4, 'BAD_PARENT_ID'],
    ['3;9;113243000;Кенесский с.о.\n', 4, 'UNKNOWN_PARENT'],
    ['2;1;113243000;Кенесский с.о.\n', 4, 'DUPLICATE_ID'],
    ['3;2;11324300;Кенесский с.о.\n', 4, 'BAD_CODE'],
    ['3;2;1132430001;Кенесский с.о.\n', 4, 'BAD_CODE'],
    ['3;2;113200000;Кенесский с.о.\n', 4, 'DUPLICATE_CODE'],
    ['3;2;113143000;Кенесский с.о.\n', 4, 'NOT_UNDER_PARENT'],
    ['3;1;110000000;Акмолинская область\n', 4, 'DUPLICATE_CODE'],
    ['3;0;113243000;Кенесский с.о.\n', 4, 'ROOT_NOT_OBLAST'],
    ['3;2;113243000;\n', 4, 'EMPTY_NAME'],
    ['3;2;113243000;"Кенесский с.о.\n', 4, 'UNCLOSED_QUOTE'],
  ])('%j → line %i %s', (row, line, problem) => {
    const r = parseKatoCsv(utf8(HEAD + row));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('KATO.BAD_ROWS');
    expect(r.error.details?.problems).toEqual([expect.objectContaining({ line, problem })]);
  });

  it('reports every problem of a file at once, in line order', () => {
    const text = [
      'id;parent_id;code;name', //                    1
      '1;0;110000000;Акмолинская область', //          2
      '2;1;113200000;Аккольский район', //             3
      '3;2;113243000', //                             4 column count
      '4;2;113241000;Карасайский с.о.', //             5 fine
      '5;4;113241100;с.Кына', //                       6 fine
      '6;4;1132411;с.Карасай', //                      7 bad code
      '7;6;113241201;с.Пропавшее', //                  8 parent broken: not reported again
      '8;99;113241300;с.Сазды булак', //               9 unknown parent
      '9;2;113241000;Карасайский с.о.', //            10 duplicate code
      '', //                                          11 blank lines are skipped
      '10;4;120000000;с.Чужое', //                    12 not under its parent
    ].join('\n');
    const r = parseKatoCsv(utf8(text));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const problems = r.error.details?.problems as { line: number; problem: string }[];
    expect(problems.map((p) => [p.line, p.problem])).toEqual([
      [4, 'COLUMN_COUNT'],
      [7, 'BAD_CODE'],
      [9, 'UNKNOWN_PARENT'],
      [10, 'DUPLICATE_CODE'],
      [12, 'NOT_UNDER_PARENT'],
    ]);
  });
});

describe('parseKatoCsv: properties', () => {
  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(typeof parseKatoCsv(bytes).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary rows under a valid header', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('0', '1', '2', '110000000', '113200000', '"', '""', 'NULL'),
      fc.integer({ min: 0, max: 999_999_999 }).map(String),
    );
    const row = fc.array(cell, { minLength: 0, maxLength: 6 }).map((cells) => cells.join(';'));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\r'), (rows, eol) => {
        const r = parseKatoCsv(utf8(['id;parent_id;code;name', ...rows].join(eol)));
        if (!r.ok && r.error.code === 'KATO.BAD_ROWS') {
          const problems = r.error.details?.problems as { line: number }[];
          expect(problems.length).toBeGreaterThan(0);
          for (const p of problems) expect(p.line).toBeGreaterThanOrEqual(2);
        }
      }),
      { numRuns: 300 },
    );
  });
});
