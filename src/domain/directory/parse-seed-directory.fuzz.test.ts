import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, fuzzOptions } from '../shared/fuzz.test-support';
import { SANE_EMAIL } from './email-repair';
import { blockingIssues, formatParseIssue, parseSeedDirectory } from './parse-seed-directory';

// Issue 10 item 3: the seed directory parser fuzzed — FUZZ_RUNS documents per property (10,000 by
// default), written in the seed's grammar (appendix headings, oblast cells, numbered entries with the name,
// address and contact cells of the published standard, the PSC table of Appendix 2) from generated places,
// phones and e-mails, then damaged: lines cut, dropped, repeated or replaced by noise.

const PLACES = [
  'Ақмола',
  'Атбасар',
  'Степногор',
  'Мамлют',
  'Қызылжар',
  'Көкшетау',
  'Есіл',
  'Бурабай',
  'Целиноград',
];
const OBLASTS = ['Ақмола облысы', 'Солтүстік Қазақстан облысы', 'Атырау облысы', 'Павлодар облысы'];
const STREETS = ['Абай', 'Уәлиханов', 'Қазақстан Конституциясы', 'Гагарин', 'Мұқанов', 'Бейбітшілік'];
const CAPTION = [
  '« Ж е к е  қ о с а л қ ы  ш а р у а ш ы л ы қ т ы ң    ',
  'б о л у ы  т у р а л ы  а н ы қ т а м а  б е р у »    ',
  'м е м л е к е т т і к  қ ы з м е т  с т а н д а р т ы н а  ',
];

const phone = fc
  .tuple(
    fc.integer({ min: 7100, max: 7299 }),
    fc.integer({ min: 1, max: 9 }),
    fc.integer({ min: 10, max: 99 }),
    fc.integer({ min: 10, max: 99 }),
  )
  .map(([code, a, b, c]) => `8 (${code}) ${a}-${b}-${c}`);
const email = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9_.-]{0,10}$/),
    fc.constantFrom('mail.ru', 'akmo.kz', 'sko.kz', 'gov.kz'),
  )
  .map(([user, host]) => `${user}@${host}`);

const entry = fc.record({
  place: fc.constantFrom(...PLACES),
  kind: fc.constantFrom('ауданы', 'қаласы'),
  town: fc.constantFrom(...PLACES),
  street: fc.constantFrom(...STREETS),
  house: fc.integer({ min: 1, max: 300 }),
  phones: fc.array(phone, { minLength: 1, maxLength: 3 }),
  emails: fc.array(email, { minLength: 1, maxLength: 2 }),
  dotted: fc.boolean(),
  nameInHead: fc.boolean(),
  splitName: fc.nat(3),
});
type Entry = typeof entry extends fc.Arbitrary<infer T> ? T : never;

function entryCells(e: Entry, ordinal: number, oblast: string): string[][] {
  const name = `«${e.place} ${e.kind} әкімінің аппараты» ММ`;
  const cut = Math.min(name.length - 1, 8 + e.splitName * 6);
  const nameLines = [name.slice(0, cut), name.slice(cut)];
  const number = `${ordinal}${e.dotted ? '.' : ''}`;
  const head = e.nameInHead
    ? [[`${number} ${nameLines[0]}`, ...nameLines.slice(1)]]
    : [[number, ...nameLines]];
  return [
    ...head,
    [`${oblast}, ${e.town} қ., `, `${e.street} к., ${e.house}.`],
    [`тел. ${e.phones.join(', ')}, `, `E-mail: ${e.emails.join(', ')}`],
  ];
}

const psc = fc.record({
  oblast: fc.constantFrom(...OBLASTS),
  town: fc.constantFrom(...PLACES),
  street: fc.constantFrom(...STREETS),
  house: fc.integer({ min: 1, max: 300 }),
  phone: fc.tuple(
    fc.integer({ min: 10, max: 99 }),
    fc.integer({ min: 10, max: 99 }),
    fc.integer({ min: 10, max: 99 }),
  ),
});

