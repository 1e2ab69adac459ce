import type {
  DocumentField,
  DocumentSection,
  DocumentTable,
  PrintableDocument,
} from '../../domain/certificates/documents';
import { num } from './pdf-writer';
import { qrMatrix } from './qr-matrix';
import { type LayoutFont, longestWord, measure, singleLine, type TextStyle, wrap } from './text-layout';

/**
 * Lays a PrintableDocument out on A4 pages as PDF content-stream operators: the same typography and placement as
 * the pdfmake definition in layout.ts, written directly. Every string is final text chosen by
 * the domain and is drawn glyph by glyph, so markup in the data ("<script>", "**") prints literally.
 */

const MM = 72 / 25.4;
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
const MARGIN = 20 * MM;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const TOP = MARGIN;
const BOTTOM = PAGE_HEIGHT - MARGIN;
const QR_SIZE = 35 * MM;
const QR_BAND = 45 * MM;
/** The survey strip in the bottom margin: its QR, and the room left of the page number for its text. */
const SURVEY_QR = 14 * MM;
/** 1.5 mm below the text area; its foot stays 4.5 mm from the paper's edge, inside what printers print. */
const SURVEY_TOP = BOTTOM + 1.5 * MM;
const PAGE_NUMBER_ROOM = 40 * MM;
/** Quiet zone inside the QR square, in modules (as qr.ts draws it). */
const QR_QUIET = 2;
const STAMP_WIDTH = 40 * MM;
const STAMP_HEIGHT = 32 * MM;
const SIGNATURE_LINE = 38 * MM;
const BAND_GAP = 4 * MM;
const INDENT = 14;
const LINE_HEIGHT = 1.12;

const BLACK = '0 0 0';
const GRID = '0.549 0.549 0.549';
const LIGHT_GRID = '0.769 0.769 0.769';
const HEADER_FILL = '0.925 0.925 0.925';
const MUTED = '0.333 0.333 0.333';

export interface LayoutFonts {
  readonly regular: LayoutFont;
  readonly bold: LayoutFont;
}

/** One page's content stream (uncompressed operators). */
export type PageContent = string;

interface Style extends TextStyle {
  readonly color?: string;
}

type Align = 'left' | 'center' | 'right';

/** The pages as content streams, in order. */
export function layoutDocument(doc: PrintableDocument, fonts: LayoutFonts): PageContent[] {
  const flow = new Flow(fonts);
  heading(flow, doc);
  for (const section of doc.sections) sectionBlocks(flow, section);
  closing(flow, doc);
  if (doc.survey) surveyStrip(flow, doc.survey);
  return flow.finish(doc.number);
}

/** The cursor over the pages: y runs down from the top edge; operators are written in PDF coordinates. */
class Flow {
  readonly pages: string[][] = [[]];
  y = TOP;
  constructor(readonly fonts: LayoutFonts) {}

  get ops(): string[] {
    return this.pages[this.pages.length - 1]!;
  }

  style(size: number, options: { bold?: boolean; color?: string; charSpacing?: number } = {}): Style {
    return {
      font: options.bold ? this.fonts.bold : this.fonts.regular,
      size,
      color: options.color,
      charSpacing: options.charSpacing,
    };
  }

  lineHeight(style: TextStyle): number {
    const { face } = style.font;
    return ((face.ascent - face.descent) / face.unitsPerEm) * style.size * LINE_HEIGHT;
  }

  /** Starts a new page unless `height` fits below the cursor (or the cursor is already at the top). */
  ensure(height: number): boolean {
    if (this.y + height <= BOTTOM || this.y <= TOP) return false;
    this.newPage();
    return true;
  }

  newPage(): void {
    this.pages.push([]);
    this.y = TOP;
  }

