/**
 * A TrueType subsetter for the fonts the PDF renderer embeds. DejaVu Sans is 750 KB with ~6,000 glyphs and large
 * OpenType layout tables; reading those tables again for every document is most of what a certificate costs. The
 * renderer cuts each face down once per process to the letters its documents use (Kazakh and Russian Cyrillic,
 * Latin, digits, punctuation) and hands the small font to pdfmake, which subsets it again per document.
 *
 * Kept: glyph outlines (glyf, loca), metrics (head, hhea, hmtx, maxp, OS/2), names and a new cmap; with `kerning`,
 * the pairs of the legacy `kern` table. Dropped: GSUB/GPOS/GDEF/MATH (no script the documents print needs
 * OpenType shaping: every Kazakh letter is a precomposed code point), the per-glyph device tables (hdmx, LTSH,
 * VDMX) that would no longer match the glyph count, and the TrueType hinting (cvt, fpgm, prep, gasp and each
 * glyph's instructions): pdfkit copies and re-encodes those tables into every PDF byte by byte, and hinting only
 * matters for small text on low-resolution screens, not for print.
 */

export interface FontSubset {
  /** The subset font, a complete TrueType file. */
  readonly font: Buffer;
  /** The code points the subset can draw (those of the request the original font has a glyph for). */
  readonly codePoints: ReadonlySet<number>;
}

export interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

const COPIED_TABLES = ['OS/2', 'name'] as const;

export interface SubsetOptions {
  /** Keep the pair kerning of the `kern` table (default false: fontkit decodes the whole table per document). */
  readonly kerning?: boolean;
}

