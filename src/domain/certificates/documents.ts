/**
 * What each printed document of the service says, as plain values: the PDF adapter lays
 * them out, the domain decides their content. One value per language (kk, ru); every string is final text
 * (already translated and formatted), so the renderer makes no decisions.
 */

export type DocumentLanguage = 'kk' | 'ru';

/** A label and its value, printed as one line of a table ("Иесінің ЖСН" — "900101300017"). */
export interface DocumentField {
  readonly label: string;
  readonly value: string;
}

/** A table with a header row (land plots, livestock by species, documents received). */
export interface DocumentTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Rows to indent as "of which" lines (cows under cattle), by row index. */
  readonly indentedRows?: readonly number[];
}

export interface DocumentSection {
  readonly title?: string;
  readonly paragraphs?: readonly string[];
  readonly fields?: readonly DocumentField[];
  readonly table?: DocumentTable;
}

export type DocumentKind =
  | 'certificate'
  | 'refusal'
  | 'receipt'
  | 'complaint_talon'
  | 'complaint_answer'
  /** The Appendix 3 table of the quality indicators, a report rather than an issued document. */
  | 'indicator_table';

export interface PrintableDocument {
  readonly kind: DocumentKind;
  readonly language: DocumentLanguage;
  /** The issuing body, printed at the top (the akimat's or PSC's full name). */
  readonly issuer: string;
  /** E.g. "АНЫҚТАМА" / "СПРАВКА". */
  readonly title: string;
  /** E.g. "жеке қосалқы шаруашылықтың болуы туралы" / "о наличии личного подсобного хозяйства". */
  readonly subtitle?: string;
  /** The document number as printed ("113243-2026-000042"). */
  readonly number: string;
  /** The issue date as printed in the language ("2026 жылғы 25 қараша" / "25 ноября 2026 г."). */
  readonly date: string;
  readonly sections: readonly DocumentSection[];
  /** The official who signed or issued it: position and name. */
  readonly signatory: { readonly position: string; readonly name: string };
  /** Where the seal/stamp goes (the PSC receipt has a stamp area, R-12). */
  readonly stampArea?: string;
  /** The QR code's text (signed payload + verification URL), and the line printed under it. */
  readonly qr?: { readonly text: string; readonly caption: string };
  /** the survey — a small QR with the invitation and the URL in the bottom margin of the last page. */
  readonly survey?: { readonly text: string; readonly caption: string };
  /** Small print at the bottom (legal basis, how to verify, how to appeal). */
  readonly footer?: readonly string[];
}
