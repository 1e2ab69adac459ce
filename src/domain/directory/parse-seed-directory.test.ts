import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SANE_EMAIL } from './email-repair';
import type { ParseIssueCode } from './office-record';
import { blockingIssues, formatParseIssue, parseSeedDirectory } from './parse-seed-directory';

// a small seed in the real seed's shapes (lines copied in style, not the seed itself), built so that
// every entry's line numbers are known and any entry can be broken on purpose.

interface FixtureEntry {
  readonly ordinal: string;
  readonly name: readonly string[];
  /** The name printed on the ordinal's line (`2. «Атбасар …`) rather than under it. */
  readonly nameInHead?: boolean;
  readonly address: readonly string[];
  readonly contacts: readonly string[];
  /** The PDF printed the first contact lines before the name (interleaved columns). */
  readonly contactsFirst?: readonly string[];
}

const OBLASTS: readonly { heading: string; entries: readonly FixtureEntry[] }[] = [
  {
    heading: 'Ақмола облысы',
    entries: [
      {
        ordinal: '1.',
        name: ['«Ақмола облысы әкімінің ', 'аппараты» ММ'],
        address: ['Ақмола облысы, Көкшетау қ., Абай к', '., 83.'],
        contacts: ['тел. 8 (7162) 25-79-22, 25-70-93 ', 'E-mail: economy_cx@mail.ru, ', 'kanz_akim@akmo.kz'],
      },
      {
        ordinal: '2.',
        nameInHead: true,
        name: ['«Атбасар ауданы әкімінің ', 'аппараты» ММ'],
        address: ['Ақмола облысы, Атбасар ауданы, ', 'Атбасар қ., Уәлиханов к., 9.'],
        contacts: ['тел. 8 (71643) 2-43-43, Е-mail: ', 'atbasar_oko@ma l.ru'],
      },
      {
        ordinal: '3.',
        name: ['«Степногор қаласы ', 'әкімінің аппараты» ММ'],
        address: ['Ақмола облысы, Степногор қ., 4 ш.а.,', '1 үй.'],
        contacts: ['тел. 8 (71645) 6-14-25, E-mail: ', 'stepoko1@mail.ru'],
      },
    ],
  },
  {
    heading: 'Солтүстік Қазақстан облысы',
    entries: [
      {
        ordinal: '1',
        name: ['«Солтүстік Қазақстан ', 'облысы әкімінің аппараты', '» ММ'],
        address: ['Солтүстік Қазақстан облысы, ', 'Петропавл қ., Қазақстан ', 'Конституциясы к., 58.'],
        contacts: [
          'тел: 8 (7152) 33-19-20, 46-28-95, ',
          'факс: 36-07-45 E-mail:akimat@sko.kz',
          ',departament_sk@mail.ru',
        ],
      },
      {
        ordinal: '2',
        contactsFirst: ['тел: 8 (71541) 2-15-90, 2-19-75,  факс', ': 2-17-88, 2-19-75 E-mail:'],
        name: ['«Мамлют ауданы әкімінің', 'аппараты» ММ'],
        address: ['Солтүстік Қазақстан облысы, ', 'Мамлют ауданы, Мамлютка қ., С. ', 'Мұқанов к., 12.'],
        contacts: ['Maml_akimat@mail.ru, maml-osh@', 'mail.ru'],
      },
      {
        ordinal: '3',
        nameInHead: true,
        name: ['«Қызылжар ауданы ', 'әкімінің аппараты» ММ'],
        address: ['Солтүстік Қазақстан облысы, ', 'Қызылжар ауданы, Бескөл а., ', 'Гагарин к., 11.'],
        contacts: [
          'тел: 8 (71538) 2-12-01, 2-11-70, факс:',
          '2-12-01, 2-29-06 E-mail:',
          'Kyzylzhar-akimat@sko/kz, dsh05@',
          'mail.ru',
        ],
      },
    ],
  },
];

const CAPTION = [
  '« Ж е к е  қ о с а л қ ы  ш а р у а ш ы л ы қ т ы ң    ',
  'б о л у ы  т у р а л ы  а н ы қ т а м а  б е р у »    ',
  'м е м л е к е т т і к  қ ы з м е т  с т а н д а р т ы н а  ',
];
const APPENDIX_2 = [
  '2-қосымша           ',
  '',
  'Халыққа қызмет көрсету орталықтарының тізбесі',
  '',
  'Р/с № ХҚҚО атаулары Орталықтардың орналасқан мекенжайы Телефон нөмірлері',
  '',
  '1 2 3',
  '',
  '1 Ақмола облысының ХҚҚО Көкшетау қ., Әуезов к., 189 «а» үй 40-10-76',
  '',
  '2 Алматы қаласы Алмалы ауданы ',
  'ХҚҚО',
  '',
  'Алматы қ., Бөгенбай батыр к., 221 үй 263-82-51',
  '',
  '3 Батыс Қазақстан ХҚҚО Орал қ., Жамбыл к., 81 үй 23-68-81',
];

