/**
 * The table of contents of a ZIP, read from its central directory without inflating anything. An XLSX is a
 * ZIP; exceljs inflates every part into memory before we see a cell, so the reader looks here first: a ZIP
 * without `xl/workbook.xml` is not a workbook (a .docx, an .ods, an archive), and the declared sizes refuse a
 * "zip bomb" — a few megabytes that would inflate to gigabytes — before it is opened (issue 4, "Bad input").
 */

export interface ZipEntryInfo {
  /** Path inside the archive, without a leading slash. */
  readonly name: string;
  /** As the central directory declares it; 0xFFFFFFFF for a ZIP64 entry (over 4 GiB or unknown). */
  readonly uncompressedSize: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** The entries, or undefined when the bytes are not a readable ZIP (truncated, damaged, or ZIP64). */
export function listZipEntries(bytes: Uint8Array): ZipEntryInfo[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd === undefined) return undefined;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  // ZIP64 marks its real values elsewhere; no workbook of a household book needs it.
  if (count === 0xffff || offset === 0xffffffff || offset + size > eocd) return undefined;
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntryInfo[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL_SIGNATURE) return undefined;
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const end = p + 46 + nameLength;
    if (end > eocd) return undefined;
    const name = decoder.decode(bytes.subarray(p + 46, end)).replace(/^\/+/, '');
    entries.push({ name, uncompressedSize });
    p = end + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number | undefined {
  const last = view.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let p = last; p >= first; p--) {
    if (view.getUint32(p, true) !== EOCD_SIGNATURE) continue;
    // The archive comment must fit in the file; otherwise this is a stray signature inside the data.
    if (p + EOCD_SIZE + view.getUint16(p + 20, true) <= view.byteLength) return p;
  }
  return undefined;
}
