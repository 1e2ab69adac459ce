import pdfmake from 'pdfmake';
import { type DocumentFonts, loadDocumentFonts } from './fonts';
import { documentDefinition } from './layout';
import { documentStrings, type PdfRenderer } from './pdf-renderer';

/**
 * The reference renderer: the same documents laid out by pdfmake (layout.ts). The service prints with the direct
 * writer of pdf-renderer.ts (ADR 0006); this one stays for the benchmark and to compare the two by eye.
 */

export interface PdfmakeRendererOptions {
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

/** Registers the fonts with pdfmake once per process and returns a renderer that lays out with pdfmake. */
export async function createPdfmakeRenderer(options: PdfmakeRendererOptions = {}): Promise<PdfRenderer> {
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
