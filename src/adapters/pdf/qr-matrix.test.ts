import fc from 'fast-check';
import qrcode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrMatrix } from './qr-matrix';
import { SAMPLE_QR_TEXT } from './sample-documents';

const reference = (text: string) =>
  qrcode.create([{ data: text, mode: 'byte' }], { errorCorrectionLevel: 'M' }).modules;

describe('qrMatrix', () => {
  it('is the symbol qrcode makes for the sample QR text, mask and all', () => {
    const ours = qrMatrix(SAMPLE_QR_TEXT);
    const theirs = reference(SAMPLE_QR_TEXT);
    expect(ours.size).toBe(theirs.size);
    expect(Buffer.from(ours.data).equals(Buffer.from(theirs.data))).toBe(true);
  });

  it('picks the same mask as qrcode for any text (every version the texts reach)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 400 }), (text) => {
        const ours = qrMatrix(text);
        const theirs = reference(text);
        expect(ours.size).toBe(theirs.size);
        expect(Buffer.from(ours.data).equals(Buffer.from(theirs.data))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
