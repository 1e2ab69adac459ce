import { describe, expect, it } from 'vitest';
import { collapseLetterSpacing, joinBrokenLines, normaliseSeedText } from './normalise-text';

// the seed is a PDF extraction; these are its real line shapes.
describe('collapseLetterSpacing (R-20)', () => {
  it.each([
    ['т а қ ы р ы б ы н д а  ж ә н е', 'тақырыбында  және'],
    ['« Ж е к е  қ о с а л қ ы  ш а р у а ш ы л ы қ т ы ң', '«Жеке  қосалқы  шаруашылықтың'],
    ['@ m a i l . r u', '@mail.ru'],
    ['2 0 1 1  ж ы л ғ ы', '2011  жылғы'],
    // Two one-character tokens are ordinary text, not letter spacing.
    ['Шығыс Қазақстан облысы № 1 ХҚҚО', 'Шығыс Қазақстан облысы № 1 ХҚҚО'],
    ['тел. 8 (71637) 2 13-66', 'тел. 8 (71637) 2 13-66'],
    ['Ақмола облысы, Степногор қ., 4 ш.а.,', 'Ақмола облысы, Степногор қ., 4 ш.а.,'],
  ])('%s → %s', (input, expected) => {
    expect(collapseLetterSpacing(input)).toBe(expected);
  });
});

describe('normaliseSeedText (R-20)', () => {
  it('numbers lines from 1, trims, collapses spaces and drops invisible characters', () => {
    const lines = normaliseSeedText('a\r\n  б  в \u00AD\n\tтел.\u00A08  (7162)\r\n');
    expect(lines).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'б в' },
      { line: 3, text: 'тел. 8 (7162)' },
      { line: 4, text: '' },
    ]);
  });
});

describe('joinBrokenLines (R-20)', () => {
  const join = (...parts: string[]) => joinBrokenLines(parts.map((text, i) => ({ line: 10 + i, text }))).text;

  it.each([
    [['Ақмола облысы, Көкшетау қ., Абай к', '., 83.'], 'Ақмола облысы, Көкшетау қ., Абай к., 83.'],
    [['Қарағанды облысы, Жаңаарқа ауданы', ', Атасу к.'], 'Қарағанды облысы, Жаңаарқа ауданы, Атасу к.'],
    [['тел: 8 (7132) 54-28-63, факс: 56-49-', '07;'], 'тел: 8 (7132) 54-28-63, факс: 56-49-07;'],
    [['факс: 8 (', '72934) 3-13-50'], 'факс: 8 (72934) 3-13-50'],
    [['8 (72641', ') 2-12-58'], '8 (72641) 2-12-58'],
    [['Е-mail: lieve@', 'kokshetau.online.kz'], 'Е-mail: lieve@kokshetau.online.kz'],
    [['E-mail: trkoo', '@mail.ru'], 'E-mail: trkoo@mail.ru'],
    [['Е-mail: Zur_', 'Economica@mail.ru'], 'Е-mail: Zur_Economica@mail.ru'],
    [['2-13-80, E-', 'mail: aralkalasy@mail ru'], '2-13-80, E-mail: aralkalasy@mail ru'],
    [
      ['«Шығыс Қазақстан', 'облысы әкімінің аппараты', '» ММ'],
      '«Шығыс Қазақстан облысы әкімінің аппараты» ММ',
    ],
    [['Ақмола облысы, Ақкөл ауданы,', '', 'Ақкөл қ.'], 'Ақмола облысы, Ақкөл ауданы, Ақкөл қ.'],
  ])('%j → %s', (parts, expected) => {
    expect(join(...parts)).toBe(expected);
  });

  it('maps an offset back to the source line', () => {
    const joined = joinBrokenLines([
      { line: 7, text: 'тел. 8 (7162) 25-79-22' },
      { line: 8, text: '' },
      { line: 9, text: 'E-mail: x@mail.ru' },
    ]);
    expect(joined.lineAt(0)).toBe(7);
    expect(joined.lineAt(joined.text.indexOf('x@'))).toBe(9);
  });
});
