import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_CODE_POINTS } from './fonts';
import { advanceWidth, subsetTrueType } from './ttf-subset';

const dir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
const regular = readFileSync(path.join(dir, 'DejaVuSans.ttf'));
const bold = readFileSync(path.join(dir, 'DejaVuSans-Bold.ttf'));

const tableTags = (font: Buffer) =>
  Array.from({ length: font.readUInt16BE(4) }, (_, i) => font.toString('latin1', 12 + 16 * i, 16 + 16 * i));

const wholeFileChecksum = (font: Buffer) => {
  let sum = 0;
  for (let i = 0; i < font.length; i += 4) sum = (sum + font.readUInt32BE(i)) >>> 0;
  return sum;
};

// every Kazakh letter must print; the subset is what certificates embed.
describe('subsetTrueType', () => {
  const subset = subsetTrueType(regular, DOCUMENT_CODE_POINTS);

  it('keeps every Kazakh, Russian and Latin letter with its original advance width', () => {
    const letters = 'ӘәҒғҚқҢңӨөҰұҮүҺһІі АаЁёЖжЩщЪъЫыЭэЮюЯя AaZz09«»—–№₸';
    for (const char of letters.replace(/\s/g, '')) {
      const cp = char.codePointAt(0)!;
      expect(subset.codePoints.has(cp), char).toBe(true);
      expect(advanceWidth(subset.font, cp), char).toBe(advanceWidth(regular, cp));
    }
  });

  it('has no glyph for characters outside the set', () => {
    for (const char of ['Ω', 'ქ', 'Հ', '中']) {
      expect(advanceWidth(subset.font, char.codePointAt(0)!), char).toBeUndefined();
      expect(subset.codePoints.has(char.codePointAt(0)!)).toBe(false);
    }
  });

  it('is a well-formed TrueType file without the layout and hinting tables', () => {
    expect(subset.font.readUInt32BE(0)).toBe(0x00010000);
    expect(subset.font.length % 4).toBe(0);
    // head.checkSumAdjustment makes the whole file sum to this magic number.
    expect(wholeFileChecksum(subset.font)).toBe(0xb1b0afba);
    const tags = tableTags(subset.font);
    expect(tags).toEqual([...tags].sort());
    for (const tag of ['cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'post', 'OS/2']) {
      expect(tags).toContain(tag);
    }
    for (const tag of ['GPOS', 'GSUB', 'kern', 'fpgm', 'prep', 'cvt ', 'hdmx'])
      expect(tags).not.toContain(tag);
    expect(subset.font.length).toBeLessThan(regular.length / 8);
  });

  it('keeps pair kerning only when asked', () => {
    expect(tableTags(subsetTrueType(regular, DOCUMENT_CODE_POINTS, { kerning: true }).font)).toContain(
      'kern',
    );
  });

  it('cuts the bold face to the same letters', () => {
    const boldSubset = subsetTrueType(bold, DOCUMENT_CODE_POINTS);
    expect([...boldSubset.codePoints].sort()).toEqual([...subset.codePoints].sort());
    const cp = 'Ә'.codePointAt(0)!;
    expect(advanceWidth(boldSubset.font, cp)).toBe(advanceWidth(bold, cp));
  });
});
