/**
 * R-18 (§24): the talon given on accepting a complaint, and R-17 (§23): the reasoned answer, each in Kazakh and
 * Russian, as `PrintableDocument` values the PDF adapter lays out.
 */
import type { LocalizedText } from '../applications/refusal-grounds';
import type { InstantInput } from '../calendar/index';
import { type Official, SERVICE_NAME } from '../certificates/certificate-document';
import type { DocumentLanguage, PrintableDocument } from '../certificates/documents';
import { civilParts, formatDate, formatDateTime, formatDueBy, ruPlural } from '../certificates/format-text';
import type { ComplaintKind, ComplaintOutcome } from './complaint';

export interface OfficeContact {
  readonly name: LocalizedText;
  readonly address: string | null;
  readonly phones: readonly string[];
  readonly emails: readonly string[];
}

export interface TalonInput {
  readonly number: string;
  readonly kind: ComplaintKind;
  readonly registeredAt: InstantInput;
  /** The official who accepted it at the office, or null when filed online. */
  readonly acceptedBy: Official | null;
  /** The office where it was accepted (in-office intake). */
  readonly intakeOffice: OfficeContact | null;
  readonly complainantName: string;
  readonly dueAt: InstantInput;
  readonly workingDays: number;
  /** The addressee: where the answer is prepared and can be collected. */
  readonly reviewer: OfficeContact & { readonly position: LocalizedText };
  /** Public status page (number + IIN): the link printed and encoded in the QR. */
  readonly statusUrl: string;
  readonly timeZone?: string;
}

const KIND_TEXT: Readonly<Record<ComplaintKind, LocalizedText>> = {
  result: {
    kk: 'мемлекеттік қызмет көрсету нәтижесімен келіспеу (стандарттың 21-тармағы)',
    ru: 'несогласие с результатом оказания государственной услуги (пункт 21 стандарта)',
  },
  service: {
    kk: 'қызметтің дұрыс көрсетілмеуі (стандарттың 22-тармағы)',
    ru: 'ненадлежащее оказание услуги (пункт 22 стандарта)',
  },
};

const TALON = {
  kk: {
    title: 'ТАЛОН',
    subtitle: 'шағымның қабылданғанын растайтын',
    service: `Мемлекеттік қызмет: ${SERVICE_NAME.kk}.`,
    section: 'Шағым',
    number: 'Шағымның нөмірі',
    kind: 'Шағымның түрі',
    complainant: 'Шағым беруші',
    acceptedAt: 'Қабылданған күні мен уақыты',
    acceptedBy: 'Қабылдаған',
    online: 'электрондық түрде (онлайн)',
    answerSection: 'Жауап алу',
    due: 'Жауап берудің мерзімі',
    term: (n: number) => `тіркелген күн есептелмей, ${n} жұмыс күні`,
    place: 'Жауап алу орны',
    placeOnline: 'жауап шағым берушінің байланыс деректеріне жіберіледі және мәртебе бетінде көрсетіледі',
    contacts: 'Шағымның қаралу барысы туралы білуге болатын лауазымды адамдар',
    status: 'Шағымның мәртебесін шағым нөмірі мен ЖСН бойынша мына бетте тексеруге болады',
    qr: 'Шағымның мәртебесі',
    basis: 'Талон стандарттың 24-тармағына сәйкес берілді.',
  },
  ru: {
    title: 'ТАЛОН',
    subtitle: 'подтверждающий принятие жалобы',
    service: `Государственная услуга: ${SERVICE_NAME.ru}.`,
    section: 'Жалоба',
    number: 'Номер жалобы',
    kind: 'Вид жалобы',
    complainant: 'Заявитель',
    acceptedAt: 'Дата и время принятия',
    acceptedBy: 'Принял(а)',
    online: 'в электронной форме (онлайн)',
    answerSection: 'Получение ответа',
    due: 'Срок ответа',
    term: (n: number) =>
      `${n} ${ruPlural(n, 'рабочий день', 'рабочих дня', 'рабочих дней')}, не считая дня регистрации`,
    place: 'Место получения ответа',
    placeOnline: 'ответ направляется по контактам заявителя и отображается на странице статуса',
    contacts: 'Должностные лица, у которых можно узнать о ходе рассмотрения жалобы',
    status: 'Статус жалобы можно проверить по номеру жалобы и ИИН на странице',
    qr: 'Статус жалобы',
    basis: 'Талон выдан в соответствии с пунктом 24 стандарта.',
  },
} as const;

function contactLine(o: OfficeContact, lang: DocumentLanguage): string {
  return [o.name[lang], o.address, o.phones.join(', '), o.emails.join(', ')]
    .filter((s): s is string => !!s && s.trim() !== '')
    .join('; ');
}