export function subsetTrueType(
  source: Uint8Array,
  wanted: Iterable<number>,
  options: SubsetOptions = {},
): FontSubset {
  const font = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  const tables = readTableDirectory(font);
  const table = (tag: string): TableRecord => {
    const record = tables.get(tag);
    if (!record) throw new Error(`TrueType font has no '${tag}' table`);
    return record;
  };

  const cmap = readCmap(font, table('cmap'));
  const head = table('head');
  const longLoca = font.readInt16BE(head.offset + 50) === 1;
  const loca = table('loca');
  const glyf = table('glyf');
  const numGlyphs = font.readUInt16BE(table('maxp').offset + 4);
  const glyphRange = (gid: number): [number, number] =>
    longLoca
      ? [font.readUInt32BE(loca.offset + 4 * gid), font.readUInt32BE(loca.offset + 4 * gid + 4)]
      : [font.readUInt16BE(loca.offset + 2 * gid) * 2, font.readUInt16BE(loca.offset + 2 * gid + 2) * 2];

  // Which glyphs: .notdef, every wanted character's glyph, and the components of composite glyphs.
  const covered = new Map<number, number>();
  for (const codePoint of wanted) {
    const gid = cmap(codePoint);
    if (gid > 0 && gid < numGlyphs) covered.set(codePoint, gid);
  }
  const keep = new Set<number>([0, ...covered.values()]);
  const pending = [...keep];
  while (pending.length > 0) {
    const gid = pending.pop()!;
    const [start, end] = glyphRange(gid);
    if (end <= start) continue;
    forEachComponent(font, glyf.offset + start, (_, component) => {
      if (!keep.has(component)) {
        keep.add(component);
        pending.push(component);
      }
    });
  }
  const oldIds = [...keep].sort((a, b) => a - b);
  const newId = new Map(oldIds.map((gid, index) => [gid, index]));

  // glyf + loca (long offsets), composite references renumbered.
  const glyphs: Buffer[] = [];
  const offsets: number[] = [0];
  let glyfLength = 0;
  for (const gid of oldIds) {
    const [start, end] = glyphRange(gid);
    let glyph: Buffer = Buffer.from(font.subarray(glyf.offset + start, glyf.offset + end));
    if (glyph.length > 0) {
      forEachComponent(glyph, 0, (at, component) => glyph.writeUInt16BE(newId.get(component)!, at));
      glyph = withoutInstructions(glyph);
    }
    const padded = pad4(glyph);
    glyphs.push(padded);
    glyfLength += padded.length;
    offsets.push(glyfLength);
  }
  const newLoca = Buffer.alloc(4 * offsets.length);
  offsets.forEach((offset, i) => {
    newLoca.writeUInt32BE(offset, 4 * i);
  });

  // hmtx with one full metric per glyph.
  const hhea = table('hhea');
  const hmtx = table('hmtx');
  const numberOfHMetrics = font.readUInt16BE(hhea.offset + 34);
  const newHmtx = Buffer.alloc(4 * oldIds.length);
  oldIds.forEach((gid, i) => {
    const metric = Math.min(gid, numberOfHMetrics - 1);
    const advance = font.readUInt16BE(hmtx.offset + 4 * metric);
    const lsb =
      gid < numberOfHMetrics
        ? font.readInt16BE(hmtx.offset + 4 * gid + 2)
        : font.readInt16BE(hmtx.offset + 4 * numberOfHMetrics + 2 * (gid - numberOfHMetrics));
    newHmtx.writeUInt16BE(advance, 4 * i);
    newHmtx.writeInt16BE(lsb, 4 * i + 2);
  });
  const newHhea = Buffer.from(font.subarray(hhea.offset, hhea.offset + hhea.length));
  newHhea.writeUInt16BE(oldIds.length, 34);

  const maxp = table('maxp');
  const newMaxp = Buffer.from(font.subarray(maxp.offset, maxp.offset + maxp.length));
  newMaxp.writeUInt16BE(oldIds.length, 4);

  const newHead = Buffer.from(font.subarray(head.offset, head.offset + head.length));
  newHead.writeUInt32BE(0, 8);
  newHead.writeInt16BE(1, 50);

  // post version 3: no glyph names, so nothing to renumber.
  const post = table('post');
  const newPost = Buffer.from(font.subarray(post.offset, post.offset + 32));
  newPost.writeUInt32BE(0x00030000, 0);

  const out = new Map<string, Buffer>([
    ['head', newHead],
    ['hhea', newHhea],
    ['maxp', newMaxp],
    ['hmtx', newHmtx],
    ['loca', newLoca],
    ['glyf', Buffer.concat(glyphs, glyfLength)],
    ['cmap', writeCmap(covered, newId)],
    ['post', newPost],
  ]);
  for (const tag of COPIED_TABLES) {
    const record = tables.get(tag);
    if (record) out.set(tag, Buffer.from(font.subarray(record.offset, record.offset + record.length)));
  }
  const kern = tables.get('kern');
  if (kern && options.kerning) {
    const subsetKern = writeKern(font, kern, newId);
    if (subsetKern) out.set('kern', subsetKern);
  }

  return { font: writeFont(out), codePoints: new Set(covered.keys()) };
}

/** The advance width (font units) of a code point's glyph, or undefined when the font has no glyph for it. */
export function advanceWidth(source: Uint8Array, codePoint: number): number | undefined {
  const font = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  const tables = readTableDirectory(font);
  const cmap = tables.get('cmap');
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  if (!cmap || !hhea || !hmtx) return undefined;
  const gid = readCmap(font, cmap)(codePoint);
  if (gid === 0) return undefined;
  const metric = Math.min(gid, font.readUInt16BE(hhea.offset + 34) - 1);
  return font.readUInt16BE(hmtx.offset + 4 * metric);
}

export function readTableDirectory(font: Buffer): Map<string, TableRecord> {
  const version = font.readUInt32BE(0);
  if (version !== 0x00010000 && version !== 0x74727565) throw new Error('Not a TrueType font');
  const tables = new Map<string, TableRecord>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    tables.set(font.toString('latin1', at, at + 4), {
      offset: font.readUInt32BE(at + 8),
      length: font.readUInt32BE(at + 12),
    });
  }
  return tables;
}

