import qrcode from 'qrcode';

/**
 * The module matrix of a QR code, exactly as `qrcode` would make it (byte mode, error correction M: survives a
 * fold or a stamp over ~15 % of the code), without its slow part. `qrcode` picks the mask by laying each of the
 * eight patterns over the symbol and scoring it (ISO 18004, 7.8.3) through method calls per module: ~1.6 ms of a
 * certificate's ~2 ms QR. Here the symbol is built once with mask 0, and the eight candidates are scored with the
 * same rules and tie-breaking on the symbol packed 32 modules to a word, rows and columns alike, so the result is
 * the same symbol (see qr-matrix.test.ts, which also holds the module-by-module scoring this replaced).
 */
export interface QrMatrix {
  readonly size: number;
  /** 1 = dark, row by row. */
  readonly data: Uint8Array;
}

/** Error correction level M's format bits (ISO 18004 Table 12: M = 00). */
const LEVEL_M_BITS = 0b00;

export function qrMatrix(text: string): QrMatrix {
  const symbol = qrcode.create([{ data: text, mode: 'byte' }], { errorCorrectionLevel: 'M', maskPattern: 0 });
  const { size, data, reservedBit } = symbol.modules;
  const t = tablesFor(size, reservedBit);
  // Mask 0's candidate as the module-by-module scoring wrote it (its format bits included); every other
  // candidate differs from it by a fixed pattern of flips (t.flips), so it is scored from the packed words alone.
  const out = Uint8Array.from(data);
  setFormatInfo(out, size, 0);
  pack(out, size, t.words, t.rows, t.cols);

  let best = 0;
  let lowest = Number.POSITIVE_INFINITY;
  const lineWords = size * t.words;
  for (let p = 0; p < 8; p++) {
    const flipRows = t.flipRows[p]!;
    const flipCols = t.flipCols[p]!;
    for (let i = 0; i < lineWords; i++) {
      t.candRows[i] = t.rows[i]! ^ flipRows[i]!;
      t.candCols[i] = t.cols[i]! ^ flipCols[i]!;
    }
    const score = penaltyPacked(t.candRows, t.candCols, size, t.words, t.scratch);
    if (score < lowest) {
      lowest = score;
      best = p;
    }
  }
  const flips = t.flips[best]!;
  for (let i = 0; i < out.length; i++) out[i] = out[i]! ^ flips[i]!;
  return { size, data: out };
}

/** What scoring needs per symbol size, built once per size: the flips from mask 0 to each mask, and scratch. */
interface SizeTables {
  /** 32-bit words per row or column. */
  readonly words: number;
  /** Per mask, 1 where its candidate differs from mask 0's: data modules and format bits. */
  readonly flips: readonly Uint8Array[];
  readonly flipRows: readonly Int32Array[];
  readonly flipCols: readonly Int32Array[];
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  readonly candRows: Int32Array;
  readonly candCols: Int32Array;
  readonly scratch: Int32Array;
}

/** Sizes 21–177 (versions 1–40): at most 40 entries. */
const tableCache = new Map<number, SizeTables>();

function tablesFor(size: number, reserved: Uint8Array): SizeTables {
  const cached = tableCache.get(size);
  if (cached) return cached;
  const words = Math.ceil(size / 32);
  const masks = maskTables(size);
  const format0 = new Uint8Array(size * size);
  setFormatInfo(format0, size, 0);
  // Where the format bits go: a marker that setFormatInfo overwrites with 0 or 1.
  const isFormat = new Uint8Array(size * size).fill(2);
  setFormatInfo(isFormat, size, 0);
  const flips: Uint8Array[] = [];
  const flipRows: Int32Array[] = [];
  const flipCols: Int32Array[] = [];
  for (let p = 0; p < 8; p++) {
    const formatP = new Uint8Array(size * size);
    setFormatInfo(formatP, size, p);
    const flip = new Uint8Array(size * size);
    for (let i = 0; i < flip.length; i++) {
      if (isFormat[i] !== 2) flip[i] = format0[i]! ^ formatP[i]!;
      else if (reserved[i] === 0) flip[i] = masks[0]![i]! ^ masks[p]![i]!;
    }
    const rows = new Int32Array(size * words);
    const cols = new Int32Array(size * words);
    pack(flip, size, words, rows, cols);
    flips.push(flip);
    flipRows.push(rows);
    flipCols.push(cols);
  }
  const tables: SizeTables = {
    words,
    flips,
    flipRows,
    flipCols,
    rows: new Int32Array(size * words),
    cols: new Int32Array(size * words),
    candRows: new Int32Array(size * words),
    candCols: new Int32Array(size * words),
    scratch: new Int32Array(words),
  };
  tableCache.set(size, tables);
  return tables;
}

/** Bit c of row r's words and bit r of column c's words: module (r, c). */
export function pack(m: Uint8Array, size: number, words: number, rows: Int32Array, cols: Int32Array): void {
  rows.fill(0);
  cols.fill(0);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (m[r * size + c] === 0) continue;
      const row = r * words + (c >> 5);
      const col = c * words + (r >> 5);
      rows[row] = rows[row]! | (1 << (c & 31));
      cols[col] = cols[col]! | (1 << (r & 31));
    }
  }
}

