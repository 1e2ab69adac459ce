import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iinCheckDigit, makeIin, maskIin, parseIin } from './iin';

// Literal cases: numbers computed by hand with the two weightings of the standard algorithm.
describe('parseIin (R-3)', () => {
  it.each([
    // YYMMDD C NNNN K
    ['900101300017', '1990-01-01', 'male'],
    ['850315400025', '1985-03-15', 'female'],
    ['000229500018', '2000-02-29', 'male'], // leap day in 2000
    ['101231600049', '2010-12-31', 'female'],
  ])('%s is valid: born %s, %s', (iin, birthDate, sex) => {
    const r = parseIin(iin);
    expect(r).toEqual({ ok: true, value: { iin, birthDate, sex } });
  });

  it.each([
    ['12345', 'IIN.BAD_FORMAT'],
    ['9001013000145', 'IIN.BAD_FORMAT'],
    ['90010130001a', 'IIN.BAD_FORMAT'],
    ['900101700014', 'IIN.BAD_FORMAT'], // century digit 7 does not exist
    ['900101300014', 'IIN.BAD_CHECK_DIGIT'],
    ['010229500016', 'IIN.BAD_DATE'], // 2001 is not a leap year (check digit valid)
  ])('%s → %s', (iin, code) => {
    const r = parseIin(iin);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it('uses the second weighting when the first gives 10', () => {
    // first11 chosen so that Σ d·(1..11) mod 11 = 10
    const first11 = '00000000001'; // 1·11 = 11 → 0; not 10
    expect(iinCheckDigit(first11)).toBe(0);
    const f = '00000000010'; // 1·10 = 10 → second: 1·1 = 1
    expect(iinCheckDigit(f)).toBe(1);
  });

  it('rejects never-issued numbers (10 under both weightings)', () => {
    // 1·10 under the first weighting; under the second the 10th weight is 1 → 1, so find a true double-10
    let found: string | undefined;
    for (let n = 0; n < 100000 && !found; n++) {
      const s = `9001013${String(n).padStart(4, '0')}`;
      if (iinCheckDigit(s) === undefined) found = s;
    }
    expect(found).toBeDefined();
    for (let k = 0; k <= 9; k++) expect(parseIin(`${found}${k}`).ok).toBe(false);
  });

  it('every IIN makeIin builds parses back to the same birth date and sex', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom('male' as const, 'female' as const),
        fc.integer({ min: 0, max: 9999 }),
        (date, sex, serial) => {
          const birth = {
            year: date.getUTCFullYear(),
            month: date.getUTCMonth() + 1,
            day: date.getUTCDate(),
          };
          const iin = makeIin(birth, sex, serial);
          if (iin === undefined) return;
          const r = parseIin(iin);
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.value.sex).toBe(sex);
            expect(r.value.birthDate).toBe(date.toISOString().slice(0, 10));
          }
        },
      ),
    );
  });

  it('a changed check digit is always caught', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 9 }), (serial, delta) => {
        const iin = makeIin({ year: 1975, month: 6, day: 15 }, 'male', serial);
        if (!iin) return;
        const mutated = iin.slice(0, 11) + String((Number(iin[11]) + delta) % 10);
        expect(parseIin(mutated).ok).toBe(false);
      }),
    );
  });

  it('masks all but the last four digits', () => {
    expect(maskIin('900101300017')).toBe('********0017');
  });
});