/** A code point → glyph lookup over the font's Unicode cmap (format 12 preferred, else format 4). */
export function readCmap(font: Buffer, cmap: TableRecord): (codePoint: number) => number {
  const count = font.readUInt16BE(cmap.offset + 2);
  let format4: number | undefined;
  let format12: number | undefined;
  for (let i = 0; i < count; i++) {
    const at = cmap.offset + 4 + 8 * i;
    const platform = font.readUInt16BE(at);
    const encoding = font.readUInt16BE(at + 2);
    const sub = cmap.offset + font.readUInt32BE(at + 4);
    const format = font.readUInt16BE(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && format === 12) format12 ??= sub;
    if (unicode && format === 4) format4 ??= sub;
  }
  if (format12 !== undefined) {
    const sub = format12;
    const groups = font.readUInt32BE(sub + 12);
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const at = sub + 16 + 12 * mid;
        const start = font.readUInt32BE(at);
        const end = font.readUInt32BE(at + 4);
        if (cp < start) hi = mid - 1;
        else if (cp > end) lo = mid + 1;
        else return font.readUInt32BE(at + 8) + (cp - start);
      }
      return 0;
    };
  }
  if (format4 !== undefined) {
    const sub = format4;
    const segX2 = font.readUInt16BE(sub + 6);
    const ends = sub + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const rangeOffsets = deltas + segX2;
    return (cp) => {
      if (cp > 0xffff) return 0;
      for (let s = 0; s < segX2; s += 2) {
        if (cp > font.readUInt16BE(ends + s)) continue;
        const start = font.readUInt16BE(starts + s);
        if (cp < start) return 0;
        const delta = font.readUInt16BE(deltas + s);
        const rangeOffset = font.readUInt16BE(rangeOffsets + s);
        if (rangeOffset === 0) return (cp + delta) & 0xffff;
        const gid = font.readUInt16BE(rangeOffsets + s + rangeOffset + 2 * (cp - start));
        return gid === 0 ? 0 : (gid + delta) & 0xffff;
      }
      return 0;
    };
  }
  throw new Error('TrueType font has no Unicode cmap');
}

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Calls back with the byte offset and glyph id of each component when the glyph at `start` is composite. */
export function forEachComponent(
  data: Buffer,
  start: number,
  visit: (at: number, gid: number) => void,
): void {
  if (data.readInt16BE(start) >= 0) return;
  let at = start + 10;
  for (;;) {
    const flags = data.readUInt16BE(at);
    visit(at + 2, data.readUInt16BE(at + 2));
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
    if (!(flags & MORE_COMPONENTS)) return;
  }
}

const WE_HAVE_INSTRUCTIONS = 0x0100;

/** The glyph with its hinting instructions removed (they would call functions of the dropped fpgm/cvt). */
function withoutInstructions(glyph: Buffer): Buffer {
  const contours = glyph.readInt16BE(0);
  if (contours >= 0) {
    const lengthAt = 10 + 2 * contours;
    const length = glyph.readUInt16BE(lengthAt);
    if (length === 0) return glyph;
    const out = Buffer.concat([glyph.subarray(0, lengthAt + 2), glyph.subarray(lengthAt + 2 + length)]);
    out.writeUInt16BE(0, lengthAt);
    return out;
  }
  let at = 10;
  for (;;) {
    const flags = glyph.readUInt16BE(at);
    glyph.writeUInt16BE(flags & ~WE_HAVE_INSTRUCTIONS, at);
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
    if (!(flags & MORE_COMPONENTS)) return glyph.subarray(0, at);
  }
}

/** A format 4 cmap (Windows Unicode BMP): one segment per run of consecutive code points and glyph ids. */
function writeCmap(covered: ReadonlyMap<number, number>, newId: ReadonlyMap<number, number>): Buffer {
  const entries = [...covered]
    .filter(([cp]) => cp <= 0xffff)
    .map(([cp, gid]) => [cp, newId.get(gid)!] as const)
    .sort((a, b) => a[0] - b[0]);
  const segments: { start: number; end: number; delta: number }[] = [];
  for (const [cp, gid] of entries) {
    const last = segments.at(-1);
    const delta = (gid - cp) & 0xffff;
    if (last && last.end === cp - 1 && last.delta === delta) last.end = cp;
    else segments.push({ start: cp, end: cp, delta });
  }
  segments.push({ start: 0xffff, end: 0xffff, delta: 1 });

  const segCount = segments.length;
  const entrySelector = Math.floor(Math.log2(segCount));
  const searchRange = 2 * 2 ** entrySelector;
  const subLength = 16 + 8 * segCount;
  const table = Buffer.alloc(12 + subLength);
  table.writeUInt16BE(0, 0); // version
  table.writeUInt16BE(1, 2); // one subtable
  table.writeUInt16BE(3, 4); // Windows
  table.writeUInt16BE(1, 6); // Unicode BMP
  table.writeUInt32BE(12, 8);
  const sub = 12;
  table.writeUInt16BE(4, sub);
  table.writeUInt16BE(subLength, sub + 2);
  table.writeUInt16BE(0, sub + 4);
  table.writeUInt16BE(2 * segCount, sub + 6);
  table.writeUInt16BE(searchRange, sub + 8);
  table.writeUInt16BE(entrySelector, sub + 10);
  table.writeUInt16BE(2 * segCount - searchRange, sub + 12);
  const ends = sub + 14;
  const starts = ends + 2 * segCount + 2;
  const deltas = starts + 2 * segCount;
  segments.forEach((segment, i) => {
    table.writeUInt16BE(segment.end, ends + 2 * i);
    table.writeUInt16BE(segment.start, starts + 2 * i);
    table.writeUInt16BE(segment.delta, deltas + 2 * i);
    // idRangeOffset stays 0: every segment maps by delta.
  });
  return table;
}

