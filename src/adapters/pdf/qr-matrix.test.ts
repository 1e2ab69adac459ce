import fc from 'fast-check';
import qrcode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { pack, penaltyPacked, qrMatrix } from './qr-matrix';
import { penaltyReference, qrMatrixReference } from './qr-matrix-reference.test-support';
import { SAMPLE_QR_TEXT } from './sample-documents';

const reference = (text: string) =>
  qrcode.create([{ data: text, mode: 'byte' }], { errorCorrectionLevel: 'M' }).modules;

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** The packed scoring of a module matrix, as qrMatrix runs it. */
function packedPenalty(m: Uint8Array, size: number): number {
  const words = Math.ceil(size / 32);
  const rows = new Int32Array(size * words);
  const cols = new Int32Array(size * words);
  pack(m, size, words, rows, cols);
  return penaltyPacked(rows, cols, size, words, new Int32Array(words));
}

/** Texts at the edges of versions, every mask among them (checked below), and the certificate's own. */
const LITERALS = [
  SAMPLE_QR_TEXT,
  'a',
  'https://qosalqy.kz/verify',
  'Жеке қосалқы шаруашылықтың болуы туралы анықтама — әғқңөұүһі ӘҒҚҢӨҰҮҺІ',
  'x'.repeat(14),
  'x'.repeat(15),
  '0'.repeat(106),
  '\u0000'.repeat(200),
  '\uffff'.repeat(133),
  `${SAMPLE_QR_TEXT}${SAMPLE_QR_TEXT}`,
  'q258'.repeat(19), // mask 7, the rarest
  ...Array.from({ length: 40 }, (_, i) => `https://qosalqy.kz/s/${i.toString(36)}`),
];

describe('qrMatrix', () => {
  it('is the symbol qrcode makes for the sample QR text, mask and all', () => {
    const ours = qrMatrix(SAMPLE_QR_TEXT);
    const theirs = reference(SAMPLE_QR_TEXT);
    expect(ours.size).toBe(theirs.size);
    expect(same(ours.data, theirs.data)).toBe(true);
  });

  it('is the symbol of the module-by-module scoring and of qrcode for the literal cases', () => {
    const masks = new Set<number>();
    for (const text of LITERALS) {
      const ours = qrMatrix(text);
      const old = qrMatrixReference(text);
      const theirs = qrcode.create([{ data: text, mode: 'byte' }], { errorCorrectionLevel: 'M' });
      masks.add(theirs.maskPattern);
      expect(ours.size).toBe(old.size);
      expect(same(ours.data, old.data), text).toBe(true);
      expect(same(ours.data, theirs.modules.data), text).toBe(true);
    }
    // The literals make qrcode choose every one of the eight masks, so each flip table is exercised.
    expect([...masks].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('picks the same mask as qrcode for any text (every version the texts reach)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 400 }), (text) => {
        const ours = qrMatrix(text);
        const theirs = reference(text);
        expect(ours.size).toBe(theirs.size);
        expect(same(ours.data, theirs.data)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('picks the same symbol as the module-by-module scoring it replaced, for any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 250 }),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 120 }),
          fc.base64String({ minLength: 150, maxLength: 320 }).map((s) => `https://qosalqy.kz/v/1.${s}`),
        ),
        (text) => {
          const ours = qrMatrix(text);
          const old = qrMatrixReference(text);
          expect(ours.size).toBe(old.size);
          expect(same(ours.data, old.data)).toBe(true);
        },
      ),
      { numRuns: 150, seed: 20261202 },
    );
  });
});

describe('penaltyPacked', () => {
  const matrix = fc.integer({ min: 21, max: 177 }).chain((size) =>
    fc
      .oneof(
        fc.uint8Array({ minLength: size * size, maxLength: size * size, min: 0, max: 1 }),
        // Long runs and finder-like patterns are rare in uniform noise: stripes and blocks make them common.
        fc
          .array(fc.constantFrom(0, 1, 0b1011101, 0b11111, 0b1111), {
            minLength: size * size,
            maxLength: size * size,
          })
          .map((codes) => {
            const m = new Uint8Array(size * size);
            let i = 0;
            for (const code of codes) {
              for (let k = 31 - Math.clz32(code | 1); k >= 0 && i < m.length; k--) m[i++] = (code >> k) & 1;
              if (i >= m.length) break;
            }
            return m;
          }),
      )
      .map((m) => ({ size, m })),
  );

  it('scores any matrix exactly as the module-by-module scoring does', () => {
    fc.assert(
      fc.property(matrix, ({ size, m }) => {
        expect(packedPenalty(m, size)).toBe(penaltyReference(m, size));
      }),
      { numRuns: 500, seed: 20261202 },
    );
  });

  it('scores the literal extremes alike: all light, all dark, stripes, finder rows', () => {
    for (const size of [21, 31, 32, 33, 61, 63, 64, 65, 177]) {
      const cases = [
        new Uint8Array(size * size),
        new Uint8Array(size * size).fill(1),
        Uint8Array.from({ length: size * size }, (_, i) => i % 2),
        Uint8Array.from({ length: size * size }, (_, i) => Math.floor(i / size) % 2),
        Uint8Array.from(
          { length: size * size },
          (_, i) => [1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0][(i % size) % 11]!,
        ),
        Uint8Array.from(
          { length: size * size },
          (_, i) => [0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1][Math.floor(i / size) % 11]!,
        ),
      ];
      for (const m of cases) expect(packedPenalty(m, size)).toBe(penaltyReference(m, size));
    }
  });
});