type Breakage = 'drop-name' | 'drop-address' | 'drop-phones' | 'cut-email';
const EXPECTED_CODE: Record<Breakage, ParseIssueCode> = {
  'drop-name': 'MISSING_NAME',
  'drop-address': 'MISSING_ADDRESS',
  'drop-phones': 'MISSING_PHONE',
  'cut-email': 'EMAIL_TRUNCATED',
};

/** Render the fixture; with `breakage`, break one entry and say which line its issue must point at. */
function render(breakage?: { id: string; kind: Breakage }): { text: string; expectedLine: number } {
  const lines = [
    'Қаулы мәтіні',
    '',
    ...CAPTION,
    '1-қосымша            ',
    '',
    'Аудандар (облыстық маңызы бар қалалар)',
    '',
  ];
  lines.push('Р/с ', '№', '', 'Орналасқан мекенжайы Байланыс деректері', '');
  let expectedLine = 0;
  const cell = (cellLines: readonly string[]) => {
    const start = lines.length + 1;
    lines.push(...cellLines, '');
    return start;
  };
  OBLASTS.forEach((oblast, o) => {
    cell([oblast.heading]);
    oblast.entries.forEach((entry, e) => {
      const id = `a1-${String(o + 1).padStart(2, '0')}-${String(e + 1).padStart(2, '0')}`;
      const kind = breakage?.id === id ? breakage.kind : undefined;
      const name = kind === 'drop-name' ? [] : entry.name;
      const nameOwnCell = !entry.nameInHead || entry.contactsFirst !== undefined;
      const head =
        nameOwnCell || name.length === 0
          ? [entry.ordinal]
          : [`${entry.ordinal} ${name[0]}`, ...name.slice(1)];
      const headLine = cell(nameOwnCell && !entry.contactsFirst ? [...head, ...name] : head);
      if (entry.contactsFirst && kind !== 'drop-phones') cell(entry.contactsFirst);
      if (entry.contactsFirst && name.length > 0) cell(name);
      if (kind !== 'drop-address') cell(entry.address);
      const contacts =
        kind === 'drop-phones'
          ? ['E-mail: only@mail.ru']
          : kind === 'cut-email'
            ? [...entry.contacts, 'cut_here@mail.']
            : entry.contacts;
      const contactsLine = cell(contacts);
      if (kind === 'drop-phones') expectedLine = contactsLine;
      if (kind === 'cut-email') expectedLine = contactsLine + contacts.length - 1;
      if (kind === 'drop-name' || kind === 'drop-address') expectedLine = headLine;
    });
  });
  lines.push(...CAPTION, ...APPENDIX_2);
  return { text: lines.join('\n'), expectedLine };
}

