import { forEachComponent, readCmap, readTableDirectory, writeFont } from './ttf-subset';

/**
 * One TrueType face, parsed once per process into the arrays that text layout and PDF embedding read: glyph ids
 * by code point, advance widths by glyph id, the vertical metrics and each glyph's outline bytes. Measuring a
 * string is then a sum over an array, and embedding the glyphs a document uses copies their bytes.
 */
export interface FontFace {
  /** The PostScript name (name ID 6), e.g. "DejaVuSans-Bold". */
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  /** hhea ascender and descender (descender negative), font units. */
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly xHeight: number;
  readonly bbox: readonly [number, number, number, number];
  readonly numGlyphs: number;
  /** The glyph for a code point, 0 (.notdef) when the face has none. */
  glyph(codePoint: number): number;
  /** Advance width of a glyph in font units. */
  advance(gid: number): number;
  /**
   * A TrueType file for a PDF: the same glyph ids (so text can be written with the glyph ids used for layout)
   * but outlines only for `used` and the glyphs their composites are built from.
   */
  embed(used: ReadonlySet<number>): Buffer;
}

export function parseFontFace(source: Buffer): FontFace {
  const tables = readTableDirectory(source);
  const table = (tag: string) => {
    const record = tables.get(tag);
    if (!record) throw new Error(`TrueType font has no '${tag}' table`);
    return source.subarray(record.offset, record.offset + record.length);
  };
  const head = table('head');
  const hhea = table('hhea');
  const maxp = table('maxp');
  const hmtx = table('hmtx');
  const loca = table('loca');
  const glyf = table('glyf');
  const os2 = tables.has('OS/2') ? table('OS/2') : undefined;

  const numGlyphs = maxp.readUInt16BE(4);
  const numberOfHMetrics = hhea.readUInt16BE(34);
  const advances = new Uint16Array(numGlyphs);
  for (let gid = 0; gid < numGlyphs; gid++) {
    advances[gid] = hmtx.readUInt16BE(4 * Math.min(gid, numberOfHMetrics - 1));
  }

  const longLoca = head.readInt16BE(50) === 1;
  const offsets = new Uint32Array(numGlyphs + 1);
  for (let gid = 0; gid <= numGlyphs; gid++) {
    offsets[gid] = longLoca ? loca.readUInt32BE(4 * gid) : loca.readUInt16BE(2 * gid) * 2;
  }
  const components = new Map<number, number[]>();
  for (let gid = 0; gid < numGlyphs; gid++) {
    const start = offsets[gid]!;
    if (offsets[gid + 1]! <= start) continue;
    const parts: number[] = [];
    forEachComponent(glyf, start, (_, component) => parts.push(component));
    if (parts.length > 0) components.set(gid, parts);
  }

  // Code points of the Basic Multilingual Plane in a flat array: one lookup per character while measuring.
  const lookup = readCmap(source, tables.get('cmap')!);
  const bmp = new Uint16Array(0x10000);
  for (let cp = 0; cp < 0x10000; cp++) bmp[cp] = lookup(cp);
  const glyph = (cp: number) => (cp < 0x10000 ? bmp[cp]! : lookup(cp));

  // Tables copied into every embedded file; head with a zero checksum adjustment, for writeFont to fill in.
  const fixedHead = Buffer.from(head);
  fixedHead.writeUInt32BE(0, 8);
  fixedHead.writeInt16BE(1, 50);
  const fixed = new Map<string, Buffer>([
    ['head', fixedHead],
    ['hhea', Buffer.from(hhea)],
    ['maxp', Buffer.from(maxp)],
    ['hmtx', Buffer.from(hmtx)],
  ]);

  return {
    postscriptName: postscriptName(source, tables) ?? 'DejaVuSans',
    unitsPerEm: head.readUInt16BE(18),
    ascent: hhea.readInt16BE(4),
    descent: hhea.readInt16BE(6),
    capHeight: os2 && os2.readUInt16BE(0) >= 2 ? os2.readInt16BE(88) : hhea.readInt16BE(4),
    xHeight: os2 && os2.readUInt16BE(0) >= 2 ? os2.readInt16BE(86) : 0,
    bbox: [head.readInt16BE(36), head.readInt16BE(38), head.readInt16BE(40), head.readInt16BE(42)],
    numGlyphs,
    glyph,
    advance: (gid) => advances[gid] ?? 0,
    embed: (used) => {
      const keep = new Set<number>([0]);
      const add = (gid: number) => {
        if (keep.has(gid) || gid >= numGlyphs) return;
        keep.add(gid);
        for (const part of components.get(gid) ?? []) add(part);
      };
      for (const gid of used) add(gid);
      const newLoca = Buffer.alloc(4 * (numGlyphs + 1));
      const pieces: Buffer[] = [];
      let length = 0;
      for (let gid = 0; gid < numGlyphs; gid++) {
        newLoca.writeUInt32BE(length, 4 * gid);
        if (!keep.has(gid)) continue;
        const bytes = glyf.subarray(offsets[gid]!, offsets[gid + 1]!);
        const padded =
          bytes.length % 4 === 0 ? bytes : Buffer.concat([bytes, Buffer.alloc(4 - (bytes.length % 4))]);
        pieces.push(padded);
        length += padded.length;
      }
      newLoca.writeUInt32BE(length, 4 * numGlyphs);
      return writeFont(new Map([...fixed, ['loca', newLoca], ['glyf', Buffer.concat(pieces, length)]]));
    },
  };
}

/** Name ID 6 from a Windows Unicode or Macintosh Roman record. */
function postscriptName(font: Buffer, tables: ReturnType<typeof readTableDirectory>): string | undefined {
  const name = tables.get('name');
  if (!name) return undefined;
  const count = font.readUInt16BE(name.offset + 2);
  const strings = name.offset + font.readUInt16BE(name.offset + 4);
  for (let i = 0; i < count; i++) {
    const at = name.offset + 6 + 12 * i;
    if (font.readUInt16BE(at + 6) !== 6) continue;
    const platform = font.readUInt16BE(at);
    const length = font.readUInt16BE(at + 8);
    const start = strings + font.readUInt16BE(at + 10);
    const bytes = font.subarray(start, start + length);
    if (platform === 3) return Buffer.from(bytes).swap16().toString('utf16le');
    if (platform === 1) return bytes.toString('latin1');
  }
  return undefined;
}
