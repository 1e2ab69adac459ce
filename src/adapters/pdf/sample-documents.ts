import type { DocumentLanguage, PrintableDocument } from '../../domain/certificates/documents';

/**
 * Certificate-like documents for the renderer's tests and the PDF benchmark. They stand in for what the
 * certificates domain will produce, with the longest realistic strings: a rural akimat's full name, a
 * village address with a micro-district, a position that wraps. Fictitious people and numbers.
 */

/** A QR text of realistic length: a base64url payload and Ed25519 signature after the verification URL. */
export const SAMPLE_QR_TEXT =
  'https://qosalqy.kz/v/1.' +
  'eyJuIjoiMTEzMjQzLTIwMjYtMDAwMDQyIiwiaSI6Ijk5OTk5OTk5MDAxNyIsIm8iOiLQkC7QkS4iLCJrIjoiMTEzMjQzMTAwIiwiZCI6IjIwMjYtMTEtMjUiLCJ2IjoiazEifQ' +
  '.3q1Ck8yJ0wQ6zY5tTnVqJX2vR4mF9bLhE7sA1cD0uWgKpNzOiYxHfBeM8rS5jG2lQvT6wU3aE4dC9nX0bZ1yA';

/** Every letter the Kazakh alphabet adds to Russian, lower and upper case. */
export const KAZAKH_LETTERS = 'әғқңөұүһі ӘҒҚҢӨҰҮҺІ';

const kk: PrintableDocument = {
  kind: 'certificate',
  language: 'kk',
  issuer: 'Алматы облысы Қарасай ауданының Әйтей би ауылдық округі әкімінің аппараты ММ (ҚАТО 195243100)',
  title: 'АНЫҚТАМА',
  subtitle: 'жеке қосалқы шаруашылықтың болуы туралы',
  number: '195243-2026-000042',
  date: '2026 жылғы 25 қараша',
  sections: [
    {
      paragraphs: [
        'Осы анықтама төменде көрсетілген азаматтың ауылдық округтің шаруашылық кітабына сәйкес жеке қосалқы ' +
          'шаруашылығы бар екенін растайды. Анықтама «Жеке қосалқы шаруашылықтың болуы туралы анықтама беру» ' +
          'мемлекеттік көрсетілетін қызмет стандартына сәйкес берілді.',
      ],
      fields: [
        { label: 'Өтініш берушінің тегі, аты, әкесінің аты', value: 'Әбдіғалиева Гүлнұр Құрманғазықызы' },
        { label: 'ЖСН', value: '900101400017' },
        {
          label: 'Жеке қосалқы шаруашылықтың мекенжайы',
          value:
            'Алматы облысы, Қарасай ауданы, Әйтей би ауылдық округі, Үшқоңыр ауылы, Қаһарман көшесі, 128-үй, ' +
            'Жетісу шағын ауданы, Ақсеңгір елді мекенінің шығыс бөлігі (бұрынғы Өрнек учаскесі)',
        },
        { label: 'Шаруашылық кітабы / дербес шот', value: '№ 3, дербес шот № 0417' },
        { label: 'Есепке алу жылы', value: '2026' },
      ],
    },
    {
      table: {
        title: 'Шаруашылық кітабындағы жер учаскелерінің ауданы',
        columns: ['Учаске', 'Кадастрлық нөмірі', 'Ауданы, га'],
        rows: [
          ['Үй маңындағы учаске', '03-047-155-432', '0,25'],
          ['Шабындық (Қызылқайың өзенінің бойы)', '03-047-155-981', '1,50'],
          ['Барлығы', '', '1,75'],
        ],
      },
    },
    {
      table: {
        title: 'Түлік бойынша мал мен құс басы (шаруашылық кітабы бойынша, 2026 жылғы 1 қаңтар)',
        columns: ['Түлік', 'Басы'],
        rows: [
          ['Ірі қара мал', '7'],
          ['оның ішінде сиырлар', '4'],
          ['Қой мен ешкі', '23'],
          ['оның ішінде саулықтар', '15'],
          ['Жылқы', '3'],
          ['Құс (тауық, үйрек, қаз)', '40'],
        ],
        indentedRows: [1, 3],
      },
    },
  ],
  signatory: {
    position: 'Әйтей би ауылдық округі әкімі аппаратының бас маманы',
    name: 'Н. Ө. Жұмабекұлы',
  },
  stampArea: 'М.О.',
  qr: { text: SAMPLE_QR_TEXT, caption: 'Тексеру: qosalqy.kz/verify' },
  footer: [
    '«Жеке қосалқы шаруашылықтың болуы туралы анықтама беру» мемлекеттік көрсетілетін қызмет стандартының 5-тармағы.',
    'Анықтаманың түпнұсқалығын QR-код немесе анықтама нөмірі мен ЖСН бойынша qosalqy.kz/verify мекенжайында тексеруге болады.',
  ],
};

