/**
 * `/queue`, signed in (issue 6 items 2 and 3; R-8, R-9): the operator's console for those who serve the queue
 * (PSC operator, rural akimat officer) and the director's screen for those who supervise it (PSC director).
 * Both follow the office's server-sent stream, so they change as soon as anyone moves a ticket.
 */
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { ACCESS } from '../../domain/access/policy';
import type { PlainDate } from '../../domain/shared/plain-date';
import { formatDate, formatNumber, type MessageParams } from '../../i18n';
import { ApiError, type SessionUser } from '../api';
import { useI18n } from '../locale';
import { Page } from '../page';
import {
  type Board,
  clockTime,
  type DeskRef,
  type DeskView,
  errorParams,
  minutesText,
  officeName,
  type QueueAlert,
  queueOfficeOf,
  type Statistics,
  type StatsGroup,
  type TicketView,
  useQueueFeed,
} from '../queue';
import { useSession } from '../session';
import '../queue.css';

const REFRESH_MS = 20_000;

interface Failure {
  readonly code: string;
  readonly params: MessageParams;
}

const failureOf = (e: unknown): Failure =>
  e instanceof ApiError ? { code: e.code, params: errorParams(e.details) } : { code: 'UNKNOWN', params: {} };

export function QueuePage({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const officeId = queueOfficeOf(user);
  const operates = ACCESS[user.role]['queue.operate'] !== undefined;
  const supervises = ACCESS[user.role]['queue.supervise'] !== undefined;
  const title = supervises && !operates ? t('queue.director.title') : t('queue.console.title');
  return (
    <Page title={title} className="queue">
      {officeId === null || (!operates && !supervises) ? (
        <p className="notice notice--info">{t('queue.noOffice')}</p>
      ) : (
        <>
          <p className="note-plain">{t('queue.limitNote')}</p>
          {operates ? <Console officeId={officeId} /> : null}
          {supervises ? <Director officeId={officeId} /> : null}
          <nav aria-label={t('queue.links')} className="queue-links">
            <ul className="inline-list">
              <li>
                <Link to={`/queue/kiosk/${encodeURIComponent(officeId)}`}>{t('queue.kioskLink')}</Link>
              </li>
              <li>
                <Link to={`/queue/board/${encodeURIComponent(officeId)}`}>{t('queue.boardLink')}</Link>
              </li>
            </ul>
          </nav>
        </>
      )}
    </Page>
  );
}

const deskKey = (officeId: string) => `qosalqy.queue.desk.${officeId}`;

function storedDesk(officeId: string): number | null {
  try {
    const n = Number(window.localStorage.getItem(deskKey(officeId)));
    return Number.isInteger(n) && n >= 1 && n <= 999 ? n : null;
  } catch {
    return null;
  }
}

function Console({ officeId }: { officeId: string }) {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const id = useId();
  const [deskNumber, setDeskNumber] = useState(() => String(storedDesk(officeId) ?? 1));
  const [desk, setDesk] = useState<DeskRef | null>(null);
  const [view, setView] = useState<DeskView | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [message, setMessage] = useState('');
  const [transferTo, setTransferTo] = useState('');

  const refresh = useCallback(() => {
    if (!desk) return;
    api
      .get<DeskView>(`/api/v1/queue/desks/${desk.id}`)
      .then(setView, (e: unknown) => setFailure(failureOf(e)));
  }, [api, desk]);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  useQueueFeed(desk ? officeId : null, refresh);

  async function sit(number: number) {
    setBusy(true);
    setFailure(null);
    try {
      const d = await api.post<DeskRef>(`/api/v1/queue/offices/${encodeURIComponent(officeId)}/desks`, {
        number,
      });
      setDesk(d);
      try {
        window.localStorage.setItem(deskKey(officeId), String(d.number));
      } catch {
        // the desk is remembered for this page only
      }
    } catch (e) {
      setFailure(failureOf(e));
    } finally {
      setBusy(false);
    }
  }

  // A remembered desk is taken again on the next visit.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per office
  useEffect(() => {
    const n = storedDesk(officeId);
    if (n !== null) void sit(n);
  }, [officeId]);

  function onSit(event: FormEvent) {
    event.preventDefault();
    const n = Number(deskNumber);
    if (!Number.isInteger(n) || n < 1 || n > 999) {
      setFailure({ code: 'QUEUE.BAD_INPUT', params: {} });
      return;
    }
    void sit(n);
  }

  async function run(work: () => Promise<TicketView>, after: (t: TicketView) => string) {
    setBusy(true);
    setFailure(null);
    setMessage('');
    try {
      setMessage(after(await work()));
    } catch (e) {
      setFailure(failureOf(e));
    } finally {
      setBusy(false);
      refresh();
    }
  }

  const called = (v: TicketView) =>
    t('queue.console.called', { number: v.number, desk: String(v.deskNumber ?? '') });

  function callNext() {
    if (!desk) return;
    void run(() => api.post<TicketView>(`/api/v1/queue/desks/${desk.id}/call-next`), called);
  }

  function act(action: 'recall' | 'start' | 'finish' | 'no_show' | 'transfer') {
    const current = view?.current;
    if (!desk || !current) return;
    const body: Record<string, string> = { action, deskId: desk.id };
    if (action === 'transfer') {
      if (!transferTo) return;
      body.toDeskId = transferTo;
    }
    void run(
      () => api.post<TicketView>(`/api/v1/queue/tickets/${current.id}/actions`, body),
      (v) =>
        action === 'finish'
          ? t('queue.console.done', {
              number: v.number,
              wait: minutesText(locale, v.waitMinutes ?? 0),
              service: minutesText(locale, v.serviceMinutes ?? 0),
            })
          : action === 'recall'
            ? called(v)
            : `${v.number}: ${t(`queue.status.${v.status}`)}`,
    );
  }

  const current = view?.current ?? null;
  const otherDesks = view?.desks.filter((d) => d.id !== desk?.id) ?? [];

  return (
    <section aria-labelledby={`${id}-console`} className="queue-console">
      <h2 id={`${id}-console`} className="visually-hidden">
        {t('queue.console.title')}
      </h2>
      <form className="queue-desk-form" onSubmit={onSit} noValidate>
        <div className="field field--inline">
          <label htmlFor={`${id}-desk`}>{t('queue.console.deskNumber')}</label>
          <input
            id={`${id}-desk`}
            type="number"
            inputMode="numeric"
            min={1}
            max={999}
            value={deskNumber}
            onChange={(e) => setDeskNumber(e.target.value)}
          />
        </div>
        <button type="submit" className="button button--secondary" disabled={busy}>
          {desk ? t('queue.console.change') : t('queue.console.sit')}
        </button>
      </form>

      <div role="alert" className="form-alert">
        {failure ? <p className="notice notice--error">{tError(failure.code, failure.params)}</p> : null}
      </div>
      <div role="status" className="form-alert">
        {message ? <p className="notice notice--success">{message}</p> : null}
      </div>

      {desk && view ? (
        <>
          <p className="queue-console__where">
            {t('queue.console.atDesk', {
              office: officeName(view.office.name, locale),
              desk: String(view.desk.number),
            })}
          </p>
          <p className="queue-console__waiting" data-testid="waiting-count">
            {t('queue.console.waiting', { count: view.waitingCount })}
          </p>
          <div className="panel queue-current">
            <h3>{t('queue.console.current')}</h3>
            {current ? (
              <>
                <p className="queue-current__number">
                  {current.number}
                  <span className="queue-current__status">{t(`queue.status.${current.status}`)}</span>
                </p>
                <dl className="facts">
                  <div className="facts__item">
                    <dt>{t('queue.console.waited')}</dt>
                    <dd>
                      {t('queue.minutes', { minutes: minutesText(locale, current.elapsedWaitMinutes) })}
                    </dd>
                  </div>
                  {current.elapsedServiceMinutes !== null ? (
                    <div className="facts__item">
                      <dt>{t('queue.console.serving')}</dt>
                      <dd>
                        {t('queue.minutes', { minutes: minutesText(locale, current.elapsedServiceMinutes) })}
                      </dd>
                    </div>
                  ) : null}
                  {current.recalls > 0 ? (
                    <div className="facts__item">
                      <dt>{t('queue.console.recalls')}</dt>
                      <dd>{formatNumber(locale, current.recalls)}</dd>
                    </div>
                  ) : null}
                </dl>
                <div className="queue-actions">
                  {current.status === 'called' ? (
                    <>
                      <button
                        type="button"
                        className="button button--primary"
                        disabled={busy}
                        onClick={() => act('start')}
                      >
                        {t('queue.console.start')}
                      </button>
                      <button
                        type="button"
                        className="button button--secondary"
                        disabled={busy}
                        onClick={() => act('recall')}
                      >
                        {t('queue.console.recall')}
                      </button>
                      <button
                        type="button"
                        className="button button--secondary"
                        disabled={busy}
                        onClick={() => act('no_show')}
                      >
                        {t('queue.console.noShow')}
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      className="button button--primary"
                      disabled={busy}
                      onClick={() => act('finish')}
                    >
                      {t('queue.console.finish')}
                    </button>
                  )}
                </div>
                {otherDesks.length > 0 ? (
                  <form
                    className="queue-transfer"
                    onSubmit={(e) => {
                      e.preventDefault();
                      act('transfer');
                    }}
                  >
                    <div className="field field--inline">
                      <label htmlFor={`${id}-to`}>{t('queue.console.transferTo')}</label>
                      <select
                        id={`${id}-to`}
                        value={transferTo}
                        onChange={(e) => setTransferTo(e.target.value)}
                      >
                        <option value="" />
                        {otherDesks.map((d) => (
                          <option key={d.id} value={d.id}>
                            {t('queue.desk', { desk: String(d.number) })}
                          </option>
                        ))}
                      </select>
                    </div>
                    <button type="submit" className="button button--secondary" disabled={busy || !transferTo}>
                      {t('queue.console.transfer')}
                    </button>
                  </form>
                ) : (
                  <p className="note-plain">{t('queue.console.noOtherDesk')}</p>
                )}
              </>
            ) : (
              <>
                <p>{t('queue.console.none')}</p>
                <button
                  type="button"
                  className="button button--primary queue-call"
                  disabled={busy}
                  onClick={callNext}
                >
                  {t('queue.console.callNext')}
                </button>
              </>
            )}
          </div>
          <FinishedTable finished={view.finished} />
        </>
      ) : null}
    </section>
  );
}

function FinishedTable({ finished }: { finished: readonly TicketView[] }) {
  const { t, locale } = useI18n();
  if (finished.length === 0) return <p>{t('queue.console.finishedNone')}</p>;
  return (
    // A region that scrolls must be reachable by keyboard (axe scrollable-region-focusable, WCAG 2.1.1).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region with nothing focusable inside
    <section className="table-scroll" tabIndex={0} aria-label={t('queue.console.finished')}>
      <table className="table queue-finished">
        <caption>{t('queue.console.finished')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('queue.console.colNumber')}</th>
            <th scope="col">{t('queue.console.colStatus')}</th>
            <th scope="col">{t('queue.console.colWait')}</th>
            <th scope="col">{t('queue.console.colService')}</th>
            <th scope="col">{t('queue.console.colFinished')}</th>
          </tr>
        </thead>
        <tbody>
          {finished.map((f) => (
            <tr key={f.id} data-number={f.number}>
              <th scope="row">{f.number}</th>
              <td>{t(`queue.status.${f.status}`)}</td>
              <td className="num">{f.waitMinutes === null ? '—' : minutesText(locale, f.waitMinutes)}</td>
              <td className="num">
                {f.serviceMinutes === null ? '—' : minutesText(locale, f.serviceMinutes)}
              </td>
              <td>{f.finishedAt ? clockTime(f.finishedAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

type Period = 'day' | 'month';
type Grouping = 'office' | 'desk';

function Director({ officeId }: { officeId: string }) {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const id = useId();
  const [board, setBoard] = useState<Board | null>(null);
  const [alerts, setAlerts] = useState<readonly QueueAlert[] | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [period, setPeriod] = useState<Period>('day');
  const [date, setDate] = useState('');
  const [by, setBy] = useState<Grouping>('office');
  const [stats, setStats] = useState<(Statistics & { by: Grouping }) | null>(null);
  const [closing, setClosing] = useState<string>('');
  const office = encodeURIComponent(officeId);

  const refresh = useCallback(() => {
    api
      .get<Board>(`/api/v1/queue/offices/${office}/board`)
      .then(setBoard, (e: unknown) => setFailure(failureOf(e)));
    api.get<{ alerts: QueueAlert[] }>(`/api/v1/queue/offices/${office}/alerts`).then(
      (a) => setAlerts(a.alerts),
      (e: unknown) => setFailure(failureOf(e)),
    );
  }, [api, office]);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  useQueueFeed(officeId, refresh);

  const loadStats = useCallback(
    (p: Period, d: string, g: Grouping) => {
      const day = p === 'month' && /^\d{4}-\d{2}$/.test(d) ? `${d}-01` : d;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return;
      api.get<Statistics>(`/api/v1/queue/offices/${office}/statistics?period=${p}&date=${day}&by=${g}`).then(
        (s) => {
          setStats({ ...s, by: g });
          setFailure(null);
        },
        (e: unknown) => setFailure(failureOf(e)),
      );
    },
    [api, office],
  );

  // The office's today (the server's clock, Asia/Almaty) is the first day shown.
  const today = board?.now.slice(0, 10) ?? '';
  useEffect(() => {
    if (today && date === '') {
      setDate(today);
      loadStats('day', today, 'office');
    }
  }, [today, date, loadStats]);

  function onShow(event: FormEvent) {
    event.preventDefault();
    loadStats(period, date, by);
  }

  function changePeriod(p: Period) {
    setPeriod(p);
    setDate((d) => (p === 'month' ? d.slice(0, 7) : d.length === 7 ? `${d}-01` : d));
  }

  async function closeNow() {
    setFailure(null);
    try {
      const r = await api.post<{ closed: { number: string }[] }>(`/api/v1/queue/offices/${office}/close`);
      setClosing(
        r.closed.length === 0
          ? t('queue.director.nothingToClose')
          : t('queue.director.closed', {
              count: r.closed.length,
              numbers: r.closed.map((c) => c.number).join(', '),
            }),
      );
      refresh();
    } catch (e) {
      setFailure(failureOf(e));
    }
  }

  return (
    <>
      <div role="alert" className="form-alert">
        {failure ? <p className="notice notice--error">{tError(failure.code, failure.params)}</p> : null}
      </div>
      {board ? (
        <p className="queue-console__where">
          {officeName(board.office.name, locale)} ·{' '}
          <span data-testid="director-waiting">
            {t('queue.director.waitingNow', { count: board.waitingCount })}
          </span>
        </p>
      ) : null}
      <section aria-labelledby={`${id}-alerts`} className="queue-alerts">
        <h2 id={`${id}-alerts`}>{t('queue.director.alerts')}</h2>
        <div aria-live="polite">
          {alerts === null ? null : alerts.length === 0 ? (
            <p className="notice notice--success">{t('queue.director.noAlerts')}</p>
          ) : (
            <ul className="queue-alert-list">
              {alerts.map((a) => (
                <li
                  key={`${a.kind}-${a.ticketId}`}
                  className={a.limitBroken ? 'queue-alert queue-alert--broken' : 'queue-alert'}
                >
                  <span className="queue-alert__icon" aria-hidden="true">
                    {a.limitBroken ? '‼' : '!'}
                  </span>
                  {a.kind === 'long_wait'
                    ? t('queue.director.longWait', {
                        number: a.number,
                        minutes: minutesText(locale, a.minutes),
                      })
                    : t('queue.director.longService', {
                        number: a.number,
                        desk: String(a.deskNumber ?? '—'),
                        minutes: minutesText(locale, a.minutes),
                      })}
                  {' — '}
                  <strong>
                    {a.limitBroken ? t('queue.director.limitBroken') : t('queue.director.nearLimit')}
                  </strong>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>

      <section aria-labelledby={`${id}-stats`} className="queue-stats">
        <h2 id={`${id}-stats`}>{t('queue.director.stats')}</h2>
        <form className="queue-stats__form" onSubmit={onShow}>
          <fieldset className="segmented">
            <legend>{t('queue.director.period')}</legend>
            {(['day', 'month'] as const).map((p) => (
              <label key={p} className="segmented__option">
                <input
                  type="radio"
                  name={`${id}-period`}
                  value={p}
                  checked={period === p}
                  onChange={() => changePeriod(p)}
                />
                {t(`queue.director.period.${p}`)}
              </label>
            ))}
          </fieldset>
          <div className="field field--inline">
            <label htmlFor={`${id}-date`}>
              {period === 'day' ? t('queue.director.date') : t('queue.director.month')}
            </label>
            <input
              id={`${id}-date`}
              type={period === 'day' ? 'date' : 'month'}
              value={date}
              onChange={(e) => setDate(e.target.value)}
            />
          </div>
          <fieldset className="segmented">
            <legend>{t('queue.director.by')}</legend>
            {(['office', 'desk'] as const).map((g) => (
              <label key={g} className="segmented__option">
                <input
                  type="radio"
                  name={`${id}-by`}
                  value={g}
                  checked={by === g}
                  onChange={() => setBy(g)}
                />
                {t(`queue.director.by.${g}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button button--primary">
            {t('queue.director.show')}
          </button>
        </form>
        {stats ? <StatsTable stats={stats} /> : null}
      </section>

      <section aria-labelledby={`${id}-close`} className="queue-close">
        <h2 id={`${id}-close`}>{t('queue.director.close')}</h2>
        <p className="note-plain">{t('queue.director.closeHint')}</p>
        <button type="button" className="button button--secondary" onClick={closeNow}>
          {t('queue.director.close')}
        </button>
        <p role="status">{closing}</p>
      </section>
    </>
  );
}

function StatsTable({ stats }: { stats: Statistics & { by: Grouping } }) {
  const { t, locale } = useI18n();
  const range = t('queue.director.statsFor', {
    from: formatDate(locale, stats.from as PlainDate),
    to: formatDate(locale, stats.to as PlainDate),
  });
  if (stats.groups.length === 0)
    return (
      <p>
        {range}: {t('queue.director.noStats')}
      </p>
    );
  const triple = (d: StatsGroup['wait']) =>
    d.count === 0
      ? '—'
      : [d.p50, d.p90, d.max].map((v) => (v === null ? '—' : minutesText(locale, v))).join(' / ');
  const share = (v: number | null) =>
    v === null ? '—' : formatNumber(locale, v, { style: 'percent', maximumFractionDigits: 0 });
  return (
    // A region that scrolls must be reachable by keyboard (axe scrollable-region-focusable, WCAG 2.1.1).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region with nothing focusable inside
    <section className="table-scroll" tabIndex={0} aria-label={range}>
      <table className="table queue-stats__table">
        <caption>{range}</caption>
        <thead>
          <tr>
            <th scope="col">{t('queue.director.colGroup')}</th>
            <th scope="col">{t('queue.director.colTickets')}</th>
            <th scope="col">{t('queue.director.colServed')}</th>
            <th scope="col">{t('queue.director.colNoShows')}</th>
            <th scope="col">{t('queue.director.colClosed')}</th>
            <th scope="col">{t('queue.director.colWait')}</th>
            <th scope="col">{t('queue.director.colService')}</th>
            <th scope="col">{t('queue.director.colWithin')}</th>
          </tr>
        </thead>
        <tbody>
          {stats.groups.map((g) => (
            <tr key={`${g.period}-${g.deskId ?? ''}`}>
              <th scope="row">
                {stats.by === 'office'
                  ? t('queue.director.wholeOffice')
                  : g.deskId === null
                    ? t('queue.director.notCalled')
                    : t('queue.desk', { desk: String(g.deskNumber ?? '—') })}
              </th>
              <td className="num">{formatNumber(locale, g.tickets)}</td>
              <td className="num">{formatNumber(locale, g.served)}</td>
              <td className="num">{formatNumber(locale, g.noShows)}</td>
              <td className="num">{formatNumber(locale, g.closedUnserved)}</td>
              <td className="num">{triple(g.wait)}</td>
              <td className="num">{triple(g.service)}</td>
              <td className="num">{share(g.waitWithinLimit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
