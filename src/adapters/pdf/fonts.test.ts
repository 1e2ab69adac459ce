import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFontFace } from './font-face';
import { type DocumentFonts, loadDocumentFonts } from './fonts';
import { KAZAKH_LETTERS } from './sample-documents';

describe('DocumentFonts.covers', () => {
  let fonts: DocumentFonts;
  let drawable: (cp: number) => boolean;
  beforeAll(async () => {
    fonts = await loadDocumentFonts();
    const regular = parseFontFace(fonts.subset.normal);
    const bold = parseFontFace(fonts.subset.bold);
    drawable = (cp) => [0x09, 0x0a, 0x0d].includes(cp) || (regular.glyph(cp) !== 0 && bold.glyph(cp) !== 0);
  });

  it('is true for Kazakh, Russian and Latin text, false with a letter outside the subset', () => {
    expect(fonts.covers(`${KAZAKH_LETTERS} Жеке қосалқы шаруашылық № 42 — «анықтама» ₸\n`)).toBe(true);
    expect(fonts.covers('Ünal Çelik, e-mail: a.b@example.kz')).toBe(true);
    expect(fonts.covers('')).toBe(true);
    for (const text of ['Ξ', 'ქართული', 'Հայերեն', 'a😀b', 'a\ud800b', 'a\udc00', '\ud800']) {
      expect(fonts.covers(text)).toBe(false);
    }
  });

  it('is true exactly when both subset faces draw every code point of the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 40 }),
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.string({ unit: fc.constantFrom(...'әғқңөұүһі АБВ abc 123 «»—№\t\n'), maxLength: 40 }),
        ),
        (text) => {
          expect(fonts.covers(text)).toBe([...text].every((char) => drawable(char.codePointAt(0)!)));
        },
      ),
      { numRuns: 3000, seed: 20261202 },
    );
  });
});