const ru: PrintableDocument = {
  kind: 'certificate',
  language: 'ru',
  issuer:
    'ГУ «Аппарат акима Айтейбийского сельского округа Карасайского района Алматинской области» (КАТО 195243100)',
  title: 'СПРАВКА',
  subtitle: 'о наличии личного подсобного хозяйства',
  number: '195243-2026-000042',
  date: '25 ноября 2026 г.',
  sections: [
    {
      paragraphs: [
        'Настоящая справка подтверждает, что у нижеуказанного гражданина имеется личное подсобное хозяйство ' +
          'согласно похозяйственной книге сельского округа. Справка выдана в соответствии со стандартом ' +
          'государственной услуги «Выдача справки о наличии личного подсобного хозяйства».',
      ],
      fields: [
        { label: 'Фамилия, имя, отчество заявителя', value: 'Абдигалиева Гульнур Курмангазыкызы' },
        { label: 'ИИН', value: '900101400017' },
        {
          label: 'Адрес личного подсобного хозяйства',
          value:
            'Алматинская область, Карасайский район, Айтейбийский сельский округ, село Ушконыр, улица Кахарман, ' +
            'дом 128, микрорайон Жетысу, восточная часть населённого пункта Аксенгир (бывший участок Орнек)',
        },
        { label: 'Похозяйственная книга / лицевой счёт', value: '№ 3, лицевой счёт № 0417' },
        { label: 'Год учёта', value: '2026' },
      ],
    },
    {
      table: {
        title: 'Площадь земельных участков по похозяйственной книге',
        columns: ['Участок', 'Кадастровый номер', 'Площадь, га'],
        rows: [
          ['Приусадебный участок', '03-047-155-432', '0,25'],
          ['Сенокос (пойма реки Кызылкайын)', '03-047-155-981', '1,50'],
          ['Всего', '', '1,75'],
        ],
      },
    },
    {
      table: {
        title: 'Поголовье скота и птицы по видам (по похозяйственной книге на 1 января 2026 г.)',
        columns: ['Вид', 'Голов'],
        rows: [
          ['Крупный рогатый скот', '7'],
          ['в том числе коровы', '4'],
          ['Овцы и козы', '23'],
          ['в том числе овцематки', '15'],
          ['Лошади', '3'],
          ['Птица (куры, утки, гуси)', '40'],
        ],
        indentedRows: [1, 3],
      },
    },
  ],
  signatory: {
    position: 'Главный специалист аппарата акима Айтейбийского сельского округа',
    name: 'Н. О. Жумабекулы',
  },
  stampArea: 'М.П.',
  qr: { text: SAMPLE_QR_TEXT, caption: 'Проверка: qosalqy.kz/verify' },
  footer: [
    'Пункт 5 стандарта государственной услуги «Выдача справки о наличии личного подсобного хозяйства».',
    'Подлинность справки можно проверить по QR-коду или по номеру справки и ИИН на qosalqy.kz/verify.',
  ],
};

export function sampleCertificate(language: DocumentLanguage): PrintableDocument {
  return language === 'kk' ? kk : ru;
}

/** A document whose livestock table runs over several pages. */
export function longTableDocument(rows: number): PrintableDocument {
  const base = sampleCertificate('kk');
  return {
    ...base,
    sections: [
      ...base.sections.slice(0, 1),
      {
        title: 'Мал және құс',
        table: {
          title: 'Шаруашылық кітабындағы жазбалар',
          columns: ['Жазба', 'Басы'],
          rows: Array.from({ length: rows }, (_, i) => [`${i + 1}. Қой мен ешкі`, String(i + 1)]),
          indentedRows: Array.from({ length: Math.floor(rows / 2) }, (_, i) => 2 * i + 1),
        },
      },
    ],
  };
}
