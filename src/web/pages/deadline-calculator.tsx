/**
 * When n working days from an instant fall due at an office: the day of acceptance is not counted and
 * the deadline is the closing time of the n-th working day, as `GET /api/v1/calendar/deadline` computes it.
 * Public on the service page (PSCs only, 2 working days fixed) and complete on the admin's calendar page.
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import { formatDate, formatDateTime } from '../../i18n';
import { ApiError } from '../api';
import { useI18n } from '../locale';
import {
  almatyInstant,
  almatyNowInput,
  type Deadline,
  localName,
  type Office,
  type OfficeKind,
  type OfficesAnswer,
} from '../reference';
import { useSession } from '../session';

const SEARCH_DELAY_MS = 350;

type Field = 'office' | 'from' | 'workingDays';

export function DeadlineCalculator({
  headingLevel = 2,
  kind,
  fixedWorkingDays,
}: {
  headingLevel?: 2 | 3;
  /** Only offices of this kind (the public page offers PSCs, where the deadline applies). */
  kind?: OfficeKind;
  /** A fixed number of working days instead of an input (2 at a PSC, R-7). */
  fixedWorkingDays?: number;
}) {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const id = useId();
  const [query, setQuery] = useState('');
  const [offices, setOffices] = useState<readonly Office[]>([]);
  const [officeId, setOfficeId] = useState('');
  const [from, setFrom] = useState(() => almatyNowInput(new Date()));
  const [workingDays, setWorkingDays] = useState(String(fixedWorkingDays ?? 2));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Deadline | null>(null);
  const [error, setError] = useState<{ code: string; field: Field | null } | null>(null);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      const p = new URLSearchParams({ limit: '50' });
      if (query.trim()) p.set('q', query.trim());
      if (kind) p.set('kind', kind);
      api.get<OfficesAnswer>(`/api/v1/offices?${p}`).then(
        (r) => {
          if (cancelled) return;
          setOffices(r.offices);
          // Keep the choice while it is still listed; otherwise offer the first match.
          setOfficeId((current) =>
            r.offices.some((o) => o.id === current) ? current : (r.offices[0]?.id ?? ''),
          );
        },
        () => undefined,
      );
    }, SEARCH_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, query, kind]);

  // A field's error is read out with the field (aria-describedby) when the focus moves there.
  useEffect(() => {
    if (error?.field) document.getElementById(`${id}-${error.field}`)?.focus();
  }, [error, id]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    const instant = almatyInstant(from);
    const n = fixedWorkingDays ?? Number(workingDays);
    if (!officeId) return setError({ code: 'form.required', field: 'office' });
    if (!instant) return setError({ code: 'CALENDAR.BAD_INSTANT', field: 'from' });
    if (!Number.isInteger(n) || n < 0 || n > 60 || workingDays.trim() === '')
      return setError({ code: 'CALENDAR.BAD_WORKING_DAYS', field: 'workingDays' });
    setError(null);
    setBusy(true);
    try {
      const p = new URLSearchParams({ office: officeId, from: instant, workingDays: String(n) });
      setResult(await api.get<Deadline>(`/api/v1/calendar/deadline?${p}`));
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'UNKNOWN';
      setError({ code, field: code.startsWith('CALENDAR.') ? 'from' : null });
    } finally {
      setBusy(false);
    }
  }

  const message = (code: string) => (code === 'form.required' ? t('form.required') : tError(code));
  const fieldError = (field: Field) =>
    error?.field === field ? (
      <p id={`${id}-${field}-error`} className="field__error">
        {message(error.code)}
      </p>
    ) : null;
  const invalid = (field: Field) =>
    error?.field === field ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {};
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <section className="calculator" aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>
        {t(kind === 'psc' ? 'deadline.publicHeading' : 'deadline.adminHeading')}
      </Heading>
      <p>{t(kind === 'psc' ? 'deadline.publicIntro' : 'deadline.adminIntro')}</p>
      <form className="form calculator__form" noValidate onSubmit={onSubmit} aria-busy={busy}>
        <div className="field">
          <label htmlFor={`${id}-query`}>{t('deadline.officeSearch')}</label>
          <input
            id={`${id}-query`}
            type="search"
            maxLength={100}
            autoComplete="off"
            aria-controls={`${id}-office`}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-office`}>{t('deadline.office')}</label>
          <select
            id={`${id}-office`}
            value={officeId}
            onChange={(e) => setOfficeId(e.target.value)}
            {...invalid('office')}
          >
            {offices.length === 0 ? <option value="">{t('deadline.noOffices')}</option> : null}
            {offices.map((o) => (
              <option key={o.id} value={o.id}>
                {localName(o.name, locale)}
              </option>
            ))}
          </select>
          {fieldError('office')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('deadline.from')}</label>
          <input
            id={`${id}-from`}
            type="datetime-local"
            required
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            {...invalid('from')}
          />
          {fieldError('from')}
        </div>
        {fixedWorkingDays === undefined ? (
          <div className="field">
            <label htmlFor={`${id}-workingDays`}>{t('deadline.workingDays')}</label>
            <input
              id={`${id}-workingDays`}
              type="number"
              inputMode="numeric"
              min={0}
              max={60}
              step={1}
              required
              value={workingDays}
              onChange={(e) => setWorkingDays(e.target.value)}
              {...invalid('workingDays')}
            />
            {fieldError('workingDays')}
          </div>
        ) : null}
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('deadline.submit')}
        </button>
      </form>
      <div role="alert" className="calculator__alert">
        {error && error.field === null ? <p className="notice notice--error">{message(error.code)}</p> : null}
      </div>
      <div role="status" className="calculator__result">
        {result ? (
          <dl className="facts">
            <div className="facts__item">
              <dt>{t('deadline.acceptedOn')}</dt>
              <dd>{formatDate(locale, result.acceptedOn)}</dd>
            </div>
            <div className="facts__item">
              <dt>{t('deadline.due')}</dt>
              <dd>{formatDateTime(locale, new Date(result.due))}</dd>
            </div>
          </dl>
        ) : null}
      </div>
    </section>
  );
}
