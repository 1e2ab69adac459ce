import { randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { PrintableDocument } from '../../domain/certificates/documents';
import { type FontFace, parseFontFace } from './font-face';
import { FONT_OBJECTS, glyphCodePoints, writeFontObjects } from './font-program';
import { type DocumentFonts, loadDocumentFonts } from './fonts';
import { type LayoutFonts, layoutDocument, PAGE_HEIGHT, PAGE_WIDTH } from './lean-layout';
import { type ObjectBlock, PdfObjects, pdfTextString } from './pdf-writer';

export interface PdfRenderer {
  /** Lays out one document (A4 portrait) and returns the PDF bytes. */
  render(doc: PrintableDocument): Promise<Buffer>;
}

/**
 * The PDF writer of the service (ADR 0006): fonts become PDF objects once per process, and each document is only
 * laid out (lean-layout.ts) and written as content streams that reference them.
 *
 * Object numbers: 1–5 the regular face, 6–10 the bold face, then the catalog, the page tree, the document info
 * and each page with its content stream.
 */
const REGULAR = 1;
const BOLD = REGULAR + FONT_OBJECTS;
const CATALOG = BOLD + FONT_OBJECTS;
const PAGES = CATALOG + 1;
const INFO = PAGES + 1;
const FIRST_PAGE = INFO + 1;

/**
 * zlib level for page content. A certificate's page (≈ 23 KB of operators) deflates to 4.8 KB at the default
 * level 6 in ≈ 0.5 ms — a fifth of the render's CPU — and to 5.6 KB at level 3 in ≈ 0.12 ms: +0.8 KB on an
 * ≈ 80 KB file whose fonts (prepared once, at the default level) are most of it.
 */
const CONTENT_DEFLATE_LEVEL = 3;

interface PreparedFace {
  readonly face: FontFace;
  readonly unicode: ReadonlyMap<number, number>;
}

interface Prepared {
  readonly fonts: DocumentFonts;
  /** The subset faces as layout sees them. */
  readonly layout: LayoutFonts;
  /** Their ten font objects, serialised once. */
  readonly block: ObjectBlock;
}

let prepared: Promise<Prepared> | undefined;
let wholeFaces: { regular: PreparedFace; bold: PreparedFace } | undefined;

function prepare(): Promise<Prepared> {
  prepared ??= loadDocumentFonts().then((fonts) => {
    const regular = parseFontFace(fonts.subset.normal);
    const bold = parseFontFace(fonts.subset.bold);
    const objects = new PdfObjects();
    const all = (face: FontFace) => Array.from({ length: face.numGlyphs }, (_, gid) => gid);
    writeFontObjects(objects, REGULAR, {
      face: regular,
      file: fonts.subset.normal,
      glyphs: all(regular),
      unicode: glyphCodePoints(regular),
      tag: 'QOSALA',
    });
    writeFontObjects(objects, BOLD, {
      face: bold,
      file: fonts.subset.bold,
      glyphs: all(bold),
      unicode: glyphCodePoints(bold),
      tag: 'QOSALB',
    });
    return {
      fonts,
      layout: { regular: { face: regular, resource: '/F1' }, bold: { face: bold, resource: '/F2' } },
      block: objects.toBlock(),
    };
  });
  return prepared;
}

/**
 * Prepares the fonts once per process (DejaVu Sans, which has every Kazakh letter: ә ғ қ ң ө ұ ү һ і) and returns
 * a renderer that only lays out and writes.
 */
export async function createPdfRenderer(): Promise<PdfRenderer> {
  const ready = await prepare();
  return { render: async (doc) => renderDocument(doc, ready) };
}

function renderDocument(doc: PrintableDocument, ready: Prepared): Buffer {
  const objects = new PdfObjects();
  let pages: string[];
  if (documentStrings(doc).every(ready.fonts.covers)) {
    pages = layoutDocument(doc, ready.layout);
    objects.block(ready.block);
  } else {
    // A name or address with a letter outside the subset (Greek, Georgian, Armenian…): the document is laid out
    // with the whole DejaVu Sans, and only the glyphs it used are embedded, for this document alone.
    wholeFaces ??= {
      regular: wholeFace(ready.fonts.full.normal),
      bold: wholeFace(ready.fonts.full.bold),
    };
    const { regular, bold } = wholeFaces;
    const layout: LayoutFonts = {
      regular: { face: regular.face, resource: '/F1', used: new Set([0]) },
      bold: { face: bold.face, resource: '/F2', used: new Set([0]) },
    };
    pages = layoutDocument(doc, layout);
    for (const [first, face, used, tag] of [
      [REGULAR, regular, layout.regular.used!, 'QOSFLA'],
      [BOLD, bold, layout.bold.used!, 'QOSFLB'],
    ] as const) {
      writeFontObjects(objects, first, {
        face: face.face,
        file: face.face.embed(used),
        glyphs: [...used].sort((a, b) => a - b),
        unicode: face.unicode,
        tag,
      });
    }
  }

  objects.object(CATALOG, `<< /Type /Catalog /Pages ${PAGES} 0 R /Lang (${doc.language}) >>`);
  const kids = pages.map((_, i) => `${FIRST_PAGE + 2 * i} 0 R`).join(' ');
  objects.object(PAGES, `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  objects.object(
    INFO,
    `<< /Title ${pdfTextString(`${doc.title} № ${doc.number}`)} ` +
      `/Subject ${pdfTextString(doc.subtitle ?? doc.title)} /Creator (Qosalqy) /Producer (Qosalqy) ` +
      `/CreationDate (D:${new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z) >>`,
  );
  pages.forEach((content, i) => {
    const page = FIRST_PAGE + 2 * i;
    objects.object(
      page,
      `<< /Type /Page /Parent ${PAGES} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
        `/Resources << /Font << /F1 ${REGULAR} 0 R /F2 ${BOLD} 0 R >> >> /Contents ${page + 1} 0 R >>`,
    );
    objects.stream(
      page + 1,
      ' /Filter /FlateDecode',
      deflateSync(Buffer.from(content, 'latin1'), { level: CONTENT_DEFLATE_LEVEL }),
    );
  });
  // 122 random bits as 32 hex digits: randomUUID draws from a cached pool, randomBytes(16) costs ≈ 6 µs a call.
  const id = randomUUID().replaceAll('-', '');
  return objects.toFile(`/Root ${CATALOG} 0 R /Info ${INFO} 0 R /ID [<${id}> <${id}>]`);
}

function wholeFace(file: Buffer): PreparedFace {
  const face = parseFontFace(file);
  return { face, unicode: glyphCodePoints(face) };
}

/** Every string a document prints (to decide whether the prepared subset draws all of it). */
export function documentStrings(doc: PrintableDocument): string[] {
  const strings = [doc.issuer, doc.title, doc.subtitle ?? '', doc.number, doc.date];
  for (const section of doc.sections) {
    strings.push(section.title ?? '', ...(section.paragraphs ?? []));
    for (const field of section.fields ?? []) strings.push(field.label, field.value);
    if (section.table) {
      strings.push(section.table.title, ...section.table.columns);
      for (const row of section.table.rows) strings.push(...row);
    }
  }
  strings.push(doc.signatory.position, doc.signatory.name, doc.stampArea ?? '');
  if (doc.qr) strings.push(doc.qr.caption);
  strings.push(...(doc.footer ?? []));
  return strings;
}
