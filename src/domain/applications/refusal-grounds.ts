/**
 * R-6 (§16): the grounds for refusal — exactly two — and R-17 (§20–§23): how a refusal can be appealed. Every
 * refusal names its ground, the facts (a `Refusal` value), the legal basis and the appeal routes; the wording
 * here is what the printed refusal says (certificates/refusal-document.ts).
 */
import type { NoRecordFacts, NoRecordReason, PsfLookup } from '../household/psf-lookup';
import type { PlainDate } from '../shared/plain-date';
import { err, ok, type Result } from '../shared/result';
import type { Refusal, RefusalGroundCode } from './application';
import type { DocumentCode } from './documents-checklist';

export interface LocalizedText {
  readonly kk: string;
  readonly ru: string;
}

/** The standard itself, as a refusal cites it. */
export const STANDARD_ACT = {
  kk: '«Жеке қосалқы шаруашылықтың болуы туралы анықтама беру» мемлекеттік қызмет стандарты (Қазақстан Республикасы Үкіметінің 2011 жылғы 29 наурыздағы № 283 қаулысы)',
  ru: 'стандарт государственной услуги «Выдача справки о наличии личного подсобного хозяйства» (постановление Правительства Республики Казахстан от 29 марта 2011 года № 283)',
} as const satisfies LocalizedText;

export interface RefusalGround {
  readonly code: RefusalGroundCode;
  /** The standard's paragraph and item. */
  readonly paragraph: 16;
  readonly item: 1 | 2;
  /** The ground as a heading of the refusal. */
  readonly title: LocalizedText;
  /** The legal basis in full, as printed. */
  readonly basis: LocalizedText;
}

/** §16 (1) and §16 (2), and no other ground. */
export const REFUSAL_GROUNDS = {
  incomplete_documents: {
    code: 'incomplete_documents',
    paragraph: 16,
    item: 1,
    title: {
      kk: 'Стандарттың 11-тармағында көрсетілген құжаттардың толық емес пакетін ұсыну',
      ru: 'Представление неполного пакета документов, указанных в пункте 11 стандарта',
    },
    basis: {
      kk: '«Жеке қосалқы шаруашылықтың болуы туралы анықтама беру» мемлекеттік қызмет стандартының 16-тармағының 1) тармақшасы (Қазақстан Республикасы Үкіметінің 2011 жылғы 29 наурыздағы № 283 қаулысы)',
      ru: 'подпункт 1) пункта 16 стандарта государственной услуги «Выдача справки о наличии личного подсобного хозяйства» (постановление Правительства Республики Казахстан от 29 марта 2011 года № 283)',
    },
  },
  no_psf_record: {
    code: 'no_psf_record',
    paragraph: 16,
    item: 2,
    title: {
      kk: 'Жергілікті атқарушы органның (кент, ауыл, ауылдық округ әкімінің) шаруашылық кітабында жеке қосалқы шаруашылықтың болуы туралы деректердің жоқ болуы',
      ru: 'Отсутствие в похозяйственной книге местного исполнительного органа (акима поселка, села, сельского округа) сведений о наличии личного подсобного хозяйства',
    },
    basis: {
      kk: '«Жеке қосалқы шаруашылықтың болуы туралы анықтама беру» мемлекеттік қызмет стандартының 16-тармағының 2) тармақшасы (Қазақстан Республикасы Үкіметінің 2011 жылғы 29 наурыздағы № 283 қаулысы)',
      ru: 'подпункт 2) пункта 16 стандарта государственной услуги «Выдача справки о наличии личного подсобного хозяйства» (постановление Правительства Республики Казахстан от 29 марта 2011 года № 283)',
    },
  },
} as const satisfies Record<RefusalGroundCode, RefusalGround>;

/** Who a complaint is addressed to. */
export const ADDRESSEE_KINDS = ['district_akim', 'oblast_akim', 'rural_akim', 'psc_director'] as const;
export type AddresseeKind = (typeof ADDRESSEE_KINDS)[number];

export const ADDRESSEE_TITLES = {
  district_akim: { kk: 'Аудан әкімі', ru: 'Аким района' },
  oblast_akim: { kk: 'Облыс әкімі', ru: 'Аким области' },
  rural_akim: { kk: 'Кент, ауыл, ауылдық округ әкімі', ru: 'Аким поселка, села, сельского округа' },
  psc_director: { kk: 'ХҚКО директоры', ru: 'Директор ЦОН' },
} as const satisfies Record<AddresseeKind, LocalizedText>;

/** A named addressee with its office's contacts (from the directory of R-20), printed under its route. */
export interface Addressee {
  /** The apparatus or office, e.g. «Ақкөл ауданы әкімінің аппараты» ММ. */
  readonly name: LocalizedText;
  readonly address?: string;
  readonly phones?: readonly string[];
  readonly emails?: readonly string[];
}

