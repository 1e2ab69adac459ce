import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintableDocument } from '../../domain/certificates/documents';
import { withSurveyLink } from '../../domain/complaints/survey-link';
import { createPdfRenderer, type PdfRenderer } from './pdf-renderer';
import { createPdfmakeRenderer } from './pdfmake-renderer';
import { KAZAKH_LETTERS, longTableDocument, SAMPLE_QR_TEXT, sampleCertificate } from './sample-documents';

/** Whether a command-line tool runs here (poppler-utils and zbar-tools are Debian packages, not npm). */
const hasTool = (name: string) => spawnSync(name, ['-v'], { stdio: 'ignore' }).error === undefined;
const POPPLER = hasTool('pdftotext') && hasTool('pdftoppm');
const ZBAR = hasTool('zbarimg');
if (!POPPLER) console.warn('pdf-renderer.test: pdftotext/pdftoppm missing (apt-get install poppler-utils)');
if (!ZBAR) console.warn('pdf-renderer.test: zbarimg missing (apt-get install zbar-tools)');

const SURVEY_URL = 'https://qosalqy.kz/survey?application=6f1d2c3b-0000-4000-8000-000000000001';

let renderer: PdfRenderer;
let workDir: string;
beforeAll(async () => {
  renderer = await createPdfRenderer();
  workDir = mkdtempSync(path.join(tmpdir(), 'qosalqy-pdf-'));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

let fileCount = 0;
function save(pdf: Buffer): string {
  const file = path.join(workDir, `doc-${++fileCount}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** The text of the PDF as poppler extracts it, pages separated by form feeds. */
function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', save(pdf), '-'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

/** Whitespace (line breaks where pdfmake wrapped, zero-width break opportunities) removed. */
const squeeze = (text: string) => text.replace(/[\s\u200b]+/gu, '');

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

const withSections = (sections: PrintableDocument['sections']): PrintableDocument => ({
  ...sampleCertificate('kk'),
  sections,
});

// documents are A4 PDFs in Kazakh and Russian, with a QR code for verification.
describe('createPdfRenderer', () => {
  it.each(['kk', 'ru'] as const)('renders the %s certificate as one A4 page', async (language) => {
    const pdf = await renderer.render(sampleCertificate(language));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(pageCount(pdf)).toBe(1);
  });

  it('paginates a table of 200 rows, repeating its header on every page', async () => {
    const pdf = await renderer.render(longTableDocument(200));
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(2);
    if (!POPPLER) return;
    const text = pdfText(pdf)
      .split('\f')
      .filter((page) => page.trim() !== '');
    expect(text).toHaveLength(pages);
    const withRows = text.filter((page) => page.includes('Қой мен ешкі'));
    expect(withRows.length).toBeGreaterThan(2);
    for (const page of withRows) expect(page).toContain('Басы');
    expect(text.at(-2)).toContain(`№ 195243-2026-000042 · ${pages - 1} / ${pages}`);
    const all = squeeze(text.join(''));
    for (const row of [1, 99, 200]) expect(all).toContain(squeeze(`${row}. Қой мен ешкі`));
  });

  describe.skipIf(!POPPLER)('text (pdftotext)', () => {
    it('prints every Kazakh letter of the certificate', async () => {
      const text = pdfText(await renderer.render(sampleCertificate('kk')));
      for (const letter of 'әғқңөұүһі') expect(text).toContain(letter);
      expect(text).toContain('АНЫҚТАМА');
      expect(text).toContain('Әбдіғалиева Гүлнұр Құрманғазықызы');
      expect(text).toContain('№ 195243-2026-000042');
      // The long address wraps inside its cell and loses nothing.
      const address = sampleCertificate('kk').sections[0]?.fields?.[2]?.value ?? '';
      expect(squeeze(text)).toContain(squeeze(address));
    });

    it('prints the Russian certificate', async () => {
      const text = pdfText(await renderer.render(sampleCertificate('ru')));
      expect(text).toContain('СПРАВКА');
      expect(text).toContain('о наличии личного подсобного хозяйства');
      expect(text).toContain('Абдигалиева Гульнур Курмангазыкызы');
      expect(squeeze(text)).toContain(squeeze('в том числе коровы'));
    });

    it('prints the upper and lower case of all nine Kazakh letters in both faces', async () => {
      const text = pdfText(
        await renderer.render(
          withSections([{ title: KAZAKH_LETTERS, paragraphs: [KAZAKH_LETTERS], fields: [] }]),
        ),
      );
      for (const letter of KAZAKH_LETTERS.replace(' ', '')) expect(text).toContain(letter);
    });

    it('prints markup as literal text', async () => {
      const markup = '<script>alert("x")</script> <b>bold</b> **x** &amp;';
      const text = pdfText(
        await renderer.render(
          withSections([
            { title: '<h1>Title</h1>', paragraphs: [markup], fields: [{ label: '<i>', value: markup }] },
          ]),
        ),
      );
      expect(text).toContain('<h1>Title</h1>');
      expect(text).toContain('<script>alert("x")</script>');
      expect(text).toContain('<b>bold</b> **x** &amp;');
      expect(text).toContain('<i>');
    });

    it('falls back to the whole font for letters outside the subset', async () => {
      const text = pdfText(await renderer.render(withSections([{ paragraphs: ['Ωμέγα ქართული Հայերեն'] }])));
      expect(text).toContain('Ωμέγα ქართული Հայերեն');
    });

    it('runs long paragraphs over pages, numbering every page of the document', async () => {
      const sentence = 'Шаруашылық кітабындағы жазба бойынша мал мен құс басы есепке алынды. ';
      const paragraphs = Array.from({ length: 40 }, (_, i) => `${i + 1}. ${sentence.repeat(4)}`);
      const pdf = await renderer.render(withSections([{ title: 'Жазбалар', paragraphs }]));
      const pages = pageCount(pdf);
      expect(pages).toBeGreaterThan(1);
      const text = pdfText(pdf)
        .split('\f')
        .filter((page) => page.trim() !== '');
      expect(text).toHaveLength(pages);
      text.forEach((page, i) => {
        expect(page).toContain(`№ 195243-2026-000042 · ${i + 1} / ${pages}`);
      });
      // pdftotext may read the page number in among the lines; without it every paragraph is whole.
      const all = squeeze(text.join('').replace(/№ 195243-2026-000042 · \d+ \/ \d+/gu, ''));
      for (const paragraph of paragraphs) expect(all).toContain(squeeze(paragraph));
      // The closing (signature, QR) is printed once, on the last page.
      expect(text.at(-1)).toContain('Н. Ө. Жұмабекұлы');
    });

    it('prints a one-page document without page numbers', async () => {
      const text = pdfText(await renderer.render(sampleCertificate('ru')));
      expect(text).not.toMatch(/ · 1 \/ /);
    });

    it('embeds only the glyphs a fallback document uses, and only for that document', async () => {
      const fallback = await renderer.render(withSections([{ paragraphs: ['Ωμέγα ქართული'] }]));
      const plain = await renderer.render(sampleCertificate('kk'));
      expect(fallback.toString('latin1')).toContain('+DejaVuSans');
      expect(fallback.toString('latin1')).toMatch(/\/BaseFont \/QOSFL/);
      expect(plain.toString('latin1')).not.toMatch(/\/BaseFont \/QOSFL/);
      // The subset document after a fallback one is unchanged: the fallback never leaks into the prepared fonts.
      expect(pdfText(plain)).toContain('Әбдіғалиева Гүлнұр Құрманғазықызы');
      expect(pdfText(fallback)).toContain('Ωμέγα ქართული');
      // Kazakh letters beside the foreign ones still print in the fallback font.
      expect(pdfText(fallback)).toContain('АНЫҚТАМА');
    });

    it('states the title, subject and language of the document', async () => {
      const pdf = await renderer.render(sampleCertificate('kk'));
      const raw = pdf.toString('latin1');
      expect(raw).toContain('/Lang (kk)');
      const info = execFileSync('pdfinfo', [save(pdf)], { encoding: 'utf8' });
      expect(info).toMatch(/Title:\s+АНЫҚТАМА № 195243-2026-000042/);
      expect(info).toMatch(/Subject:\s+жеке қосалқы шаруашылықтың болуы туралы/);
      expect(info).toMatch(/Pages:\s+1/);
    });

    it('draws the QR code as vector squares, not as an image', async () => {
      const raw = (await renderer.render(sampleCertificate('kk'))).toString('latin1');
      expect(raw).not.toContain('/Subtype /Image');
    });

    it('prints the same text as the pdfmake reference layout', async () => {
      const reference = await createPdfmakeRenderer();
      for (const language of ['kk', 'ru'] as const) {
        const doc = sampleCertificate(language);
        const [lean, pdfmake] = await Promise.all([renderer.render(doc), reference.render(doc)]);
        expect(pageCount(lean)).toBe(pageCount(pdfmake));
        const words = (pdf: Buffer) => pdfText(pdf).split(/\s+/u).filter(Boolean).sort();
        expect(words(lean)).toEqual(words(pdfmake));
      }
    });

    it.each(['kk', 'ru'] as const)(
      'prints the survey link (R-19) in the bottom margin, keeping a one-page document on one page (%s)',
      async (language) => {
        const reference = await createPdfmakeRenderer();
        const doc = withSurveyLink(sampleCertificate(language), 'application', SURVEY_URL);
        const [lean, pdfmake] = await Promise.all([renderer.render(doc), reference.render(doc)]);
        for (const pdf of [lean, pdfmake]) {
          expect(pageCount(pdf)).toBe(1);
          const text = squeeze(pdfText(pdf));
          expect(text).toContain(squeeze(`${doc.survey!.caption}:${SURVEY_URL}`));
        }
      },
    );

    it('breaks a word too long for its column instead of losing it', async () => {
      const url = `https://qosalqy.kz/verify?number=195243-2026-000042&token=${'A'.repeat(150)}`;
      const text = pdfText(
        await renderer.render(
          withSections([
            {
              fields: [{ label: 'URL', value: url }],
              table: { title: 'T', columns: ['URL', 'N'], rows: [[url, '1']] },
            },
          ]),
        ),
      );
      expect(squeeze(text).split(url).length - 1).toBe(2);
    });
  });

  describe.skipIf(!POPPLER || !ZBAR)('QR code (pdftoppm + zbarimg)', () => {
    it.each(['kk', 'ru'] as const)(
      'decodes to exactly the QR text from a 150 dpi scan (%s)',
      async (language) => {
        const pdfFile = save(await renderer.render(sampleCertificate(language)));
        const prefix = path.join(workDir, `scan-${language}`);
        execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', pdfFile, prefix], { stdio: 'ignore' });
        const decoded = execFileSync('zbarimg', ['--raw', '-q', `${prefix}.png`], { encoding: 'utf8' });
        expect(decoded.replace(/\n$/, '')).toBe(SAMPLE_QR_TEXT);
      },
    );

    it('a document with a survey link (R-19) carries two QR codes: verification and survey', async () => {
      const doc = withSurveyLink(sampleCertificate('ru'), 'application', SURVEY_URL);
      const pdfFile = save(await renderer.render(doc));
      const prefix = path.join(workDir, 'scan-survey');
      // 300 dpi: the survey's code is the small one (14 mm), made for a phone held close.
      execFileSync('pdftoppm', ['-png', '-r', '300', '-singlefile', pdfFile, prefix], { stdio: 'ignore' });
      const decoded = execFileSync('zbarimg', ['--raw', '-q', `${prefix}.png`], { encoding: 'utf8' });
      expect(decoded.trim().split('\n').sort()).toEqual([SAMPLE_QR_TEXT, SURVEY_URL].sort());
    });
  });
});