describe('parseSeedDirectory on a small seed (R-20)', () => {
  const result = parseSeedDirectory(render().text, []);

  it('parses every entry without an issue', () => {
    expect(result.issues.map(formatParseIssue)).toEqual([]);
    expect(result.offices.map((o) => o.id)).toEqual([
      'a1-01-01',
      'a1-01-02',
      'a1-01-03',
      'a1-02-01',
      'a1-02-02',
      'a1-02-03',
      'psc-01',
      'psc-02',
      'psc-03',
    ]);
  });

  it('reads an entry whose phone line the PDF printed before its name', () => {
    expect(result.offices[4]).toEqual({
      id: 'a1-02-02',
      appendix: 1,
      ordinal: 2,
      oblast: { kk: 'Солтүстік Қазақстан облысы', ru: 'Северо-Казахстанская область' },
      kind: 'district_apparatus',
      name: { kk: '«Мамлют ауданы әкімінің аппараты» ММ', ru: 'ГУ «Аппарат акима Мамлютского района»' },
      address: 'Солтүстік Қазақстан облысы, Мамлют ауданы, Мамлютка қ., С. Мұқанов к., 12.',
      phones: ['8 (71541) 2-15-90', '8 (71541) 2-19-75'],
      fax: '8 (71541) 2-17-88, 8 (71541) 2-19-75',
      emails: ['Maml_akimat@mail.ru', 'maml-osh@mail.ru'],
      district: { kk: 'Мамлют ауданы', ru: 'Мамлютский район' },
    });
  });

  it('reads a PSC whose name is broken over two lines', () => {
    expect(result.offices[7]).toEqual({
      id: 'psc-02',
      appendix: 2,
      ordinal: 2,
      oblast: { kk: 'Алматы қаласы', ru: 'город Алматы' },
      kind: 'psc',
      name: { kk: 'Алматы қаласы Алмалы ауданы ХҚҚО', ru: 'ЦОН Алмалинского района города Алматы' },
      address: 'Алматы қ., Бөгенбай батыр к., 221 үй',
      phones: ['263-82-51'],
      emails: [],
      district: { kk: 'Алмалы ауданы', ru: 'Алмалинский район' },
    });
  });

  it('knows West Kazakhstan PSC without the word «облысы»', () => {
    expect(result.offices[8]?.oblast).toEqual({
      kk: 'Батыс Қазақстан облысы',
      ru: 'Западно-Казахстанская область',
    });
  });

  it('reports a PSC row without a phone at its line', () => {
    const text = render().text.replace(' 23-68-81', '');
    const row = text.split('\n').findIndex((l) => l.startsWith('3 Батыс')) + 1;
    expect(parseSeedDirectory(text, []).issues).toContainEqual(
      expect.objectContaining({ code: 'MISSING_PHONE', entry: 'psc-03', line: row, severity: 'error' }),
    );
  });

  it('reports missing appendices', () => {
    const r = parseSeedDirectory('no appendices here', []);
    expect(r.offices).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['APPENDIX_NOT_FOUND', 'APPENDIX_NOT_FOUND']);
    expect(blockingIssues(r)).toHaveLength(2);
  });
});

describe('broken rows (R-20, property)', () => {
  const ids = OBLASTS.flatMap((o, oi) =>
    o.entries.map((_, ei) => `a1-${String(oi + 1).padStart(2, '0')}-${String(ei + 1).padStart(2, '0')}`),
  );

  it('a broken entry is reported with its id and line, and the others still parse', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.constantFrom<Breakage>('drop-name', 'drop-address', 'drop-phones', 'cut-email'),
        (id, kind) => {
          const { text, expectedLine } = render({ id, kind });
          const r = parseSeedDirectory(text, []);
          expect(r.issues).toContainEqual(
            expect.objectContaining({
              entry: id,
              code: EXPECTED_CODE[kind],
              line: expectedLine,
              severity: 'error',
            }),
          );
          expect(r.issues.every((i) => i.entry === id)).toBe(true);
          expect(r.offices).toHaveLength(ids.length + 3);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('parseSeedDirectory never throws (R-20, property)', () => {
  const fragments = [
    '',
    '1-қосымша',
    '2-қосымша',
    '3-қосымша',
    'Ақмола облысы',
    'constructor облысы',
    '1.',
    '2',
    '3 «__proto__ ауданы',
    '«Ақмола облысы әкімінің аппараты» ММ',
    '«toString ауданы әкімінің аппараты» ММ',
    'аппараты» ММ',
    'Ақмола облысы, Көкшетау қ., Абай к',
    '., 83.',
    'тел. 8 (7162) 25-79-22, 25-70-93',
    'тел/факс 8 71133) 20-368, факс',
    ': 2-17-88 ф: 1-1',
    'E-mail: a@mail.ru, b@',
    'mail.ru',
    'x@mail.',
    '@ m a i l . r u',
    'y@ma l.ru z@sko/kz',
    '1 Ақмола облысының ХҚҚО Көкшетау қ., 40-10-76',
    '24 Астана қаласы Сарыарқа ауданы № 2',
    'ХҚҚО',
    ...CAPTION,
  ];
  const line = fc.oneof(
    fc.constantFrom(...fragments),
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
  );

  it('on seed-like and arbitrary lines, with sane output', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const text = lines.join('\n');
        const r = parseSeedDirectory(text, []);
        const lineCount = text.split(/\r\n|\r|\n/u).length;
        for (const issue of r.issues) {
          expect(issue.line).toBeGreaterThanOrEqual(0);
          expect(issue.line).toBeLessThanOrEqual(lineCount);
        }
        for (const office of r.offices) for (const email of office.emails) expect(email).toMatch(SANE_EMAIL);
        expect(new Set(r.offices.map((o) => o.id)).size).toBe(r.offices.length);
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => {
        expect(() => parseSeedDirectory(text, [])).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
