import pdfmake from 'pdfmake';
import type { PrintableDocument } from '../../domain/certificates/documents';
import { type DocumentFonts, loadDocumentFonts } from './fonts';
import { documentDefinition } from './layout';

export interface PdfRenderer {
  /** Lays out one document (A4 portrait) and returns the PDF bytes. */
  render(doc: PrintableDocument): Promise<Buffer>;
}

export interface PdfRendererOptions {
  /**
   * Use the font subset prepared at start (default). `false` embeds from the whole DejaVu Sans for every document,
   * which is what the benchmark compares against.
   */
  readonly subset?: boolean;
}

const SUBSET_FAMILY = 'DejaVuSansDocument';
const FULL_FAMILY = 'DejaVuSans';

let registered: Promise<DocumentFonts> | undefined;

/**
 * pdfmake keeps fonts in one process-wide registry; registering them once makes every renderer of the process
 * share the same buffers.
 */
function registerFonts(): Promise<DocumentFonts> {
  registered ??= loadDocumentFonts().then((fonts) => {
    // Fonts live in pdfmake's in-memory file system, so no document ever reads the disk or the network.
    const files = {
      'qosalqy/DejaVuSans.ttf': fonts.full.normal,
      'qosalqy/DejaVuSans-Bold.ttf': fonts.full.bold,
      'qosalqy/DejaVuSans-document.ttf': fonts.subset.normal,
      'qosalqy/DejaVuSans-Bold-document.ttf': fonts.subset.bold,
    };
    for (const [name, data] of Object.entries(files)) pdfmake.virtualfs.writeFileSync(name, data);
    // The documents have no italics; the italic slots repeat the upright faces so no style can fail.
    pdfmake.addFonts({
      [FULL_FAMILY]: {
        normal: 'qosalqy/DejaVuSans.ttf',
        bold: 'qosalqy/DejaVuSans-Bold.ttf',
        italics: 'qosalqy/DejaVuSans.ttf',
        bolditalics: 'qosalqy/DejaVuSans-Bold.ttf',
      },
      [SUBSET_FAMILY]: {
        normal: 'qosalqy/DejaVuSans-document.ttf',
        bold: 'qosalqy/DejaVuSans-Bold-document.ttf',
        italics: 'qosalqy/DejaVuSans-document.ttf',
        bolditalics: 'qosalqy/DejaVuSans-Bold-document.ttf',
      },
    });
    // Documents carry no images or links to fetch: deny every URL and local path pdfmake might be asked to read.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    return fonts;
  });
  return registered;
}

/**
 * Prepares the fonts once per process (DejaVu Sans, which has every Kazakh letter: ә ғ қ ң ө ұ ү һ і) and returns
 * a renderer that only lays out and writes (ADR 0004).
 */
export async function createPdfRenderer(options: PdfRendererOptions = {}): Promise<PdfRenderer> {
  const fonts = await registerFonts();
  const useSubset = options.subset ?? true;
  return {
    render: (doc) => {
      // A name or address with a letter outside the subset (Greek, Georgian, Armenian…) falls back to the whole
      // font rather than printing empty boxes.
      const font = useSubset && documentStrings(doc).every(fonts.covers) ? SUBSET_FAMILY : FULL_FAMILY;
      return pdfmake.createPdf(documentDefinition(doc, font)).getBuffer();
    },
  };
}

function documentStrings(doc: PrintableDocument): string[] {
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
