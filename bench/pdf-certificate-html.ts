import type { PrintableDocument } from '../src/domain/certificates/documents';

/**
 * The same document as HTML + CSS, for the benchmark's comparison with printing from headless Chromium (issue 5
 * item 5). It follows the PDF adapter's layout closely enough that both engines draw the same page: A4, 20 mm
 * margins, DejaVu Sans (Debian's fonts-dejavu-core, which Chromium finds through fontconfig), the same type
 * sizes, tables, signature line, stamp box and a 35 mm QR code.
 */

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const NUMERIC = /^[-+−]?[\d\s\u00a0.,]*\d[\d\s\u00a0.,]*$/u;

const CSS = `
@page { size: A4; margin: 20mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; line-height: 1.12; color: #000; }
.issuer { text-align: center; font-weight: bold; font-size: 10.5pt; margin: 0 24pt 6pt; }
.rule { border-top: 1.4pt solid #000; border-bottom: 0.5pt solid #000; height: 2.6pt; margin-bottom: 16pt; }
h1 { text-align: center; font-size: 16pt; letter-spacing: 2pt; margin: 0; }
.subtitle { text-align: center; font-size: 11pt; margin: 2pt 36pt 0; }
.number-date { display: flex; justify-content: space-between; margin: 14pt 0 4pt; }
.number-date b { font-weight: bold; }
h2 { font-size: 10pt; margin: 8pt 0 4pt; }
p { margin: 0 0 5pt; }
table { border-collapse: collapse; width: 100%; }
.fields { margin-bottom: 6pt; border-top: 0.8pt solid #8c8c8c; border-bottom: 0.8pt solid #8c8c8c; }
.fields td { border-top: 0.4pt solid #c4c4c4; padding: 2.5pt 2pt; vertical-align: top; }
.fields td.label { width: 36%; color: #555; font-size: 8.5pt; }
.fields td.value { padding-left: 8pt; }
h3 { font-size: 9.5pt; margin: 6pt 0 3pt; }
.data { margin-bottom: 6pt; }
.data th, .data td { border: 0.5pt solid #8c8c8c; padding: 2pt 4pt; text-align: left; }
.data th { background: #ececec; font-size: 8pt; }
.data td { font-size: 8.5pt; }
.data .num { text-align: right; width: 1%; white-space: nowrap; }
.data tr.indent td { color: #555; }
.data tr.indent td:first-child { padding-left: 18pt; }
.closing { break-inside: avoid; }
.signature { display: flex; align-items: flex-end; margin-top: 18pt; gap: 4pt; }
.signature .position { flex: 1; }
.signature .line { width: 35mm; border-bottom: 0.6pt solid #000; margin: 0 4pt 2pt; }
.signature .name { font-weight: bold; white-space: nowrap; }
.band { display: flex; gap: 4mm; margin-top: 14pt; align-items: flex-start; }
.stamp { width: 40mm; height: 32mm; border: 0.75pt dashed #555; color: #555; font-size: 9pt;
  display: flex; align-items: center; justify-content: center; }
.small { flex: 1; font-size: 7.5pt; color: #555; }
.small p { margin: 0 0 3pt; }
.qr { width: 45mm; text-align: center; font-size: 7.5pt; color: #555; }
.qr img { width: 35mm; height: 35mm; display: block; margin: 0 auto 3pt; image-rendering: pixelated; }
`;

export function certificateHtml(doc: PrintableDocument, qrPngDataUrl: string | undefined): string {
  const e = escapeHtml;
  const parts: string[] = [
    `<!doctype html><html lang="${doc.language}"><head><meta charset="utf-8"><style>${CSS}</style></head><body>`,
    `<div class="issuer">${e(doc.issuer)}</div><div class="rule"></div>`,
    `<h1>${e(doc.title)}</h1>`,
  ];
  if (doc.subtitle) parts.push(`<div class="subtitle">${e(doc.subtitle)}</div>`);
  parts.push(`<div class="number-date"><b>№ ${e(doc.number)}</b><span>${e(doc.date)}</span></div>`);
  for (const section of doc.sections) {
    if (section.title) parts.push(`<h2>${e(section.title)}</h2>`);
    for (const paragraph of section.paragraphs ?? []) parts.push(`<p>${e(paragraph)}</p>`);
    if (section.fields && section.fields.length > 0) {
      parts.push('<table class="fields">');
      for (const field of section.fields) {
        parts.push(
          `<tr><td class="label">${e(field.label)}</td><td class="value">${e(field.value)}</td></tr>`,
        );
      }
      parts.push('</table>');
    }
    const table = section.table;
    if (table) {
      const numeric = table.columns.map(
        (_, c) => c > 0 && table.rows.every((row) => (row[c] ?? '') === '' || NUMERIC.test(row[c] ?? '')),
      );
      const cls = (c: number) => (numeric[c] ? ' class="num"' : '');
      const indented = new Set(table.indentedRows ?? []);
      parts.push(`<h3>${e(table.title)}</h3><table class="data"><thead><tr>`);
      table.columns.forEach((column, c) => {
        parts.push(`<th${cls(c)}>${e(column)}</th>`);
      });
      parts.push('</tr></thead><tbody>');
      table.rows.forEach((row, r) => {
        parts.push(indented.has(r) ? '<tr class="indent">' : '<tr>');
        table.columns.forEach((_, c) => {
          parts.push(`<td${cls(c)}>${e(row[c] ?? '')}</td>`);
        });
        parts.push('</tr>');
      });
      parts.push('</tbody></table>');
    }
  }
  parts.push(
    '<div class="closing"><div class="signature">',
    `<div class="position">${e(doc.signatory.position)}</div><div class="line"></div>`,
    `<div class="name">${e(doc.signatory.name)}</div></div><div class="band">`,
  );
  if (doc.stampArea) parts.push(`<div class="stamp">${e(doc.stampArea)}</div>`);
  parts.push(`<div class="small">${(doc.footer ?? []).map((line) => `<p>${e(line)}</p>`).join('')}</div>`);
  if (doc.qr && qrPngDataUrl) {
    parts.push(`<div class="qr"><img src="${qrPngDataUrl}" alt="">${e(doc.qr.caption)}</div>`);
  }
  parts.push('</div></div></body></html>');
  return parts.join('');
}
