/**
 * R-6: the reasoned refusal — its ground, the facts, the legal basis (§16 of the standard) and where and how to
 * complain (§20–§22, with the addressees' names when known) and the right to go to court (§23).
 */
import type { Channel, Refusal } from '../applications/application';
import {
  ADDRESSEE_TITLES,
  type Addressees,
  APPEAL_ROUTES,
  type LocalizedText,
  REFUSAL_GROUNDS,
} from '../applications/refusal-grounds';
import type { InstantInput } from '../calendar/index';
import { type Official, SERVICE_NAME } from './certificate-document';
import type { DocumentField, DocumentLanguage, DocumentSection, PrintableDocument } from './documents';
import { civilParts, formatDate, formatDateTime, fullName, type PersonName } from './format-text';
import { refusalFacts } from './refusal-text';

export interface RefusalDocumentInput {
  readonly number: string;
  readonly issuedAt: InstantInput;
  /** The akimat that decided, or the PSC that refused at intake. */
  readonly issuer: { readonly name: LocalizedText };
  readonly applicant: PersonName & { readonly iin: string };
  readonly application: { readonly channel: Channel; readonly receivedAt: InstantInput };
  readonly refusal: Refusal;
  /** Ground 2: the name of the akimat whose book was read; by default the issuer's. */
  readonly bookKeeper?: { readonly name: LocalizedText };
  /** The complaint addressees from the office directory, printed under their routes. */
  readonly addressees?: Addressees;
  readonly official: Official;
  /** Optional: the issue asks for a QR on every document; a refusal may carry a signed one as a certificate does. */
  readonly qr?: { readonly text: string; readonly verifyUrl: string };
  readonly timeZone?: string;
}

const TEXT = {
  kk: {
    title: 'БАС ТАРТУ ТУРАЛЫ ДӘЛЕЛДІ ЖАУАП',
    subtitle: `${SERVICE_NAME.kk} мемлекеттік қызметін көрсетуден`,
    applicantSection: 'Өтініш беруші',
    name: 'Тегі, аты, әкесінің аты',
    iin: 'ЖСН',
    receivedAt: 'Өтініш берілген күн мен уақыт',
    channel: 'Өтініш беру тәсілі',
    channels: {
      akimat: 'Кент, ауыл, ауылдық округ әкімінің аппаратына жеке өзі келу',
      psc: 'Халыққа қызмет көрсету орталығы (ХҚКО) арқылы',
      online: 'Онлайн, электрондық түрде',
    },
    ground: 'Бас тарту негізі',
    facts: 'Мән-жайлар',
    basis: 'Құқықтық негіз',
    appeal: 'Шағымдану тәртібі',
    contacts: 'Байланыс деректері',
    phones: 'тел.',
    verify: 'Тексеру',
    again:
      'Бас тартуға негіз болған себептер жойылғаннан кейін мемлекеттік қызметті алу үшін қайта жүгінуге болады.',
  },
  ru: {
    title: 'МОТИВИРОВАННЫЙ ОТКАЗ',
    subtitle: `в оказании государственной услуги ${SERVICE_NAME.ru}`,
    applicantSection: 'Заявитель',
    name: 'Фамилия, имя, отчество',
    iin: 'ИИН',
    receivedAt: 'Дата и время обращения',
    channel: 'Способ обращения',
    channels: {
      akimat: 'Личное обращение в аппарат акима поселка, села, сельского округа',
      psc: 'Через центр обслуживания населения (ЦОН)',
      online: 'Онлайн, в электронной форме',
    },
    ground: 'Основание отказа',
    facts: 'Обстоятельства',
    basis: 'Правовое основание',
    appeal: 'Порядок обжалования',
    contacts: 'Контактные данные',
    phones: 'тел.',
    verify: 'Проверка',
    again:
      'После устранения причин, послуживших основанием для отказа, заявитель вправе повторно обратиться за получением государственной услуги.',
  },
} as const;

function addresseeLine(
  a: NonNullable<Addressees[keyof Addressees]>,
  lang: DocumentLanguage,
  phonesLabel: string,
): string {
  const parts = [a.name[lang], a.address];
  if (a.phones && a.phones.length > 0) parts.push(`${phonesLabel} ${a.phones.join(', ')}`);
  if (a.emails && a.emails.length > 0) parts.push(a.emails.join(', '));
  return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join('; ');
}

function appealSections(addressees: Addressees | undefined, lang: DocumentLanguage): DocumentSection[] {
  const T = TEXT[lang];
  return APPEAL_ROUTES.map((route, i) => {
    const fields: DocumentField[] = route.addressees.flatMap((kind) => {
      const a = addressees?.[kind];
      return a ? [{ label: ADDRESSEE_TITLES[kind][lang], value: addresseeLine(a, lang, T.phones) }] : [];
    });
    return {
      ...(i === 0 ? { title: T.appeal } : {}),
      paragraphs: [route.text[lang]],
      ...(fields.length > 0 ? { fields } : {}),
    };
  });
}

/** the reasoned refusal in `lang`. */
export function refusalDocument(input: RefusalDocumentInput, lang: DocumentLanguage): PrintableDocument {
  const T = TEXT[lang];
  const ground = REFUSAL_GROUNDS[input.refusal.ground];
  const { date } = civilParts(input.issuedAt, input.timeZone);
  // The book read is the issuing akimat's own unless told otherwise (a PSC refusal at intake reads no book).
  const keeper =
    input.bookKeeper ??
    (input.refusal.ground === 'no_psf_record' && input.refusal.akimatKato ? input.issuer : undefined);
  const facts = refusalFacts(input.refusal, lang, keeper ? { name: keeper.name } : undefined);
  const factsSection: DocumentSection = {
    title: T.facts,
    paragraphs: facts.paragraphs,
    ...(facts.fields.length > 0 ? { fields: facts.fields } : {}),
  };
  return {
    kind: 'refusal',
    language: lang,
    issuer: input.issuer.name[lang],
    title: T.title,
    subtitle: T.subtitle,
    number: input.number,
    date: formatDate(date, lang),
    sections: [
      {
        title: T.applicantSection,
        fields: [
          { label: T.name, value: fullName(input.applicant) },
          { label: T.iin, value: input.applicant.iin },
          { label: T.receivedAt, value: formatDateTime(input.application.receivedAt, lang, input.timeZone) },
          { label: T.channel, value: T.channels[input.application.channel] },
        ],
      },
      { title: T.ground, paragraphs: [`${ground.title[lang]}.`] },
      factsSection,
      { title: T.basis, paragraphs: [`${capitalize(ground.basis[lang])}.`] },
      ...appealSections(input.addressees, lang),
    ],
    signatory: { position: input.official.position[lang], name: input.official.name },
    ...(input.qr ? { qr: { text: input.qr.text, caption: `${T.verify}: ${input.qr.verifyUrl}` } } : {}),
    footer: [T.again],
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('ru') + text.slice(1);
}
