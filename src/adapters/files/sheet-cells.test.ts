import { describe, expect, it } from 'vitest';
import { dateText, iinText, numberText } from './sheet-cells';
import { listZipEntries } from './zip-directory';

// Issue 4, item 3: an XLSX cell reaches the domain as the text Excel shows.
describe('numberText', () => {
  it.each([
    [12.499999999999998, '12.5'],
    [0.1 + 0.2, '0.3'],
    [0.12, '0.12'],
    [25, '25'],
    [-0, '0'],
    [-3, '-3'],
    [1e-7, '0.0000001'],
    [1e21, '1000000000000000000000'],
    [620308301011, '620308301011'],
  ])('%d → %s', (n, text) => {
    expect(numberText(n)).toBe(text);
  });
});

describe('iinText', () => {
  it.each([
    [10229500016, '010229500016'],
    [620308301011, '620308301011'],
    [30618501016, '030618501016'],
    [12.5, '12.5'],
    [-5, '-5'],
    [1234567890123, '1234567890123'],
  ])('%d → %s', (n, text) => {
    expect(iinText(n)).toBe(text);
  });
});

describe('dateText', () => {
  it.each([
    [Date.UTC(1988, 3, 15), '1988-04-15'],
    [Date.UTC(2000, 0, 1, 10, 30), '2000-01-01 10:30'],
    [Date.UTC(2000, 0, 1, 10, 30, 5), '2000-01-01 10:30:05'],
    [Number.NaN, ''],
  ])('%d → %s', (ms, text) => {
    expect(dateText(new Date(ms))).toBe(text);
  });
});

describe('listZipEntries', () => {
  it.each([
    ['no bytes', new Uint8Array(0)],
    ['a local header only', Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 1, 2, 3)],
    [
      'a directory pointing past its end',
      Uint8Array.of(0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0, 46, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    ],
  ])('gives undefined for %s', (_label, bytes) => {
    expect(listZipEntries(bytes)).toBeUndefined();
  });

  it('lists an empty archive as no entries', () => {
    expect(listZipEntries(Uint8Array.of(0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)))).toEqual(
      [],
    );
  });
});
