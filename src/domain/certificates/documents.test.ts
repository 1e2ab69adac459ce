import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Refusal } from '../applications/application';
import type { FarmSummary } from '../household/psf-lookup';
import type { PlainDate } from '../shared/plain-date';
import { type CertificateDocumentInput, certificateDocument } from './certificate-document';
import type { DocumentLanguage, PrintableDocument } from './documents';
import { type ReceiptDocumentInput, pscReceiptDocument } from './receipt-document';
import { type RefusalDocumentInput, refusalDocument } from './refusal-document';

const LANGS: readonly DocumentLanguage[] = ['kk', 'ru'];
const d = (s: string) => s as PlainDate;

const units = { head: { kk: 'бас', ru: 'гол.' }, colony: { kk: 'ұя', ru: 'семей' } };
const farm: FarmSummary = {
  referenceYear: 2026,
  land: [
    { purpose: 'homestead', areaHa: 0.25, plots: 1, cadastralNumbers: ['03-044-101-123'] },
    { purpose: 'hayfield', areaHa: 3.5, plots: 2, cadastralNumbers: [] },
  ],
  totalAreaHa: 3.75,
  livestock: [
    { code: 'cattle', kk: 'Ірі қара мал', ru: 'Крупный рогатый скот', parent: null, unit: 'head', count: 5 },
    { code: 'cows', kk: 'сиырлар', ru: 'коровы', parent: 'cattle', unit: 'head', count: 3 },
    { code: 'sheep', kk: 'Қойлар', ru: 'Овцы', parent: null, unit: 'head', count: 1200 },
    { code: 'bees', kk: 'Ара ұялары', ru: 'Пчелосемьи', parent: null, unit: 'colony', count: 4 },
  ],
  machinery: [],
};
const akimat = {
  kato: '113243000',
  name: {
    kk: '«Ақкөл ауылдық округі әкімінің аппараты» ММ',
    ru: 'ГУ «Аппарат акима Аккольского сельского округа»',
  },
};
const applicant = { iin: '900101300017', surname: 'Сейітов', name: 'Бауыржан', patronymic: 'Қанатұлы' };
const official = { position: { kk: 'Бас маман', ru: 'Главный специалист' }, name: 'Әбенова Ж. Қ.' };
const qrText = 'https://qosalqy.kz/verify?c=Q1.abc.def';

const certificate: CertificateDocumentInput = {
  number: '113243-2026-000042',
  issuedAt: '2026-11-25T10:05:00+05:00',
  akimat,
  applicant,
  household: { bookNumber: '3', accountNumber: '117', address: 'Ақкөл а., Абай к., 12' },
  farm,
  units,
  official,
  qr: { text: qrText, verifyUrl: 'https://qosalqy.kz/verify' },
};

