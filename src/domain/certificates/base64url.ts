/**
 * Base64url without padding (RFC 4648 §5), by hand: the domain runs in the browser too, where `Buffer` does not
 * exist. Decoding is strict — one text per byte string — so a QR payload has exactly one spelling.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export function encodeBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    const chars = i + 1 >= bytes.length ? 2 : i + 2 >= bytes.length ? 3 : 4;
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** The bytes, or undefined for text that is not canonical unpadded base64url. */
export function decodeBase64url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const ch = chunk[k];
      const v = ch === undefined ? 0 : VALUE.get(ch);
      if (v === undefined) return undefined;
      n = (n << 6) | v;
    }
    const bytes = chunk.length - 1;
    // Bits below the last whole byte must be zero, or two texts would decode to the same bytes.
    if (bytes === 1 && (n & 0xffff) !== 0) return undefined;
    if (bytes === 2 && (n & 0xff) !== 0) return undefined;
    for (let k = 0; k < bytes; k++) out[o++] = (n >> (16 - 8 * k)) & 0xff;
  }
  return out;
}
