/**
 * `/offices`, public (R-20, issue 3 item 5): the directory of akimats, akim apparatuses and PSCs with search by
 * name or address, filters by oblast, district and kind, each office's hours today and whether it is open now.
 * The filters start from the address (`/offices?kind=psc&oblast=110000000`), so other pages can link to a
 * filtered list; afterwards they live in the page, because every router navigation would move the focus to
 * the page heading while the person is still typing.
 */
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Locale } from '../../i18n';
import { ApiError } from '../api';
import { useI18n } from '../locale';
import { Page } from '../page';
import {
  isOfficeKind,
  localName,
  OFFICE_KINDS,
  type Office,
  type OfficeKind,
  type OfficesAnswer,
  type OpenPeriod,
  sortByName,
  type TerritoryNode,
  telHref,
} from '../reference';
import { minutesText, type QueueSummary } from '../queue';
import { sectionTitleKey } from '../sections';
import { useSession } from '../session';
import '../queue.css';

/** Offices that serve applicants in a walk-in queue (issue 6): PSCs and rural akimats. */
const QUEUE_KINDS: readonly OfficeKind[] = ['psc', 'rural_akimat'];

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 350;
const KATO = /^\d{9}$/;

interface Filters {
  readonly q: string;
  readonly oblast: string;
  readonly district: string;
  readonly kind: OfficeKind | '';
}

type Load =
  | { readonly status: 'loading'; readonly last: OfficesAnswer | null }
  | { readonly status: 'ready'; readonly answer: OfficesAnswer }
  | { readonly status: 'error'; readonly code: string };

function initialFilters(params: URLSearchParams): Filters {
  const kind = params.get('kind');
  const oblast = params.get('oblast') ?? '';
  const district = params.get('district') ?? '';
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    oblast: KATO.test(oblast) ? oblast : '',
    district: KATO.test(district) && KATO.test(oblast) ? district : '',
    kind: isOfficeKind(kind) ? kind : '',
  };
}

function officesQuery(f: Filters, page: number): string {
  const p = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) });
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.oblast) p.set('oblast', f.oblast);
  if (f.district) p.set('district', f.district);
  if (f.kind) p.set('kind', f.kind);
  return p.toString();
}