  /** Draws one line of text with its top at `top`. */
  text(
    line: { hex: string; width: number },
    style: Style,
    x: number,
    width: number,
    align: Align,
    top: number,
  ) {
    const { face } = style.font;
    const baseline = top + (face.ascent / face.unitsPerEm) * style.size;
    const left =
      align === 'left' ? x : align === 'center' ? x + (width - line.width) / 2 : x + width - line.width;
    const spacing = style.charSpacing ? `${num(style.charSpacing)} Tc ` : '';
    this.ops.push(
      `BT ${style.font.resource} ${num(style.size)} Tf ${style.color ?? BLACK} rg ${spacing}` +
        `${num(left)} ${num(PAGE_HEIGHT - baseline)} Td <${line.hex}> Tj${spacing ? ' 0 Tc' : ''} ET`,
    );
  }

  /** A wrapped text block at the cursor, breaking pages between lines. */
  paragraph(text: string, style: Style, options: { x?: number; width?: number; align?: Align } = {}): void {
    const x = options.x ?? MARGIN;
    const width = options.width ?? CONTENT_WIDTH;
    const height = this.lineHeight(style);
    for (const line of wrap(text, style, width)) {
      this.ensure(height);
      this.text(line, style, x, width, options.align ?? 'left', this.y);
      this.y += height;
    }
  }

  hline(x1: number, x2: number, y: number, width: number, color: string): void {
    const py = num(PAGE_HEIGHT - y);
    this.ops.push(`${num(width)} w ${color} RG ${num(x1)} ${py} m ${num(x2)} ${py} l S`);
  }

  vline(x: number, y1: number, y2: number, width: number, color: string): void {
    const px = num(x);
    this.ops.push(
      `${num(width)} w ${color} RG ${px} ${num(PAGE_HEIGHT - y1)} m ${px} ${num(PAGE_HEIGHT - y2)} l S`,
    );
  }

  fillRect(x: number, y: number, w: number, h: number, color: string): void {
    this.ops.push(`${color} rg ${num(x)} ${num(PAGE_HEIGHT - y - h)} ${num(w)} ${num(h)} re f`);
  }

  /** "№ number · page / pages" under continuation pages; a one-page document needs no page numbers. */
  finish(number: string): PageContent[] {
    const pages = this.pages.length;
    if (pages > 1) {
      const style = this.style(7.5, { color: MUTED });
      this.pages.forEach((ops, i) => {
        const line = singleLine(`№ ${number} · ${i + 1} / ${pages}`, style);
        const top = BOTTOM + 8 * MM;
        const baseline = top + (style.font.face.ascent / style.font.face.unitsPerEm) * style.size;
        ops.push(
          `BT ${style.font.resource} 7.5 Tf ${MUTED} rg ${num(PAGE_WIDTH - MARGIN - line.width)} ` +
            `${num(PAGE_HEIGHT - baseline)} Td <${line.hex}> Tj ET`,
        );
      });
    }
    return this.pages.map((ops) => ops.join('\n'));
  }
}

function heading(flow: Flow, doc: PrintableDocument): void {
  flow.paragraph(doc.issuer, flow.style(10.5, { bold: true }), {
    x: MARGIN + 24,
    width: CONTENT_WIDTH - 48,
    align: 'center',
  });
  flow.y += 6;
  // The letterhead rule of Kazakh state forms: a heavy line over a thin one.
  flow.hline(MARGIN, MARGIN + CONTENT_WIDTH, flow.y, 1.4, BLACK);
  flow.hline(MARGIN, MARGIN + CONTENT_WIDTH, flow.y + 2.6, 0.5, BLACK);
  flow.y += 2.6 + 16;
  flow.paragraph(doc.title, flow.style(16, { bold: true, charSpacing: 2 }), { align: 'center' });
  if (doc.subtitle) {
    flow.y += 2;
    flow.paragraph(doc.subtitle, flow.style(11), {
      x: MARGIN + 36,
      width: CONTENT_WIDTH - 72,
      align: 'center',
    });
  }
  flow.y += 14;
  const date = flow.style(9.5);
  const dateLine = singleLine(doc.date, date);
  const numberStyle = flow.style(9.5, { bold: true });
  const numberWidth = CONTENT_WIDTH - dateLine.width - 12;
  const numberLines = wrap(`№ ${doc.number}`, numberStyle, numberWidth);
  const height = flow.lineHeight(date);
  flow.ensure(height);
  flow.text(dateLine, date, MARGIN, CONTENT_WIDTH, 'right', flow.y);
  for (const line of numberLines) {
    flow.text(line, numberStyle, MARGIN, numberWidth, 'left', flow.y);
    flow.y += height;
  }
  flow.y += 4;
}

