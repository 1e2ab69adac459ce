/**
 * R-12 (§14): the PSC's receipt that all required documents were handed in — the documents received, the PSC,
 * a stamp area, the date and time the result will be ready and where to collect it, in person (R-2, §15).
 */
import type { DeadlineRule } from '../applications/application';
import {
  CHANNEL_DOCUMENTS,
  type DocumentCode,
  REQUIRED_DOCUMENTS,
} from '../applications/documents-checklist';
import type { LocalizedText } from '../applications/refusal-grounds';
import type { InstantInput } from '../calendar/index';
import { type Official, SERVICE_NAME } from './certificate-document';
import type { DocumentLanguage, PrintableDocument } from './documents';
import {
  civilParts,
  formatDate,
  formatDateTime,
  formatDueBy,
  fullName,
  type PersonName,
  ruPlural,
} from './format-text';

export interface ReceiptDocumentInput {
  readonly number: string;
  /** When the complete documents were accepted (the deadline's start). */
  readonly acceptedAt: InstantInput;
  readonly psc: {
    readonly name: LocalizedText;
    readonly address: string;
    readonly phones?: readonly string[];
  };
  readonly applicant: PersonName & { readonly iin: string };
  /** The checklist as recorded. */
  readonly documents: Readonly<Partial<Record<DocumentCode, boolean>>>;
  /** `application.deadline.dueAt`. */
  readonly dueAt: InstantInput;
  /** The rule the due date came from, printed as the term; omitted when not given. */
  readonly rule?: DeadlineRule;
  readonly operator: Official;
  /** Optional: a QR to follow the application, if the lead adds one. */
  readonly qr?: { readonly text: string; readonly caption: string };
  readonly timeZone?: string;
}

const TEXT = {
  kk: {
    title: 'ҚОЛХАТ',
    subtitle: 'мемлекеттік қызметті алу үшін барлық қажетті құжаттардың қабылданғаны туралы',
    service: `Мемлекеттік қызмет: ${SERVICE_NAME.kk}.`,
    applicantSection: 'Өтініш беруші',
    name: 'Тегі, аты, әкесінің аты',
    iin: 'ЖСН',
    acceptedAt: 'Құжаттардың қабылданған күні мен уақыты',
    documents: 'Қабылданған құжаттар',
    columns: ['№', 'Құжаттың атауы', 'Белгі'],
    present: 'ұсынылды',
    absent: 'ұсынылмады',
    originalChecked: 'көшірмесімен салыстырылды, қайтарылды',
    resultSection: 'Нәтижені алу',
    readyBy: 'Нәтиженің дайын болатын күні мен уақыты',
    term: 'Қызмет көрсету мерзімі',
    termValue: (rule: DeadlineRule) =>
      rule.unit === 'working_days'
        ? `құжаттар қабылданған күн есептелмей, ${rule.amount} жұмыс күні (стандарттың 7-тармағы)`
        : `${rule.amount} минут (стандарттың 7-тармағы)`,
    place: 'Нәтижені алу орны',
    inPerson:
      'Нәтиже (анықтама немесе бас тарту туралы дәлелді жауап) өтініш берушінің өзіне ғана жеке куәлігін көрсеткен кезде беріледі (стандарттың 15-тармағы).',
    phones: 'Анықтама телефоны',
    stamp: 'М.О.',
    basis: 'Қолхат стандарттың 14-тармағына сәйкес берілді.',
  },
  ru: {
    title: 'РАСПИСКА',
    subtitle: 'о приёме всех необходимых документов для получения государственной услуги',
    service: `Государственная услуга: ${SERVICE_NAME.ru}.`,
    applicantSection: 'Заявитель',
    name: 'Фамилия, имя, отчество',
    iin: 'ИИН',
    acceptedAt: 'Дата и время приёма документов',
    documents: 'Принятые документы',
    columns: ['№', 'Наименование документа', 'Отметка'],
    present: 'представлен',
    absent: 'не представлен',
    originalChecked: 'сверен с копией, возвращён',
    resultSection: 'Получение результата',
    readyBy: 'Дата и время готовности результата',
    term: 'Срок оказания услуги',
    termValue: (rule: DeadlineRule) =>
      rule.unit === 'working_days'
        ? `${rule.amount} ${ruPlural(rule.amount, 'рабочий день', 'рабочих дня', 'рабочих дней')}, не считая дня приёма документов (пункт 7 стандарта)`
        : `${rule.amount} ${ruPlural(rule.amount, 'минута', 'минуты', 'минут')} (пункт 7 стандарта)`,
    place: 'Место получения результата',
    inPerson:
      'Результат (справка или мотивированный отказ) выдаётся только лично заявителю при предъявлении удостоверения личности (пункт 15 стандарта).',
    phones: 'Справочный телефон',
    stamp: 'М.П.',
    basis: 'Расписка выдана в соответствии с пунктом 14 стандарта.',
  },
} as const;

/** the PSC receipt in `lang`. */
export function pscReceiptDocument(input: ReceiptDocumentInput, lang: DocumentLanguage): PrintableDocument {
  const T = TEXT[lang];
  const { date } = civilParts(input.acceptedAt, input.timeZone);
  const rows = CHANNEL_DOCUMENTS.psc.map((code, i) => {
    const given = input.documents[code] === true;
    const mark = !given ? T.absent : code === 'identity_original' ? T.originalChecked : T.present;
    return [String(i + 1), REQUIRED_DOCUMENTS[code][lang], mark];
  });
  const phones = input.psc.phones?.filter((p) => p.trim() !== '') ?? [];
  return {
    kind: 'receipt',
    language: lang,
    issuer: input.psc.name[lang],
    title: T.title,
    subtitle: T.subtitle,
    number: input.number,
    date: formatDate(date, lang),
    sections: [
      { paragraphs: [T.service] },
      {
        title: T.applicantSection,
        fields: [
          { label: T.name, value: fullName(input.applicant) },
          { label: T.iin, value: input.applicant.iin },
          { label: T.acceptedAt, value: formatDateTime(input.acceptedAt, lang, input.timeZone) },
        ],
      },
      { table: { title: T.documents, columns: T.columns, rows } },
      {
        title: T.resultSection,
        fields: [
          { label: T.readyBy, value: formatDueBy(input.dueAt, lang, input.timeZone) },
          ...(input.rule ? [{ label: T.term, value: T.termValue(input.rule) }] : []),
          { label: T.place, value: `${input.psc.name[lang]}, ${input.psc.address}` },
          ...(phones.length > 0 ? [{ label: T.phones, value: phones.join(', ') }] : []),
        ],
        paragraphs: [T.inPerson],
      },
    ],
    signatory: { position: input.operator.position[lang], name: input.operator.name },
    stampArea: T.stamp,
    ...(input.qr ? { qr: input.qr } : {}),
    footer: [T.basis],
  };
}