export function OfficesPage() {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const [params] = useSearchParams();
  const id = useId();
  const [filters, setFilters] = useState<Filters>(() => initialFilters(params));
  const [draft, setDraft] = useState(filters.q);
  const [page, setPage] = useState(1);
  const [load, setLoad] = useState<Load>({ status: 'loading', last: null });
  const [oblasts, setOblasts] = useState<readonly TerritoryNode[]>([]);
  const [districts, setDistricts] = useState<readonly TerritoryNode[]>([]);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);

  useEffect(() => {
    let cancelled = false;
    api.get<{ nodes: TerritoryNode[] }>('/api/v1/territory').then(
      (r) => !cancelled && setOblasts(r.nodes),
      () => undefined, // The list still works without the picker; the offices request reports the failure.
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  useEffect(() => {
    setDistricts([]);
    if (!filters.oblast) return;
    let cancelled = false;
    api.get<{ nodes: TerritoryNode[] }>(`/api/v1/territory?within=${filters.oblast}&limit=200`).then(
      (r) => !cancelled && setDistricts(r.nodes),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api, filters.oblast]);

  // Typing searches by itself after a short pause; Enter searches at once.
  useEffect(() => {
    if (draft === filters.q) return;
    const timer = setTimeout(() => {
      setFilters((f) => ({ ...f, q: draft }));
      setPage(1);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, filters.q]);

  useEffect(() => {
    let cancelled = false;
    setLoad((previous) => ({
      status: 'loading',
      last:
        previous.status === 'ready' ? previous.answer : previous.status === 'loading' ? previous.last : null,
    }));
    api.get<OfficesAnswer>(`/api/v1/offices?${officesQuery(filters, page)}`).then(
      (answer) => {
        if (cancelled) return;
        setLoad({ status: 'ready', answer });
        if (focusResults.current) {
          focusResults.current = false;
          resultsHeading.current?.focus();
        }
      },
      (e: unknown) => {
        if (!cancelled) setLoad({ status: 'error', code: e instanceof ApiError ? e.code : 'UNKNOWN' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, filters, page]);

  // Issue 6: "waiting now / typical wait" of the offices shown, from the public queue summary.
  const [queues, setQueues] = useState<ReadonlyMap<string, QueueSummary>>(new Map());
  const shownQueueIds =
    load.status === 'ready'
      ? load.answer.offices
          .filter((o) => QUEUE_KINDS.includes(o.kind))
          .map((o) => o.id)
          .join(',')
      : '';
  useEffect(() => {
    if (!shownQueueIds) return;
    let cancelled = false;
    api
      .get<{ offices: QueueSummary[] }>(`/api/v1/queue/summary?offices=${encodeURIComponent(shownQueueIds)}`)
      .then(
        (r) => !cancelled && setQueues(new Map(r.offices.map((q) => [q.officeId, q]))),
        () => undefined, // the directory stays useful without the figure
      );
    return () => {
      cancelled = true;
    };
  }, [api, shownQueueIds]);

  const sortedOblasts = useMemo(() => sortByName(oblasts, locale), [oblasts, locale]);
  const sortedDistricts = useMemo(() => sortByName(districts, locale), [districts, locale]);

  function change(next: Partial<Filters>) {
    setFilters((f) => ({ ...f, ...next }));
    setPage(1);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    change({ q: draft });
    focusResults.current = true;
  }

  function onReset() {
    setDraft('');
    change({ q: '', oblast: '', district: '', kind: '' });
  }

  function goTo(next: number) {
    focusResults.current = true;
    setPage(next);
  }

  const answer = load.status === 'ready' ? load.answer : load.status === 'loading' ? load.last : null;
  const total = answer?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, page * PAGE_SIZE);

  return (
    <Page title={t(sectionTitleKey('offices'))} className="offices">
      <p className="lead">{t('offices.intro')}</p>
      <search className="filters" aria-labelledby={`${id}-filters`}>
        <h2 id={`${id}-filters`} className="filters__title">
          {t('offices.filters')}
        </h2>
        <form onSubmit={onSubmit} noValidate>
          <div className="filters__grid">
            <div className="field filters__search">
              <label htmlFor={`${id}-q`}>{t('offices.search')}</label>
              <div className="search-box">
                <input
                  id={`${id}-q`}
                  name="q"
                  type="search"
                  maxLength={100}
                  autoComplete="off"
                  value={draft}
                  onChange={(e) => setDraft(e.target.value)}
                />
                <button type="submit" className="button button--primary">
                  {t('offices.searchButton')}
                </button>
              </div>
            </div>
            <div className="field">
              <label htmlFor={`${id}-oblast`}>{t('offices.oblast')}</label>
              <select
                id={`${id}-oblast`}
                name="oblast"
                value={filters.oblast}
                onChange={(e) => change({ oblast: e.target.value, district: '' })}
              >
                <option value="">{t('offices.allOblasts')}</option>
                {sortedOblasts.map((n) => (
                  <option key={n.code} value={n.code}>
                    {localName(n.name, locale)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-district`}>{t('offices.district')}</label>
              <select
                id={`${id}-district`}
                name="district"
                value={filters.district}
                disabled={!filters.oblast}
                aria-describedby={filters.oblast ? undefined : `${id}-district-hint`}
                onChange={(e) => change({ district: e.target.value })}
              >
                <option value="">{t('offices.allDistricts')}</option>
                {sortedDistricts.map((n) => (
                  <option key={n.code} value={n.code}>
                    {localName(n.name, locale)}
                  </option>
                ))}
              </select>
              {filters.oblast ? null : (
                <p id={`${id}-district-hint`} className="field__hint">
                  {t('offices.districtHint')}
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor={`${id}-kind`}>{t('offices.kind')}</label>
              <select
                id={`${id}-kind`}
                name="kind"
                value={filters.kind}
                onChange={(e) => change({ kind: isOfficeKind(e.target.value) ? e.target.value : '' })}
              >
                <option value="">{t('offices.allKinds')}</option>
                {OFFICE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`offices.kind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="button" className="button button--secondary" onClick={onReset}>
            {t('offices.reset')}
          </button>
        </form>
      </search>

      <section className="results" aria-labelledby={`${id}-results`} aria-busy={load.status === 'loading'}>
        <h2 id={`${id}-results`} ref={resultsHeading} tabIndex={-1}>
          {t('offices.results')}
        </h2>
        <p role="status" className="results__count">
          {answer ? t('offices.found', { count: total }) : ''}
          {answer && total > 0
            ? ` ${t('offices.range', { from: first, to: last })}`
            : load.status === 'loading' && !answer
              ? t('app.loading')
              : ''}
        </p>
        {load.status === 'error' ? (
          <p className="notice notice--error" role="alert">
            {tError(load.code)}
          </p>
        ) : null}
        {answer && total === 0 ? <p>{t('offices.none')}</p> : null}
        {answer && total > 0 ? (
          <>
            <p className="note-plain">{t('offices.timeNote')}</p>
            <ul className="office-list">
              {answer.offices.map((office) => (
                <OfficeCard key={office.id} office={office} locale={locale} queue={queues.get(office.id)} />
              ))}
            </ul>
          </>
        ) : null}
        {answer && pages > 1 ? (
          <nav className="pager" aria-label={t('offices.pagination')}>
            <button
              type="button"
              className="button button--secondary"
              disabled={page <= 1 || load.status === 'loading'}
              onClick={() => goTo(page - 1)}
            >
              <span aria-hidden="true">←</span>
              {t('offices.previous')}
            </button>
            <span className="pager__status">{t('offices.pageOf', { page, pages })}</span>
            <button
              type="button"
              className="button button--secondary"
              disabled={page >= pages || load.status === 'loading'}
              onClick={() => goTo(page + 1)}
            >
              {t('offices.next')}
              <span aria-hidden="true">→</span>
            </button>
          </nav>
        ) : null}
      </section>
    </Page>
  );
}

function OfficeCard({
  office,
  locale,
  queue,
}: {
  office: Office;
  locale: Locale;
  queue: QueueSummary | undefined;
}) {
  const { t } = useI18n();
  const open = office.hours.openNow;
  return (
    <li className="office">
      <div className="office__top">
        <h3 className="office__name">{localName(office.name, locale)}</h3>
        {/* Open or closed is said in words and with a symbol, not by colour alone (WCAG 1.4.1). */}
        <p className={open ? 'badge badge--open' : 'badge badge--closed'}>
          <span className="badge__icon" aria-hidden="true">
            {open ? '✓' : '✕'}
          </span>
          {t(open ? 'offices.openNow' : 'offices.closedNow')}
        </p>
      </div>
      <p className="office__meta">
        {t(`offices.kind.${office.kind}`)}
        {office.oblast ? ` · ${localName(office.oblast, locale)}` : null}
      </p>
      <dl className="office__details">
        <div>
          <dt>{t('offices.hoursToday')}</dt>
          <dd className="office__hours">{hoursText(office.hours.today, t)}</dd>
        </div>
        {queue ? (
          <div className="office__queue">
            <dt>{t('offices.queue.waitingNow')}</dt>
            <dd>
              {t('offices.queue.people', { count: queue.waitingNow })}
              <Link to={`/queue/board/${encodeURIComponent(office.id)}`}>{t('offices.queue.board')}</Link>
            </dd>
          </div>
        ) : null}
        {queue ? (
          <div className="office__queue">
            <dt>{t('offices.queue.typicalWait')}</dt>
            <dd>
              {queue.typicalWaitMinutes === null
                ? t('offices.queue.noData')
                : t('queue.minutes', { minutes: minutesText(locale, queue.typicalWaitMinutes) })}
            </dd>
          </div>
        ) : null}
        {office.address ? (
          <div>
            <dt>{t('offices.address')}</dt>
            <dd>{office.address}</dd>
          </div>
        ) : null}
        {office.phones.length > 0 ? (
          <div>
            <dt>{t('offices.phones')}</dt>
            <dd>
              <ul className="inline-list">
                {office.phones.map((phone) => {
                  const href = telHref(phone);
                  return <li key={phone}>{href ? <a href={href}>{phone}</a> : phone}</li>;
                })}
              </ul>
            </dd>
          </div>
        ) : null}
        {office.fax ? (
          <div>
            <dt>{t('offices.fax')}</dt>
            <dd>{office.fax}</dd>
          </div>
        ) : null}
        {office.emails.length > 0 ? (
          <div>
            <dt>{t('offices.emails')}</dt>
            <dd>
              <ul className="inline-list">
                {office.emails.map((email) => (
                  <li key={email}>
                    <a href={`mailto:${email}`}>{email}</a>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}

function hoursText(periods: readonly OpenPeriod[], t: ReturnType<typeof useI18n>['t']): string {
  const [a, b] = periods;
  if (!a) return t('offices.closedToday');
  if (periods.length === 1) return t('offices.hoursNoBreak', { from: a.from, to: a.to });
  if (periods.length === 2 && b)
    return t('offices.hoursBreak', { from: a.from, to: b.to, breakFrom: a.to, breakTo: b.from });
  return periods.map((p) => `${p.from}–${p.to}`).join(', ');
}
