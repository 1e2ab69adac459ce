/**
 * `/household-book/import` (issue 4, item 3): the akimat officer uploads the book as CSV or XLSX and gets a
 * report — rows accepted and rejected, households created and updated, and every error with its line and
 * column, in the person's language. The import is all or nothing on the server. A file over 64 MiB is
 * refused here before a byte is sent; the upload shows real progress (XMLHttpRequest's upload events).
 * The page also offers a header-only template built from the species list, and the book's export.
 */
import { type FormEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { formatNumber } from '../../i18n';
import { ApiError, type SessionUser, type UploadProgress } from '../api';
import { type ImportReport, MAX_IMPORT_BYTES, templateCsv } from '../household-book';
import { useI18n } from '../locale';
import { Page } from '../page';
import { useSession } from '../session';
import { ExportLinks } from './household-book-page';
import { codeOf, may, useSpecies } from './household-shared';

/** Thousands of errors help nobody on one screen; the first ones show what to fix. */
const SHOWN_ERRORS = 200;

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'uploading'; readonly progress: UploadProgress }
  | { readonly kind: 'done'; readonly report: ImportReport }
  | { readonly kind: 'failed'; readonly code: string; readonly line: number | null };

export function HouseholdImportPage({ user }: { user: SessionUser }) {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const id = useId();
  const akimat = user.territory.kato ?? '';
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const { species } = useSpecies(api);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (phase.kind === 'done' || phase.kind === 'failed') resultHeading.current?.focus();
  }, [phase.kind]);

  if (!may(user, 'household.import')) {
    return (
      <Page title={t('section.household-import.title')} className="hb">
        <p className="notice notice--error" role="alert">
          {tError('AUTH.FORBIDDEN')}
        </p>
      </Page>
    );
  }

  function choose(next: File | null) {
    setFile(next);
    setFileError(null);
    setPhase({ kind: 'idle' });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    // Checked here so that a 200 MB file is not sent only to be refused (issue 4, "Bad input").
    const problem =
      file === null
        ? 'FILE.NOT_CHOSEN'
        : file.size > MAX_IMPORT_BYTES
          ? 'FILE.TOO_LARGE'
          : file.size === 0
            ? 'FILE.EMPTY'
            : null;
    if (problem !== null || file === null) {
      setFileError(problem);
      fileInput.current?.focus();
      return;
    }
    setFileError(null);
    setPhase({ kind: 'uploading', progress: { loaded: 0, total: file.size } });
    try {
      const report = await api.upload<ImportReport>(
        `/api/v1/households/import?akimat=${akimat}&fileName=${encodeURIComponent(file.name)}`,
        file,
        (progress) => setPhase({ kind: 'uploading', progress }),
      );
      setPhase({ kind: 'done', report });
    } catch (e) {
      const details = e instanceof ApiError ? e.details : undefined;
      const line =
        typeof details === 'object' &&
        details !== null &&
        'line' in details &&
        typeof details.line === 'number'
          ? details.line
          : null;
      setPhase({ kind: 'failed', code: codeOf(e), line });
    }
  }

  function downloadTemplate() {
    if (!species) return;
    const url = URL.createObjectURL(new Blob([templateCsv(species)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'household-book-template.csv';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const uploading = phase.kind === 'uploading';
  const percent =
    phase.kind === 'uploading' && phase.progress.total > 0
      ? Math.min(100, Math.floor((phase.progress.loaded / phase.progress.total) * 100))
      : 0;
  const sent = phase.kind === 'uploading' && phase.progress.loaded >= phase.progress.total;

  return (
    <Page title={t('section.household-import.title')} className="hb">
      <p>
        <Link to="/household-book">{t('household.import.back')}</Link>
      </p>
      <p className="lead">{t('household.import.intro')}</p>

      <section aria-labelledby={`${id}-layout`} className="panel hb-panel">
        <h2 id={`${id}-layout`}>{t('household.import.layoutTitle')}</h2>
        <ul className="hb-list">
          <li>{t('household.import.layoutRows')}</li>
          <li>{t('household.import.layoutHousehold')}</li>
          <li>{t('household.import.layoutSpecies')}</li>
          <li>{t('household.import.layoutFormats')}</li>
          <li>{t('household.import.layoutAllOrNothing')}</li>
        </ul>
        <button
          type="button"
          className="button button--secondary"
          onClick={downloadTemplate}
          disabled={!species}
        >
          {t('household.import.template')}
        </button>
      </section>

      <form className="panel hb-panel" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-upload`}>
        <h2 id={`${id}-upload`}>{t('household.import.uploadTitle')}</h2>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('household.import.file')}</label>
          <input
            ref={fileInput}
            id={`${id}-file`}
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${id}-file-error` : `${id}-file-hint`}
            disabled={uploading}
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
          />
          {fileError ? (
            <p className="field__error" id={`${id}-file-error`}>
              {tError(fileError)}
            </p>
          ) : (
            <p className="field__hint" id={`${id}-file-hint`}>
              {t('household.import.fileHint')}
            </p>
          )}
        </div>
        <button type="submit" className="button button--primary" disabled={uploading}>
          {uploading ? t('household.import.uploading') : t('household.import.submit')}
        </button>
        {uploading ? (
          <div className="hb-progress">
            <label htmlFor={`${id}-progress`}>
              {t('household.import.progress', { name: file?.name ?? '' })}
            </label>
            <progress id={`${id}-progress`} max={100} value={percent}>
              {percent} %
            </progress>
            <span aria-hidden="true">{formatNumber(locale, percent)} %</span>
          </div>
        ) : null}
        <p role="status" className="hb-progress__status">
          {uploading ? t(sent ? 'household.import.checking' : 'household.import.sending') : ''}
        </p>
      </form>

      {phase.kind === 'failed' ? (
        <section aria-labelledby={`${id}-result`} className="hb-report">
          <h2 id={`${id}-result`} ref={resultHeading} tabIndex={-1}>
            {t('household.import.failedTitle')}
          </h2>
          <p className="notice notice--error" role="alert">
            {tError(phase.code)}
            {phase.line !== null ? ` ${t('household.import.atLine', { line: phase.line })}` : ''}
          </p>
          <p>{t('household.import.nothingChanged')}</p>
        </section>
      ) : null}
      {phase.kind === 'done' ? <Report report={phase.report} headingRef={resultHeading} /> : null}

      <ExportLinks akimat={akimat} />
    </Page>
  );
}

function Report({
  report,
  headingRef,
}: {
  report: ImportReport;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t, tError } = useI18n();
  const id = useId();
  const shown = report.errors.slice(0, SHOWN_ERRORS);
  return (
    <section aria-labelledby={`${id}-report`} className="hb-report">
      <h2 id={`${id}-report`} ref={headingRef} tabIndex={-1}>
        {t('household.import.reportTitle')}
      </h2>
      {report.written ? (
        <p className="notice notice--success" role="status">
          {t('household.import.written', { created: report.created, updated: report.updated })}
        </p>
      ) : (
        <p className="notice notice--error" role="alert">
          {report.errors.length > 0 ? t('household.import.rejected') : t('household.import.notWritten')}
        </p>
      )}
      <dl className="facts hb-facts">
        <div className="facts__item">
          <dt>{t('household.import.rowsRead')}</dt>
          <dd>{report.rowsRead}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('household.import.rowsAccepted')}</dt>
          <dd>{report.rowsAccepted}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('household.import.rowsRejected')}</dt>
          <dd>{report.rowsRejected}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('household.import.created')}</dt>
          <dd>{report.created}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('household.import.updated')}</dt>
          <dd>{report.updated}</dd>
        </div>
      </dl>
      {report.warnings.length > 0 ? (
        <>
          <h3>{t('household.import.warnings')}</h3>
          <ul className="hb-list">
            {report.warnings.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no identity of their own
              <li key={i}>{tError(w.code)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {report.errors.length > 0 ? (
        <>
          <h3>{t('household.import.errorsTitle', { count: report.errors.length })}</h3>
          {report.errors.length > SHOWN_ERRORS ? (
            <p>{t('household.import.errorsShown', { shown: SHOWN_ERRORS })}</p>
          ) : null}
          <table className="hb-table hb-table--cards hb-errors">
            <thead>
              <tr>
                <th scope="col">{t('household.import.line')}</th>
                <th scope="col">{t('household.import.column')}</th>
                <th scope="col">{t('household.import.error')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one line may carry several errors
                <tr key={i}>
                  <th scope="row" data-label={t('household.import.line')}>
                    {e.line}
                  </th>
                  <td data-label={t('household.import.column')} className="hb-mono">
                    {e.column ?? '—'}
                  </td>
                  <td data-label={t('household.import.error')}>{tError(e.code)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
