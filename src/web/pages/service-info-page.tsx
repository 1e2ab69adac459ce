/**
 * `/service-info`, public (R-21, issue 3 item 5): the standard's information as the stands of §10 hold it —
 * what the certificate is (§5), who provides it (§1, R-1), who may apply and how (§6, §15, R-2), the cost
 * (§8, R-4), documents (§11, R-11, R-12), deadlines and queue (§7, §9, R-7, R-8, R-9, R-13), office hours
 * (§9, §21, §22, R-10), refusal grounds (§16, R-6), complaint routes (§20–§24, R-16…R-18), and a filled-in
 * sample of the free-form PSC application. Printing the page prints the sample alone, on A4 (styles.css).
 */
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { LOCALE_NAMES, type MessageKey } from '../../i18n';
import { useI18n } from '../locale';
import { Page } from '../page';
import { DeadlineCalculator } from './deadline-calculator';
import { SampleApplication, type SampleLanguage } from './sample-application';

const SECTIONS = [
  ['what', 'info.what.heading'],
  ['who', 'info.who.heading'],
  ['documents', 'info.documents.heading'],
  ['deadlines', 'info.deadlines.heading'],
  ['hours', 'info.hours.heading'],
  ['refusal', 'info.refusal.heading'],
  ['complaints', 'info.complaints.heading'],
  ['sample', 'info.sample.heading'],
] as const satisfies ReadonlyArray<readonly [string, MessageKey]>;

type Span = readonly [from: string, to: string];

/** the hours are the standard's (§9, §21, §22); a `null` lunch = without a break. */
const HOURS: ReadonlyArray<readonly [MessageKey, Span, Span | null]> = [
  ['info.hours.akimat', ['09:00', '18:00'], ['13:00', '14:00']],
  ['info.hours.psc', ['09:00', '20:00'], null],
  ['info.hours.pscBranch', ['09:00', '19:00'], ['13:00', '14:00']],
  ['info.hours.complaintsAkimat', ['09:00', '20:00'], ['13:00', '14:00']],
  ['info.hours.complaintsPscBranch', ['09:00', '19:00'], ['13:00', '14:00']],
];

