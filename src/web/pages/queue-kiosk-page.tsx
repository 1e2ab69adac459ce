/**
 * `/queue/kiosk/:officeId`, public (issue 6 item 2; R-9): the reception kiosk. One button takes a ticket — first
 * come, first served — and the ticket shows its number, the office, the time, the people ahead and the expected
 * wait, and the link and QR of the visit's satisfaction survey (R-19); printing prints the ticket alone
 * (queue.css).
 */
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { formatDate } from '../../i18n';
import { ApiError } from '../api';
import { useI18n } from '../locale';
import { Page } from '../page';
import { ticketSurveyPath } from '../complaints';
import { QrCode } from '../qr-code';
import { type Board, clockTime, type IssuedTicket, officeName } from '../queue';
import { useSession } from '../session';
import '../queue.css';

type Failure = { readonly code: string; readonly opensAt: string | null };

export function QueueKioskPage() {
  const { officeId = '' } = useParams();
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const [office, setOffice] = useState<Board['office'] | null>(null);
  const [ticket, setTicket] = useState<IssuedTicket | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const ticketHeading = useRef<HTMLHeadingElement>(null);
  const takeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let cancelled = false;
    api.get<Board>(`/api/v1/queue/offices/${encodeURIComponent(officeId)}/board`).then(
      (b) => !cancelled && setOffice(b.office),
      (e: unknown) =>
        !cancelled && setFailure({ code: e instanceof ApiError ? e.code : 'UNKNOWN', opensAt: null }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, officeId]);

  useEffect(() => {
    if (ticket) ticketHeading.current?.focus();
  }, [ticket]);

  async function take() {
    setBusy(true);
    setFailure(null);
    try {
      setTicket(
        await api.post<IssuedTicket>(`/api/v1/queue/offices/${encodeURIComponent(officeId)}/tickets`),
      );
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as { opensAt?: unknown } | undefined) : undefined;
      setFailure({
        code: e instanceof ApiError ? e.code : 'UNKNOWN',
        opensAt: typeof details?.opensAt === 'string' ? details.opensAt : null,
      });
    } finally {
      setBusy(false);
    }
  }

  function next() {
    setTicket(null);
    setTimeout(() => takeButton.current?.focus(), 0);
  }

  return (
    <Page title={t('queue.kiosk.title')} className="queue-kiosk">
      {office ? <p className="queue-kiosk__office">{officeName(office.name, locale)}</p> : null}
      <p className="lead">{t('queue.kiosk.intro')}</p>
      <div role="alert" className="form-alert">
        {failure ? (
          <p className="notice notice--error">
            {tError(failure.code)}
            {failure.opensAt
              ? ` ${t('queue.kiosk.opensAt', {
                  time: `${formatDate(locale, new Date(failure.opensAt), 'short')}, ${clockTime(failure.opensAt)}`,
                })}`
              : null}
          </p>
        ) : null}
      </div>
      {ticket ? (
        <section className="queue-ticket" aria-labelledby="queue-ticket-heading">
          <h2 id="queue-ticket-heading" ref={ticketHeading} tabIndex={-1} className="queue-ticket__heading">
            {t('queue.kiosk.ticket')}
          </h2>
          <p className="queue-ticket__number">
            <span className="visually-hidden">{t('queue.kiosk.number')}: </span>
            {ticket.number}
          </p>
          <dl className="queue-ticket__facts">
            <div>
              <dt>{t('queue.kiosk.office')}</dt>
              <dd>{officeName(ticket.office.name, locale)}</dd>
            </div>
            <div>
              <dt>{t('queue.kiosk.time')}</dt>
              <dd>
                {formatDate(locale, new Date(ticket.issuedAt), 'short')}, {clockTime(ticket.issuedAt)}
              </dd>
            </div>
            <div>
              <dt>{t('queue.kiosk.ahead')}</dt>
              <dd data-testid="people-ahead">{t('queue.kiosk.aheadCount', { count: ticket.peopleAhead })}</dd>
            </div>
            <div>
              <dt>{t('queue.kiosk.expected')}</dt>
              <dd data-testid="expected-wait">
                {t('queue.minutes', { minutes: ticket.expectedWaitMinutes })}
              </dd>
            </div>
          </dl>
          <p className="queue-ticket__hint">{t('queue.kiosk.watchBoard')}</p>
          <TicketSurvey url={`${window.location.origin}${ticketSurveyPath(ticket.id)}`} />
          <div className="queue-actions queue-ticket__actions">
            <button type="button" className="button button--primary" onClick={() => window.print()}>
              {t('queue.kiosk.print')}
            </button>
            <button type="button" className="button button--secondary" onClick={next}>
              {t('queue.kiosk.another')}
            </button>
          </div>
        </section>
      ) : (
        <button
          ref={takeButton}
          type="button"
          className="button button--primary queue-kiosk__take"
          disabled={busy || !office}
          onClick={take}
        >
          {busy ? t('queue.kiosk.taking') : t('queue.kiosk.take')}
        </button>
      )}
    </Page>
  );
}

/** R-19: the survey of this visit — printed with the ticket, to be answered once the service is done. */
function TicketSurvey({ url }: { url: string }) {
  const { t } = useI18n();
  return (
    <div className="queue-ticket__survey">
      <QrCode className="queue-ticket__qr" text={url} label={t('queue.kiosk.surveyQr')} />
      <p>
        {t('queue.kiosk.survey')} <span className="queue-ticket__url">{url}</span>
      </p>
    </div>
  );
}
