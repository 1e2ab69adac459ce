/**
 * `/complaints/status`: anyone with the complaint's number and the complainant's IIN sees where it stands
 * — no sign-in. The talon's link and QR open it with the number filled in (`?number=C2026-000042`). A wrong number
 * and a wrong IIN get the same answer (the server's), so the page tells nobody whose complaint a number is.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime, formatDuration } from '../../i18n';
import { ApiError } from '../api';
import { FLAG_SYMBOL, flagKey, outcomeKey, type PublicComplaintStatus, statusKey } from '../complaints';
import { useI18n } from '../locale';
import { Page } from '../page';
import { localName, telHref } from '../reference';
import { sectionTitleKey } from '../sections';
import { useSession } from '../session';
import '../complaints.css';

type Field = 'number' | 'iin';

export function ComplaintStatusPage() {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const id = useId();
  const [params] = useSearchParams();
  const [number, setNumber] = useState(params.get('number') ?? '');
  const [iin, setIin] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<{ message: string; attempt: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<PublicComplaintStatus | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (answer) resultHeading.current?.focus();
  }, [answer]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    if (number.trim() === '') missing.number = t('complaints.form.required');
    if (iin.trim() === '') missing.iin = t('complaints.form.required');
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      document.getElementById(`${id}-${missing.number ? 'number' : 'iin'}`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    setAnswer(null);
    try {
      setAnswer(
        await api.post<PublicComplaintStatus>('/api/v1/public/complaints/status', {
          number: number.trim().toUpperCase(),
          iin: iin.trim(),
        }),
      );
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError('UNKNOWN', 0);
      const wait =
        error.retryAfterSeconds !== null && error.retryAfterSeconds > 0
          ? ` ${t('error.retryAfter', { time: formatDuration(locale, error.retryAfterSeconds) })}`
          : '';
      setFailure({ message: `${tError(error.code)}${wait}`, attempt: Date.now() });
    } finally {
      setBusy(false);
    }
  }

  const described = (field: Field, hint?: string) =>
    [hint, errors[field] ? `${id}-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const date = (iso: string | null) => (iso ? formatDateTime(locale, new Date(iso)) : '');

  return (
    <Page title={t(sectionTitleKey('complaint-status'))} className="complaint-status">
      <p className="lead">{t('complaints.public.intro')}</p>
      <form className="form panel complaint-status__form" noValidate onSubmit={onSubmit} aria-busy={busy}>
        <div className="field">
          <label htmlFor={`${id}-number`}>{t('complaints.public.number')}</label>
          <input
            id={`${id}-number`}
            name="number"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-invalid={errors.number ? true : undefined}
            aria-describedby={described('number', `${id}-number-hint`)}
            value={number}
            onChange={(e) => setNumber(e.target.value)}
          />
          <p className="field__hint" id={`${id}-number-hint`}>
            {t('complaints.public.numberHint')}
          </p>
          {errors.number ? (
            <p className="field__error" id={`${id}-number-error`}>
              {errors.number}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-iin`}>{t('complaints.public.iin')}</label>
          <input
            id={`${id}-iin`}
            name="iin"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            aria-invalid={errors.iin ? true : undefined}
            aria-describedby={described('iin')}
            value={iin}
            onChange={(e) => setIin(e.target.value.replace(/\s+/g, ''))}
          />
          {errors.iin ? (
            <p className="field__error" id={`${id}-iin-error`}>
              {errors.iin}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('complaints.public.checking') : t('complaints.public.submit')}
        </button>
      </form>
      <div role="alert" className="form-alert">
        {failure ? (
          <p key={failure.attempt} className="notice notice--error">
            {failure.message}
          </p>
        ) : null}
      </div>
      {answer ? (
        <section
          className="panel complaint-status__result"
          aria-labelledby={`${id}-result`}
          data-status={answer.status}
        >
          <h2 id={`${id}-result`} ref={resultHeading} tabIndex={-1}>
            {t('complaints.public.resultHeading')}: {answer.number}
          </h2>
          <p className="complaint-status__state">
            {answer.late ? (
              <span className="flag flag--late">
                <span aria-hidden="true">{FLAG_SYMBOL.late}</span> {t(flagKey('late'))}
              </span>
            ) : (
              <>
                <span aria-hidden="true">
                  {answer.status === 'answered' ? '✓' : answer.overdue ? '■' : '●'}
                </span>{' '}
                {t(statusKey(answer.status))}
              </>
            )}
          </p>
          {answer.overdue ? (
            <p className="notice notice--error">
              <span aria-hidden="true">■ </span>
              {t('complaints.public.overdue')}
            </p>
          ) : null}
          <dl className="facts">
            <div className="facts__item">
              <dt>{t('complaints.field.registeredAt')}</dt>
              <dd>{date(answer.registeredAt)}</dd>
            </div>
            <div className="facts__item">
              <dt>{t('complaints.field.dueAt')}</dt>
              <dd>{date(answer.dueAt)}</dd>
            </div>
            <div className="facts__item">
              <dt>{t('complaints.field.reviewer')}</dt>
              <dd>
                {localName(answer.reviewer.position, locale)}
                {answer.reviewer.office ? `, ${localName(answer.reviewer.office, locale)}` : ''}
              </dd>
            </div>
            {answer.reviewer.phones.length > 0 ? (
              <div className="facts__item">
                <dt>{t('complaints.public.phones')}</dt>
                <dd>
                  <ul className="inline-list">
                    {answer.reviewer.phones.map((p) => {
                      const href = telHref(p);
                      return <li key={p}>{href ? <a href={href}>{p}</a> : p}</li>;
                    })}
                  </ul>
                </dd>
              </div>
            ) : null}
            {answer.answeredAt ? (
              <div className="facts__item">
                <dt>{t('complaints.answer.at')}</dt>
                <dd>{date(answer.answeredAt)}</dd>
              </div>
            ) : null}
          </dl>
          {answer.outcome ? (
            <>
              <h3>{t('complaints.answer.heading')}</h3>
              <p className="complaint-answer__outcome">{t(outcomeKey(answer.outcome))}</p>
              {answer.answerText ? <p className="complaint-text">{answer.answerText}</p> : null}
              <p>{t('complaints.answer.court')}</p>
            </>
          ) : null}
          {answer.surveyOpen ? (
            <p>
              <Link
                className="button button--primary"
                to={`/survey?complaint=${encodeURIComponent(answer.number)}`}
              >
                {t('complaints.survey.link')}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}
