import type { FontFace } from './font-face';
import { hex4 } from './font-program';

/**
 * Text as glyph ids, measured with the face's advance widths and broken into lines: at spaces (and zero-width
 * spaces), and inside a word only when the word alone is wider than the line. No shaping, no kerning: every
 * letter the documents print is one precomposed code point with one glyph.
 */

/** A face as a content stream names it (/F1, /F2), with the glyph ids a document used (for the fallback font). */
export interface LayoutFont {
  readonly face: FontFace;
  readonly resource: string;
  readonly used?: Set<number>;
}

export interface TextStyle {
  readonly font: LayoutFont;
  readonly size: number;
  /** Extra space after every glyph, points (PDF Tc). */
  readonly charSpacing?: number;
}

export interface TextLine {
  /** The glyph ids as a PDF hex string body. */
  readonly hex: string;
  /** Points, including character spacing. */
  readonly width: number;
}

const SPACE = 0x20;
const TAB = 0x09;
const ZWSP = 0x200b;

interface Word {
  readonly gids: number[];
  readonly width: number;
  /** A space precedes the word (false after a zero-width break). */
  readonly spaced: boolean;
}

/** Glyph ids and advance widths of a run without breaks. */
function glyphsOf(text: string, style: TextStyle): { gids: number[]; widths: number[] } {
  const { face, used } = style.font;
  const scale = style.size / face.unitsPerEm;
  const spacing = style.charSpacing ?? 0;
  const gids: number[] = [];
  const widths: number[] = [];
  for (const char of text) {
    const gid = face.glyph(char.codePointAt(0)!);
    gids.push(gid);
    widths.push(face.advance(gid) * scale + spacing);
    used?.add(gid);
  }
  return { gids, widths };
}

export function measure(text: string, style: TextStyle): number {
  let width = 0;
  for (const w of glyphsOf(text, style).widths) width += w;
  return width;
}

/** The width of the longest unbreakable word (the narrowest a column can be without breaking inside words). */
export function longestWord(text: string, style: TextStyle): number {
  let longest = 0;
  for (const word of words(text, style)) longest = Math.max(longest, word.width);
  return longest;
}

function words(text: string, style: TextStyle): Word[] {
  const out: Word[] = [];
  const { face } = style.font;
  const scale = style.size / face.unitsPerEm;
  const spacing = style.charSpacing ?? 0;
  let gids: number[] = [];
  let width = 0;
  let spaced = false;
  let pendingSpace = false;
  const flush = () => {
    if (gids.length > 0) out.push({ gids, width, spaced });
    gids = [];
    width = 0;
  };
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp === SPACE || cp === TAB) {
      flush();
      pendingSpace = true;
      continue;
    }
    if (cp === ZWSP) {
      flush();
      continue;
    }
    if (gids.length === 0) {
      spaced = pendingSpace;
      pendingSpace = false;
    }
    const gid = face.glyph(cp);
    gids.push(gid);
    width += face.advance(gid) * scale + spacing;
  }
  flush();
  return out;
}

/** Breaks text into lines no wider than `maxWidth`; a line break in the text starts a new line. */
export function wrap(text: string, style: TextStyle, maxWidth: number): TextLine[] {
  const lines: TextLine[] = [];
  const { face, used } = style.font;
  const scale = style.size / face.unitsPerEm;
  const spacing = style.charSpacing ?? 0;
  const space = face.glyph(SPACE);
  const spaceWidth = face.advance(space) * scale + spacing;
  for (const paragraph of text.split(/\r?\n/)) {
    let line: number[] = [];
    let lineWidth = 0;
    const emit = () => {
      lines.push(toLine(line, lineWidth, used));
      line = [];
      lineWidth = 0;
    };
    for (const word of words(paragraph, style)) {
      const gap = line.length > 0 && word.spaced ? spaceWidth : 0;
      if (line.length > 0 && lineWidth + gap + word.width > maxWidth) emit();
      if (line.length > 0 && word.spaced) {
        line.push(space);
        lineWidth += spaceWidth;
      }
      if (line.length === 0 && word.width > maxWidth) {
        // A word wider than the line (a URL, a token): as many letters as fit, then the rest on the next lines.
        for (const gid of word.gids) {
          const w = face.advance(gid) * scale + spacing;
          if (line.length > 0 && lineWidth + w > maxWidth) emit();
          line.push(gid);
          lineWidth += w;
        }
        continue;
      }
      line.push(...word.gids);
      lineWidth += word.width;
    }
    if (line.length > 0 || lines.length === 0 || paragraph === '') emit();
  }
  return lines;
}

/** One line without wrapping. */
export function singleLine(text: string, style: TextStyle): TextLine {
  const { gids, widths } = glyphsOf(text.replace(/\u200b/g, ''), style);
  let width = 0;
  for (const w of widths) width += w;
  return toLine(gids, width, style.font.used);
}

function toLine(gids: readonly number[], width: number, used: Set<number> | undefined): TextLine {
  let hex = '';
  for (const gid of gids) {
    hex += hex4(gid);
    used?.add(gid);
  }
  return { hex, width };
}
