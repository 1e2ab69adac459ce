/**
 * `/survey`: a satisfaction survey after a service (`?application=<id>`, the link on documents and
 * tickets) or after a complaint's answer (`?complaint=C2026-000042`, the answer's QR). Each question is one
 * indicator of Appendix 3 (2.1, 3.1, 4.3, 4.4, 5.1), scored 1–5; one answer per application or complaint (the
 * server refuses a second with a coded error). `?mode=tablet` is the counter tablet: large targets, and after
 * each answer the form clears for the next visitor. No sign-in; the official rated never sees who answered.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  SCORE_MAX,
  SCORE_MIN,
  type SurveyIndicator,
  type SurveySubject,
} from '../../domain/complaints/survey';
import type { MessageKey } from '../../i18n';
import { ApiError } from '../api';
import { questionKey, surveyQuestions, surveyTargetOf } from '../complaints';
import { useI18n } from '../locale';
import { Page } from '../page';
import { useSession } from '../session';
import '../complaints.css';

type Field = 'reference' | 'iin' | SurveyIndicator;
const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);

export function SurveyPage() {
  const { t, tError } = useI18n();
  const { api } = useSession();
  const id = useId();
  const [params] = useSearchParams();
  const tablet = params.get('mode') === 'tablet';
  const target = surveyTargetOf(params);
  const [subject, setSubject] = useState<SurveySubject>(target.subject);
  const [reference, setReference] = useState(target.reference);
  const [iin, setIin] = useState('');
  const [scores, setScores] = useState<Partial<Record<SurveyIndicator, number>>>({});
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [alert, setAlert] = useState<{ message: string; attempt: number } | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const thanks = useRef<HTMLParagraphElement>(null);
  const questions = surveyQuestions(subject);
  const fixed = target.reference !== '';

  useEffect(() => {
    if (done) thanks.current?.focus();
  }, [done]);

  function fieldDomId(field: Field): string {
    return field === 'reference' || field === 'iin'
      ? `${id}-${field}`
      : `${id}-q${field.replace('.', '_')}-1`;
  }

  function fail(field: Field | null, message: string) {
    if (field) {
      setErrors({ [field]: message });
      document.getElementById(fieldDomId(field))?.focus();
    } else setAlert({ message, attempt: Date.now() });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setAlert(null);
    const missing: Partial<Record<Field, string>> = {};
    if (reference.trim() === '') missing.reference = t('complaints.form.required');
    if (iin.trim() === '') missing.iin = t('complaints.form.required');
    for (const q of questions) if (scores[q] === undefined) missing[q] = tError('SURVEY.MISSING_ANSWER');
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      const first = (['reference', 'iin', ...questions] as Field[]).find((f) => missing[f]);
      if (first) document.getElementById(fieldDomId(first))?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.post<{ followUp: boolean }>('/api/v1/public/surveys', {
        subject,
        reference: reference.trim(),
        iin: iin.trim(),
        scores: Object.fromEntries(questions.map((q) => [q, scores[q]])),
      });
      setDone(true);
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'UNKNOWN';
      const indicator =
        e instanceof ApiError ? (e.details as { indicator?: unknown } | undefined)?.indicator : undefined;
      if (code.startsWith('IIN.')) fail('iin', tError(code));
      else if (code === 'SURVEY.SUBJECT_NOT_FOUND') fail(fixed ? 'iin' : 'reference', tError(code));
      else if (
        (code === 'SURVEY.MISSING_ANSWER' || code === 'SURVEY.SCORE_OUT_OF_RANGE') &&
        typeof indicator === 'string' &&
        (questions as readonly string[]).includes(indicator)
      )
        fail(indicator as SurveyIndicator, tError(code));
      else fail(null, tError(code));
    } finally {
      setBusy(false);
    }
  }

  function nextVisitor() {
    setDone(false);
    setScores({});
    setIin('');
    if (!fixed) setReference('');
    document.getElementById(fieldDomId(fixed ? 'iin' : 'reference'))?.focus();
  }

  const described = (field: Field, hint?: string) =>
    [errors[field] ? `${id}-${field}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: Field) =>
    errors[field] ? (
      <p className="field__error" id={`${id}-${field}-error`}>
        {errors[field]}
      </p>
    ) : null;

  return (
    <Page title={t('survey.title')} className={tablet ? 'survey survey--tablet' : 'survey'}>
      <p className="lead">{t(tablet ? 'survey.tabletIntro' : 'survey.intro')}</p>
      {done ? (
        <div className="panel survey__done">
          <p className="notice notice--success" role="status" tabIndex={-1} ref={thanks}>
            {t('survey.thanks')}
          </p>
          {tablet ? (
            <button type="button" className="button button--primary" onClick={nextVisitor}>
              {t('survey.next')}
            </button>
          ) : null}
        </div>
      ) : (
        <form className="form panel" noValidate onSubmit={onSubmit} aria-busy={busy}>
          {fixed ? null : (
            <fieldset className="fieldset">
              <legend>{t('survey.subject')}</legend>
              {(['application', 'complaint'] as const).map((s) => (
                <div className="choice" key={s}>
                  <input
                    type="radio"
                    id={`${id}-subject-${s}`}
                    name="subject"
                    checked={subject === s}
                    onChange={() => {
                      setSubject(s);
                      setScores({});
                    }}
                  />
                  <label htmlFor={`${id}-subject-${s}`}>{t(`survey.subject.${s}`)}</label>
                </div>
              ))}
            </fieldset>
          )}
          <div className="columns">
            <div className="field">
              <label htmlFor={`${id}-reference`}>{t(`survey.reference.${subject}`)}</label>
              <input
                id={`${id}-reference`}
                name="reference"
                type="text"
                autoComplete="off"
                spellCheck={false}
                readOnly={fixed}
                aria-invalid={errors.reference ? true : undefined}
                aria-describedby={described('reference')}
                value={reference}
                onChange={(e) => setReference(e.target.value)}
              />
              {fieldError('reference')}
            </div>
            <div className="field">
              <label htmlFor={`${id}-iin`}>{t('survey.iin')}</label>
              <input
                id={`${id}-iin`}
                name="iin"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                maxLength={12}
                aria-invalid={errors.iin ? true : undefined}
                aria-describedby={described('iin', `${id}-iin-hint`)}
                value={iin}
                onChange={(e) => setIin(e.target.value.replace(/\s+/g, ''))}
              />
              <p className="field__hint" id={`${id}-iin-hint`}>
                {t('survey.iinHint')}
              </p>
              {fieldError('iin')}
            </div>
          </div>
          {questions.map((q) => (
            <fieldset
              key={q}
              className="fieldset survey__question"
              data-indicator={q}
              aria-describedby={errors[q] ? `${id}-${q}-error` : undefined}
            >
              <legend>{t(questionKey(q))}</legend>
              <div className="survey__scores">
                {SCORES.map((s) => (
                  <div className="survey__score" key={s}>
                    <input
                      type="radio"
                      id={`${id}-q${q.replace('.', '_')}-${s}`}
                      name={`q${q}`}
                      value={s}
                      checked={scores[q] === s}
                      aria-invalid={errors[q] ? true : undefined}
                      onChange={() => setScores((v) => ({ ...v, [q]: s }))}
                    />
                    <label htmlFor={`${id}-q${q.replace('.', '_')}-${s}`}>
                      {t(`survey.score.${s}` as MessageKey)}
                    </label>
                  </div>
                ))}
              </div>
              {fieldError(q)}
            </fieldset>
          ))}
          <div role="alert" className="form-alert">
            {alert ? (
              <p key={alert.attempt} className="notice notice--error">
                {alert.message}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('survey.sending') : t('survey.submit')}
          </button>
        </form>
      )}
    </Page>
  );
}
