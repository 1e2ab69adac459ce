import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { num, numGeneral } from './pdf-writer';

describe('num', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [-0.004, '0'],
    [0.004, '0'],
    [0.005, '0.01'],
    [3, '3'],
    [12.5, '12.5'],
    [12.05, '12.05'],
    [-12.05, '-12.05'],
    [595.28, '595.28'],
    [841.89, '841.89'],
    [1.005, '1'], // 1.005 × 100 is 100.49999…: as Math.round has always rounded it
    [0.07, '0.07'],
    [-0.1, '-0.1'],
    [99.999, '100'],
    [1e20, '100000000000000000000'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
  ])('num(%d) = %s', (x, expected) => {
    expect(num(x)).toBe(expected);
    expect(num(x)).toBe(numGeneral(x));
  });

  it('writes every number exactly as String(Math.round(x × 100) / 100) does', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -2000, max: 2000, noNaN: true }),
          fc.integer({ min: -300_000, max: 300_000 }).map((h) => h / 100),
          fc.integer({ min: -300_000, max: 300_000 }).map((h) => h / 100 + 0.005),
          fc.double({ noNaN: false }),
        ),
        (x) => {
          expect(num(x)).toBe(numGeneral(x));
        },
      ),
      { numRuns: 20_000, seed: 20261202 },
    );
  });
});