/** Every string of the document, for "never prints undefined" checks. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}
const textOf = (doc: PrintableDocument) => strings(doc).join('\n');

function expectClean(doc: PrintableDocument) {
  const all = strings(doc);
  for (const s of all) {
    expect(s).not.toMatch(/undefined|NaN|\[object Object\]|null/);
  }
  // No word mixing Latin and Cyrillic letters (a Latin "i" for the Kazakh "і", a Latin "c" for "с").
  for (const s of all.filter((x) => !x.startsWith('http'))) {
    expect(s).not.toMatch(/[A-Za-z][А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]|[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі][A-Za-z]/);
  }
  const visit = (v: unknown): void => {
    if (v === undefined || (typeof v === 'number' && !Number.isFinite(v)))
      throw new Error('bad value in document');
    if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(doc);
}

// the certificate's content in both languages.
describe('certificateDocument (R-5)', () => {
  it.each([
    [
      'kk',
      [
        'АНЫҚТАМА',
        'жеке қосалқы шаруашылықтың болуы туралы',
        '2026 жылғы 25 қараша',
        'ӘАОЖ коды',
        'Тегі, аты, әкесінің аты',
        'ЖСН',
        'Шаруашылық кітабының нөмірі',
        'Дербес шоттың нөмірі',
        '2026 (1 қаңтардағы жағдай бойынша)',
        'Үй маңындағы жер учаскесі',
        'Шабындық',
        'Барлығы',
        'Ірі қара мал',
        'оның ішінде сиырлар',
        'Ара ұялары',
        'Тексеру: https://qosalqy.kz/verify',
        '№ 283',
      ],
    ],
    [
      'ru',
      [
        'СПРАВКА',
        'о наличии личного подсобного хозяйства',
        '25 ноября 2026 г.',
        'Код КАТО',
        'Фамилия, имя, отчество',
        'ИИН',
        'Номер похозяйственной книги',
        'Номер лицевого счёта',
        '2026 (по состоянию на 1 января)',
        'Приусадебный участок',
        'Сенокос',
        'Итого',
        'Крупный рогатый скот',
        'в том числе коровы',
        'Пчелосемьи',
        'Проверка: https://qosalqy.kz/verify',
        '№ 283',
      ],
    ],
  ] as const)('%s', (lang, phrases) => {
    const doc = certificateDocument(certificate, lang);
    const text = textOf(doc);
    for (const p of phrases) expect(text).toContain(p);
    for (const fact of [
      '113243-2026-000042',
      '113243000',
      akimat.name[lang],
      'Сейітов Бауыржан Қанатұлы',
      '900101300017',
      'Ақкөл а., Абай к., 12',
      '117',
      '0,25',
      '3,50',
      '3,75',
      '03-044-101-123',
      '1\u00a0200',
      'Әбенова Ж. Қ.',
    ]) {
      expect(text).toContain(fact);
    }
    expect(doc).toMatchObject({
      kind: 'certificate',
      language: lang,
      number: '113243-2026-000042',
      issuer: akimat.name[lang],
      signatory: { position: official.position[lang], name: 'Әбенова Ж. Қ.' },
      qr: { text: qrText },
    });
    const animals = doc.sections.find((s) => s.table?.columns.length === 3)?.table;
    expect(animals?.indentedRows).toEqual([1]);
    expect(animals?.rows[1]?.[1]).toBe('3');
    expectClean(doc);
  });

  it('says so when there is no land or no animals, and notes a correction and the online channel', () => {
    const bare = { ...farm, land: [], livestock: [] };
    const kk = textOf(
      certificateDocument(
        { ...certificate, farm: bare, supersedes: '113243-2026-000041', electronic: true },
        'kk',
      ),
    );
    expect(kk).toContain('Жер учаскелері жоқ.');
    expect(kk).toContain('Мал, құс және ара ұялары жоқ.');
    expect(kk).toContain('№ 113243-2026-000041 анықтаманың орнына');
    expect(kk).toContain('электрондық түрде');
    const ru = textOf(
      certificateDocument({ ...certificate, farm: bare, supersedes: '113243-2026-000041' }, 'ru'),
    );
    expect(ru).toContain('Земельных участков нет.');
    expect(ru).toContain('взамен справки № 113243-2026-000041');
  });
});

const ground2: Refusal = {
  ground: 'no_psf_record',
  reason: 'HOUSEHOLD_CLOSED',
  facts: { householdId: 'h-9', bookNumber: '3', accountNumber: '117', closedOn: d('2025-06-01') },
  akimatKato: '113243000',
  asOf: d('2026-11-25'),
};
const refusal: RefusalDocumentInput = {
  number: '113243-2026-R000007',
  issuedAt: '2026-11-25T10:05:00+05:00',
  issuer: { name: akimat.name },
  applicant,
  application: { channel: 'akimat', receivedAt: '2026-11-25T10:00:00+05:00' },
  refusal: ground2,
  addressees: {
    district_akim: {
      name: { kk: '«Ақкөл ауданы әкімінің аппараты» ММ', ru: 'ГУ «Аппарат акима Аккольского района»' },
      address: 'Ақкөл қ., Нұрмағамбетов к., 94',
      phones: ['8 (71638) 2-05-64'],
    },
    psc_director: { name: { kk: 'Ақмола облысының ХҚКО', ru: 'ЦОН Акмолинской области' } },
  },
  official,
};

// ground, facts, legal basis, where and how to complain, the court.
describe('refusalDocument (R-6)', () => {
  it.each([
    [
      'kk',
      [
        'БАС ТАРТУ ТУРАЛЫ ДӘЛЕЛДІ ЖАУАП',
        'Бас тарту негізі',
        'шаруашылық кітабында жеке қосалқы шаруашылықтың болуы туралы деректердің жоқ болуы',
        'дербес шоты жабылған',
        'Дербес шоттың жабылған күні',
        '2025 жылғы 1 маусым',
        '16-тармағының 2) тармақшасы',
        'аудан әкімінің немесе облыс әкімінің',
        '«Ақкөл ауданы әкімінің аппараты» ММ; Ақкөл қ., Нұрмағамбетов к., 94; тел. 8 (71638) 2-05-64',
        'ХҚКО директоры',
        'сотқа жүгінуге құқылы',
        '2026 жылғы 25 қараша, сағат 10:00',
        '«Ақкөл ауылдық округі әкімінің аппараты» ММ, ӘАОЖ 113243000',
      ],
    ],
    [
      'ru',
      [
        'МОТИВИРОВАННЫЙ ОТКАЗ',
        'Основание отказа',
        'сведений о наличии личного подсобного хозяйства',
        'Лицевой счёт хозяйства, членом которого является заявитель, закрыт.',
        'Дата закрытия лицевого счёта',
        '1 июня 2025 г.',
        'Подпункт 2) пункта 16',
        'акима района или акима области',
        'ГУ «Аппарат акима Аккольского района»; Ақкөл қ., Нұрмағамбетов к., 94; тел. 8 (71638) 2-05-64',
        'Директор ЦОН',
        'обратиться в суд',
        '25 ноября 2026 г., 10:00',
        'ГУ «Аппарат акима Аккольского сельского округа», КАТО 113243000',
      ],
    ],
  ] as const)('ground 2 in %s', (lang, phrases) => {
    const doc = refusalDocument(refusal, lang);
    const text = textOf(doc);
    for (const p of phrases) expect(text).toContain(p);
    expect(text).toContain('113243-2026-R000007');
    expect(text).toContain('900101300017');
    expect(doc.kind).toBe('refusal');
    expect(doc.qr).toBeUndefined();
    expectClean(doc);
  });

  it.each([
    [
      'kk',
      [
        'Төмендегі құжаттар ұсынылмады',
        '— Жеке куәліктің көшірмесі (стандарттың 11-тармағының 2) тармақшасы)',
        '16-тармағының 1) тармақшасы',
        'ХҚКО',
      ],
    ],
    [
      'ru',
      [
        'Не представлены или не прошли проверку',
        '— Копия удостоверения личности (подпункт 2) пункта 11 стандарта)',
        'Подпункт 1) пункта 16',
        'Через центр обслуживания населения (ЦОН)',
      ],
    ],
  ] as const)('ground 1 at PSC intake in %s', (lang, phrases) => {
    const doc = refusalDocument(
      {
        ...refusal,
        number: 'psc-01-2026-R000003',
        issuer: { name: { kk: 'Ақмола облысының ХҚКО', ru: 'ЦОН Акмолинской области' } },
        application: { channel: 'psc', receivedAt: '2026-11-25T10:00:00+05:00' },
        refusal: { ground: 'incomplete_documents', missing: ['identity_copy'] },
        addressees: {},
      },
      lang,
    );
    const text = textOf(doc);
    for (const p of phrases) expect(text).toContain(p);
    expectClean(doc);
  });

  it('online, with nobody in any book', () => {
    const doc = refusalDocument(
      {
        ...refusal,
        application: { channel: 'online', receivedAt: '2026-11-25T10:00:00+05:00' },
        refusal: { ...ground2, reason: 'NOT_IN_BOOK', facts: {}, akimatKato: null },
        qr: { text: qrText, verifyUrl: 'https://qosalqy.kz/verify' },
      },
      'ru',
    );
    expect(textOf(doc)).toContain('записей ни в одной похозяйственной книге не найдено');
    expect(doc.qr?.caption).toBe('Проверка: https://qosalqy.kz/verify');
    expectClean(doc);
  });
});

const receipt: ReceiptDocumentInput = {
  number: 'psc-01-2026-P000115',
  acceptedAt: '2026-11-25T10:02:00+05:00',
  psc: {
    name: { kk: 'Ақмола облысының ХҚКО', ru: 'ЦОН Акмолинской области' },
    address: 'Көкшетау қ., Әуезов к., 189 «а» үй',
    phones: ['40-10-76'],
  },
  applicant,
  documents: { application: true, identity_copy: true, identity_original: true },
  dueAt: '2026-11-27T20:00:00+05:00',
  rule: { unit: 'working_days', amount: 2 },
  operator: { position: { kk: 'ХҚКО операторы', ru: 'Оператор ЦОН' }, name: 'Нұрланова А. Б.' },
};

// R-12 (§14): documents received, stamp area, when and where the result will be ready.
describe('pscReceiptDocument (R-12)', () => {
  it.each([
    [
      'kk',
      [
        'ҚОЛХАТ',
        'Еркін нысандағы өтініш',
        'Жеке куәліктің көшірмесі',
        'көшірмесімен салыстырылды, қайтарылды',
        'ұсынылды',
        '2026 жылғы 27 қараша, сағат 20:00-ге дейін',
        'құжаттар қабылданған күн есептелмей, 2 жұмыс күні',
        'Ақмола облысының ХҚКО, Көкшетау қ., Әуезов к., 189 «а» үй',
        'өтініш берушінің өзіне ғана',
        '2026 жылғы 25 қараша, сағат 10:02',
      ],
      'М.О.',
    ],
    [
      'ru',
      [
        'РАСПИСКА',
        'Заявление в произвольной форме',
        'Копия удостоверения личности',
        'сверен с копией, возвращён',
        'представлен',
        '27 ноября 2026 г., до 20:00',
        '2 рабочих дня, не считая дня приёма документов',
        'ЦОН Акмолинской области, Көкшетау қ., Әуезов к., 189 «а» үй',
        'только лично заявителю',
        '25 ноября 2026 г., 10:02',
      ],
      'М.П.',
    ],
  ] as const)('%s', (lang, phrases, stamp) => {
    const doc = pscReceiptDocument(receipt, lang);
    const text = textOf(doc);
    for (const p of phrases) expect(text).toContain(p);
    expect(doc).toMatchObject({ kind: 'receipt', stampArea: stamp, number: 'psc-01-2026-P000115' });
    expect(text).toContain('40-10-76');
    expect(text).toContain('Нұрланова А. Б.');
    expectClean(doc);
  });
});

// Whatever the values, the builders print no undefined, NaN or [object Object].
describe('document builders (property)', () => {
  const word = fc.stringMatching(/^[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]{1,12}$/);
  const instant = fc
    .integer({ min: Date.parse('2015-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') })
    .map((ms) => new Date(ms).toISOString());
  const species = fc.record({
    code: fc.constantFrom('cattle', 'cows', 'sheep', 'bees'),
    kk: word,
    ru: word,
    parent: fc.constantFrom(null, 'cattle'),
    unit: fc.constantFrom('head' as const, 'colony' as const),
    count: fc.integer({ min: 1, max: 100_000 }),
  });
  const land = fc.record({
    purpose: fc.constantFrom(
      'homestead' as const,
      'garden' as const,
      'hayfield' as const,
      'pasture' as const,
      'other' as const,
    ),
    areaHa: fc.integer({ min: 1, max: 100_000_000 }).map((m2) => m2 / 10_000),
    plots: fc.integer({ min: 1, max: 9 }),
    cadastralNumbers: fc.array(fc.stringMatching(/^\d{2}-\d{3}-\d{3}-\d{1,4}$/), { maxLength: 2 }),
  });
  const person = fc.record(
    { iin: fc.stringMatching(/^\d{12}$/), surname: word, name: word, patronymic: word },
    { requiredKeys: ['iin', 'surname', 'name'] },
  );

  it('certificate, refusal and receipt', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LANGS),
        person,
        instant,
        fc.array(land, { maxLength: 5 }),
        fc.array(species, { maxLength: 6 }),
        fc.constantFrom(
          'NOT_IN_BOOK',
          'NOT_A_MEMBER_ON_DATE',
          'HOUSEHOLD_CLOSED',
          'NO_YEARLY_RECORD',
          'NOTHING_KEPT',
        ),
        (lang, who, at, plots, animals, reason) => {
          const c = certificateDocument(
            {
              ...certificate,
              applicant: who,
              issuedAt: at,
              farm: { ...farm, land: plots, livestock: animals },
            },
            lang,
          );
          const r = refusalDocument(
            {
              ...refusal,
              applicant: who,
              issuedAt: at,
              refusal: {
                ground: 'no_psf_record',
                reason,
                facts: reason === 'NOTHING_KEPT' ? { referenceYear: 2026 } : { joinedOn: d('2020-02-29') },
                akimatKato: '113243000',
                asOf: d('2026-11-25'),
              },
            },
            lang,
          );
          const p = pscReceiptDocument({ ...receipt, applicant: who, acceptedAt: at, dueAt: at }, lang);
          for (const doc of [c, r, p]) expectClean(doc);
        },
      ),
      { numRuns: 300 },
    );
  });
});
