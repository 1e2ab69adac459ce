import { crc32, deflateSync } from 'node:zlib';
import qrcode from 'qrcode';

/** Quiet zone in modules (ISO 18004 asks for 4; the layout keeps more white space around the code). */
const QUIET_MODULES = 2;

/**
 * Image pixels per module. With whole pixels per module a viewer that smooths an enlarged image blurs at most a
 * quarter of a module; 4 gives ~190 dpi at 35 mm, enough for a 600 dpi printer to scale by whole dots.
 */
const PIXELS_PER_MODULE = 4;

/**
 * The QR code as a 1-bit greyscale PNG: `qrcode` computes the symbol, and the PNG is written here because a
 * 1-bit image without alpha goes into the PDF as it is (pdfkit copies its compressed rows), while the RGBA PNG
 * of `qrcode`'s own writer would have to be decoded and split into colour and alpha for every document.
 */
export function qrPng(text: string): Buffer {
  // Byte mode stated up front spares `qrcode` its search for the cheapest mix of modes; a URL with a base64url
  // payload gains nothing from it. Error correction M survives a fold or a stamp over ~15 % of the code.
  const { size, data } = qrcode.create([{ data: text, mode: 'byte' }], { errorCorrectionLevel: 'M' }).modules;
  const side = (size + 2 * QUIET_MODULES) * PIXELS_PER_MODULE;
  const rowBytes = Math.ceil(side / 8);
  // 1 = white in a greyscale image: start all white, clear the bits of dark modules.
  const raw = Buffer.alloc((rowBytes + 1) * side, 0xff);
  for (let y = 0; y < side; y++) raw[y * (rowBytes + 1)] = 0; // filter type "none"
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (data[row * size + col] !== 1) continue;
      const x0 = (col + QUIET_MODULES) * PIXELS_PER_MODULE;
      const y0 = (row + QUIET_MODULES) * PIXELS_PER_MODULE;
      for (let y = y0; y < y0 + PIXELS_PER_MODULE; y++) {
        const line = y * (rowBytes + 1) + 1;
        for (let x = x0; x < x0 + PIXELS_PER_MODULE; x++) {
          const at = line + (x >> 3);
          raw[at] = (raw[at] ?? 0) & ~(0x80 >> (x & 7));
        }
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, body: Buffer): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  body.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}
