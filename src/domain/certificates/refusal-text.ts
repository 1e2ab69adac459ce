/**
 * R-6: the facts of a refusal as the printed refusal states them, in Kazakh and Russian — the missing documents
 * (ground 1), or why the household book holds no PSF for the applicant (ground 2, `findPsfRecord`'s reason).
 * Sentences avoid inflecting proper names (Kazakh case endings on a quoted office name go wrong); names and
 * dates go into label–value lines instead.
 */
import type { Refusal } from '../applications/application';
import { REQUIRED_DOCUMENTS } from '../applications/documents-checklist';
import type { LocalizedText } from '../applications/refusal-grounds';
import type { NoRecordReason } from '../household/psf-lookup';
import type { DocumentField, DocumentLanguage } from './documents';
import { formatDate } from './format-text';

export interface RefusalFacts {
  readonly paragraphs: readonly string[];
  readonly fields: readonly DocumentField[];
}

const STATEMENT: Readonly<Record<NoRecordReason, LocalizedText>> = {
  NOT_IN_BOOK: {
    kk: 'Өтініш берушінің ЖСН бойынша шаруашылық кітабында жазба табылмады.',
    ru: 'По ИИН заявителя записей в похозяйственной книге не найдено.',
  },
  NOT_A_MEMBER_ON_DATE: {
    kk: 'Өтініш беруші өтініш берген күні шаруашылық кітабында шаруашылық мүшесі ретінде тіркелмеген.',
    ru: 'На дату обращения заявитель не значится в похозяйственной книге членом хозяйства.',
  },
  HOUSEHOLD_CLOSED: {
    kk: 'Өтініш беруші мүшесі болып табылатын шаруашылықтың дербес шоты жабылған.',
    ru: 'Лицевой счёт хозяйства, членом которого является заявитель, закрыт.',
  },
  NO_YEARLY_RECORD: {
    kk: 'Шаруашылық кітабында шаруашылықтың жер учаскелері мен мал басы туралы жылдық жазбасы жоқ.',
    ru: 'В похозяйственной книге нет годовой записи о земельных участках и поголовье скота хозяйства.',
  },
  NOTHING_KEPT: {
    kk: 'Шаруашылық кітабындағы соңғы жылдық жазба бойынша шаруашылықта жер учаскелері де, мал, құс және ара ұялары да жоқ.',
    ru: 'По последней годовой записи похозяйственной книги у хозяйства нет ни земельных участков, ни скота, птицы и пчелосемей.',
  },
};

const NOWHERE: LocalizedText = {
  kk: 'Өтініш берушінің ЖСН бойынша бірде-бір шаруашылық кітабында жазба табылмады.',
  ru: 'По ИИН заявителя записей ни в одной похозяйственной книге не найдено.',
};

const LABELS = {
  kk: {
    missing: 'Төмендегі құжаттар ұсынылмады немесе тексеруден өтпеді:',
    book: 'Шаруашылық кітабын жүргізетін орган',
    bookNumber: 'Шаруашылық кітабының нөмірі',
    accountNumber: 'Дербес шоттың нөмірі',
    joinedOn: 'Шаруашылық құрамына енгізілген күні',
    leftOn: 'Шаруашылықтан шыққан күні',
    closedOn: 'Дербес шоттың жабылған күні',
    referenceYear: 'Соңғы жылдық жазбаның жылы',
    asOf: 'Шаруашылық кітабы бойынша тексерілген күн',
  },
  ru: {
    missing: 'Не представлены или не прошли проверку следующие документы:',
    book: 'Орган, ведущий похозяйственную книгу',
    bookNumber: 'Номер похозяйственной книги',
    accountNumber: 'Номер лицевого счёта',
    joinedOn: 'Дата включения в состав хозяйства',
    leftOn: 'Дата выбытия из хозяйства',
    closedOn: 'Дата закрытия лицевого счёта',
    referenceYear: 'Год последней годовой записи',
    asOf: 'Дата проверки по похозяйственной книге',
  },
} as const;

/**
 * `bookKeeper`: the name of the akimat whose book was read (ground 2), printed with its KATO code when given.
 */
export function refusalFacts(
  refusal: Refusal,
  lang: DocumentLanguage,
  bookKeeper?: { readonly name?: LocalizedText; readonly kato?: string | null },
): RefusalFacts {
  const L = LABELS[lang];
  if (refusal.ground === 'incomplete_documents') {
    return {
      paragraphs: [
        L.missing,
        ...refusal.missing.map((code) => {
          const doc = REQUIRED_DOCUMENTS[code];
          return `— ${doc[lang]} (${doc.basisText[lang]})`;
        }),
      ],
      fields: [],
    };
  }
  const statement =
    refusal.akimatKato === null && refusal.reason === 'NOT_IN_BOOK' ? NOWHERE : STATEMENT[refusal.reason];
  const f = refusal.facts;
  const fields: DocumentField[] = [];
  const kato = bookKeeper?.kato ?? refusal.akimatKato;
  const keeper = [bookKeeper?.name?.[lang], kato ? `${lang === 'kk' ? 'ӘАОЖ' : 'КАТО'} ${kato}` : undefined]
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(', ');
  if (keeper !== '') fields.push({ label: L.book, value: keeper });
  if (f.bookNumber) fields.push({ label: L.bookNumber, value: f.bookNumber });
  if (f.accountNumber) fields.push({ label: L.accountNumber, value: f.accountNumber });
  if (f.joinedOn) fields.push({ label: L.joinedOn, value: formatDate(f.joinedOn, lang) });
  if (f.leftOn) fields.push({ label: L.leftOn, value: formatDate(f.leftOn, lang) });
  if (f.closedOn) fields.push({ label: L.closedOn, value: formatDate(f.closedOn, lang) });
  if (f.referenceYear !== undefined) fields.push({ label: L.referenceYear, value: String(f.referenceYear) });
  fields.push({ label: L.asOf, value: formatDate(refusal.asOf, lang) });
  return { paragraphs: [statement[lang]], fields };
}
