/**
 * Text decoding for uploaded CSV files (issue 4, "Bad input": "a file in cp1251 when UTF-8 is expected —
 * detect and convert, or say so"). Excel in Russian and Kazakh Windows locales saves "CSV (разделители —
 * запятые)" in the ANSI code page, which is windows-1251 for both ru-RU and kk-KZ; "CSV UTF-8" and our own
 * export are UTF-8 with a BOM; "Unicode text" is UTF-16LE with a BOM.
 */

export type DecodedText =
  | { readonly ok: true; readonly text: string; readonly encoding: string; readonly bom: boolean }
  | {
      readonly ok: false;
      readonly reason: 'not-utf8';
      /** 1-based line of the first byte that is not UTF-8. */
      readonly line: number;
      /** What the bytes most likely are, when recognisable. */
      readonly detected?: 'windows-1251';
    };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/** The UTF-16 byte order marks Excel's "Unicode text" starts with; such files hold NUL bytes, so they are tested first. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return undefined;
}

/**
 * Bytes → text. UTF-8 (BOM stripped) when valid; otherwise windows-1251 when the bytes look like Cyrillic
 * text in it, unless `strictUtf8` asks to refuse rather than convert.
 */
export function decodeText(bytes: Uint8Array, strictUtf8 = false): DecodedText {
  const utf16 = utf16Bom(bytes);
  if (utf16 !== undefined) {
    return { ok: true, text: new TextDecoder(utf16).decode(bytes.subarray(2)), encoding: utf16, bom: true };
  }
  const bom = startsWith(bytes, UTF8_BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', bom };
  } catch {
    // not UTF-8: find where, then see whether it is the Windows Cyrillic code page
  }
  const line = firstBadUtf8Line(body);
  // A file that announces UTF-8 with a BOM and then breaks it is damaged, not cp1251.
  if (bom || !looksLikeCp1251(body)) return { ok: false, reason: 'not-utf8', line };
  if (strictUtf8) return { ok: false, reason: 'not-utf8', line, detected: 'windows-1251' };
  return {
    ok: true,
    text: new TextDecoder('windows-1251').decode(body),
    encoding: 'windows-1251',
    bom: false,
  };
}

function firstBadUtf8Line(bytes: Uint8Array): number {
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const at = lossy.indexOf('\uFFFD');
  let line = 1;
  for (let i = 0; i < at; i++) if (lossy.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * cp1251 puts А–я at 0xC0–0xFF and Ё ё І і (and the other Cyrillic extras) in 0xA0–0xBF; typographic marks
 * (« » – — № …) sit in 0x80–0xBF. Text in another 8-bit code page (cp866, latin-1 with accents) or binary
 * data puts many high bytes elsewhere. The share is a heuristic, deliberately strict: a wrong guess would
 * put garbled names into a state register, a refusal only asks the person to save as "CSV UTF-8".
 */
function looksLikeCp1251(bytes: Uint8Array): boolean {
  const table = cp1251Table();
  let high = 0;
  let letters = 0;
  let plausible = 0;
  for (const b of bytes) {
    if (b < 0x80) continue;
    high++;
    const kind = table[b - 0x80];
    if (kind === LETTER) {
      letters++;
      plausible++;
    } else if (kind === MARK) plausible++;
  }
  return letters > 0 && plausible >= high * 0.95;
}

const OTHER = 0;
const LETTER = 1;
const MARK = 2;
let table: Uint8Array | undefined;

function cp1251Table(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(128);
  const decoder = new TextDecoder('windows-1251');
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    t[b - 0x80] = /\p{Script=Cyrillic}/u.test(ch) ? LETTER : /[«»–—№…“”„‘’•°\u00a0]/.test(ch) ? MARK : OTHER;
  }
  table = t;
  return t;
}

/**
 * Kazakh letters (ә ғ қ ң ө ұ ү һ) have no place in cp1251: Excel writes "?" for them. A "?" touching a
 * Cyrillic letter is that loss; the row of the first one tells the person where to look.
 */
export function lostLetters(
  rows: readonly (readonly string[])[],
): { line: number; count: number } | undefined {
  const re = /\p{Script=Cyrillic}\?|\?\p{Script=Cyrillic}/gu;
  let line = 0;
  let count = 0;
  rows.forEach((row, i) => {
    for (const cell of row) {
      const n = cell.includes('?') ? [...cell.matchAll(re)].length : 0;
      if (n > 0 && line === 0) line = i + 1;
      count += n;
    }
  });
  return count === 0 ? undefined : { line, count };
}
