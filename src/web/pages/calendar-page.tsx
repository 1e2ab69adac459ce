/**
 * `/calendar`, the admin's working calendar (issue 3 item 4, R-7, R-10): a month or a whole year of working
 * and non-working days from `GET /api/v1/calendar/days`, holidays named, and the two edits the API offers —
 * a transfer of a day off and a year's Kurban Ait date — with the server's error codes translated next to the
 * fields they concern. A deadline calculator shows what the calendar means for a deadline.
 */
import { type FormEvent, type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatDate, type MessageKey } from '../../i18n';
import { type PlainDate, parsePlainDate, ymd } from '../../domain/shared/plain-date';
import { ApiError, type SessionUser } from '../api';
import { useI18n } from '../locale';
import { Page } from '../page';
import { almatyToday, type CalendarDay, DAY_KINDS, type DayKind, localName, monthWeeks } from '../reference';
import { sectionTitleKey } from '../sections';
import { useSession } from '../session';
import { DeadlineCalculator } from './deadline-calculator';

type View = 'month' | 'year';
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
const SPECIAL_KINDS: readonly DayKind[] = DAY_KINDS.filter((k) => k !== 'workday' && k !== 'weekend');

interface Coverage {
  readonly from: PlainDate;
  readonly to: PlainDate;
}

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly year: number; readonly days: ReadonlyMap<string, CalendarDay> }
  | { readonly status: 'error'; readonly code: string; readonly coverage: Coverage | null };

const kindKey = (kind: DayKind): MessageKey => `calendar.kind.${kind}`;
/** A transfer's name only repeats its kind ("transferred day off"), so it is not shown twice. */
const isTransfer = (kind: DayKind) => kind === 'transferred_off' || kind === 'transferred_workday';

/** The short word a grid cell shows; the full kind and the name are in the list and for screen readers. */
function shortKey(kind: DayKind): MessageKey | null {
  if (kind === 'workday') return null;
  if (kind === 'transferred_workday') return 'calendar.short.work';
  if (kind === 'holiday' || kind === 'religious') return 'calendar.short.holiday';
  return 'calendar.short.off';
}

function coverageOf(details: unknown): Coverage | null {
  if (typeof details !== 'object' || details === null || !('coverage' in details)) return null;
  const c = (details as { coverage: unknown }).coverage;
  if (typeof c !== 'object' || c === null) return null;
  const { from, to } = c as { from?: unknown; to?: unknown };
  return typeof from === 'string' && typeof to === 'string'
    ? { from: from as PlainDate, to: to as PlainDate }
    : null;
}

function detailDate(details: unknown): string | null {
  if (typeof details !== 'object' || details === null || !('date' in details)) return null;
  const d = (details as { date: unknown }).date;
  return typeof d === 'string' ? d : null;
}

export function CalendarPage({ user }: { user: SessionUser }) {
  const { t, tError } = useI18n();
  if (user.role !== 'admin') {
    return (
      <Page title={t(sectionTitleKey('calendar'))}>
        <p className="notice notice--error">{tError('AUTH.FORBIDDEN')}</p>
      </Page>
    );
  }
  return <CalendarAdmin />;
}