/** For each pattern, 1 where the mask flips a module (row i, column j). */
function maskTables(size: number): Uint8Array[] {
  const rules: ((i: number, j: number) => boolean)[] = [
    (i, j) => (i + j) % 2 === 0,
    (i) => i % 2 === 0,
    (_, j) => j % 3 === 0,
    (i, j) => (i + j) % 3 === 0,
    (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
    (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
    (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
    (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
  ];
  return rules.map((rule) => {
    const table = new Uint8Array(size * size);
    for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) table[i * size + j] = rule(i, j) ? 1 : 0;
    return table;
  });
}

/** The 15 format bits: level and mask, BCH(15,5), XOR 101010000010010 (ISO 18004, 7.9). */
function formatBits(mask: number): number {
  const value = (LEVEL_M_BITS << 3) | mask;
  let rem = value << 10;
  const G15 = 0b10100110111;
  for (let bit = 14; bit >= 10; bit--) if ((rem >> bit) & 1) rem ^= G15 << (bit - 10);
  return ((value << 10) | rem) ^ 0b101010000010010;
}

/** Writes the format bits where `qrcode` writes them (both copies, and the dark module). */
function setFormatInfo(m: Uint8Array, size: number, mask: number): void {
  const bits = formatBits(mask);
  for (let i = 0; i < 15; i++) {
    const bit = (bits >> i) & 1;
    const row = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    m[row * size + 8] = bit;
    const col = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 15 - i - 1;
    m[8 * size + col] = bit;
  }
  m[(size - 8) * size + 8] = 1;
}

/**
 * ISO 18004 7.8.3.1 penalties N1–N4, computed as `qrcode` computes them, on packed lines: `rows` holds bit c of
 * row r at word r·words + c/32, `cols` the same symbol by columns. Bits past the symbol's edge are 0.
 */
export function penaltyPacked(
  rows: Int32Array,
  cols: Int32Array,
  size: number,
  words: number,
  scratch: Int32Array,
): number {
  let points = 0;
  let blocks = 0;
  let dark = 0;
  for (let line = 0; line < size; line++) {
    const at = line * words;
    points += linePenalty(rows, at, size, words, scratch) + linePenalty(cols, at, size, words, scratch);
    for (let i = 0; i < words; i++) dark += popcount(rows[at + i]!);
    // N2: 2×2 blocks of one colour, whose top-left module is in this row.
    if (line < size - 1) {
      const below = at + words;
      for (let i = 0; i < words; i++) {
        const top = rows[at + i]!;
        const topNext = i + 1 < words ? rows[at + i + 1]! : 0;
        const bottom = rows[below + i]!;
        const bottomNext = i + 1 < words ? rows[below + i + 1]! : 0;
        const vertical = ~(top ^ bottom); // module c of this row = module c of the next
        const verticalNext = ~(((top >>> 1) | (topNext << 31)) ^ ((bottom >>> 1) | (bottomNext << 31)));
        const horizontal = ~(top ^ ((top >>> 1) | (topNext << 31))); // module c = module c + 1
        blocks += popcount(vertical & verticalNext & horizontal & lowBits(size - 1 - 32 * i));
      }
    }
  }
  points += 3 * blocks;
  // N4: dark share away from 50 %.
  points += 10 * Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10);
  return points;
}

/**
 * N1 (runs of five or more: 3 + the length beyond five) and N3 (1:1:3:1:1 with four light modules on either
 * side, 40 each) of one line. A run of length L ≥ 5 holds L − 4 windows of five equal modules, and one of them
 * is its last, so its 3 + (L − 5) points are the windows plus twice the runs.
 */
function linePenalty(m: Int32Array, at: number, size: number, words: number, equal: Int32Array): number {
  // equal: bit c set when module c = module c + 1 (c ≤ size − 2).
  for (let i = 0; i < words; i++) {
    const cur = m[at + i]!;
    const next = i + 1 < words ? m[at + i + 1]! : 0;
    equal[i] = ~(cur ^ ((cur >>> 1) | (next << 31))) & lowBits(size - 1 - 32 * i);
  }
  let windows = 0;
  let runs = 0;
  let finders = 0;
  for (let i = 0; i < words; i++) {
    const e0 = equal[i]!;
    const en = i + 1 < words ? equal[i + 1]! : 0;
    const five = e0 & ((e0 >>> 1) | (en << 31)) & ((e0 >>> 2) | (en << 30)) & ((e0 >>> 3) | (en << 29));
    windows += popcount(five);
    runs += popcount(five & ~((e0 >>> 4) | (en << 28)));

    const cur = m[at + i]!;
    const next = i + 1 < words ? m[at + i + 1]! : 0;
    const s0 = cur;
    const s1 = (cur >>> 1) | (next << 31);
    const s2 = (cur >>> 2) | (next << 30);
    const s3 = (cur >>> 3) | (next << 29);
    const s4 = (cur >>> 4) | (next << 28);
    const s5 = (cur >>> 5) | (next << 27);
    const s6 = (cur >>> 6) | (next << 26);
    const s7 = (cur >>> 7) | (next << 25);
    const s8 = (cur >>> 8) | (next << 24);
    const s9 = (cur >>> 9) | (next << 23);
    const s10 = (cur >>> 10) | (next << 22);
    // Starting at module c: 1 0 1 1 1 0 1 0 0 0 0, or 0 0 0 0 1 0 1 1 1 0 1.
    const common = s4 & ~s5 & s6 & ~s9;
    const dark = s0 & ~s1 & s2 & s3 & ~s7 & ~s8 & ~s10;
    const light = ~s0 & ~s1 & ~s2 & ~s3 & s7 & s8 & s10;
    finders += popcount(common & (dark | light) & lowBits(size - 10 - 32 * i));
  }
  return windows + 2 * runs + 40 * finders;
}

/** The lowest `count` bits set (none when count ≤ 0, all 32 when count ≥ 32). */
function lowBits(count: number): number {
  return count <= 0 ? 0 : count >= 32 ? -1 : (1 << count) - 1;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