export function ServiceInfoPage() {
  const { t, locale } = useI18n();
  const id = useId();
  // The application is written in Kazakh or Russian: the sample follows the screen's language (English readers
  // get the Russian one) until the person picks one.
  const [picked, setSampleLanguage] = useState<SampleLanguage | null>(null);
  const sampleLanguage = picked ?? (locale === 'kk' ? 'kk' : 'ru');
  const anchor = (section: string) => `info-${section}`;

  return (
    <Page title={t('info.title')} className="service-info">
      <p className="lead">{t('info.lead')}</p>

      <nav className="toc" aria-labelledby={`${id}-toc`}>
        <h2 id={`${id}-toc`} className="toc__title">
          {t('info.contents')}
        </h2>
        <ol className="toc__list">
          {SECTIONS.map(([section, key]) => (
            <li key={section}>
              <a href={`#${anchor(section)}`}>{t(key)}</a>
            </li>
          ))}
        </ol>
      </nav>

      <section id={anchor('what')} aria-labelledby={`${anchor('what')}-h`}>
        <h2 id={`${anchor('what')}-h`}>{t('info.what.heading')}</h2>
        <p>{t('info.what.text')}</p>
        <p>{t('info.what.use')}</p>
        <p>{t('info.what.result')}</p>
      </section>

      <section id={anchor('who')} aria-labelledby={`${anchor('who')}-h`}>
        <h2 id={`${anchor('who')}-h`}>{t('info.who.heading')}</h2>
        <ul>
          <li>{t('info.who.akimat')}</li>
          <li>{t('info.who.psc')}</li>
        </ul>
        <p>
          <Link to="/offices">{t('info.who.link')}</Link>
        </p>
        <h3>{t('info.applicant.heading')}</h3>
        <p>{t('info.applicant.text')}</p>
        <h3>{t('info.cost.heading')}</h3>
        <p>{t('info.cost.text')}</p>
      </section>

      <section id={anchor('documents')} aria-labelledby={`${anchor('documents')}-h`}>
        <h2 id={`${anchor('documents')}-h`}>{t('info.documents.heading')}</h2>
        <div className="columns">
          <div className="panel">
            <h3>{t('info.documents.akimat')}</h3>
            <ul>
              <li>{t('info.documents.akimat1')}</li>
              <li>{t('info.documents.akimat2')}</li>
            </ul>
          </div>
          <div className="panel">
            <h3>{t('info.documents.psc')}</h3>
            <ol>
              <li>
                {t('info.documents.psc1')} (
                <a href={`#${anchor('sample')}`}>{t('info.documents.sampleLink')}</a>);
              </li>
              <li>{t('info.documents.psc2')}</li>
            </ol>
            <p>{t('info.documents.receipt')}</p>
          </div>
        </div>
      </section>

      <section id={anchor('deadlines')} aria-labelledby={`${anchor('deadlines')}-h`}>
        <h2 id={`${anchor('deadlines')}-h`}>{t('info.deadlines.heading')}</h2>
        <div className="columns">
          {(
            [
              ['info.deadlines.colAkimat', 'info.deadlines.akimatTerm'],
              ['info.deadlines.colPsc', 'info.deadlines.pscTerm'],
            ] as const
          ).map(([channel, term]) => (
            <div key={channel} className="panel">
              <h3>{t(channel)}</h3>
              <dl className="terms">
                <div>
                  <dt>{t('info.deadlines.rowTerm')}</dt>
                  <dd>{t(term)}</dd>
                </div>
                <div>
                  <dt>{t('info.deadlines.rowWait')}</dt>
                  <dd>{t('info.deadlines.tenMinutes')}</dd>
                </div>
                <div>
                  <dt>{t('info.deadlines.rowService')}</dt>
                  <dd>{t('info.deadlines.tenMinutes')}</dd>
                </div>
              </dl>
            </div>
          ))}
        </div>
        <p>{t('info.deadlines.queue')}</p>
        <p>{t('info.deadlines.psc')}</p>
        <DeadlineCalculator headingLevel={3} kind="psc" fixedWorkingDays={2} />
      </section>

      <section id={anchor('hours')} aria-labelledby={`${anchor('hours')}-h`}>
        <h2 id={`${anchor('hours')}-h`}>{t('info.hours.heading')}</h2>
        <p>{t('info.hours.intro')}</p>
        <table className="table">
          <caption>{t('info.hours.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('info.hours.colPlace')}</th>
              <th scope="col">{t('info.hours.colHours')}</th>
            </tr>
          </thead>
          <tbody>
            {HOURS.map(([key, [from, to], lunch]) => (
              <tr key={key}>
                <th scope="row">{t(key)}</th>
                <td>
                  {lunch
                    ? t('offices.hoursBreak', { from, to, breakFrom: lunch[0], breakTo: lunch[1] })
                    : t('offices.hoursNoBreak', { from, to })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section id={anchor('refusal')} aria-labelledby={`${anchor('refusal')}-h`}>
        <h2 id={`${anchor('refusal')}-h`}>{t('info.refusal.heading')}</h2>
        <p>{t('info.refusal.intro')}</p>
        <ol className="refusal-grounds">
          <li>{t('info.refusal.ground1')}</li>
          <li>{t('info.refusal.ground2')}</li>
        </ol>
        <p>{t('info.refusal.reasoned')}</p>
      </section>

      <section id={anchor('complaints')} aria-labelledby={`${anchor('complaints')}-h`}>
        <h2 id={`${anchor('complaints')}-h`}>{t('info.complaints.heading')}</h2>
        <p>{t('info.complaints.help')}</p>
        <div className="columns columns--3">
          <div className="panel">
            <h3>{t('info.complaints.resultHeading')}</h3>
            <p>{t('info.complaints.result')}</p>
            <p>
              <Link to="/offices?kind=district_apparatus">{t('info.complaints.link')}</Link>
            </p>
          </div>
          <div className="panel">
            <h3>{t('info.complaints.serviceHeading')}</h3>
            <p>{t('info.complaints.service')}</p>
          </div>
          <div className="panel">
            <h3>{t('info.complaints.courtHeading')}</h3>
            <p>{t('info.complaints.court')}</p>
          </div>
        </div>
        <p>{t('info.complaints.talon')}</p>
        <p>{t('info.complaints.term')}</p>
        <h3>{t('info.access.heading')}</h3>
        <p>{t('info.access.text')}</p>
      </section>

      <section id={anchor('sample')} className="sample" aria-labelledby={`${anchor('sample')}-h`}>
        <h2 id={`${anchor('sample')}-h`}>{t('info.sample.heading')}</h2>
        <div className="sample__guide">
          <p>{t('info.sample.intro')}</p>
          <ul>
            <li>{t('info.sample.item1')}</li>
            <li>{t('info.sample.item2')}</li>
            <li>{t('info.sample.item3')}</li>
            <li>{t('info.sample.item4')}</li>
            <li>{t('info.sample.item5')}</li>
          </ul>
          <div className="sample__controls">
            <fieldset className="segmented">
              <legend>{t('info.sample.language')}</legend>
              {(['kk', 'ru'] as const).map((lang) => (
                <label key={lang} className="segmented__option" lang={lang}>
                  <input
                    type="radio"
                    name={`${id}-sample-language`}
                    value={lang}
                    checked={sampleLanguage === lang}
                    onChange={() => setSampleLanguage(lang)}
                  />
                  {LOCALE_NAMES[lang]}
                </label>
              ))}
            </fieldset>
            <button type="button" className="button button--primary" onClick={() => window.print()}>
              {t('info.sample.print')}
            </button>
          </div>
          <p className="note-plain">{t('info.sample.note')}</p>
        </div>
        <SampleApplication language={sampleLanguage} />
      </section>

      <p className="source">{t('info.source')}</p>
    </Page>
  );
}