function CalendarAdmin() {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const [params] = useSearchParams();
  const id = useId();
  const today = useMemo(() => almatyToday(new Date()), []);
  const [year, setYear] = useState(() => {
    const y = Number(params.get('year'));
    return Number.isInteger(y) && y >= 1900 && y <= 2200 ? y : ymd(today).year;
  });
  const [month, setMonth] = useState(() => {
    const m = Number(params.get('month'));
    return Number.isInteger(m) && m >= 1 && m <= 12 ? m : ymd(today).month;
  });
  const [view, setView] = useState<View>(params.get('view') === 'year' ? 'year' : 'month');
  const [yearDraft, setYearDraft] = useState(String(year));
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const [revision, setRevision] = useState(0);

  useEffect(() => setYearDraft(String(year)), [year]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `revision` reloads the year after an edit
  useEffect(() => {
    let cancelled = false;
    setLoad({ status: 'loading' });
    api.get<{ days: CalendarDay[] }>(`/api/v1/calendar/days?from=${year}-01-01&to=${year}-12-31`).then(
      (r) => {
        if (!cancelled) setLoad({ status: 'ready', year, days: new Map(r.days.map((d) => [d.date, d])) });
      },
      (e: unknown) => {
        if (cancelled) return;
        const error = e instanceof ApiError ? e : new ApiError('UNKNOWN', 0);
        const known = coverageOf(error.details);
        if (known) setCoverage(known);
        setLoad({ status: 'error', code: error.code, coverage: known });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, year, revision]);

  function step(delta: number) {
    if (view === 'year') return setYear((y) => y + delta);
    const index = year * 12 + (month - 1) + delta;
    setYear(Math.floor(index / 12));
    setMonth((index % 12) + 1);
  }

  function applyYearDraft() {
    const y = Number(yearDraft);
    if (/^\d{4}$/.test(yearDraft) && y >= 1900 && y <= 2200) setYear(y);
    else setYearDraft(String(year));
  }

  function showDate(date: PlainDate, changed: Coverage) {
    const { year: y, month: m } = ymd(date);
    setCoverage(changed);
    setYear(y);
    setMonth(m);
    setView('month');
    setRevision((r) => r + 1);
  }

  const days = load.status === 'ready' && load.year === year ? load.days : null;
  const inView = days ? [...days.values()].filter((d) => view === 'year' || ymd(d.date).month === month) : [];
  const working = inView.filter((d) => d.working).length;
  const special = inView.filter((d) => SPECIAL_KINDS.includes(d.kind));
  const periodTitle =
    view === 'year'
      ? String(year)
      : t('calendar.monthYear', { month: t(`calendar.month.${month}` as MessageKey), year: String(year) });

  return (
    <Page title={t(sectionTitleKey('calendar'))} className="calendar-page">
      <p className="lead">{t('calendar.intro')}</p>
      {coverage ? (
        <p className="note-plain">
          {t('calendar.coverage', {
            from: formatDate(locale, coverage.from),
            to: formatDate(locale, coverage.to),
          })}
        </p>
      ) : null}

      <div className="calendar-controls">
        <fieldset className="segmented">
          <legend>{t('calendar.view')}</legend>
          {(['month', 'year'] as const).map((v) => (
            <label key={v} className="segmented__option">
              <input
                type="radio"
                name={`${id}-view`}
                value={v}
                checked={view === v}
                onChange={() => setView(v)}
              />
              {t(v === 'month' ? 'calendar.viewMonth' : 'calendar.viewYear')}
            </label>
          ))}
        </fieldset>
        <form
          className="calendar-controls__period"
          onSubmit={(e) => {
            e.preventDefault();
            applyYearDraft();
          }}
        >
          <div className="field field--inline">
            <label htmlFor={`${id}-year`}>{t('calendar.year')}</label>
            <input
              id={`${id}-year`}
              type="number"
              inputMode="numeric"
              min={1900}
              max={2200}
              value={yearDraft}
              onChange={(e) => setYearDraft(e.target.value)}
              onBlur={applyYearDraft}
            />
          </div>
          {view === 'month' ? (
            <div className="field field--inline">
              <label htmlFor={`${id}-month`}>{t('calendar.month')}</label>
              <select id={`${id}-month`} value={month} onChange={(e) => setMonth(Number(e.target.value))}>
                {MONTHS.map((m) => (
                  <option key={m} value={m}>
                    {t(`calendar.month.${m}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <button type="submit" className="button button--secondary">
            {t('calendar.show')}
          </button>
        </form>
        <div className="calendar-controls__step">
          <button type="button" className="button button--secondary" onClick={() => step(-1)}>
            <span aria-hidden="true">←</span>
            {t(view === 'month' ? 'calendar.previousMonth' : 'calendar.previousYear')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => step(1)}>
            {t(view === 'month' ? 'calendar.nextMonth' : 'calendar.nextYear')}
            <span aria-hidden="true">→</span>
          </button>
        </div>
      </div>

      <section
        className="calendar-view"
        aria-labelledby={`${id}-period`}
        aria-busy={load.status === 'loading'}
      >
        <h2 id={`${id}-period`}>{periodTitle}</h2>
        {load.status === 'error' ? (
          <div role="alert">
            <p className="notice notice--error">
              {tError(load.code)}
              {load.coverage
                ? ` ${t('calendar.coverage', {
                    from: formatDate(locale, load.coverage.from),
                    to: formatDate(locale, load.coverage.to),
                  })}`
                : null}
            </p>
          </div>
        ) : null}
        {load.status === 'loading' ? (
          <p className="loading" role="status">
            {t('app.loading')}
          </p>
        ) : null}
        {days ? (
          <>
            <p className="calendar-summary" role="status">
              {t('calendar.workingDays', { count: working })} ·{' '}
              {t('calendar.nonWorkingDays', { count: inView.length - working })}
            </p>
            {view === 'month' ? (
              <MonthGrid year={year} month={month} days={days} today={today} />
            ) : (
              <div className="year-grid">
                {MONTHS.map((m) => (
                  <MonthGrid key={m} year={year} month={m} days={days} today={today} compact />
                ))}
              </div>
            )}
            <Legend />
            <h3>{t('calendar.specialDays')}</h3>
            {special.length === 0 ? (
              <p>{t('calendar.noSpecialDays')}</p>
            ) : (
              <ul className="special-days">
                {special.map((d) => (
                  <li key={d.date} className={`special-days__item special-days__item--${d.kind}`}>
                    <time dateTime={d.date}>{formatDate(locale, d.date)}</time>
                    <span>
                      {d.name && !isTransfer(d.kind) ? (
                        <>
                          <strong>{localName(d.name, locale)}</strong>
                          {' — '}
                        </>
                      ) : null}
                      {t(kindKey(d.kind))}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : null}
      </section>

      <div className="columns calendar-forms">
        <TransferForm onAdded={showDate} />
        <KurbanAitForm onAdded={showDate} />
      </div>

      <DeadlineCalculator />
    </Page>
  );
}

function MonthGrid({
  year,
  month,
  days,
  today,
  compact = false,
}: {
  year: number;
  month: number;
  days: ReadonlyMap<string, CalendarDay>;
  today: PlainDate;
  compact?: boolean;
}) {
  const { t, locale } = useI18n();
  const weeks = monthWeeks(year, month);
  return (
    <table className={compact ? 'month-grid month-grid--compact' : 'month-grid'}>
      <caption className={compact ? 'month-grid__caption' : 'visually-hidden'}>
        {compact
          ? t(`calendar.month.${month}` as MessageKey)
          : t('calendar.monthYear', {
              month: t(`calendar.month.${month}` as MessageKey),
              year: String(year),
            })}
      </caption>
      <thead>
        <tr>
          {WEEKDAYS.map((w) => (
            <th key={w} scope="col" className="month-grid__weekday">
              <span aria-hidden="true">{t(`calendar.weekdayShort.${w}` as MessageKey)}</span>
              <span className="visually-hidden">{t(`calendar.weekday.${w}` as MessageKey)}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week.find(Boolean) ?? ''}>
            {WEEKDAYS.map((weekday) => {
              const date = week[weekday - 1];
              if (!date) return <td key={weekday} className="day day--blank" />;
              const day = days.get(date);
              const kind = day?.kind ?? 'workday';
              const short = shortKey(kind);
              const name = day?.name && !isTransfer(kind) ? localName(day.name, locale) : null;
              return (
                <td
                  key={weekday}
                  className={`day day--${kind}${date === today ? ' day--today' : ''}`}
                  aria-current={date === today ? 'date' : undefined}
                >
                  <span className="day__number">{ymd(date).day}</span>
                  {short && !compact ? (
                    <span className="day__label" aria-hidden="true">
                      {isTransfer(kind) ? '↔ ' : null}
                      {t(short)}
                    </span>
                  ) : null}
                  {name && !compact ? (
                    <span className="day__name" aria-hidden="true">
                      {name}
                    </span>
                  ) : null}
                  {kind !== 'workday' ? (
                    <span className="visually-hidden">
                      {`, ${t(kindKey(kind))}${name ? `: ${name}` : ''}`}
                    </span>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Legend() {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="legend">
      <h3 id={id} className="legend__title">
        {t('calendar.legend')}
      </h3>
      <ul className="legend__list" aria-labelledby={id}>
        {DAY_KINDS.map((kind) => (
          <li key={kind}>
            <span className={`legend__swatch day--${kind}`} aria-hidden="true" />
            {t(kindKey(kind))}
          </li>
        ))}
      </ul>
    </div>
  );
}

type FieldErrors<F extends string> = Partial<Record<F, string>>;

interface FormState<F extends string> {
  readonly fieldErrors: FieldErrors<F>;
  /** The message of the alert region; changes with every attempt so that a repeated one is announced. */
  readonly alert: { readonly text: string; readonly attempt: number } | null;
  readonly done: string | null;
}

/** A form's error and success handling, shared by the two calendar edits. */
function useEditForm<F extends string>(fields: readonly F[]) {
  const { t, tError } = useI18n();
  const id = useId();
  const [state, setState] = useState<FormState<F>>({ fieldErrors: {}, alert: null, done: null });
  const [busy, setBusy] = useState(false);
  const focusFirst = useRef(false);

  useEffect(() => {
    if (!focusFirst.current) return;
    focusFirst.current = false;
    const first = fields.find((f) => state.fieldErrors[f]);
    if (first) document.getElementById(`${id}-${first}`)?.focus();
  }, [state, fields, id]);

  function fail(fieldErrors: FieldErrors<F>, code: string) {
    focusFirst.current = true;
    const hasFields = Object.keys(fieldErrors).length > 0;
    setState((s) => ({
      fieldErrors,
      // With field errors the alert points to them; the reason itself stands next to the field.
      alert: {
        text: hasFields ? tError('VALIDATION_FAILED') : tError(code),
        attempt: (s.alert?.attempt ?? 0) + 1,
      },
      done: null,
    }));
  }

  function required(values: Partial<Record<F, string>>, needed: readonly F[]): boolean {
    const missing: FieldErrors<F> = {};
    for (const f of needed) if (!values[f]?.trim()) missing[f] = t('form.required');
    if (Object.keys(missing).length === 0) return true;
    fail(missing, 'VALIDATION_FAILED');
    return false;
  }

  /** Server field issues (`off`, `basis.act`) become messages next to the fields, never the server's text. */
  function failFrom(
    e: unknown,
    fieldOfCode: (code: string, date: string | null) => F | null,
    dateFields: readonly F[],
  ) {
    const error = e instanceof ApiError ? e : new ApiError('UNKNOWN', 0);
    const fieldErrors: FieldErrors<F> = {};
    for (const issue of error.fieldIssues) {
      const f = fields.find(
        (name) => issue.path === name.replace('_', '.') || issue.path.startsWith(`${name}.`),
      );
      if (f) fieldErrors[f] = dateFields.includes(f) ? tError('DATE.BAD_FORMAT') : t('form.invalidField');
    }
    if (error.code !== 'VALIDATION_FAILED') {
      const f = fieldOfCode(error.code, detailDate(error.details));
      if (f) fieldErrors[f] = tError(error.code);
    }
    fail(fieldErrors, error.code);
  }

  function succeed(message: string) {
    setState({ fieldErrors: {}, alert: null, done: message });
  }

  const fieldProps = (f: F, hint?: string) => {
    const error = state.fieldErrors[f];
    const describedBy = [hint, error ? `${id}-${f}-error` : undefined].filter(Boolean).join(' ');
    return {
      id: `${id}-${f}`,
      name: f,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy || undefined,
    } as const;
  };
  const fieldError = (f: F): ReactNode =>
    state.fieldErrors[f] ? (
      <p id={`${id}-${f}-error`} className="field__error">
        {state.fieldErrors[f]}
      </p>
    ) : null;

  const messages = (
    <>
      <div role="alert" className="form-alert">
        {state.alert ? (
          <p key={state.alert.attempt} className="notice notice--error">
            {state.alert.text}
          </p>
        ) : null}
      </div>
      <div role="status" className="form-alert">
        {state.done ? <p className="notice notice--success">{state.done}</p> : null}
      </div>
    </>
  );

  return { id, busy, setBusy, required, failFrom, succeed, fieldProps, fieldError, messages };
}

type TransferField = 'off' | 'work' | 'basis_act' | 'basis_article';
const TRANSFER_FIELDS: readonly TransferField[] = ['off', 'work', 'basis_act', 'basis_article'];

function TransferForm({ onAdded }: { onAdded: (date: PlainDate, coverage: Coverage) => void }) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const form = useEditForm(TRANSFER_FIELDS);
  const [values, setValues] = useState({ off: '', work: '', basis_act: '', basis_article: '' });
  const set = (f: TransferField) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [f]: e.target.value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!form.required(values, ['off', 'work', 'basis_act'])) return;
    form.setBusy(true);
    try {
      const basis = {
        act: values.basis_act.trim(),
        ...(values.basis_article.trim() ? { article: values.basis_article.trim() } : {}),
      };
      const r = await api.post<{ coverage: Coverage }>('/api/v1/calendar/transfers', {
        off: values.off,
        work: values.work,
        basis,
      });
      const off = values.off as PlainDate;
      form.succeed(
        t('calendar.transfer.added', {
          off: formatDate(locale, off),
          work: formatDate(locale, values.work as PlainDate),
        }),
      );
      setValues({ off: '', work: '', basis_act: '', basis_article: '' });
      onAdded(off, r.coverage);
    } catch (e) {
      form.failFrom(
        e,
        (code, date) => {
          if (code === 'CALENDAR.TRANSFER_OFF_NOT_WEEKDAY') return 'off';
          if (code === 'CALENDAR.TRANSFER_WORKDAY_NOT_WEEKEND') return 'work';
          if (date === values.off) return 'off';
          if (date === values.work) return 'work';
          return null;
        },
        ['off', 'work'],
      );
    } finally {
      form.setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${form.id}-heading`}>
      <h2 id={`${form.id}-heading`}>{t('calendar.transfer.heading')}</h2>
      <p>{t('calendar.transfer.intro')}</p>
      {form.messages}
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={form.busy}>
        <div className="field">
          <label htmlFor={`${form.id}-off`}>{t('calendar.transfer.off')}</label>
          <input type="date" required value={values.off} onChange={set('off')} {...form.fieldProps('off')} />
          {form.fieldError('off')}
        </div>
        <div className="field">
          <label htmlFor={`${form.id}-work`}>{t('calendar.transfer.work')}</label>
          <input
            type="date"
            required
            value={values.work}
            onChange={set('work')}
            {...form.fieldProps('work')}
          />
          {form.fieldError('work')}
        </div>
        <BasisFields values={values} set={set} form={form} />
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {form.busy ? t('form.saving') : t('calendar.transfer.submit')}
        </button>
      </form>
    </section>
  );
}

type KurbanField = 'date' | 'basis_act' | 'basis_article';
const KURBAN_FIELDS: readonly KurbanField[] = ['date', 'basis_act', 'basis_article'];

function KurbanAitForm({ onAdded }: { onAdded: (date: PlainDate, coverage: Coverage) => void }) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const form = useEditForm(KURBAN_FIELDS);
  const [values, setValues] = useState({ date: '', basis_act: '', basis_article: '' });
  const [provisional, setProvisional] = useState(false);
  const set = (f: KurbanField) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [f]: e.target.value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!form.required(values, ['date', 'basis_act'])) return;
    const date = parsePlainDate(values.date);
    form.setBusy(true);
    try {
      const basis = {
        act: values.basis_act.trim(),
        ...(values.basis_article.trim() ? { article: values.basis_article.trim() } : {}),
      };
      const r = await api.post<{ coverage: Coverage }>('/api/v1/calendar/kurban-ait', {
        date: values.date,
        basis,
        ...(provisional ? { provisional: true } : {}),
      });
      form.succeed(
        t('calendar.kurban.added', { date: date.ok ? formatDate(locale, date.value) : values.date }),
      );
      setValues({ date: '', basis_act: '', basis_article: '' });
      setProvisional(false);
      if (date.ok) onAdded(date.value, r.coverage);
    } catch (e) {
      form.failFrom(e, (code) => (code.startsWith('CALENDAR.') ? 'date' : null), ['date']);
    } finally {
      form.setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${form.id}-heading`}>
      <h2 id={`${form.id}-heading`}>{t('calendar.kurban.heading')}</h2>
      <p>{t('calendar.kurban.intro')}</p>
      {form.messages}
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={form.busy}>
        <div className="field">
          <label htmlFor={`${form.id}-date`}>{t('calendar.kurban.date')}</label>
          <input
            type="date"
            required
            value={values.date}
            onChange={set('date')}
            {...form.fieldProps('date')}
          />
          {form.fieldError('date')}
        </div>
        <BasisFields values={values} set={set} form={form} />
        <div className="field field--checkbox">
          <input
            id={`${form.id}-provisional`}
            type="checkbox"
            checked={provisional}
            onChange={(e) => setProvisional(e.target.checked)}
          />
          <label htmlFor={`${form.id}-provisional`}>{t('calendar.kurban.provisional')}</label>
        </div>
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {form.busy ? t('form.saving') : t('calendar.kurban.submit')}
        </button>
      </form>
    </section>
  );
}

type BasisField = 'basis_act' | 'basis_article';

/** The legal act of an edit (each change of the calendar names its basis, issue 3 item 4). */
function BasisFields({
  values,
  set,
  form,
}: {
  values: Readonly<Record<BasisField, string>>;
  set: (f: BasisField) => (e: { target: { value: string } }) => void;
  form: {
    id: string;
    fieldProps: (f: BasisField, hint?: string) => Record<string, unknown>;
    fieldError: (f: BasisField) => ReactNode;
  };
}) {
  const { t } = useI18n();
  const hint = `${form.id}-act-hint`;
  return (
    <>
      <div className="field">
        <label htmlFor={`${form.id}-basis_act`}>{t('calendar.basis.act')}</label>
        <input
          type="text"
          required
          maxLength={64}
          value={values.basis_act}
          onChange={set('basis_act')}
          {...form.fieldProps('basis_act', hint)}
        />
        <p id={hint} className="field__hint">
          {t('calendar.basis.actHint')}
        </p>
        {form.fieldError('basis_act')}
      </div>
      <div className="field">
        <label htmlFor={`${form.id}-basis_article`}>{t('calendar.basis.article')}</label>
        <input
          type="text"
          maxLength={32}
          value={values.basis_article}
          onChange={set('basis_article')}
          {...form.fieldProps('basis_article')}
        />
        {form.fieldError('basis_article')}
      </div>
    </>
  );
}
