import { describe, expect, it } from 'vitest';
import { readPhoneText } from './phones';

// phone cells of the seed (after line joining), and what the directory shows for them.
describe('readPhoneText (R-20)', () => {
  const read = (text: string) => {
    const r = readPhoneText(text);
    return {
      tel: r.numbers.filter((n) => n.role !== 'fax').map((n) => n.value),
      fax: r.numbers.filter((n) => n.role !== 'tel').map((n) => n.value),
    };
  };

  it.each([
    // the area code is repeated on the numbers printed after it
    ['тел. 8 (7162) 25-79-22, 25-70-93', ['8 (7162) 25-79-22', '8 (7162) 25-70-93'], []],
    ['тел: 8 (7132) 54-28-63, факс: 56-49-07;', ['8 (7132) 54-28-63'], ['8 (7132) 56-49-07']],
    // тел/факс: the same numbers take both
    [
      'тел/ факс: 8 (72832) 2-17-52, 2-15-51',
      ['8 (72832) 2-17-52', '8 (72832) 2-15-51'],
      ['8 (72832) 2-17-52', '8 (72832) 2-15-51'],
    ],
    // the trunk 8 missing, a parenthesis lost, a space for a hyphen
    ['тел. (72236) 9-03-45,', ['8 (72236) 9-03-45'], []],
    [
      'тел/факс 8 71133) 20-368, 8 (71133) 20-888;',
      ['8 (71133) 20-368', '8 (71133) 20-888'],
      ['8 (71133) 20-368', '8 (71133) 20-888'],
    ],
    [
      'тел: 8 (71543 2-15-01, 2-11-67, факс: 2-15-01, 2-11-65',
      ['8 (71543) 2-15-01', '8 (71543) 2-11-67'],
      ['8 (71543) 2-15-01', '8 (71543) 2-11-65'],
    ],
    ['тел. 8 (71637) 2 13-66,', ['8 (71637) 2-13-66'], []],
    ['тел..8 (72230) 3-53-03,', ['8 (72230) 3-53-03'], []],
    // Kyzylorda's `ф:` is a fax label; an entry may have a fax and no telephone
    ['Тел: 8 (7242) 23-67-00 ф: 23-84-66', ['8 (7242) 23-67-00'], ['8 (7242) 23-84-66']],
    ['факс: 8 (72438) 2-12-90 E-mail:', [], ['8 (72438) 2-12-90']],
    // labels repeat inside one cell
    [
      'тел: 8 (7292) 31-42-15; факс: 8 (7292) 43-45-52, тел: 8 (7292) 31-30-42; факс: 8 (7292) 42-12-71, E-mail:',
      ['8 (7292) 31-42-15', '8 (7292) 31-30-42'],
      ['8 (7292) 43-45-52', '8 (7292) 42-12-71'],
    ],
    // a PSC's local number, no area code printed
    ['263-82-51', ['263-82-51'], []],
  ])('%s', (text, tel, fax) => {
    expect(read(text)).toEqual({ tel, fax });
  });

  it('keeps a number as printed and reports it when the area code would not make 10 digits', () => {
    const r = readPhoneText('тел: 8 (71333) 3-64-14, факс: 54-17-39 E-mail:');
    expect(r.numbers.map((n) => n.value)).toEqual(['8 (71333) 3-64-14', '54-17-39']);
    expect(r.unusual.map((n) => [n.value, n.digits])).toEqual([['54-17-39', 11]]);
  });

  it('reports an area code with a digit too many or too few', () => {
    expect(readPhoneText('тел. 8 (716245) 6-14-25').unusual.map((n) => n.digits)).toEqual([11]);
    expect(readPhoneText('тел/факс 8 (7135) 21-343').unusual.map((n) => n.digits)).toEqual([9]);
  });

  it('returns text it cannot read as residue', () => {
    expect(readPhoneText('E-mail: www. kostanay.kz; e.kostanay.kz').residue.map((r) => r.text)).toEqual([
      'www.',
      'kostanay.kz',
      'e.kostanay.kz',
    ]);
  });
});
