/**
 * What the service pages share (issue 5, item 4): a text field with its errors tied to it, the deadline flag
 * in words and a symbol, the document's PDF links in both languages, the panel that shows the outcome of an
 * act (certificate, refusal, receipt), and the table of applications with due dates and flags.
 */
import { type ReactNode, type Ref, useCallback, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime, LOCALE_NAMES } from '../../i18n';
import {
  type ActResult,
  type ApplicantDraft,
  type ApplicationList,
  type ApplicationSummary,
  DOCUMENT_LANGUAGES,
  type DocumentView,
  FLAG_SYMBOL,
  type FieldIssues,
  type Flag,
  type ListView,
  listPath,
  pdfHref,
} from '../applications';
import { useI18n } from '../locale';
import { useSession } from '../session';
import { codeOf } from './household-shared';
import '../service.css';

/** A labelled input whose translated errors sit right under it (WCAG 3.3.1), tied by aria-describedby. */
export function TextField({
  label,
  value,
  onChange,
  errors,
  hint,
  inputMode,
  maxLength = 100,
  autoComplete = 'off',
  name,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors?: readonly string[] | undefined;
  hint?: string;
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
  autoComplete?: string;
  name?: string;
}) {
  const { tError } = useI18n();
  const id = useId();
  const invalid = errors !== undefined && errors.length > 0;
  const described = [invalid ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        value={value}
        inputMode={inputMode}
        maxLength={maxLength}
        autoComplete={autoComplete}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={described === '' ? undefined : described}
        onChange={(e) => onChange(e.target.value)}
      />
      {invalid ? (
        <p className="field__error" id={`${id}-error`}>
          {errors.map((c) => tError(c)).join(' ')}
        </p>
      ) : null}
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The applicant's IIN and name, as an identity card gives them. */
export function ApplicantFields({
  draft,
  onChange,
  issues,
}: {
  draft: ApplicantDraft;
  onChange: (draft: ApplicantDraft) => void;
  issues: FieldIssues;
}) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('service.applicant.title')}</legend>
      <TextField
        label={t('service.applicant.iin')}
        name="iin"
        value={draft.iin}
        onChange={(iin) => onChange({ ...draft, iin })}
        inputMode="numeric"
        maxLength={12}
        hint={t('service.applicant.iinHint')}
        errors={issues.get('iin')}
      />
      <div className="svc-form__names">
        <TextField
          label={t('service.applicant.surname')}
          name="surname"
          value={draft.surname}
          onChange={(surname) => onChange({ ...draft, surname })}
          errors={issues.get('surname')}
        />
        <TextField
          label={t('service.applicant.name')}
          name="name"
          value={draft.name}
          onChange={(name) => onChange({ ...draft, name })}
          errors={issues.get('name')}
        />
        <TextField
          label={t('service.applicant.patronymic')}
          name="patronymic"
          value={draft.patronymic}
          onChange={(patronymic) => onChange({ ...draft, patronymic })}
          errors={issues.get('patronymic')}
        />
      </div>
    </fieldset>
  );
}

