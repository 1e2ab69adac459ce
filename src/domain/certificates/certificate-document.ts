/**
 * what the certificate says, in Kazakh or Russian — number, date, issuing akimat (name, KATO), applicant
 * (full name, IIN), the PSF's address, household book and account number with the reference year, land plots by
 * purpose with areas, livestock, poultry and bees by species ("of which" lines indented), the official, and the
 * signed QR with its caption. The PDF adapter lays it out; nothing here decides layout.
 */
import type { LocalizedText } from '../applications/refusal-grounds';
import type { InstantInput } from '../calendar/index';
import { type LandPurpose, totalAreaHa } from '../household/household';
import type { FarmSummary } from '../household/psf-lookup';
import type { SpeciesCatalogue } from '../household/species';
import type { DocumentLanguage, DocumentSection, PrintableDocument } from './documents';
import { civilParts, formatArea, formatCount, formatDate, fullName, type PersonName } from './format-text';

export interface Official {
  readonly position: LocalizedText;
  readonly name: string;
}

export interface CertificateDocumentInput {
  readonly number: string;
  readonly issuedAt: InstantInput;
  readonly akimat: { readonly kato: string; readonly name: LocalizedText };
  readonly applicant: PersonName & { readonly iin: string };
  readonly household: {
    readonly bookNumber: string;
    readonly accountNumber: string;
    readonly address: string;
  };
  /** `summarizeFarm(record.yearlyRecord, species)`. */
  readonly farm: FarmSummary;
  /** The catalogue's unit names (head, colony). */
  readonly units: SpeciesCatalogue['units'];
  readonly official: Official;
  /** `buildQrText(...)` and the verification page (`verifyPageUrl(base)`), printed as the caption. */
  readonly qr: { readonly text: string; readonly verifyUrl: string };
  /** A correction: the number of the certificate this one replaces. */
  readonly supersedes?: string;
  /** issued online, as an electronic document. */
  readonly electronic?: boolean;
  readonly timeZone?: string;
}

export const SERVICE_NAME: LocalizedText = {
  kk: '«Жеке қосалқы шаруашылықтың болуы туралы анықтама беру»',
  ru: '«Выдача справки о наличии личного подсобного хозяйства»',
};

export const LAND_PURPOSE_NAMES = {
  homestead: { kk: 'Үй маңындағы жер учаскесі', ru: 'Приусадебный участок' },
  garden: { kk: 'Бақша', ru: 'Огород' },
  hayfield: { kk: 'Шабындық', ru: 'Сенокос' },
  pasture: { kk: 'Жайылым', ru: 'Пастбище' },
  other: { kk: 'Басқа жерлер', ru: 'Прочие земли' },
} as const satisfies Record<LandPurpose, LocalizedText>;

const TEXT = {
  kk: {
    title: 'АНЫҚТАМА',
    subtitle: 'жеке қосалқы шаруашылықтың болуы туралы',
    intro:
      'Осы анықтама шаруашылық кітабының деректері бойынша төменде көрсетілген адамның жеке қосалқы шаруашылығы бар екенін растайды.',
    issuerSection: 'Анықтаманы берген орган',
    issuerName: 'Атауы',
    kato: 'ӘАОЖ коды',
    applicantSection: 'Өтініш беруші',
    name: 'Тегі, аты, әкесінің аты',
    iin: 'ЖСН',
    farmSection: 'Жеке қосалқы шаруашылық',
    address: 'Мекенжайы',
    book: 'Шаруашылық кітабының нөмірі',
    account: 'Дербес шоттың нөмірі',
    year: 'Есепке алу жылы',
    yearValue: (y: number) => `${y} (1 қаңтардағы жағдай бойынша)`,
    land: 'Жер учаскелері',
    landColumns: ['Мақсаты', 'Учаскелер саны', 'Ауданы, га', 'Кадастрлық нөмірі'],
    total: 'Барлығы',
    noLand: 'Жер учаскелері жоқ.',
    animals: 'Мал, құс және ара ұялары',
    animalColumns: ['Түрі', 'Саны', 'Өлшем бірлігі'],
    ofWhich: 'оның ішінде',
    noAnimals: 'Мал, құс және ара ұялары жоқ.',
    verify: 'Тексеру',
    basis: `Анықтама ${SERVICE_NAME.kk} мемлекеттік қызмет стандартына (Қазақстан Республикасы Үкіметінің 2011 жылғы 29 наурыздағы № 283 қаулысы) сәйкес берілді.`,
    howToVerify: (url: string) =>
      `Анықтаманың түпнұсқалығын QR-код арқылы немесе ${url} бетінде анықтаманың нөмірі мен ЖСН бойынша тексеруге болады.`,
    supersedes: (n: string) => `Осы анықтама № ${n} анықтаманың орнына берілді; бұрынғы анықтама жарамсыз.`,
    electronic: 'Анықтама электрондық түрде берілді; оның түпнұсқалығы QR-код арқылы тексеріледі.',
  },
  ru: {
    title: 'СПРАВКА',
    subtitle: 'о наличии личного подсобного хозяйства',
    intro:
      'Настоящая справка подтверждает, что по данным похозяйственной книги у нижеуказанного лица имеется личное подсобное хозяйство.',
    issuerSection: 'Орган, выдавший справку',
    issuerName: 'Наименование',
    kato: 'Код КАТО',
    applicantSection: 'Заявитель',
    name: 'Фамилия, имя, отчество',
    iin: 'ИИН',
    farmSection: 'Личное подсобное хозяйство',
    address: 'Адрес',
    book: 'Номер похозяйственной книги',
    account: 'Номер лицевого счёта',
    year: 'Год учёта',
    yearValue: (y: number) => `${y} (по состоянию на 1 января)`,
    land: 'Земельные участки',
    landColumns: ['Назначение', 'Количество участков', 'Площадь, га', 'Кадастровый номер'],
    total: 'Итого',
    noLand: 'Земельных участков нет.',
    animals: 'Скот, птица и пчелосемьи',
    animalColumns: ['Вид', 'Количество', 'Единица измерения'],
    ofWhich: 'в том числе',
    noAnimals: 'Скота, птицы и пчелосемей нет.',
    verify: 'Проверка',
    basis: `Справка выдана в соответствии со стандартом государственной услуги ${SERVICE_NAME.ru} (постановление Правительства Республики Казахстан от 29 марта 2011 года № 283).`,
    howToVerify: (url: string) =>
      `Подлинность справки можно проверить по QR-коду или на странице ${url} по номеру справки и ИИН.`,
    supersedes: (n: string) =>
      `Настоящая справка выдана взамен справки № ${n}, которая считается недействительной.`,
    electronic: 'Справка выдана в электронной форме; её подлинность проверяется по QR-коду.',
  },
} as const;