function sectionBlocks(flow: Flow, section: DocumentSection): void {
  const paragraph = flow.style(9.5);
  if (section.title) {
    const title = flow.style(10, { bold: true });
    // Never leave a section title alone at the bottom of a page.
    flow.ensure(8 + flow.lineHeight(title) + 4 + flow.lineHeight(paragraph) + 6);
    flow.y += 8;
    flow.paragraph(section.title, title);
    flow.y += 4;
  }
  for (const text of section.paragraphs ?? []) {
    // Ragged right, not justified: a number or URL in a justified line would open gaps.
    flow.paragraph(text, paragraph);
    flow.y += 5;
  }
  if (section.fields && section.fields.length > 0) fieldsTable(flow, section.fields);
  if (section.table) dataTable(flow, section.table);
}

/** Label and value per row, rules between rows; a row never splits across pages. */
function fieldsTable(flow: Flow, fields: readonly DocumentField[]): void {
  const label = flow.style(8.5, { color: MUTED });
  const value = flow.style(9.5);
  const labelColumn = Math.round(0.36 * CONTENT_WIDTH);
  const labelWidth = labelColumn - 4;
  const valueX = MARGIN + labelColumn + 8;
  const valueWidth = CONTENT_WIDTH - labelColumn - 10;
  const outer = 0.8;
  const inner = 0.4;
  const left = MARGIN;
  const right = MARGIN + CONTENT_WIDTH;

  flow.ensure(outer + 5 + flow.lineHeight(value));
  flow.hline(left, right, flow.y + outer / 2, outer, GRID);
  flow.y += outer;
  fields.forEach((field, i) => {
    const labelLines = wrap(field.label, label, labelWidth);
    const valueLines = wrap(field.value, value, valueWidth);
    const height =
      Math.max(labelLines.length * flow.lineHeight(label), valueLines.length * flow.lineHeight(value)) + 5;
    const last = i === fields.length - 1;
    if (flow.y + height + (last ? outer : inner) > BOTTOM && flow.y > TOP + outer) {
      flow.newPage();
      flow.hline(left, right, flow.y + outer / 2, outer, GRID);
      flow.y += outer;
    }
    const top = flow.y + 2.5;
    labelLines.forEach((line, n) => {
      flow.text(line, label, left + 2, labelWidth, 'left', top + n * flow.lineHeight(label));
    });
    valueLines.forEach((line, n) => {
      flow.text(line, value, valueX, valueWidth, 'left', top + n * flow.lineHeight(value));
    });
    flow.y += height;
    const width = last ? outer : inner;
    flow.hline(left, right, flow.y + width / 2, width, last ? GRID : LIGHT_GRID);
    flow.y += width;
  });
  flow.y += 6;
}

const NUMERIC = /^[-+−]?[\d\s\u00a0.,]*\d[\d\s\u00a0.,]*(%|\s?(га|шт|бас|м²))?$/u;

