/**
 * `/household-book/:id` (issue 4, item 2): one household as of a date (`?asOf=YYYY-MM-DD`, default today) —
 * its members, the yearly record of land and livestock, machinery — with the list of all its versions, each
 * of which can be opened as it stood. The akimat's officer edits, closes and reopens it from here; district
 * and oblast akims read it, with IINs masked (R-14). Every opening is an audited read on the server.
 */
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  isMemberOn,
  type Member,
  memberFacts,
  totalAreaHa,
  type YearlyRecord,
  yearlyRecordFor,
} from '../../domain/household/household';
import { maskIin } from '../../domain/iin/iin';
import { type PlainDate, parsePlainDate } from '../../domain/shared/plain-date';
import { formatDate, formatDateTime, formatNumber } from '../../i18n';
import { ApiError, type SessionUser } from '../api';
import {
  type HistoryEntry,
  type HouseholdView,
  issuesByPath,
  issuesFromError,
  type Species,
  speciesRows,
} from '../household-book';
import { useI18n } from '../locale';
import { Page } from '../page';
import { useSession } from '../session';
import {
  codeOf,
  FieldErrors,
  invalidProps,
  isKeeper,
  speciesName,
  StatusBadge,
  todayInAlmaty,
  useSpecies,
  useTerritoryNames,
} from './household-shared';

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly view: HouseholdView }
  | { readonly status: 'error'; readonly code: string };

