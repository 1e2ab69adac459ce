import { beforeAll, describe, expect, it } from 'vitest';
import { type FontFace, parseFontFace } from './font-face';
import { loadDocumentFonts } from './fonts';
import { measure, singleLine, type TextStyle, wrap } from './text-layout';

let face: FontFace;
let style: TextStyle;
beforeAll(async () => {
  face = parseFontFace((await loadDocumentFonts()).subset.normal);
  style = { font: { face, resource: '/F1' }, size: 10 };
});

/** The glyph ids of a line back as text (the subset maps each letter to one glyph). */
function text(hex: string): string {
  const reverse = new Map<number, string>();
  for (let cp = 0x20; cp < 0x500; cp++)
    if (face.glyph(cp) !== 0 && !reverse.has(face.glyph(cp))) {
      reverse.set(face.glyph(cp), String.fromCodePoint(cp));
    }
  return (hex.match(/.{4}/g) ?? []).map((g) => reverse.get(Number.parseInt(g, 16)) ?? '?').join('');
}

describe('text layout', () => {
  it('measures a string as the sum of its advance widths', () => {
    const width = (cp: number) => (face.advance(face.glyph(cp)) * 10) / face.unitsPerEm;
    expect(measure('әі', style)).toBeCloseTo(width(0x4d9) + width(0x456), 6);
    expect(measure('әі', { ...style, charSpacing: 2 })).toBeCloseTo(width(0x4d9) + width(0x456) + 4, 6);
  });

  it('breaks at spaces, never wider than the measure, and drops the space at the break', () => {
    const paragraph =
      'Осы анықтама төменде көрсетілген азаматтың жеке қосалқы шаруашылығы бар екенін растайды';
    const lines = wrap(paragraph, style, 150);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(150);
    const texts = lines.map((line) => text(line.hex));
    for (const line of texts) expect(line).toBe(line.trim());
    expect(texts.join(' ')).toBe(paragraph);
  });

  it('breaks a word longer than the line inside the word and loses no letter', () => {
    const token = 'A'.repeat(120);
    const lines = wrap(`URL ${token} end`, style, 100);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(100);
    // The rest of the word shares its last line with the next word.
    expect(lines.map((line) => text(line.hex)).join('')).toBe(`URL${token} end`);
    expect(text(lines[0]!.hex)).toBe('URL');
  });

  it('starts a new line at a line break and keeps empty lines', () => {
    expect(wrap('бір\n\nекі', style, 500).map((line) => text(line.hex))).toEqual(['бір', '', 'екі']);
  });

  it('breaks at a zero-width space without printing it', () => {
    const lines = wrap(`${'Ә'.repeat(12)}\u200b${'Ғ'.repeat(12)}`, style, measure('Ә'.repeat(13), style));
    expect(lines.map((line) => text(line.hex))).toEqual(['Ә'.repeat(12), 'Ғ'.repeat(12)]);
    expect(text(singleLine('a\u200bb', style).hex)).toBe('ab');
  });
});