/** A titled grid with a filled header row that repeats on every page; rows never split. */
function dataTable(flow: Flow, table: DocumentTable): void {
  const titleStyle = flow.style(9.5, { bold: true });
  const header = flow.style(8, { bold: true });
  const cell = flow.style(8.5);
  const mutedCell = flow.style(8.5, { color: MUTED });
  const grid = 0.5;
  const padX = 4;
  const padY = 2;

  // The title stays with the header and the first row.
  const firstRows = 2 * (flow.lineHeight(cell) + 2 * padY + grid);
  flow.ensure(6 + flow.lineHeight(titleStyle) + 3 + firstRows);
  flow.y += 6;
  flow.paragraph(table.title, titleStyle);
  flow.y += 3;
  if (table.columns.length === 0) {
    flow.y += 6;
    return;
  }

  const indented = new Set(table.indentedRows ?? []);
  // Figures line up on the right when the whole column holds figures (areas, head counts).
  const numeric = table.columns.map(
    (_, c) =>
      c > 0 &&
      table.rows.some((row) => (row[c] ?? '') !== '') &&
      table.rows.every((row) => (row[c] ?? '') === '' || NUMERIC.test((row[c] ?? '').trim())),
  );
  const align = (c: number): Align => (numeric[c] ? 'right' : 'left');
  const widths = columnWidths(table, header, cell, padX);
  const xs = [MARGIN];
  for (const w of widths) xs.push(xs[xs.length - 1]! + w);

  const headerCells = table.columns.map((column, c) => wrap(column, header, widths[c]! - 2 * padX));
  const headerHeight =
    Math.max(...headerCells.map((lines) => lines.length)) * flow.lineHeight(header) + 2 * padY;

  let segmentTop = flow.y;
  const drawHeader = () => {
    segmentTop = flow.y;
    flow.fillRect(MARGIN, flow.y, CONTENT_WIDTH, headerHeight + grid, HEADER_FILL);
    flow.hline(MARGIN, MARGIN + CONTENT_WIDTH, flow.y, grid, GRID);
    headerCells.forEach((lines, c) => {
      lines.forEach((line, n) => {
        const top = flow.y + grid / 2 + padY + n * flow.lineHeight(header);
        flow.text(line, header, xs[c]! + padX, widths[c]! - 2 * padX, align(c), top);
      });
    });
    flow.y += headerHeight + grid;
    flow.hline(MARGIN, MARGIN + CONTENT_WIDTH, flow.y, grid, GRID);
  };
  const closeSegment = () => {
    for (const x of xs) flow.vline(x, segmentTop, flow.y, grid, GRID);
  };

  drawHeader();
  table.rows.forEach((row, r) => {
    const style = indented.has(r) ? mutedCell : cell;
    const cells = table.columns.map((_, c) => {
      const inset = indented.has(r) && c === 0 ? INDENT : 0;
      return { inset, lines: wrap(breakLongWords(row[c] ?? ''), style, widths[c]! - 2 * padX - inset) };
    });
    const height = Math.max(...cells.map((c) => c.lines.length)) * flow.lineHeight(style) + 2 * padY + grid;
    if (flow.y + height > BOTTOM) {
      closeSegment();
      flow.newPage();
      drawHeader();
    }
    cells.forEach(({ inset, lines }, c) => {
      lines.forEach((line, n) => {
        const top = flow.y + grid / 2 + padY + n * flow.lineHeight(style);
        flow.text(line, style, xs[c]! + padX + inset, widths[c]! - 2 * padX - inset, align(c), top);
      });
    });
    flow.y += height;
    flow.hline(MARGIN, MARGIN + CONTENT_WIDTH, flow.y, grid, GRID);
  });
  closeSegment();
  flow.y += 6;
}

/**
 * The first column names the row and takes what the others leave; the others size to their text. As pdfmake sizes
 * a star column beside auto columns: when every column fits at its widest, the autos get that; otherwise every
 * column gets its longest word and the autos share what is left in proportion to how much wider their text is.
 */
function columnWidths(table: DocumentTable, header: TextStyle, cell: TextStyle, padX: number): number[] {
  const extra = 2 * padX + 0.5;
  const min: number[] = [];
  const max: number[] = [];
  table.columns.forEach((column, c) => {
    let widest = measure(column, header);
    let word = longestWord(column, header);
    for (const row of table.rows) {
      const text = breakLongWords(row[c] ?? '');
      widest = Math.max(widest, measure(text, cell));
      word = Math.max(word, longestWord(text, cell));
    }
    min[c] = word + extra;
    max[c] = widest + extra;
  });
  const autos = table.columns.map((_, c) => c).slice(1);
  const starMin = min[0]!;
  const minTotal = starMin + autos.reduce((s, c) => s + min[c]!, 0);
  const maxTotal = max[0]! + autos.reduce((s, c) => s + max[c]!, 0);
  const widths = [0];
  for (const c of autos) {
    if (minTotal >= CONTENT_WIDTH) widths[c] = min[c]!;
    else if (maxTotal <= CONTENT_WIDTH) widths[c] = max[c]!;
    else widths[c] = min[c]! + ((max[c]! - min[c]!) * (CONTENT_WIDTH - minTotal)) / (maxTotal - minTotal);
  }
  widths[0] = CONTENT_WIDTH - widths.reduce((s, w) => s + w, 0);
  return widths;
}

