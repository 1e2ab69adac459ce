import type {
  DocumentField,
  DocumentSection,
  DocumentTable,
  PrintableDocument,
} from '../../domain/certificates/documents';
import { qrPng } from './qr';

/**
 * Lays a PrintableDocument out as a pdfmake document definition. Every string of the document is final text
 * chosen by the domain; this file only decides typography and placement. pdfmake treats a
 * string as plain text, so markup in the data ("<script>", "**") prints literally.
 */

/** 1 mm in PDF points. */
const MM = 72 / 25.4;

const PAGE_MARGIN = 20 * MM;
const QR_SIZE = 35 * MM;
/** The QR column: the code and its caption, which may be a little wider than the code. */
const QR_BAND = 45 * MM;
/** The survey strip in the bottom margin, as lean-layout.ts draws it. */
const SURVEY_QR = 14 * MM;
const PAGE_NUMBER_ROOM = 40 * MM;
const STAMP_WIDTH = 40 * MM;
const STAMP_HEIGHT = 32 * MM;
const SIGNATURE_LINE = 38 * MM;
const INDENT = 14;
const CONTENT_WIDTH = 595.28 - 2 * PAGE_MARGIN;
/** Left + right cell padding of each column of the fields table (see its layout). */
const FIELD_PADDING = { label: 2 + 2, value: 8 + 2 };

const RULE = '#000000';
const GRID = '#8c8c8c';
const LIGHT_GRID = '#c4c4c4';
const HEADER_FILL = '#ececec';
const MUTED = '#555555';

type Node = Record<string, unknown>;

/** `font` names a family the renderer registered with pdfmake (regular and bold faces). */
export function documentDefinition(doc: PrintableDocument, font: string): Node {
  const content: unknown[] = [...heading(doc)];
  for (const section of doc.sections) content.push(...sectionNodes(section));
  content.push(closing(doc));
  const images: Record<string, string> = {};
  if (doc.qr) images.qr = `data:image/png;base64,${qrPng(doc.qr.text).toString('base64')}`;
  if (doc.survey) images.survey = `data:image/png;base64,${qrPng(doc.survey.text).toString('base64')}`;

  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN],
    language: doc.language,
    info: { title: `${doc.title} № ${doc.number}`, subject: doc.subtitle ?? doc.title, creator: 'Qosalqy' },
    defaultStyle: { font, fontSize: 9.5, lineHeight: 1.12 },
    content,
    images,
    // A continuation page must say which document it belongs to; a one-page document needs no page numbers.
    footer: (page: number, pages: number) => {
      const number =
        pages > 1
          ? {
              text: `№ ${doc.number} · ${page} / ${pages}`,
              alignment: 'right',
              fontSize: 7.5,
              color: MUTED,
              margin: [PAGE_MARGIN, 8 * MM, PAGE_MARGIN, 0],
            }
          : null;
      if (!doc.survey || page < pages) return number;
      // the survey strip of the last page — QR, invitation and link — beside the page number.
      return {
        columns: [
          { image: 'survey', width: SURVEY_QR, height: SURVEY_QR, margin: [0, 1.5 * MM, 2 * MM, 0] },
          {
            width: '*',
            stack: [`${doc.survey.caption}:`, doc.survey.text],
            fontSize: 7.5,
            color: MUTED,
            margin: [0, 3 * MM, 0, 0],
          },
          { width: PAGE_NUMBER_ROOM, stack: number ? [{ ...number, margin: [0, 8 * MM, 0, 0] }] : [] },
        ],
        margin: [PAGE_MARGIN, 0, PAGE_MARGIN, 0],
      };
    },
    // Never leave a section title alone at the bottom of a page.
    pageBreakBefore: (node: Node, nodes: { getFollowingNodesOnPage(): unknown[] }) =>
      node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length === 0,
  };
}

