/**
 * `/household-book` (issue 4, item 2): one search box for an IIN, a name (typo-tolerant, Kazakh and Russian
 * letters folded by the server) or an address, over the officer's own book — or, for a district or oblast
 * akim, over an akimat of their territory (read only). Results in pages of 20. The search lives in the
 * address (`?q=…&page=2`), written without a router navigation so that the focus stays where it is, and
 * read back when the person returns from a household.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { SessionUser } from '../api';
import {
  type HouseholdSummary,
  type SearchState,
  searchApiQuery,
  searchParamsOf,
  searchStateFrom,
  type TerritoryNode,
} from '../household-book';
import { useI18n } from '../locale';
import { Page } from '../page';
import { sectionTitleKey } from '../sections';
import { useSession } from '../session';
import {
  codeOf,
  localName,
  may,
  StatusBadge,
  territoryChildren,
  useTerritoryNames,
} from './household-shared';

const PAGE_SIZE = 20;

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly rows: readonly HouseholdSummary[]; readonly more: boolean }
  | { readonly status: 'error'; readonly code: string };

/** The akimats a district or oblast akim may read: a district's akimats, or an oblast's, district by district. */
function AkimatPicker({
  user,
  value,
  onChange,
}: {
  user: SessionUser;
  value: string;
  onChange: (akimat: string) => void;
}) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const id = useId();
  const root = user.territory.kato ?? '';
  const byOblast = user.role === 'oblast_akim';
  const [districts, setDistricts] = useState<readonly TerritoryNode[]>([]);
  const [district, setDistrict] = useState(value ? `${value.slice(0, 4)}00000` : '');
  const [akimats, setAkimats] = useState<readonly TerritoryNode[]>([]);

  useEffect(() => {
    if (!byOblast || root === '') return;
    territoryChildren(api, root).then(setDistricts, () => undefined);
  }, [api, byOblast, root]);

  useEffect(() => {
    const parent = byOblast ? district : root;
    setAkimats([]);
    if (parent === '') return;
    let cancelled = false;
    territoryChildren(api, parent).then(
      (nodes) => !cancelled && setAkimats(nodes.filter((n) => n.isServiceProvider)),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api, byOblast, district, root]);

  return (
    <div className="hb-filters__pickers">
      {byOblast ? (
        <div className="field">
          <label htmlFor={`${id}-district`}>{t('household.search.district')}</label>
          <select
            id={`${id}-district`}
            value={district}
            onChange={(e) => {
              setDistrict(e.target.value);
              onChange('');
            }}
          >
            <option value="">{t('household.search.allDistricts')}</option>
            {districts.map((d) => (
              <option key={d.code} value={d.code}>
                {localName(d.name, locale)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-akimat`}>{t('household.search.akimat')}</label>
        <select
          id={`${id}-akimat`}
          value={value}
          disabled={byOblast && district === ''}
          aria-describedby={byOblast && district === '' ? `${id}-akimat-hint` : undefined}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{t('household.search.allAkimats')}</option>
          {akimats.map((a) => (
            <option key={a.code} value={a.code}>
              {localName(a.name, locale)}
            </option>
          ))}
        </select>
        {byOblast && district === '' ? (
          <p className="field__hint" id={`${id}-akimat-hint`}>
            {t('household.search.pickDistrict')}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function HouseholdBookPage({ user }: { user: SessionUser }) {
  const { t, tError } = useI18n();
  const { api } = useSession();
  const [params] = useSearchParams();
  const id = useId();
  const [search, setSearch] = useState<SearchState>(() => searchStateFrom(params));
  const [draft, setDraft] = useState(search.q);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);
  const ownAkimat = may(user, 'household.write') ? user.territory.kato : null;
  const akimat = ownAkimat ?? search.akimat;
  const canWrite = ownAkimat !== null;
  const names = useTerritoryNames(
    api,
    load.status === 'ready' ? load.rows.map((r) => r.akimatKato) : akimat ? [akimat] : [],
  );
  const manyAkimats = !ownAkimat && !search.akimat;

  useEffect(() => {
    // The address says what is shown, for the back button; replaceState leaves the router (and focus) alone.
    const query = searchParamsOf(search).toString();
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${query ? `?${query}` : ''}`,
    );
    let cancelled = false;
    setLoad({ status: 'loading' });
    api
      .get<{ households: HouseholdSummary[] }>(
        `/api/v1/households?${searchApiQuery({ ...search, akimat: akimat ?? '' }, PAGE_SIZE)}`,
      )
      .then(
        (r) => {
          if (cancelled) return;
          setLoad({
            status: 'ready',
            rows: r.households.slice(0, PAGE_SIZE),
            more: r.households.length > PAGE_SIZE,
          });
          if (focusResults.current) {
            focusResults.current = false;
            resultsHeading.current?.focus();
          }
        },
        (e: unknown) => !cancelled && setLoad({ status: 'error', code: codeOf(e) }),
      );
    return () => {
      cancelled = true;
    };
  }, [api, search, akimat]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    focusResults.current = true;
    setSearch((s) => ({ ...s, q: draft, page: 1 }));
  }

  function goTo(page: number) {
    focusResults.current = true;
    setSearch((s) => ({ ...s, page }));
  }

  const rows = load.status === 'ready' ? load.rows : [];
  const from = (search.page - 1) * PAGE_SIZE + 1;

  return (
    <Page title={t(sectionTitleKey('household-book'))} className="hb">
      <p className="lead">{t(canWrite ? 'household.search.introOfficer' : 'household.search.introReader')}</p>
      {canWrite ? (
        <p className="hb-actions">
          <Link className="button button--primary" to="/household-book/new">
            {t('household.search.add')}
          </Link>
          <Link className="button button--secondary" to="/household-book/import">
            {t('household.search.importExport')}
          </Link>
        </p>
      ) : null}

      <search className="hb-filters" aria-label={t('household.search.label')}>
        <form onSubmit={onSubmit}>
          {ownAkimat ? null : (
            <AkimatPicker
              user={user}
              value={search.akimat}
              onChange={(a) => setSearch((s) => ({ ...s, akimat: a, page: 1 }))}
            />
          )}
          <div className="hb-filters__row">
            <div className="field hb-filters__q">
              <label htmlFor={`${id}-q`}>{t('household.search.query')}</label>
              <input
                id={`${id}-q`}
                type="search"
                name="q"
                value={draft}
                maxLength={200}
                autoComplete="off"
                aria-describedby={`${id}-q-hint`}
                onChange={(e) => setDraft(e.target.value)}
              />
              <p className="field__hint" id={`${id}-q-hint`}>
                {t('household.search.queryHint')}
              </p>
            </div>
            <div className="field hb-filters__status">
              <label htmlFor={`${id}-status`}>{t('household.search.status')}</label>
              <select
                id={`${id}-status`}
                value={search.status}
                onChange={(e) =>
                  setSearch((s) => ({ ...s, status: e.target.value as SearchState['status'], page: 1 }))
                }
              >
                <option value="">{t('household.search.anyStatus')}</option>
                <option value="open">{t('household.status.open')}</option>
                <option value="closed">{t('household.status.closed')}</option>
              </select>
            </div>
            <div className="hb-filters__submit">
              <button type="submit" className="button button--primary">
                {t('household.search.submit')}
              </button>
            </div>
          </div>
        </form>
      </search>

      <section aria-labelledby={`${id}-results`} className="hb-results">
        <h2 id={`${id}-results`} ref={resultsHeading} tabIndex={-1}>
          {t('household.search.results')}
        </h2>
        <div role="status" className="hb-results__status">
          {load.status === 'loading'
            ? t('app.loading')
            : load.status === 'ready'
              ? rows.length === 0
                ? t(search.q.trim() ? 'household.search.none' : 'household.search.empty')
                : t('household.search.range', { from, to: from + rows.length - 1 })
              : null}
        </div>
        {load.status === 'error' ? (
          <p className="notice notice--error" role="alert">
            {tError(load.code)}
          </p>
        ) : null}
        {rows.length > 0 ? (
          <table className="hb-table hb-table--cards">
            <caption className="visually-hidden">{t('household.search.results')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('household.field.bookAccount')}</th>
                <th scope="col">{t('household.field.head')}</th>
                <th scope="col">{t('household.field.address')}</th>
                <th scope="col">{t('household.field.settlement')}</th>
                {manyAkimats ? <th scope="col">{t('household.field.akimat')}</th> : null}
                <th scope="col">{t('household.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((h) => (
                <tr key={h.id}>
                  <th scope="row" data-label={t('household.field.bookAccount')}>
                    <Link to={`/household-book/${h.id}`}>
                      {t('household.bookAccount', { book: h.bookNumber, account: h.accountNumber })}
                    </Link>
                  </th>
                  <td data-label={t('household.field.head')}>
                    {h.headName}
                    {h.matchedName && h.matchedName !== h.headName ? (
                      <span className="hb-matched">
                        {t('household.search.matched', { name: h.matchedName })}
                      </span>
                    ) : null}
                  </td>
                  <td data-label={t('household.field.address')}>{h.address}</td>
                  <td data-label={t('household.field.settlement')}>{names(h.settlementKato)}</td>
                  {manyAkimats ? (
                    <td data-label={t('household.field.akimat')}>{names(h.akimatKato)}</td>
                  ) : null}
                  <td data-label={t('household.field.status')}>
                    <StatusBadge status={h.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {load.status === 'ready' && (search.page > 1 || load.more) ? (
          <nav className="hb-pager" aria-label={t('household.search.pages')}>
            <button
              type="button"
              className="button button--secondary"
              disabled={search.page <= 1}
              onClick={() => goTo(search.page - 1)}
            >
              {t('household.search.previous')}
            </button>
            <span className="hb-pager__status">{t('household.search.page', { page: search.page })}</span>
            <button
              type="button"
              className="button button--secondary"
              disabled={!load.more}
              onClick={() => goTo(search.page + 1)}
            >
              {t('household.search.next')}
            </button>
          </nav>
        ) : null}
      </section>

      {akimat ? <ExportLinks akimat={akimat} /> : null}
    </Page>
  );
}

/** Downloads of an akimat's book in the import layout (issue 4, item 3); reading is enough to export. */
export function ExportLinks({ akimat }: { akimat: string }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-export`} className="hb-export">
      <h2 id={`${id}-export`}>{t('household.export.title')}</h2>
      <p>{t('household.export.intro')}</p>
      <p className="hb-actions">
        <a
          className="button button--secondary"
          href={`/api/v1/households/export?akimat=${akimat}&format=xlsx`}
          download
        >
          {t('household.export.xlsx')}
        </a>
        <a
          className="button button--secondary"
          href={`/api/v1/households/export?akimat=${akimat}&format=csv`}
          download
        >
          {t('household.export.csv')}
        </a>
      </p>
    </section>
  );
}