const LONG_WORD = /[^\s\u200b]{25,}/gu;

/**
 * A column is at least as wide as its longest unbreakable word, so one long URL or e-mail address in a cell would
 * squeeze the others to nothing. Such words get zero-width break opportunities every 16 characters.
 */
function breakLongWords(text: string): string {
  return text.replace(LONG_WORD, (word) => (word.match(/.{1,16}/gsu) ?? [word]).join('\u200b'));
}

/**
 * The signature line across the page; under it the stamp area on the left, the small print in the middle and
 * the QR code on the right. The whole closing stays on one page, so a signature never stands alone.
 */
function closing(flow: Flow, doc: PrintableDocument): void {
  const text = flow.style(9.5);
  const nameStyle = flow.style(9.5, { bold: true });
  const small = flow.style(7.5, { color: MUTED });

  // Without a stamp box, the signature row and the small print share the column left of the QR, so the
  // closing takes the QR's height and not the signature's on top of it: an ordinary certificate stays on
  // one page. With a stamp (the PSC receipt) the signature row spans the page above the band, as before.
  const hasStamp = doc.stampArea !== undefined && doc.stampArea !== '';
  const qrColumn = doc.qr ? QR_BAND + BAND_GAP : 0;
  const besideQr = !hasStamp && doc.qr !== undefined;
  const rowWidth = besideQr ? CONTENT_WIDTH - qrColumn : CONTENT_WIDTH;

  // Signature row: position (wraps) | line | name (does not wrap when of ordinary length).
  const naturalName = measure(doc.signatory.name, nameStyle);
  const nameWidth = doc.signatory.name.length <= 40 ? naturalName : Math.min(naturalName, 0.4 * rowWidth);
  const positionWidth = rowWidth - SIGNATURE_LINE - nameWidth - 16;
  const positionLines = wrap(doc.signatory.position, text, positionWidth);
  const nameLines = wrap(doc.signatory.name, nameStyle, nameWidth + 0.01);
  const lh = flow.lineHeight(text);
  const signatureHeight = Math.max(positionLines.length, nameLines.length) * lh + 4;

  // Band: stamp | small print | QR.
  const footerX = MARGIN + (hasStamp ? STAMP_WIDTH + BAND_GAP : 0);
  const footerWidth = CONTENT_WIDTH - (hasStamp ? STAMP_WIDTH + BAND_GAP : 0) - qrColumn;
  const footer = (doc.footer ?? []).map((line) => wrap(line, small, footerWidth));
  const smallLh = flow.lineHeight(small);
  const footerHeight = footer.reduce((h, lines) => h + lines.length * smallLh + 3, 0);
  const captionLines = doc.qr ? wrap(doc.qr.caption, small, QR_BAND) : [];
  const qrHeight = doc.qr ? QR_SIZE + 3 + captionLines.length * smallLh : 0;
  const leftHeight = besideQr ? signatureHeight + 14 + footerHeight : footerHeight;
  const bandHeight = Math.max(hasStamp ? STAMP_HEIGHT : 0, leftHeight, qrHeight);

  flow.ensure(18 + (besideQr ? 0 : signatureHeight + 14) + bandHeight);
  flow.y += 18;
  const bandTop = besideQr ? flow.y : flow.y + signatureHeight + 14;
  const rowTop = flow.y + 2;
  const rowBottom = flow.y + signatureHeight - 2;
  positionLines.forEach((line, n) => {
    flow.text(line, text, MARGIN, positionWidth, 'left', rowBottom - (positionLines.length - n) * lh);
  });
  const lineX = MARGIN + positionWidth + 8 + 4;
  const baseline = rowBottom - lh + (text.font.face.ascent / text.font.face.unitsPerEm) * text.size;
  flow.hline(lineX, lineX + SIGNATURE_LINE - 8, baseline + 0.5, 0.6, BLACK);
  const nameX = MARGIN + positionWidth + 8 + SIGNATURE_LINE + 8;
  nameLines.forEach((line, n) => {
    flow.text(line, nameStyle, nameX, nameWidth, 'left', rowBottom - (nameLines.length - n) * lh);
  });
  const afterSignature = Math.max(rowTop, flow.y + signatureHeight) + 14;

  if (hasStamp) stampBox(flow, doc.stampArea ?? '', MARGIN, bandTop);
  let y = besideQr ? afterSignature : bandTop;
  for (const lines of footer) {
    for (const line of lines) {
      flow.text(line, small, footerX, footerWidth, 'left', y);
      y += smallLh;
    }
    y += 3;
  }
  if (doc.qr) {
    const bandX = MARGIN + CONTENT_WIDTH - QR_BAND;
    qrSquares(flow, doc.qr.text, bandX + (QR_BAND - QR_SIZE) / 2, bandTop);
    captionLines.forEach((line, n) => {
      flow.text(line, small, bandX, QR_BAND, 'center', bandTop + QR_SIZE + 3 + n * smallLh);
    });
  }
  flow.y = bandTop + bandHeight;
}