export type Addressees = Readonly<Partial<Record<AddresseeKind, Addressee>>>;

export interface AppealRoute {
  readonly paragraph: 20 | 21 | 22 | 23 | 24;
  readonly addressees: readonly AddresseeKind[];
  readonly text: LocalizedText;
}

/** R-16, R-17 (§20–§24), in the order a refusal prints them. */
export const APPEAL_ROUTES: readonly AppealRoute[] = [
  {
    paragraph: 21,
    addressees: ['district_akim', 'oblast_akim'],
    text: {
      kk: 'Мемлекеттік қызмет көрсету нәтижесімен келіспеген жағдайда шағым тиісінше аудан әкімінің немесе облыс әкімінің атына беріледі (стандарттың 21-тармағы). Шағым жергілікті атқарушы органға демалыс және мереке күндерінен басқа жұмыс күндері сағат 9.00-ден 20.00-ге дейін, ХҚКО-ның филиалдары мен өкілдіктеріне жұмыс күндері сағат 9.00-ден 19.00-ге дейін беріледі; түскі үзіліс сағат 13.00-ден 14.00-ге дейін.',
      ru: 'При несогласии с результатом оказания государственной услуги жалоба подаётся на имя акима района или акима области соответственно (пункт 21 стандарта). Жалоба подаётся в местный исполнительный орган в рабочие дни, кроме выходных и праздничных дней, с 9.00 до 20.00, в филиалы и представительства ЦОН — в рабочие дни с 9.00 до 19.00; перерыв на обед с 13.00 до 14.00.',
    },
  },
  {
    paragraph: 22,
    addressees: ['rural_akim', 'psc_director'],
    text: {
      kk: 'Қызмет дұрыс көрсетілмеген жағдайда шағым кент, ауыл, ауылдық округ әкімінің немесе ХҚКО директорының атына сол тәртіппен беріледі (стандарттың 22-тармағы).',
      ru: 'При ненадлежащем оказании услуги жалоба подаётся на имя акима поселка, села, сельского округа или директора ЦОН в том же порядке (пункт 22 стандарта).',
    },
  },
  {
    paragraph: 20,
    addressees: [],
    text: {
      kk: 'Шағым беру тәртібін жергілікті атқарушы орган мен ХҚКО кеңсесінің лауазымды адамдары түсіндіреді және шағымды дайындауға көмектеседі (стандарттың 20-тармағы). Шағымның қабылданғанын растайтын талон беріледі, онда шағымға жауап алу мерзімі мен орны көрсетіледі (стандарттың 24-тармағы).',
      ru: 'Порядок обжалования разъясняют и помогают подготовить жалобу должностные лица канцелярии местного исполнительного органа и ЦОН (пункт 20 стандарта). Принятие жалобы подтверждается талоном, в котором указываются срок и место получения ответа на жалобу (пункт 24 стандарта).',
    },
  },
  {
    paragraph: 23,
    addressees: [],
    text: {
      kk: 'Көрсетілген мемлекеттік қызмет нәтижелерімен келіспеген жағдайда тұтынушы заңнамада белгіленген тәртіппен сотқа жүгінуге құқылы (стандарттың 23-тармағы).',
      ru: 'При несогласии с результатами оказанной государственной услуги потребитель вправе обратиться в суд в установленном законодательством порядке (пункт 23 стандарта).',
    },
  },
];

/** Ground 1 from the missing documents of the checklist. */
export function refusalForMissingDocuments(missing: readonly DocumentCode[]): Result<Refusal> {
  if (missing.length === 0) {
    return err(
      'APPLICATION.DOCUMENTS_COMPLETE',
      'every required document is present: ground 1 does not apply',
    );
  }
  return ok({ ground: 'incomplete_documents', missing: [...missing] });
}

/**
 * Ground 2 from the household-book lookup (R-6 §16 (2)). A found record is no ground, and a conflict (two open
 * households for one person) is for an officer to resolve, never a refusal.
 */
export function refusalFromLookup(
  lookup: PsfLookup,
  akimatKato: string | null,
  asOf: PlainDate,
): Result<Refusal> {
  if (lookup.kind === 'found') {
    return err('APPLICATION.PSF_RECORD_EXISTS', 'the household book holds a PSF for the applicant', {
      householdId: lookup.record.householdId,
    });
  }
  if (lookup.kind === 'conflict') {
    return err('APPLICATION.PSF_RECORD_CONFLICT', 'the applicant is a member of two open households', {
      householdIds: lookup.householdIds,
    });
  }
  return ok(noPsfRecord(lookup.reason, lookup.facts, akimatKato, asOf));
}

export function noPsfRecord(
  reason: NoRecordReason,
  facts: NoRecordFacts,
  akimatKato: string | null,
  asOf: PlainDate,
): Refusal {
  return { ground: 'no_psf_record', reason, facts, akimatKato, asOf };
}
