import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { subsetTrueType } from './ttf-subset';

/** One face pair (regular, bold) as TrueType files in memory. */
export interface FontFaces {
  readonly normal: Buffer;
  readonly bold: Buffer;
}

export interface DocumentFonts {
  /** The whole DejaVu Sans: ~6,000 glyphs, every script DejaVu covers. */
  readonly full: FontFaces;
  /** DejaVu Sans cut down to the letters documents use (see DOCUMENT_CODE_POINTS). */
  readonly subset: FontFaces;
  /** Whether the subset draws every character of a text (both faces cover the same code points). */
  covers(text: string): boolean;
}

const ranges = (...spans: readonly (readonly [number, number?])[]): number[] =>
  spans.flatMap(([from, to = from]) => Array.from({ length: to - from + 1 }, (_, i) => from + i));

/**
 * What certificates, refusals and receipts print: Kazakh and Russian Cyrillic (the whole Cyrillic block, which
 * holds ә ғ қ ң ө ұ ү һ і), Latin with Latin-1 and Latin Extended-A (names written in Latin, e-mail addresses,
 * URLs), digits, and the punctuation and signs of Kazakh and Russian typography (« » „ “ — – № ₸ § °). About
 * 560 glyphs of DejaVu's 6,000; anything else falls back to the whole font (see `covers`).
 */
export const DOCUMENT_CODE_POINTS: readonly number[] = ranges(
  [0x0020, 0x007e],
  [0x00a0, 0x017f],
  [0x018f],
  [0x0259],
  [0x0218, 0x021b],
  [0x02b9, 0x02bc],
  [0x02c6],
  [0x02dc],
  [0x0400, 0x04ff],
  [0x2009, 0x200b],
  [0x2010, 0x2027],
  [0x202f],
  [0x2030, 0x203a],
  [0x20ac],
  [0x20b8],
  [0x2116],
  [0x2122],
  [0x2212],
  [0x2248],
  [0x2260],
  [0x2264, 0x2265],
);

function dejavuDirectory(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

/** Reads DejaVu Sans and Sans Bold from the `dejavu-fonts-ttf` package and cuts their subsets; once per process. */
export async function loadDocumentFonts(): Promise<DocumentFonts> {
  const dir = dejavuDirectory();
  const [normal, bold] = await Promise.all([
    readFile(path.join(dir, 'DejaVuSans.ttf')),
    readFile(path.join(dir, 'DejaVuSans-Bold.ttf')),
  ]);
  const normalSubset = subsetTrueType(normal, DOCUMENT_CODE_POINTS);
  const boldSubset = subsetTrueType(bold, DOCUMENT_CODE_POINTS);
  const drawable = new Set([...normalSubset.codePoints].filter((cp) => boldSubset.codePoints.has(cp)));
  // Line breaks and tabs are layout, not glyphs.
  for (const cp of [0x09, 0x0a, 0x0d]) drawable.add(cp);
  // Asked of every string of every document: a table of the Basic Multilingual Plane, read by code unit.
  const drawableBmp = new Uint8Array(0x10000);
  for (const cp of drawable) if (cp < 0x10000) drawableBmp[cp] = 1;
  return {
    full: { normal, bold },
    subset: { normal: normalSubset.font, bold: boldSubset.font },
    covers: (text) => {
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        if (unit >= 0xd800 && unit <= 0xdfff) {
          // A surrogate: the code point it starts (or the lone surrogate itself), as iterating the string gives.
          const cp = text.codePointAt(i)!;
          if (!drawable.has(cp)) return false;
          if (cp > 0xffff) i++;
        } else if (drawableBmp[unit] === 0) return false;
      }
      return true;
    },
  };
}
