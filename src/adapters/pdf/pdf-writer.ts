/**
 * The bytes of a PDF file: numbered objects, streams, the cross-reference table and the trailer (ISO 32000-1,
 * 7.5). Nothing here knows about documents or fonts; the layout hands it finished object bodies.
 */

/** Objects serialised in a row, with each object's offset from the start of the block. */
export interface ObjectBlock {
  readonly bytes: Buffer;
  /** [object number, offset in `bytes`] */
  readonly offsets: readonly (readonly [number, number])[];
}

/** Collects objects; usable for a whole file or for a block prepared once and copied into many files. */
export class PdfObjects {
  private readonly parts: Buffer[] = [];
  private length = 0;
  private readonly offsets: [number, number][] = [];

  /** An object whose body is PDF syntax in ASCII ("<< /Type /Page … >>"). */
  object(num: number, body: string): void {
    this.offsets.push([num, this.length]);
    this.push(Buffer.from(`${num} 0 obj\n${body}\nendobj\n`, 'latin1'));
  }

  /** A stream object; `dict` is the inside of the dictionary without /Length. */
  stream(num: number, dict: string, data: Buffer): void {
    this.offsets.push([num, this.length]);
    this.push(Buffer.from(`${num} 0 obj\n<<${dict} /Length ${data.length}>>\nstream\n`, 'latin1'));
    this.push(data);
    this.push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  }

  /** Copies a prepared block (its objects keep their numbers). */
  block(block: ObjectBlock): void {
    for (const [num, offset] of block.offsets) this.offsets.push([num, this.length + offset]);
    this.push(block.bytes);
  }

  toBlock(): ObjectBlock {
    return { bytes: Buffer.concat(this.parts, this.length), offsets: this.offsets };
  }

  /**
   * The whole file: header, the objects, xref and trailer. Object numbers must run from 1 without gaps.
   * `trailer` is the inside of the trailer dictionary without /Size.
   */
  toFile(trailer: string): Buffer {
    const header = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
    const byNumber = new Array<number>(this.offsets.length + 1);
    for (const [num, offset] of this.offsets) byNumber[num] = header.length + offset;
    const start = header.length + this.length;
    let xref = `xref\n0 ${byNumber.length}\n0000000000 65535 f \n`;
    for (let num = 1; num < byNumber.length; num++) {
      const offset = byNumber[num];
      if (offset === undefined) throw new Error(`PDF object ${num} missing`);
      xref += `${String(offset).padStart(10, '0')} 00000 n \n`;
    }
    xref += `trailer\n<< /Size ${byNumber.length} ${trailer} >>\nstartxref\n${start}\n%%EOF\n`;
    return Buffer.concat([header, ...this.parts, Buffer.from(xref, 'latin1')]);
  }

  private push(part: Buffer): void {
    this.parts.push(part);
    this.length += part.length;
  }
}

/** A text string for the document information dictionary: UTF-16BE with a byte order mark, as a hex string. */
export function pdfTextString(text: string): string {
  let hex = '<FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `${hex}>`;
}

/** A number in content-stream syntax: at most two decimals, no trailing zeros ("12.5", "3"). */
export function num(x: number): string {
  const hundredths = Math.round(x * 100);
  // Written from the integer of hundredths: the same digits as String(hundredths / 100) (a decimal of at most
  // 15 digits is the shortest form of its double), without converting a fraction for each of the ≈ 700 numbers
  // of a page. NaN, infinities and huge values take the general way.
  if (!(hundredths > -1e15 && hundredths < 1e15)) return numGeneral(x);
  if (hundredths === 0) return '0';
  const abs = hundredths < 0 ? -hundredths : hundredths;
  const whole = Math.floor(abs / 100);
  const cents = abs - whole * 100;
  const sign = hundredths < 0 ? '-' : '';
  if (cents === 0) return `${sign}${whole}`;
  if (cents % 10 === 0) return `${sign}${whole}.${cents / 10}`;
  return `${sign}${whole}.${cents < 10 ? '0' : ''}${cents}`;
}

/** num as String() writes it (the reference of the fast way, and its fallback). */
export function numGeneral(x: number): string {
  const rounded = Math.round(x * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