const document = fc.record({
  oblasts: fc.array(fc.tuple(fc.constantFrom(...OBLASTS), fc.array(entry, { minLength: 1, maxLength: 3 })), {
    minLength: 1,
    maxLength: 2,
  }),
  pscs: fc.array(psc, { minLength: 1, maxLength: 3 }),
});
type Doc = typeof document extends fc.Arbitrary<infer T> ? T : never;

function render(doc: Doc): string[] {
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
  for (const [oblast, entries] of doc.oblasts) {
    lines.push(oblast, '');
    entries.forEach((e, i) => {
      for (const cell of entryCells(e, i + 1, oblast)) lines.push(...cell, '');
    });
  }
  lines.push(...CAPTION, '2-қосымша           ', '', 'Халыққа қызмет көрсету орталықтарының тізбесі', '');
  lines.push('Р/с № ХҚҚО атаулары Орталықтардың орналасқан мекенжайы Телефон нөмірлері', '', '1 2 3', '');
  doc.pscs.forEach((p, i) => {
    const [a, b, c] = p.phone;
    lines.push(
      `${i + 1} ${p.oblast.replace(' облысы', ' облысының')} ХҚҚО ${p.town} қ., ${p.street} к., ${p.house} үй ${a}-${b}-${c}`,
      '',
    );
  });
  return lines;
}

const damage = fc.array(
  fc.record({
    at: fc.nat(),
    how: fc.constantFrom('drop', 'repeat', 'cut', 'noise', 'join'),
    noise: fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('1-қосымша', '2-қосымша', '«', '» ММ', 'E-mail:', '@', 'тел.'),
    ),
  }),
  { maxLength: 4 },
);

function damaged(lines: readonly string[], list: readonly { at: number; how: string; noise: string }[]) {
  const out = [...lines];
  for (const d of list) {
    const i = d.at % out.length;
    const line = out[i] ?? '';
    if (d.how === 'drop') out.splice(i, 1);
    else if (d.how === 'repeat') out.splice(i, 0, line);
    else if (d.how === 'cut') out[i] = line.slice(0, d.noise.length % (line.length + 1));
    else if (d.how === 'noise') out[i] = d.noise;
    else out.splice(i, 2, `${line}${out[i + 1] ?? ''}`);
  }
  return out.join('\n');
}

/** What every result must satisfy, whatever the text. */
function checkSane(text: string) {
  const r = parseSeedDirectory(text, []);
  const lineCount = text.split(/\r\n|\r|\n/u).length;
  for (const issue of r.issues) {
    expect(issue.line).toBeGreaterThanOrEqual(0);
    expect(issue.line).toBeLessThanOrEqual(lineCount);
    expect(formatParseIssue(issue).length).toBeGreaterThan(0);
  }
  for (const b of blockingIssues(r)) expect(b.severity).toBe('error');
  for (const office of r.offices) for (const e of office.emails) expect(e).toMatch(SANE_EMAIL);
  expect(new Set(r.offices.map((o) => o.id)).size).toBe(r.offices.length);
  return r;
}

describe('parseSeedDirectory fuzzed (issue 10 item 3)', () => {
  it(`reads every entry of an undamaged seed-shaped text (${FUZZ_RUNS / 20} documents)`, () => {
    fc.assert(
      fc.property(document, (doc) => {
        const r = checkSane(render(doc).join('\n'));
        const entries = doc.oblasts.reduce((n, [, list]) => n + list.length, 0);
        expect(r.offices.filter((o) => o.id.startsWith('a1-'))).toHaveLength(entries);
        expect(r.offices.filter((o) => o.id.startsWith('psc-'))).toHaveLength(doc.pscs.length);
      }),
      fuzzOptions(20),
    );
  });

  // A whole document costs the parser milliseconds: the seed-shaped properties run a 20th and a 5th of
  // FUZZ_RUNS, the arbitrary texts all of it.
  it(`never throws on damaged seed-shaped text, with sane output (${FUZZ_RUNS / 5} documents)`, () => {
    fc.assert(
      fc.property(document, damage, (doc, list) => {
        checkSane(damaged(render(doc), list));
      }),
      fuzzOptions(5),
    );
  });

  it(`never throws on arbitrary text (${FUZZ_RUNS} texts)`, () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 300 })),
        (text) => {
          checkSane(text);
        },
      ),
      fuzzOptions(),
    );
  });
});
