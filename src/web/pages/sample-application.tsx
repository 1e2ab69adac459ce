/**
 * The filled-in sample of the free-form application a PSC accepts (R-11, R-21: §10 asks for samples on the
 * stands). The application is a document written in Kazakh or Russian, whatever the language of the screen,
 * so its text lives here in exactly those two languages instead of in the three UI catalogues. The person is
 * made up; the IIN is checksum-valid so that the sample shows a number the PSC operator would accept
 * (checked in sample-application.test.ts).
 */
import { useI18n } from '../locale';

export type SampleLanguage = 'kk' | 'ru';

export interface SampleApplicationText {
  /** The mark that tells the reader this is a sample, not a real application. */
  readonly mark: string;
  readonly addressee: readonly string[];
  readonly applicant: readonly string[];
  readonly title: string;
  readonly body: readonly string[];
  readonly attachmentsTitle: string;
  readonly attachments: readonly string[];
  readonly consent: string;
  readonly date: string;
  readonly signatureLabel: string;
  readonly signatureName: string;
}

export const SAMPLE_IIN = '850412401239';

export const SAMPLE_APPLICATION: Readonly<Record<SampleLanguage, SampleApplicationText>> = {
  kk: {
    mark: 'ҮЛГІ',
    addressee: ['Ақмола облысының', 'халыққа қызмет көрсету орталығына'],
    applicant: [
      'Серікбаева Айгүл Нұрланқызынан,',
      `ЖСН ${SAMPLE_IIN},`,
      'мекенжайы: Ақмола облысы,',
      'Ақкөл ауданы, Кенес ауылдық округі,',
      'Кенес ауылы, Бейбітшілік көшесі, 12-үй,',
      'телефоны: +7 701 234 56 78',
    ],
    title: 'Өтініш',
    body: [
      'Ақмола облысы, Ақкөл ауданы, Кенес ауылдық округі, Кенес ауылы, Бейбітшілік көшесі, 12-үй мекенжайы бойынша орналасқан жеке қосалқы шаруашылығымның болуы туралы анықтама беруіңізді сұраймын.',
      'Анықтама атаулы әлеуметтік көмек тағайындау үшін қажет.',
    ],
    attachmentsTitle: 'Қоса беріліп отырған құжат:',
    attachments: ['жеке куәлігімнің көшірмесі (түпнұсқасы салыстырып тексеру үшін көрсетілді).'],
    consent: 'Дербес деректерімді жинауға және өңдеуге келісемін.',
    date: '2026 жылғы 24 қараша',
    signatureLabel: 'Қолы',
    signatureName: 'А. Н. Серікбаева',
  },
  ru: {
    mark: 'ОБРАЗЕЦ',
    addressee: ['В центр обслуживания населения', 'Акмолинской области'],
    applicant: [
      'от Серикбаевой Айгуль Нурлановны,',
      `ИИН ${SAMPLE_IIN},`,
      'адрес: Акмолинская область,',
      'Аккольский район, Кенесский сельский округ,',
      'село Кенес, улица Бейбитшилик, дом 12,',
      'телефон: +7 701 234 56 78',
    ],
    title: 'Заявление',
    body: [
      'Прошу выдать мне справку о наличии личного подсобного хозяйства, расположенного по адресу: Акмолинская область, Аккольский район, Кенесский сельский округ, село Кенес, улица Бейбитшилик, дом 12.',
      'Справка необходима для назначения адресной социальной помощи.',
    ],
    attachmentsTitle: 'Приложение:',
    attachments: ['копия удостоверения личности (оригинал предъявлен для сверки).'],
    consent: 'Даю согласие на сбор и обработку моих персональных данных.',
    date: '24 ноября 2026 года',
    signatureLabel: 'Подпись',
    signatureName: 'А. Н. Серикбаева',
  },
};

/** The sample as a sheet of A4 paper: on screen a framed page, in print the only thing printed. */
export function SampleApplication({ language }: { language: SampleLanguage }) {
  const { t } = useI18n();
  const s = SAMPLE_APPLICATION[language];
  return (
    <article className="sample-sheet" lang={language} aria-label={t('info.sample.label')}>
      <p className="sample-sheet__mark">{s.mark}</p>
      <div className="sample-sheet__head">
        <p className="sample-sheet__block">
          {s.addressee.map((line) => (
            <span key={line} className="sample-sheet__line">
              {line}
            </span>
          ))}
        </p>
        <p className="sample-sheet__block">
          {s.applicant.map((line) => (
            <span key={line} className="sample-sheet__line">
              {line}
            </span>
          ))}
        </p>
      </div>
      <p className="sample-sheet__title">{s.title}</p>
      {s.body.map((paragraph) => (
        <p key={paragraph} className="sample-sheet__text">
          {paragraph}
        </p>
      ))}
      <p className="sample-sheet__text sample-sheet__attachments">
        {s.attachmentsTitle}{' '}
        {s.attachments.map((item) => (
          <span key={item}>{item}</span>
        ))}
      </p>
      <p className="sample-sheet__text">{s.consent}</p>
      <div className="sample-sheet__foot">
        <span>{s.date}</span>
        <span>
          {s.signatureLabel}: <span className="sample-sheet__signature" aria-hidden="true" />{' '}
          {s.signatureName}
        </span>
      </div>
    </article>
  );
}