function heading(doc: PrintableDocument): unknown[] {
  const nodes: unknown[] = [
    { text: doc.issuer, alignment: 'center', bold: true, fontSize: 10.5, margin: [24, 0, 24, 6] },
    // The letterhead rule of Kazakh state forms: a heavy line over a thin one.
    {
      canvas: [
        { type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 1.4, lineColor: RULE },
        { type: 'line', x1: 0, y1: 2.6, x2: CONTENT_WIDTH, y2: 2.6, lineWidth: 0.5, lineColor: RULE },
      ],
      margin: [0, 0, 0, 16],
    },
    { text: doc.title, alignment: 'center', bold: true, fontSize: 16, characterSpacing: 2 },
  ];
  if (doc.subtitle) {
    nodes.push({ text: doc.subtitle, alignment: 'center', fontSize: 11, margin: [36, 2, 36, 0] });
  }
  nodes.push({
    columns: [
      { text: `№ ${doc.number}`, bold: true, width: '*' },
      { text: doc.date, alignment: 'right', width: 'auto' },
    ],
    columnGap: 12,
    margin: [0, 14, 0, 4],
  });
  return nodes;
}

function sectionNodes(section: DocumentSection): unknown[] {
  const nodes: unknown[] = [];
  if (section.title) {
    nodes.push({ text: section.title, bold: true, fontSize: 10, margin: [0, 8, 0, 4], headlineLevel: 1 });
  }
  for (const paragraph of section.paragraphs ?? []) {
    // Ragged right, not justified: pdfmake justifies at every break opportunity, so a document number or a URL
    // inside a justified line would open gaps after its hyphens and slashes.
    nodes.push({ text: paragraph, margin: [0, 0, 0, 5] });
  }
  if (section.fields && section.fields.length > 0) nodes.push(fieldsTable(section.fields));
  if (section.table) nodes.push(dataTable(section.table));
  return nodes;
}

function fieldsTable(fields: readonly DocumentField[]): Node {
  // Fixed widths: with a relative column pdfmake widens the table to the longest unbreakable word (a URL, an
  // e-mail address) and pushes the value off the page; with fixed widths it breaks such a word instead.
  const label = Math.round(0.36 * CONTENT_WIDTH);
  return {
    table: {
      widths: [label - FIELD_PADDING.label, CONTENT_WIDTH - label - FIELD_PADDING.value],
      dontBreakRows: true,
      body: fields.map((field) => [
        { text: field.label, color: MUTED, fontSize: 8.5 },
        { text: field.value },
      ]),
    },
    layout: {
      hLineWidth: (i: number, node: TableNode) => (i === 0 || i === node.table.body.length ? 0.8 : 0.4),
      hLineColor: (i: number, node: TableNode) =>
        i === 0 || i === node.table.body.length ? GRID : LIGHT_GRID,
      vLineWidth: () => 0,
      paddingLeft: (i: number) => (i === 0 ? 2 : 8),
      paddingRight: () => 2,
      paddingTop: () => 2.5,
      paddingBottom: () => 2.5,
    },
    margin: [0, 0, 0, 6],
  };
}

interface TableNode {
  readonly table: { readonly body: readonly unknown[][] };
}

const NUMERIC = /^[-+−]?[\d\s\u00a0.,]*\d[\d\s\u00a0.,]*(%|\s?(га|шт|бас|м²))?$/u;

function dataTable(table: DocumentTable): Node {
  const title = { text: table.title, bold: true, fontSize: 9.5, margin: [0, 6, 0, 3], headlineLevel: 1 };
  if (table.columns.length === 0) return title;
  const indented = new Set(table.indentedRows ?? []);
  // Figures line up on the right when the whole column holds figures (areas, head counts).
  const numeric = table.columns.map(
    (_, c) =>
      c > 0 &&
      table.rows.some((row) => (row[c] ?? '') !== '') &&
      table.rows.every((row) => (row[c] ?? '') === '' || NUMERIC.test((row[c] ?? '').trim())),
  );
  const align = (c: number) => (numeric[c] ? 'right' : 'left');

  const headerRow = table.columns.map((column, c) => ({
    text: column,
    bold: true,
    fontSize: 8,
    fillColor: HEADER_FILL,
    alignment: align(c),
  }));
  const body = table.rows.map((row, r) =>
    table.columns.map((_, c) => {
      const cell: Node = { text: breakLongWords(row[c] ?? ''), fontSize: 8.5, alignment: align(c) };
      if (indented.has(r)) {
        cell.color = MUTED;
        if (c === 0) cell.margin = [INDENT, 0, 0, 0];
      }
      return cell;
    }),
  );

  return {
    stack: [
      // A headline: pdfmake moves it to the next page rather than leave it last on a page.
      title,
      {
        table: {
          // The first column names the row (a species, a plot, a document); the rest size to their figures.
          widths: table.columns.map((_, c) => (c === 0 ? '*' : 'auto')),
          // The header row repeats on every page the table runs over.
          headerRows: 1,
          keepWithHeaderRows: 1,
          dontBreakRows: true,
          body: [headerRow, ...body],
        },
        layout: {
          hLineWidth: () => 0.5,
          vLineWidth: () => 0.5,
          hLineColor: () => GRID,
          vLineColor: () => GRID,
          paddingLeft: () => 4,
          paddingRight: () => 4,
          paddingTop: () => 2,
          paddingBottom: () => 2,
        },
      },
    ],
    margin: [0, 0, 0, 6],
  };
}

