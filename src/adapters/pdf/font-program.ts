import { deflateSync } from 'node:zlib';
import type { FontFace } from './font-face';
import type { PdfObjects } from './pdf-writer';

/**
 * A TrueType face as PDF objects (ISO 32000-1, 9.7): a Type0 font with Identity-H encoding over a CIDFontType2
 * whose CIDs are the glyph ids (CIDToGIDMap Identity), so a content stream writes text as four-hex-digit glyph
 * ids; a W array with the advance widths; a ToUnicode CMap, so copying and pdftotext give back the letters; and
 * the font file, deflated.
 */

/** Objects per face: Type0, CIDFont, FontDescriptor, FontFile2, ToUnicode. The Type0 font is the first. */
export const FONT_OBJECTS = 5;

/** Glyph id → the code point it draws (the lowest code point when several share a glyph, e.g. space and NBSP). */
export function glyphCodePoints(face: FontFace): Map<number, number> {
  const map = new Map<number, number>();
  for (let cp = 0x20; cp < 0x10000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const gid = face.glyph(cp);
    if (gid !== 0 && !map.has(gid)) map.set(gid, cp);
  }
  return map;
}

export interface FontObjectsInput {
  readonly face: FontFace;
  /** The TrueType file to embed (the face itself or a cut of it with the same glyph ids). */
  readonly file: Buffer;
  /** The glyph ids the document may draw, ascending; their widths go into W and their letters into ToUnicode. */
  readonly glyphs: readonly number[];
  readonly unicode: ReadonlyMap<number, number>;
  /** Six capital letters naming the subset ("AAAAAA"), different per face of one document. */
  readonly tag: string;
}

/** Writes the five objects of one face from object number `first` (the Type0 font). */
export function writeFontObjects(objects: PdfObjects, first: number, input: FontObjectsInput): void {
  const { face, glyphs } = input;
  const scale = 1000 / face.unitsPerEm;
  const s = (units: number) => Math.round(units * scale);
  const name = `/${input.tag}+${face.postscriptName}`;
  const [type0, cidFont, descriptor, file, toUnicode] = [first, first + 1, first + 2, first + 3, first + 4];

  objects.object(
    type0,
    `<< /Type /Font /Subtype /Type0 /BaseFont ${name} /Encoding /Identity-H ` +
      `/DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
  );
  objects.object(
    cidFont,
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont ${name} ` +
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ' +
      `/FontDescriptor ${descriptor} 0 R /CIDToGIDMap /Identity /DW 1000 /W ${widths(face, glyphs, s)} >>`,
  );
  const [x0, y0, x1, y1] = face.bbox;
  objects.object(
    descriptor,
    `<< /Type /FontDescriptor /FontName ${name} /Flags 32 /FontBBox [${s(x0)} ${s(y0)} ${s(x1)} ${s(y1)}] ` +
      `/ItalicAngle 0 /Ascent ${s(face.ascent)} /Descent ${s(face.descent)} /CapHeight ${s(face.capHeight)} ` +
      `/XHeight ${s(face.xHeight)} /StemV 80 /FontFile2 ${file} 0 R >>`,
  );
  objects.stream(file, ` /Filter /FlateDecode /Length1 ${input.file.length}`, deflateSync(input.file));
  objects.stream(toUnicode, ' /Filter /FlateDecode', deflateSync(toUnicodeCMap(glyphs, input.unicode)));
}

/** `[first [w w w …] first [w …]]` over runs of consecutive glyph ids. */
function widths(face: FontFace, glyphs: readonly number[], s: (units: number) => number): string {
  let out = '[';
  let runEnd = -2;
  for (const gid of glyphs) {
    if (gid !== runEnd + 1) out += `${runEnd >= 0 ? ']' : ''} ${gid} [`;
    else out += ' ';
    out += s(face.advance(gid));
    runEnd = gid;
  }
  return `${out}${runEnd >= 0 ? ']' : ''}]`;
}

function toUnicodeCMap(glyphs: readonly number[], unicode: ReadonlyMap<number, number>): Buffer {
  const entries: string[] = [];
  for (const gid of glyphs) {
    const cp = unicode.get(gid);
    if (cp === undefined) continue;
    entries.push(`<${hex4(gid)}> <${utf16Hex(cp)}>`);
  }
  let body = '';
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    body += `${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar\n`;
  }
  return Buffer.from(
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n' +
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
      '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n' +
      '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n' +
      `${body}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n`,
    'latin1',
  );
}

/** Four hex digits; the glyph ids of DejaVu Sans (~6,000) come from a table. */
const HEX4 = Array.from({ length: 0x2000 }, (_, n) => n.toString(16).padStart(4, '0'));
export const hex4 = (n: number) => HEX4[n] ?? n.toString(16).padStart(4, '0');

function utf16Hex(cp: number): string {
  if (cp < 0x10000) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
}