/** Focus the first invalid input of a form (after a failed check). */
export function focusFirstInvalid(form: HTMLElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

export function FlagBadge({ flag }: { flag: Flag }) {
  const { t } = useI18n();
  return (
    <span className={`flag flag--${flag}`}>
      <span aria-hidden="true" className="flag__symbol">
        {FLAG_SYMBOL[flag]}
      </span>{' '}
      {t(`service.flag.${flag}`)}
    </span>
  );
}

/** The document's PDF in Kazakh and in Russian; opening it is how it is printed. */
export function PdfLinks({ doc }: { doc: DocumentView }) {
  const { t } = useI18n();
  return (
    <span className="svc-pdf">
      {DOCUMENT_LANGUAGES.map((lang) => (
        <a
          key={lang}
          className="button button--secondary"
          href={pdfHref(doc, lang)}
          target="_blank"
          rel="noopener"
          lang={lang}
          hrefLang={lang}
          data-lang={lang}
        >
          {t('service.result.openPdf', { language: LOCALE_NAMES[lang] })}
        </a>
      ))}
    </span>
  );
}

/** The outcome of an act: which document was issued, with its PDF links, and more the caller adds. */
export function ResultPanel({
  result,
  headingRef,
  children,
}: {
  result: ActResult;
  headingRef?: Ref<HTMLHeadingElement>;
  children?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const { application: app, document: doc } = result;
  const title = doc
    ? t(`service.result.${doc.kind}`, { number: doc.number })
    : t(`service.status.${app.status}`);
  const good = doc?.kind !== 'refusal';
  return (
    <section className={`panel svc-result ${good ? 'svc-result--good' : 'svc-result--refusal'}`}>
      <h2 ref={headingRef} tabIndex={-1} className="svc-result__title">
        <span aria-hidden="true">{good ? '✓ ' : '✖ '}</span>
        {title}
      </h2>
      <p>
        {app.applicantName} · {app.applicantIinMasked}
      </p>
      {doc?.kind === 'refusal' && app.refusalGround ? (
        <p>{t('service.result.ground', { ground: t(`service.ground.${app.refusalGround}`) })}</p>
      ) : null}
      {doc?.kind === 'receipt' && app.dueAt ? (
        <p className="svc-result__due">
          {t('service.result.dueAt', { date: formatDateTime(locale, new Date(app.dueAt)) })}
        </p>
      ) : null}
      {doc ? (
        <>
          <p className="note">{t('service.result.print')}</p>
          <p className="hb-actions">
            <PdfLinks doc={doc} />
          </p>
        </>
      ) : null}
      {children}
      <p>
        <Link to={`/applications/${app.id}`}>{t('service.result.details')}</Link>
      </p>
    </section>
  );
}

export type ListLoad =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly list: ApplicationList }
  | { readonly status: 'error'; readonly code: string };

/** A list of applications in the user's scope; `reload` after an act. */
export function useApplications(view: ListView, limit = 50): { load: ListLoad; reload: () => void } {
  const { api } = useSession();
  const [load, setLoad] = useState<ListLoad>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick asks for a reload
  useEffect(() => {
    let cancelled = false;
    api.get<ApplicationList>(listPath(view, limit)).then(
      (list) => !cancelled && setLoad({ status: 'ready', list }),
      (e: unknown) => !cancelled && setLoad({ status: 'error', code: codeOf(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, view, limit, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { load, reload };
}

/**
 * Applications due first, each with its deadline and flag; `actions` renders a row's buttons. On phones the
 * rows become cards (hb-table--cards), each cell labelled by its column.
 */
export function ApplicationsTable({
  load,
  caption,
  empty,
  actions,
  showChannel = true,
}: {
  load: ListLoad;
  caption: string;
  empty: string;
  actions?: (row: ApplicationSummary) => ReactNode;
  showChannel?: boolean;
}) {
  const { t, tError, locale } = useI18n();
  if (load.status === 'loading') {
    return (
      <p className="loading" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (load.status === 'error') {
    return (
      <p className="notice notice--error" role="alert">
        {tError(load.code)}
      </p>
    );
  }
  const rows = load.list.applications;
  if (rows.length === 0) return <p className="svc-empty">{empty}</p>;
  const when = (iso: string | null) => (iso ? formatDateTime(locale, new Date(iso)) : '—');
  return (
    <table className="hb-table hb-table--cards svc-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('service.field.applicant')}</th>
          {showChannel ? <th scope="col">{t('service.field.channel')}</th> : null}
          <th scope="col">{t('service.field.status')}</th>
          <th scope="col">{t('service.field.received')}</th>
          <th scope="col">{t('service.field.due')}</th>
          <th scope="col">{t('service.field.flag')}</th>
          <th scope="col">{t('service.field.document')}</th>
          {actions ? <th scope="col">{t('service.field.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id} data-application={a.id} className={`svc-row svc-row--${a.flag}`}>
            <th scope="row" data-label={t('service.field.applicant')}>
              <Link to={`/applications/${a.id}`}>{a.applicantName}</Link>
              <span className="hb-matched hb-mono">{a.applicantIinMasked}</span>
            </th>
            {showChannel ? (
              <td data-label={t('service.field.channel')}>{t(`service.channel.${a.channel}`)}</td>
            ) : null}
            <td data-label={t('service.field.status')}>{t(`service.status.${a.status}`)}</td>
            <td data-label={t('service.field.received')}>{when(a.receivedAt)}</td>
            <td data-label={t('service.field.due')}>{a.dueAt ? when(a.dueAt) : t('service.noDue')}</td>
            <td data-label={t('service.field.flag')}>
              <FlagBadge flag={a.flag} />
            </td>
            <td data-label={t('service.field.document')}>
              {a.documentNumber ? (
                <>
                  {a.outcome ? `${t(`service.outcome.${a.outcome}`)} ` : ''}
                  <span className="svc-number">{a.documentNumber}</span>
                </>
              ) : (
                '—'
              )}
            </td>
            {actions ? <td data-label={t('service.field.actions')}>{actions(a)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One status line that screen readers announce, and one alert for errors. */
export function Announcer({ message, error }: { message: string | null; error: string | null }) {
  const { tError } = useI18n();
  return (
    <>
      <div role="status" className="svc-status">
        {message ? <p className="notice notice--success">{message}</p> : null}
      </div>
      <div role="alert" className="svc-alert">
        {error ? <p className="notice notice--error">{tError(error)}</p> : null}
      </div>
    </>
  );
}
