/**
 * R-19 (issue 7 item 4): every issued document and ticket carries the link to its satisfaction survey — the
 * certificate, the refusal and the PSC receipt to the survey of their application, the complaint's talon and
 * answer to the survey of the complaint. The PDF renderers print its QR code and the link as text (it survives
 * a poor scan and is read by a screen reader).
 */
import type { DocumentLanguage, PrintableDocument } from '../certificates/documents';
import type { SurveySubject } from './survey';

/** The survey page of one application (by id) or complaint (by number), under the public base URL. */
export function surveyLink(publicBaseUrl: string, subject: SurveySubject, reference: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}/survey?${subject}=${encodeURIComponent(reference)}`;
}

/** The invitation printed before the link; after a service, or after a complaint's answer. */
export const SURVEY_INVITATION: Readonly<Record<SurveySubject, Readonly<Record<DocumentLanguage, string>>>> =
  {
    application: {
      kk: 'Мемлекеттік қызметтің сапасын бағалаңыз',
      ru: 'Оцените качество государственной услуги',
    },
    complaint: {
      kk: 'Шағымның қаралуын бағалаңыз (жауап берілгеннен кейін)',
      ru: 'Оцените рассмотрение жалобы (после ответа)',
    },
  };

/**
 * The document with its survey: printed in the bottom margin of the last page (QR, invitation, link), where it
 * takes no room from the document itself. The complaint's answer had the survey as its one QR; it moves there.
 */
export function withSurveyLink(
  doc: PrintableDocument,
  subject: SurveySubject,
  url: string,
): PrintableDocument {
  const { qr, ...rest } = doc;
  return {
    ...rest,
    ...(qr && qr.text !== url ? { qr } : {}),
    survey: { text: url, caption: SURVEY_INVITATION[subject][doc.language] },
  };
}
