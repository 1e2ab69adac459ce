import qrcode from 'qrcode';
import type { QrMatrix } from './qr-matrix';

/**
 * The mask choice of qr-matrix.ts as it was before the penalty was scored on packed bits (commit c2de804): one
 * byte per module, every candidate written out and scored module by module. Kept for the tests only, as the
 * reference the faster scoring must agree with, score for score and symbol for symbol.
 */

/** Error correction level M's format bits (ISO 18004 Table 12: M = 00). */
const LEVEL_M_BITS = 0b00;

export function qrMatrixReference(text: string): QrMatrix {
  const symbol = qrcode.create([{ data: text, mode: 'byte' }], { errorCorrectionLevel: 'M', maskPattern: 0 });
  const { size, data, reservedBit } = symbol.modules;
  const masks = maskTables(size);
  // The data modules without a mask: undo mask 0 where the modules are not reserved (finders, timing, format…).
  const unmasked = Uint8Array.from(data);
  const mask0 = masks[0]!;
  for (let i = 0; i < unmasked.length; i++) if (reservedBit[i] === 0) unmasked[i] = unmasked[i]! ^ mask0[i]!;

  let best: Uint8Array | undefined;
  let lowest = Number.POSITIVE_INFINITY;
  const candidate = new Uint8Array(unmasked.length);
  for (let p = 0; p < 8; p++) {
    const mask = masks[p]!;
    for (let i = 0; i < candidate.length; i++) {
      candidate[i] = reservedBit[i] === 0 ? unmasked[i]! ^ mask[i]! : unmasked[i]!;
    }
    setFormatInfo(candidate, size, p);
    const score = penaltyReference(candidate, size);
    if (score < lowest) {
      lowest = score;
      best = Uint8Array.from(candidate);
    }
  }
  return { size, data: best! };
}

const referenceMaskCache = new Map<number, Uint8Array[]>();

/** For each pattern, 1 where the mask flips a module (row i, column j). */
function maskTables(size: number): Uint8Array[] {
  let tables = referenceMaskCache.get(size);
  if (tables) return tables;
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
  tables = rules.map((rule) => {
    const table = new Uint8Array(size * size);
    for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) table[i * size + j] = rule(i, j) ? 1 : 0;
    return table;
  });
  referenceMaskCache.set(size, tables);
  return tables;
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

/** ISO 18004 7.8.3.1 penalties N1–N4, computed as `qrcode` computes them. */
export function penaltyReference(m: Uint8Array, size: number): number {
  let points = 0;
  // N1 (runs of five or more) and N3 (finder-like 1:1:3:1:1 with four light modules), rows and columns.
  for (let a = 0; a < size; a++) {
    let runRow = 0;
    let runCol = 0;
    let lastRow = -1;
    let lastCol = -1;
    let bitsRow = 0;
    let bitsCol = 0;
    for (let b = 0; b < size; b++) {
      const inRow = m[a * size + b]!;
      const inCol = m[b * size + a]!;
      if (inRow === lastRow) runRow++;
      else {
        if (runRow >= 5) points += 3 + (runRow - 5);
        lastRow = inRow;
        runRow = 1;
      }
      if (inCol === lastCol) runCol++;
      else {
        if (runCol >= 5) points += 3 + (runCol - 5);
        lastCol = inCol;
        runCol = 1;
      }
      bitsRow = ((bitsRow << 1) & 0x7ff) | inRow;
      bitsCol = ((bitsCol << 1) & 0x7ff) | inCol;
      if (b >= 10) {
        if (bitsRow === 0x5d0 || bitsRow === 0x05d) points += 40;
        if (bitsCol === 0x5d0 || bitsCol === 0x05d) points += 40;
      }
    }
    if (runRow >= 5) points += 3 + (runRow - 5);
    if (runCol >= 5) points += 3 + (runCol - 5);
  }
  // N2: 2×2 blocks of one colour.
  let blocks = 0;
  for (let row = 0; row < size - 1; row++) {
    for (let col = 0; col < size - 1; col++) {
      const at = row * size + col;
      const sum = m[at]! + m[at + 1]! + m[at + size]! + m[at + size + 1]!;
      if (sum === 4 || sum === 0) blocks++;
    }
  }
  points += 3 * blocks;
  // N4: dark share away from 50 %.
  let dark = 0;
  for (let i = 0; i < m.length; i++) dark += m[i]!;
  points += 10 * Math.abs(Math.ceil((dark * 100) / m.length / 5) - 10);
  return points;
}
