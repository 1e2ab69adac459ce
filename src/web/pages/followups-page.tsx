/**
 * `/followups`: the director's tasks opened by low survey scores (1 or 2) — the PSC director's for their
 * PSC, the district or oblast akim's for the offices of their territory. Each names the office and the
 * indicators rated low, never who answered (the answers are anonymous to the official rated).
 */
import { useEffect, useState } from 'react';
import { SURVEY_INDICATORS, type SurveyIndicator } from '../../domain/complaints/survey';
import { formatDateTime } from '../../i18n';
import { ApiError, type SessionUser } from '../api';
import { type FollowupTask, indicatorKey } from '../complaints';
import { useI18n } from '../locale';
import { Page } from '../page';
import { localName, type Office } from '../reference';
import { sectionTitleKey } from '../sections';
import { useSession } from '../session';
import '../complaints.css';

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly tasks: readonly FollowupTask[] }
  | { readonly status: 'error'; readonly code: string };

const isIndicator = (v: string): v is SurveyIndicator => (SURVEY_INDICATORS as readonly string[]).includes(v);

export function FollowupsPage(_props: { user: SessionUser }) {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [offices, setOffices] = useState<ReadonlyMap<string, Office>>(new Map());

  useEffect(() => {
    let cancelled = false;
    api.get<{ tasks: FollowupTask[] }>('/api/v1/followups').then(
      async (r) => {
        if (cancelled) return;
        setLoad({ status: 'ready', tasks: r.tasks });
        const ids = [...new Set(r.tasks.map((task) => task.officeId).filter((x): x is string => x !== null))];
        const found = await Promise.allSettled(
          ids.map((officeId) => api.get<Office>(`/api/v1/offices/${encodeURIComponent(officeId)}`)),
        );
        if (cancelled) return;
        setOffices(
          new Map(found.flatMap((f) => (f.status === 'fulfilled' ? [[f.value.id, f.value] as const] : []))),
        );
      },
      (e: unknown) =>
        !cancelled && setLoad({ status: 'error', code: e instanceof ApiError ? e.code : 'UNKNOWN' }),
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  const tasks = load.status === 'ready' ? load.tasks : [];
  const officeName = (task: FollowupTask) => {
    const office = task.officeId ? offices.get(task.officeId) : undefined;
    return office ? localName(office.name, locale) : (task.officeId ?? task.officeKato ?? '—');
  };

  return (
    <Page title={t(sectionTitleKey('followups'))} className="followups">
      <p className="lead">{t('followups.intro')}</p>
      <div role="status">
        {load.status === 'loading'
          ? t('app.loading')
          : load.status === 'ready' && tasks.length === 0
            ? t('followups.none')
            : null}
      </div>
      {load.status === 'error' ? (
        <p className="notice notice--error" role="alert">
          {tError(load.code)}
        </p>
      ) : null}
      {tasks.length > 0 ? (
        <table className="table complaints-table">
          <caption className="visually-hidden">{t('followups.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('followups.createdAt')}</th>
              <th scope="col">{t('followups.office')}</th>
              <th scope="col">{t('followups.indicators')}</th>
              <th scope="col">{t('followups.status')}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id}>
                <th scope="row" data-label={t('followups.createdAt')}>
                  {formatDateTime(locale, new Date(task.createdAt))}
                </th>
                <td data-label={t('followups.office')}>{officeName(task)}</td>
                <td data-label={t('followups.indicators')}>
                  <ul className="plain-list">
                    {task.indicators.map((i) => (
                      <li key={i}>{isIndicator(i) ? `${i} ${t(indicatorKey(i))}` : i}</li>
                    ))}
                  </ul>
                </td>
                <td data-label={t('followups.status')}>{t(`followups.status.${task.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