export function HouseholdPage({ user }: { user: SessionUser }) {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const asOfParam = params.get('asOf') ?? '';
  const asOf = parsePlainDate(asOfParam).ok ? asOfParam : '';
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [saved, setSaved] = useState<number | null>(
    (location.state as { saved?: number } | null)?.saved ?? null,
  );
  const { species } = useSpecies(api);
  const view = load.status === 'ready' ? load.view : null;
  const names = useTerritoryNames(api, view ? [view.household.akimatKato] : []);

  const reload = useCallback(() => {
    let cancelled = false;
    api.get<HouseholdView>(`/api/v1/households/${encodeURIComponent(id)}${asOf ? `?asOf=${asOf}` : ''}`).then(
      (v) => !cancelled && setLoad({ status: 'ready', view: v }),
      (e: unknown) => !cancelled && setLoad({ status: 'error', code: codeOf(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, id, asOf]);

  useEffect(() => reload(), [reload]);

  if (load.status !== 'ready' || view === null) {
    return (
      <Page title={t('household.view.title')} className="hb">
        <p>
          <Link to="/household-book">{t('household.view.back')}</Link>
        </p>
        {load.status === 'error' ? (
          <p className="notice notice--error" role="alert">
            {tError(load.code)}
          </p>
        ) : (
          <p className="loading" role="status">
            {t('app.loading')}
          </p>
        )}
      </Page>
    );
  }

  const h = view.household;
  const latest = view.history.at(-1)?.version ?? view.version;
  const isCurrent = view.version === latest;
  const keeper = isKeeper(user, h.akimatKato);
  const title = t('household.view.heading', { book: h.bookNumber, account: h.accountNumber });
  const shownEntry = view.history.find((e) => e.version === view.version);
  const asked = asOf === '' ? null : view.history.filter((e) => e.recordedOn === asOf);

  return (
    <Page title={title} className="hb">
      <p>
        <Link to="/household-book">{t('household.view.back')}</Link>
      </p>
      {saved !== null ? (
        <p className="notice notice--success" role="status">
          {t('household.view.saved', { version: saved })}
        </p>
      ) : null}

      <dl className="facts hb-facts">
        <div className="facts__item">
          <dt>{t('household.field.status')}</dt>
          <dd>
            <StatusBadge status={h.status} />
            {h.status === 'closed' && h.closedOn ? (
              <span className="hb-facts__sub">
                {t('household.view.closedOn', { date: formatDate(locale, h.closedOn as PlainDate) })}
              </span>
            ) : null}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('household.field.address')}</dt>
          <dd>{h.address}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('household.field.settlement')}</dt>
          <dd>{names(h.settlementKato)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('household.field.akimat')}</dt>
          <dd>{names(h.akimatKato)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('household.view.versionShown')}</dt>
          <dd>
            {t('household.view.versionOf', { version: view.version, latest })}
            {shownEntry ? (
              <span className="hb-facts__sub">
                {t('household.view.recordedOn', { date: formatDate(locale, shownEntry.recordedOn) })}
              </span>
            ) : null}
          </dd>
        </div>
      </dl>
      {h.status === 'closed' && h.closeReason ? (
        <p>
          <strong>{t('household.view.closeReason')}:</strong> {h.closeReason}
        </p>
      ) : null}

      <AsOfPicker
        asOf={asOf}
        onChange={(date) => {
          setSaved(null);
          setParams(date ? { asOf: date } : {});
        }}
      />
      {!isCurrent ? (
        <p className="notice notice--info">
          {t('household.view.pastVersion', {
            date: formatDate(locale, view.asOf),
            version: view.version,
            latest,
          })}{' '}
          <Link to={`/household-book/${view.id}`}>{t('household.view.showCurrent')}</Link>
        </p>
      ) : null}
      {asked !== null && asked.length > 1 ? (
        <p className="notice notice--info">
          {t('household.view.sameDay', { count: asked.length, version: view.version })}
        </p>
      ) : null}

      {keeper && isCurrent ? (
        <OfficerActions
          view={view}
          onChanged={(version) => {
            setSaved(version);
            setLoad({ status: 'loading' });
            if (asOf) setParams({});
            else reload();
          }}
        />
      ) : null}

      <Members members={h.members} asOf={view.asOf} fullIin={keeper} />
      <Records records={h.yearlyRecords} asOf={view.asOf} species={species} />
      <History view={view} user={user} />
    </Page>
  );
}

function AsOfPicker({ asOf, onChange }: { asOf: string; onChange: (date: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState(asOf);
  const [error, setError] = useState<string[] | undefined>();
  useEffect(() => setValue(asOf), [asOf]);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (value === '') return onChange('');
    const parsed = parsePlainDate(value);
    if (!parsed.ok) return setError([parsed.error.code]);
    setError(undefined);
    onChange(value);
  }
  return (
    <form className="hb-asof" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('household.view.asOf')}</label>
        <input
          type="date"
          id={`${id}-date`}
          value={value}
          max={todayInAlmaty()}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-date-error` : `${id}-date-hint`}
          onChange={(e) => setValue(e.target.value)}
        />
        {error ? (
          <FieldErrorsById id={`${id}-date-error`} codes={error} />
        ) : (
          <p className="field__hint" id={`${id}-date-hint`}>
            {t('household.view.asOfHint')}
          </p>
        )}
      </div>
      <div className="hb-asof__buttons">
        <button type="submit" className="button button--secondary">
          {t('household.view.show')}
        </button>
        {asOf ? (
          <button type="button" className="button button--secondary" onClick={() => onChange('')}>
            {t('household.view.today')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function FieldErrorsById({ id, codes }: { id: string; codes: readonly string[] }) {
  const { tError } = useI18n();
  return (
    <p className="field__error" id={id}>
      {codes.map((c) => tError(c)).join(' ')}
    </p>
  );
}

function fullName(m: Member): string {
  return [m.surname, m.name, m.patronymic].filter(Boolean).join(' ');
}

function Members({
  members,
  asOf,
  fullIin,
}: {
  members: readonly Member[];
  asOf: PlainDate;
  fullIin: boolean;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const current = members.filter((m) => isMemberOn(m, asOf));
  const others = members.filter((m) => !isMemberOn(m, asOf));
  return (
    <section aria-labelledby={`${id}-members`}>
      <h2 id={`${id}-members`}>{t('household.members.title', { count: current.length })}</h2>
      {fullIin ? null : <p className="note">{t('household.members.masked')}</p>}
      <table className="hb-table hb-table--cards">
        <thead>
          <tr>
            <th scope="col">{t('household.member.fullName')}</th>
            <th scope="col">{t('household.member.iin')}</th>
            <th scope="col">{t('household.member.relation')}</th>
            <th scope="col">{t('household.member.born')}</th>
            <th scope="col">{t('household.member.joinedOn')}</th>
            <th scope="col">{t('household.member.leftOn')}</th>
          </tr>
        </thead>
        <tbody>
          {[...current, ...others].map((m) => {
            const facts = memberFacts(m);
            const former = !isMemberOn(m, asOf);
            return (
              <tr key={m.iin} className={former ? 'hb-row--former' : undefined}>
                <th scope="row" data-label={t('household.member.fullName')}>
                  {fullName(m)}
                  {former ? (
                    <span className="hb-matched">
                      {t(m.leftOn ? 'household.member.former' : 'household.member.notYet')}
                    </span>
                  ) : null}
                </th>
                <td data-label={t('household.member.iin')} className="hb-mono">
                  {fullIin ? m.iin : maskIin(m.iin)}
                </td>
                <td data-label={t('household.member.relation')}>{t(`household.relation.${m.relation}`)}</td>
                <td data-label={t('household.member.born')}>
                  {facts ? formatDate(locale, facts.birthDate, 'short') : '—'}
                </td>
                <td data-label={t('household.member.joinedOn')}>{formatDate(locale, m.joinedOn, 'short')}</td>
                <td data-label={t('household.member.leftOn')}>
                  {m.leftOn ? formatDate(locale, m.leftOn, 'short') : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Records({
  records,
  asOf,
  species,
}: {
  records: readonly YearlyRecord[];
  asOf: PlainDate;
  species: readonly Species[] | null;
}) {
  const { t } = useI18n();
  const id = useId();
  const years = [...records].map((r) => r.referenceYear).sort((a, b) => b - a);
  const relied = yearlyRecordFor({ yearlyRecords: records } as Parameters<typeof yearlyRecordFor>[0], asOf);
  const [year, setYear] = useState<number | null>(null);
  const shown =
    records.find((r) => r.referenceYear === year) ??
    relied ??
    records.find((r) => r.referenceYear === years[0]);
  return (
    <section aria-labelledby={`${id}-record`}>
      <h2 id={`${id}-record`}>
        {shown
          ? t('household.record.title', { year: String(shown.referenceYear) })
          : t('household.record.titleNone')}
      </h2>
      {years.length > 1 ? (
        <div className="field hb-year">
          <label htmlFor={`${id}-year`}>{t('household.record.year')}</label>
          <select
            id={`${id}-year`}
            value={shown?.referenceYear ?? ''}
            onChange={(e) => setYear(Number(e.target.value))}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {shown ? <RecordTables record={shown} species={species} /> : <p>{t('household.record.none')}</p>}
    </section>
  );
}

function RecordTables({ record, species }: { record: YearlyRecord; species: readonly Species[] | null }) {
  const { t, locale } = useI18n();
  const ha = (n: number) => formatNumber(locale, n, { maximumFractionDigits: 4 });
  const animals = species
    ? speciesRows(species).filter((r) => (record.livestock[r.species.code] ?? 0) > 0)
    : [];
  const unknown = Object.keys(record.livestock).filter(
    (c) => species !== null && !species.some((s) => s.code === c),
  );
  return (
    <div className="hb-record">
      <div>
        <h3>{t('household.land.title')}</h3>
        {record.landPlots.length === 0 ? (
          <p>{t('household.land.none')}</p>
        ) : (
          <table className="hb-table">
            <thead>
              <tr>
                <th scope="col">{t('household.land.purpose')}</th>
                <th scope="col" className="hb-num">
                  {t('household.land.area')}
                </th>
                <th scope="col">{t('household.land.cadastral')}</th>
              </tr>
            </thead>
            <tbody>
              {record.landPlots.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: plots have no identity of their own
                <tr key={i}>
                  <th scope="row">{t(`household.purpose.${p.purpose}`)}</th>
                  <td className="hb-num">{ha(p.areaHa)}</td>
                  <td>{p.cadastralNumber ?? '—'}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('household.land.total')}</th>
                <td className="hb-num">{ha(totalAreaHa(record.landPlots))}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        )}
      </div>
      <div>
        <h3>{t('household.livestock.title')}</h3>
        {animals.length === 0 && unknown.length === 0 ? (
          <p>{t('household.livestock.none')}</p>
        ) : (
          <table className="hb-table">
            <thead>
              <tr>
                <th scope="col">{t('household.livestock.species')}</th>
                <th scope="col" className="hb-num">
                  {t('household.livestock.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {animals.map(({ species: s, depth }) => (
                <tr key={s.code} className={depth === 1 ? 'hb-row--part' : undefined}>
                  <th scope="row">
                    {depth === 1
                      ? t('household.livestock.ofWhich', { name: speciesName(s, locale) })
                      : speciesName(s, locale)}
                  </th>
                  <td className="hb-num">
                    {formatNumber(locale, record.livestock[s.code] ?? 0)}{' '}
                    {t(s.unit === 'colony' ? 'household.unit.colony' : 'household.unit.head')}
                  </td>
                </tr>
              ))}
              {unknown.map((code) => (
                <tr key={code}>
                  <th scope="row">{code}</th>
                  <td className="hb-num">{formatNumber(locale, record.livestock[code] ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div>
        <h3>{t('household.machinery.title')}</h3>
        {record.machinery.length === 0 ? (
          <p>{t('household.machinery.none')}</p>
        ) : (
          <ul className="hb-list">
            {record.machinery.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: machines have no identity of their own
              <li key={i}>
                {m.count > 1
                  ? t('household.machinery.item', { description: m.description, count: m.count })
                  : m.description}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function History({ view, user }: { view: HouseholdView; user: SessionUser }) {
  const { t, locale } = useI18n();
  const id = useId();
  const who = (e: HistoryEntry) =>
    e.recordedByName ??
    (e.recordedBy === user.id
      ? user.displayName
      : e.recordedBy === 'system'
        ? t('household.history.system')
        : t('household.history.user', { id: e.recordedBy.slice(0, 8) }));
  return (
    <section aria-labelledby={`${id}-history`}>
      <h2 id={`${id}-history`}>{t('household.history.title')}</h2>
      <table className="hb-table hb-table--cards">
        <thead>
          <tr>
            <th scope="col">{t('household.history.version')}</th>
            <th scope="col">{t('household.history.change')}</th>
            <th scope="col">{t('household.history.recordedAt')}</th>
            <th scope="col">{t('household.history.by')}</th>
            <th scope="col">{t('household.history.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {[...view.history].reverse().map((e) => {
            const shown = e.version === view.version;
            return (
              <tr
                key={e.version}
                className={shown ? 'hb-row--shown' : undefined}
                aria-current={shown ? 'true' : undefined}
              >
                <th scope="row" data-label={t('household.history.version')}>
                  {shown ? (
                    <span>
                      {e.version} <span className="hb-matched">{t('household.history.shown')}</span>
                    </span>
                  ) : (
                    <Link
                      to={`/household-book/${view.id}?asOf=${e.recordedOn}`}
                      aria-label={t('household.history.open', { version: e.version })}
                    >
                      {e.version}
                    </Link>
                  )}
                </th>
                <td data-label={t('household.history.change')}>{t(`household.change.${e.change}`)}</td>
                <td data-label={t('household.history.recordedAt')}>
                  {formatDateTime(locale, new Date(e.recordedAt))}
                </td>
                <td data-label={t('household.history.by')}>{who(e)}</td>
                <td data-label={t('household.history.reason')}>{e.reason}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** Edit, close and reopen: the officer of the household's own akimat only, on its current version. */
function OfficerActions({ view, onChanged }: { view: HouseholdView; onChanged: (version: number) => void }) {
  const { t, tError } = useI18n();
  const { api } = useSession();
  const navigate = useNavigate();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [closedOn, setClosedOn] = useState<string>(todayInAlmaty());
  const [reason, setReason] = useState('');
  const [issues, setIssues] = useState<Map<string, string[]>>(new Map());
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const closing = view.household.status === 'open';
  const latest = view.history.at(-1)?.version ?? view.version;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const local = new Map<string, string[]>();
    if (closing && !parsePlainDate(closedOn).ok) local.set('closedOn', ['DATE.BAD_FORMAT']);
    if (reason.trim() === '') local.set('reason', ['HOUSEHOLD.MISSING_REASON']);
    setIssues(local);
    setAlert(null);
    if (local.size > 0) {
      document.getElementById(`hb-${[...local.keys()][0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const path = `/api/v1/households/${view.id}/${closing ? 'close' : 'reopen'}`;
      const body = closing
        ? { expectedVersion: latest, closedOn, reason: reason.trim() }
        : { expectedVersion: latest, reason: reason.trim() };
      const r = await api.post<{ version: number }>(path, body);
      setOpen(false);
      setReason('');
      onChanged(r.version);
    } catch (e) {
      const found = e instanceof ApiError ? issuesFromError(e) : [];
      const placed = found.filter((i) => i.path === 'closedOn' || i.path === 'reason');
      setIssues(issuesByPath(placed));
      if (placed.length < found.length || found.length === 0) setAlert(codeOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-actions`} className="hb-officer">
      <h2 id={`${id}-actions`} className="visually-hidden">
        {t('household.view.actions')}
      </h2>
      <p className="hb-actions">
        {closing ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => navigate(`/household-book/${view.id}/edit`)}
          >
            {t('household.view.edit')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={open}
          aria-controls={`${id}-form`}
          onClick={() => setOpen((o) => !o)}
        >
          {t(closing ? 'household.close.open' : 'household.reopen.open')}
        </button>
      </p>
      {open ? (
        <form id={`${id}-form`} className="panel hb-panel" onSubmit={onSubmit} noValidate>
          <h3>{t(closing ? 'household.close.title' : 'household.reopen.title')}</h3>
          <p>{t(closing ? 'household.close.intro' : 'household.reopen.intro')}</p>
          <div className="hb-alert" role="alert">
            {alert ? <p className="notice notice--error">{tError(alert)}</p> : null}
          </div>
          {closing ? (
            <div className="field">
              <label htmlFor="hb-closedOn">{t('household.close.date')}</label>
              <input
                type="date"
                value={closedOn}
                max={todayInAlmaty()}
                onChange={(e) => setClosedOn(e.target.value)}
                {...invalidProps('closedOn', issues.get('closedOn'))}
              />
              <FieldErrors path="closedOn" codes={issues.get('closedOn')} />
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="hb-reason">{t('household.form.reason')}</label>
            <textarea
              rows={2}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              {...invalidProps('reason', issues.get('reason'))}
            />
            <FieldErrors path="reason" codes={issues.get('reason')} />
          </div>
          <p className="hb-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t(closing ? 'household.close.submit' : 'household.reopen.submit')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
              {t('household.form.cancel')}
            </button>
          </p>
        </form>
      ) : null}
    </section>
  );
}