/**
 * the survey in the bottom margin of the last page — its QR on the left, the invitation and the link beside
 * it, clear of the page number on the right. Drawn outside the flow, so it never moves the document to a new page.
 */
function surveyStrip(flow: Flow, survey: NonNullable<PrintableDocument['survey']>): void {
  qrSquares(flow, survey.text, MARGIN, SURVEY_TOP, SURVEY_QR);
  const style = flow.style(7.5, { color: MUTED });
  const x = MARGIN + SURVEY_QR + 2 * MM;
  const width = CONTENT_WIDTH - SURVEY_QR - 2 * MM - PAGE_NUMBER_ROOM;
  const lh = flow.lineHeight(style);
  let top = SURVEY_TOP + 1.5 * MM;
  for (const line of [...wrap(`${survey.caption}:`, style, width), ...wrap(survey.text, style, width)]) {
    flow.text(line, style, x, width, 'left', top);
    top += lh;
  }
}

/** A dashed frame where the seal goes, with its label ("М.О.", "М.П.") in the middle. */
function stampBox(flow: Flow, label: string, x: number, y: number): void {
  const w = 0.75;
  flow.ops.push(
    `[4 3] 0 d ${num(w)} w ${MUTED} RG ${num(x + w / 2)} ${num(PAGE_HEIGHT - y - STAMP_HEIGHT + w / 2)} ` +
      `${num(STAMP_WIDTH - w)} ${num(STAMP_HEIGHT - w)} re S [] 0 d`,
  );
  const style = flow.style(9, { color: MUTED });
  const lines = wrap(label, style, STAMP_WIDTH - 4);
  const lh = flow.lineHeight(style);
  const top = y + (STAMP_HEIGHT - lines.length * lh) / 2;
  lines.forEach((line, n) => {
    flow.text(line, style, x + 2, STAMP_WIDTH - 4, 'center', top + n * lh);
  });
}

/**
 * The QR code as filled rectangles, one per run of dark modules in a row: sharp at any zoom and resolution, and
 * no image to encode. The symbol is the one qr.ts draws (qr-matrix.ts).
 */
function qrSquares(flow: Flow, text: string, x: number, y: number, side = QR_SIZE): void {
  const { size, data } = qrMatrix(text);
  const module = side / (size + 2 * QR_QUIET);
  // In module units, rows counted from the top: the operators stay short integers.
  const origin = PAGE_HEIGHT - y - side;
  let ops = `q ${BLACK} rg ${module.toFixed(4)} 0 0 ${module.toFixed(4)} ${num(x)} ${num(origin)} cm`;
  const top = size + 2 * QR_QUIET - QR_QUIET - 1;
  for (let row = 0, at = 0; row < size; row++, at += size) {
    let col = 0;
    while (col < size) {
      if (data[at + col] !== 1) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && data[at + col] === 1) col++;
      ops += `\n${start + QR_QUIET} ${top - row} ${col - start} 1 re`;
    }
  }
  flow.ops.push(`${ops}\nf Q`);
}