/**
 * The signature line across the page; under it the stamp area on the left, the small print in the middle and the
 * QR code on the right. The whole closing stays on one page, so a signature never stands alone above a page break.
 */
function closing(doc: PrintableDocument): Node {
  const signature = {
    table: {
      widths: ['*', SIGNATURE_LINE, 'auto'],
      body: [
        [
          { text: doc.signatory.position, verticalAlignment: 'bottom' },
          {
            canvas: [{ type: 'line', x1: 0, y1: 0, x2: SIGNATURE_LINE - 8, y2: 0, lineWidth: 0.6 }],
            margin: [4, 0, 4, 2],
            verticalAlignment: 'bottom',
          },
          // A name of ordinary length never wraps: initials stay with the surname.
          {
            text: doc.signatory.name,
            bold: true,
            noWrap: doc.signatory.name.length <= 40,
            verticalAlignment: 'bottom',
          },
        ],
      ],
    },
    layout: 'noBorders',
    margin: [0, 18, 0, 0],
  };

  // One band: stamp area, small print, QR code. The small print takes whatever width the other two leave.
  const band: unknown[] = [];
  if (doc.stampArea) band.push({ width: STAMP_WIDTH, stack: [stampBox(doc.stampArea)] });
  band.push({
    width: '*',
    stack: (doc.footer ?? []).map((line) => ({
      text: line,
      fontSize: 7.5,
      color: MUTED,
      margin: [0, 0, 0, 3],
    })),
  });
  if (doc.qr) {
    band.push({
      width: QR_BAND,
      stack: [
        { image: 'qr', width: QR_SIZE, height: QR_SIZE, alignment: 'center' },
        { text: doc.qr.caption, fontSize: 7.5, color: MUTED, alignment: 'center', margin: [0, 3, 0, 0] },
      ],
    });
  }
  return {
    stack: [signature, { columns: band, columnGap: 4 * MM, margin: [0, 14, 0, 0] }],
    unbreakable: true,
  };
}

/** A dashed frame where the seal goes, with its label ("М.О.", "М.П.") in the middle. */
function stampBox(label: string): Node {
  return {
    table: {
      // Widths and heights exclude the 0.75 pt borders; no padding, so the frame is exactly the stamp area.
      widths: [STAMP_WIDTH - 1.5],
      heights: [STAMP_HEIGHT - 1.5],
      body: [[{ text: label, alignment: 'center', verticalAlignment: 'middle', color: MUTED, fontSize: 9 }]],
    },
    layout: {
      hLineWidth: () => 0.75,
      vLineWidth: () => 0.75,
      hLineColor: () => MUTED,
      vLineColor: () => MUTED,
      hLineStyle: () => ({ dash: { length: 4, space: 3 } }),
      vLineStyle: () => ({ dash: { length: 4, space: 3 } }),
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
  };
}

const LONG_WORD = /[^\s\u200b]{25,}/gu;

/**
 * A table column is at least as wide as its longest unbreakable word, so one long URL or e-mail address in a cell
 * would push the table off the page. Such words get zero-width break opportunities every 16 characters.
 */
function breakLongWords(text: string): string {
  return text.replace(LONG_WORD, (word) => (word.match(/.{1,16}/gsu) ?? [word]).join('\u200b'));
}