function landSection(farm: FarmSummary, lang: DocumentLanguage): DocumentSection {
  const T = TEXT[lang];
  if (farm.land.length === 0) return { title: T.land, paragraphs: [T.noLand] };
  const rows = farm.land.map((l) => [
    LAND_PURPOSE_NAMES[l.purpose][lang],
    formatCount(l.plots),
    formatArea(l.areaHa),
    l.cadastralNumbers.length > 0 ? l.cadastralNumbers.join(', ') : '—',
  ]);
  const plots = farm.land.reduce((n, l) => n + l.plots, 0);
  // Summed from the lines printed above it, in square metres, so the total always agrees with them.
  const total = totalAreaHa(farm.land.map((l) => ({ purpose: l.purpose, areaHa: l.areaHa })));
  rows.push([T.total, formatCount(plots), formatArea(total), '']);
  return { table: { title: T.land, columns: T.landColumns, rows } };
}

function livestockSection(
  farm: FarmSummary,
  units: SpeciesCatalogue['units'],
  lang: DocumentLanguage,
): DocumentSection {
  const T = TEXT[lang];
  if (farm.livestock.length === 0) return { title: T.animals, paragraphs: [T.noAnimals] };
  const indentedRows: number[] = [];
  const rows = farm.livestock.map((s, i) => {
    if (s.parent !== null) indentedRows.push(i);
    const name = s.parent !== null ? `${T.ofWhich} ${s[lang]}` : s[lang];
    return [name, formatCount(s.count), units[s.unit][lang]];
  });
  return { table: { title: T.animals, columns: T.animalColumns, rows, indentedRows } };
}

/** the certificate in `lang`. */
export function certificateDocument(
  input: CertificateDocumentInput,
  lang: DocumentLanguage,
): PrintableDocument {
  const T = TEXT[lang];
  const { date } = civilParts(input.issuedAt, input.timeZone);
  const footer = [
    T.basis,
    T.howToVerify(input.qr.verifyUrl),
    ...(input.supersedes ? [T.supersedes(input.supersedes)] : []),
    ...(input.electronic ? [T.electronic] : []),
  ];
  return {
    kind: 'certificate',
    language: lang,
    issuer: input.akimat.name[lang],
    title: T.title,
    subtitle: T.subtitle,
    number: input.number,
    date: formatDate(date, lang),
    sections: [
      { paragraphs: [T.intro] },
      {
        title: T.issuerSection,
        fields: [
          { label: T.issuerName, value: input.akimat.name[lang] },
          { label: T.kato, value: input.akimat.kato },
        ],
      },
      {
        title: T.applicantSection,
        fields: [
          { label: T.name, value: fullName(input.applicant) },
          { label: T.iin, value: input.applicant.iin },
        ],
      },
      {
        title: T.farmSection,
        fields: [
          { label: T.address, value: input.household.address },
          { label: T.book, value: input.household.bookNumber },
          { label: T.account, value: input.household.accountNumber },
          { label: T.year, value: T.yearValue(input.farm.referenceYear) },
        ],
      },
      landSection(input.farm, lang),
      livestockSection(input.farm, input.units, lang),
    ],
    signatory: { position: input.official.position[lang], name: input.official.name },
    qr: { text: input.qr.text, caption: `${T.verify}: ${input.qr.verifyUrl}` },
    footer,
  };
}
