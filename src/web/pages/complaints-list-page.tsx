/**
 * `/complaints` (a reviewer: rural akim, PSC director, district or oblast akim — the complaints addressed to
 * their level and territory, R-17) and `/my-complaints` (a citizen's own). Each row gives the deadline and its
 * flag in words and a symbol as well as colour (R-18: amber on the last working day, red when overdue).
 */
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { can } from '../../domain/access/policy';
import { formatDateTime } from '../../i18n';
import { ApiError, type SessionUser } from '../api';
import { type ComplaintView, levelKey, statusKey } from '../complaints';
import { useI18n } from '../locale';
import { Page } from '../page';
import { sectionTitleKey } from '../sections';
import { useSession } from '../session';
import { FlagBadge } from './complaint-page';
import '../complaints.css';

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly rows: readonly ComplaintView[] }
  | { readonly status: 'error'; readonly code: string };

export function ComplaintsListPage({ user }: { user: SessionUser }) {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const id = useId();
  const citizen = user.role === 'citizen';
  const [openOnly, setOpenOnly] = useState(!citizen);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const intake = can(
    { userId: user.id, role: user.role, kato: user.territory.kato, officeId: user.territory.officeId },
    'complaint.intake',
    { kato: user.territory.kato, officeId: user.territory.officeId },
  );

  useEffect(() => {
    let cancelled = false;
    setLoad({ status: 'loading' });
    api.get<{ complaints: ComplaintView[] }>(`/api/v1/complaints?open=${openOnly}&limit=200`).then(
      (r) => !cancelled && setLoad({ status: 'ready', rows: r.complaints }),
      (e: unknown) =>
        !cancelled && setLoad({ status: 'error', code: e instanceof ApiError ? e.code : 'UNKNOWN' }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, openOnly]);

  const rows = load.status === 'ready' ? load.rows : [];
  const date = (iso: string) => formatDateTime(locale, new Date(iso));

  return (
    <Page title={t(sectionTitleKey(citizen ? 'my-complaints' : 'complaints'))} className="complaints">
      <p className="lead">{t(citizen ? 'complaints.list.introCitizen' : 'complaints.list.introReviewer')}</p>
      <p className="complaint-actions">
        {citizen ? (
          <Link className="button button--primary" to="/complaints/new">
            {t('complaints.list.new')}
          </Link>
        ) : null}
        {intake ? (
          <Link className="button button--secondary" to="/complaints/intake">
            {t('complaints.list.intake')}
          </Link>
        ) : null}
      </p>
      <div className="field field--checkbox">
        <input
          id={`${id}-open`}
          type="checkbox"
          checked={openOnly}
          onChange={(e) => setOpenOnly(e.target.checked)}
        />
        <label htmlFor={`${id}-open`}>{t('complaints.list.openOnly')}</label>
      </div>
      <div role="status" className="complaints__status">
        {load.status === 'loading'
          ? t('app.loading')
          : load.status === 'ready'
            ? rows.length === 0
              ? t('complaints.list.none')
              : t('complaints.list.count', { count: rows.length })
            : null}
      </div>
      {load.status === 'error' ? (
        <p className="notice notice--error" role="alert">
          {tError(load.code)}
        </p>
      ) : null}
      {rows.length > 0 ? (
        // A wide table scrolls inside its own region, never the page (WCAG 1.4.10); on phones rows become cards.
        <section className="table-scroll" aria-labelledby={`${id}-caption`}>
          <table className="table complaints-table">
            <caption id={`${id}-caption`} className="visually-hidden">
              {t('complaints.list.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('complaints.field.number')}</th>
                <th scope="col">{t('complaints.field.kind')}</th>
                {citizen ? null : <th scope="col">{t('complaints.field.complainant')}</th>}
                <th scope="col">{t('complaints.field.registeredAt')}</th>
                <th scope="col">{t('complaints.field.dueAt')}</th>
                <th scope="col">{t('complaints.field.status')}</th>
                <th scope="col">{t('complaints.field.reviewer')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} className={`complaints-table__row complaints-table__row--${c.flag}`}>
                  <th scope="row" data-label={t('complaints.field.number')}>
                    <Link to={`/complaints/${c.id}`}>{c.number}</Link>
                  </th>
                  <td data-label={t('complaints.field.kind')}>{t(`complaints.kind.${c.kind}`)}</td>
                  {citizen ? null : (
                    <td data-label={t('complaints.field.complainant')}>{c.complainantName}</td>
                  )}
                  <td data-label={t('complaints.field.registeredAt')}>{date(c.registeredAt)}</td>
                  <td data-label={t('complaints.field.dueAt')}>
                    <span className="complaints-table__due">{date(c.dueAt)}</span> <FlagBadge flag={c.flag} />
                  </td>
                  <td data-label={t('complaints.field.status')}>{t(statusKey(c.status))}</td>
                  <td data-label={t('complaints.field.reviewer')}>{t(levelKey(c.reviewer.level))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </Page>
  );
}