/** The kept pairs of a version 0 `kern` table with one horizontal format 0 subtable, or undefined. */
function writeKern(font: Buffer, kern: TableRecord, newId: ReadonlyMap<number, number>): Buffer | undefined {
  if (font.readUInt16BE(kern.offset) !== 0 || font.readUInt16BE(kern.offset + 2) < 1) return undefined;
  const sub = kern.offset + 4;
  const coverage = font.readUInt16BE(sub + 4);
  if (coverage >> 8 !== 0 || (coverage & 0x0001) === 0) return undefined;
  const pairs: [number, number, number][] = [];
  const count = font.readUInt16BE(sub + 6);
  for (let i = 0; i < count; i++) {
    const at = sub + 14 + 6 * i;
    const left = newId.get(font.readUInt16BE(at));
    const right = newId.get(font.readUInt16BE(at + 2));
    if (left !== undefined && right !== undefined) pairs.push([left, right, font.readInt16BE(at + 4)]);
  }
  if (pairs.length === 0) return undefined;
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const entrySelector = Math.floor(Math.log2(pairs.length));
  const searchRange = 6 * 2 ** entrySelector;
  const table = Buffer.alloc(4 + 14 + 6 * pairs.length);
  table.writeUInt16BE(0, 0);
  table.writeUInt16BE(1, 2);
  table.writeUInt16BE(0, 4);
  table.writeUInt16BE(14 + 6 * pairs.length, 6);
  table.writeUInt16BE(coverage, 8);
  table.writeUInt16BE(pairs.length, 10);
  table.writeUInt16BE(searchRange, 12);
  table.writeUInt16BE(entrySelector, 14);
  table.writeUInt16BE(6 * pairs.length - searchRange, 16);
  pairs.forEach(([left, right, value], i) => {
    const at = 18 + 6 * i;
    table.writeUInt16BE(left, at);
    table.writeUInt16BE(right, at + 2);
    table.writeInt16BE(value, at + 4);
  });
  return table;
}

/** A TrueType file from its tables: directory sorted by tag, 4-byte aligned, checksums and head adjustment set. */
export function writeFont(tables: ReadonlyMap<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  const entrySelector = Math.floor(Math.log2(count));
  const searchRange = 16 * 2 ** entrySelector;
  const header = Buffer.alloc(12 + 16 * count);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(16 * count - searchRange, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const at = 12 + 16 * i;
    header.write(tag, at, 'latin1');
    header.writeUInt32BE(checksum(data), at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(data.length, at + 12);
    const padded = pad4(data);
    bodies.push(padded);
    offset += padded.length;
  });
  const file = Buffer.concat([header, ...bodies]);
  const headAt = header.readUInt32BE(12 + 16 * tags.indexOf('head') + 8);
  file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headAt + 8);
  return file;
}

function checksum(data: Buffer): number {
  const padded = pad4(data);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

function pad4(data: Buffer): Buffer {
  const extra = (4 - (data.length % 4)) % 4;
  return extra === 0 ? data : Buffer.concat([data, Buffer.alloc(extra)]);
}