/** the talon in `lang`. */
export function talonDocument(input: TalonInput, lang: DocumentLanguage): PrintableDocument {
  const T = TALON[lang];
  const { date } = civilParts(input.registeredAt, input.timeZone);
  const contacts = [input.reviewer, ...(input.intakeOffice ? [input.intakeOffice] : [])];
  return {
    kind: 'complaint_talon',
    language: lang,
    issuer: (input.intakeOffice ?? input.reviewer).name[lang],
    title: T.title,
    subtitle: T.subtitle,
    number: input.number,
    date: formatDate(date, lang),
    sections: [
      { paragraphs: [T.service] },
      {
        title: T.section,
        fields: [
          { label: T.number, value: input.number },
          { label: T.kind, value: KIND_TEXT[input.kind][lang] },
          { label: T.complainant, value: input.complainantName },
          { label: T.acceptedAt, value: formatDateTime(input.registeredAt, lang, input.timeZone) },
          {
            label: T.acceptedBy,
            value: input.acceptedBy
              ? `${input.acceptedBy.position[lang]} ${input.acceptedBy.name}`
              : T.online,
          },
        ],
      },
      {
        title: T.answerSection,
        fields: [
          {
            label: T.due,
            value: `${formatDueBy(input.dueAt, lang, input.timeZone)} (${T.term(input.workingDays)})`,
          },
          {
            label: T.place,
            value: `${input.reviewer.position[lang]}: ${[input.reviewer.name[lang], input.reviewer.address].filter(Boolean).join(', ')}; ${T.placeOnline}`,
          },
        ],
      },
      { title: T.contacts, paragraphs: contacts.map((c) => contactLine(c, lang)) },
      { paragraphs: [`${T.status}: ${input.statusUrl}`] },
    ],
    signatory: input.acceptedBy
      ? { position: input.acceptedBy.position[lang], name: input.acceptedBy.name }
      : { position: T.online, name: '' },
    qr: { text: input.statusUrl, caption: T.qr },
    footer: [T.basis],
  };
}

export interface AnswerInput {
  readonly complaintNumber: string;
  readonly kind: ComplaintKind;
  readonly registeredAt: InstantInput;
  readonly answeredAt: InstantInput;
  readonly complainantName: string;
  readonly complaintText: string;
  readonly outcome: ComplaintOutcome;
  /** The reasoning, as the reviewer wrote it (in the complainant's language). */
  readonly reasoning: string;
  readonly reviewer: Official & { readonly office: LocalizedText };
  /** The survey about the complaint's handling: link and QR. */
  readonly surveyUrl: string;
  readonly timeZone?: string;
}

export const OUTCOME_TEXT: Readonly<Record<ComplaintOutcome, LocalizedText>> = {
  justified_satisfied: {
    kk: 'Шағым негізді деп танылды және қанағаттандырылды',
    ru: 'Жалоба признана обоснованной и удовлетворена',
  },
  justified_partly: {
    kk: 'Шағым негізді деп танылды және ішінара қанағаттандырылды',
    ru: 'Жалоба признана обоснованной и удовлетворена частично',
  },
  not_justified: { kk: 'Шағым негізсіз деп танылды', ru: 'Жалоба признана необоснованной' },
};

const ANSWER = {
  kk: {
    title: 'ШАҒЫМҒА ЖАУАП',
    subtitle: (n: string) => `№ ${n} шағым бойынша`,
    section: 'Шағым',
    complainant: 'Шағым беруші',
    registered: 'Тіркелген күні мен уақыты',
    kind: 'Шағымның түрі',
    text: 'Шағымның мәні',
    decision: 'Қаралу нәтижесі',
    reasoning: 'Негіздеме',
    answeredAt: 'Жауап берілген күні мен уақыты',
    court:
      'Көрсетілген мемлекеттік қызмет нәтижелерімен келіспеген жағдайда Сіз заңнамада белгіленген тәртіппен сотқа жүгінуге құқылысыз (стандарттың 23-тармағы).',
    survey: 'Шағымның қаралуын бағалаңыз',
  },
  ru: {
    title: 'ОТВЕТ НА ЖАЛОБУ',
    subtitle: (n: string) => `по жалобе № ${n}`,
    section: 'Жалоба',
    complainant: 'Заявитель',
    registered: 'Дата и время регистрации',
    kind: 'Вид жалобы',
    text: 'Суть жалобы',
    decision: 'Результат рассмотрения',
    reasoning: 'Обоснование',
    answeredAt: 'Дата и время ответа',
    court:
      'В случае несогласия с результатами оказанной государственной услуги Вы вправе обратиться в суд в установленном законодательством порядке (пункт 23 стандарта).',
    survey: 'Оцените рассмотрение жалобы',
  },
} as const;

/** R-17 §23: the reasoned answer in `lang`; it always states the right to go to court. */
export function answerDocument(input: AnswerInput, lang: DocumentLanguage): PrintableDocument {
  const A = ANSWER[lang];
  const { date } = civilParts(input.answeredAt, input.timeZone);
  return {
    kind: 'complaint_answer',
    language: lang,
    issuer: input.reviewer.office[lang],
    title: A.title,
    subtitle: A.subtitle(input.complaintNumber),
    number: input.complaintNumber,
    date: formatDate(date, lang),
    sections: [
      {
        title: A.section,
        fields: [
          { label: A.complainant, value: input.complainantName },
          { label: A.registered, value: formatDateTime(input.registeredAt, lang, input.timeZone) },
          { label: A.kind, value: KIND_TEXT[input.kind][lang] },
          { label: A.text, value: input.complaintText },
        ],
      },
      {
        title: A.decision,
        fields: [
          { label: A.decision, value: OUTCOME_TEXT[input.outcome][lang] },
          { label: A.answeredAt, value: formatDateTime(input.answeredAt, lang, input.timeZone) },
        ],
        paragraphs: [`${A.reasoning}: ${input.reasoning}`],
      },
      { paragraphs: [A.court] },
    ],
    signatory: { position: input.reviewer.position[lang], name: input.reviewer.name },
    qr: { text: input.surveyUrl, caption: A.survey },
    footer: [A.court],
  };
}

/** Position titles of the reviewers, for the talon and the answer. */
export const REVIEWER_POSITION: Readonly<Record<'akimat' | 'psc' | 'district' | 'oblast', LocalizedText>> = {
  akimat: { kk: 'Ауылдық округ әкімі', ru: 'Аким сельского округа' },
  psc: { kk: 'ХҚКО директоры', ru: 'Директор ЦОН' },
  district: { kk: 'Аудан әкімі', ru: 'Аким района' },
  oblast: { kk: 'Облыс әкімі', ru: 'Аким области' },
};
