/**
 * `/applications` and `/my-applications` (issue 5, item 4): the applications in the user's scope, due first,
 * each with its due moment and its flag (amber at 75 % of the time, red when overdue) in words and a symbol —
 * the PSC director's and operator's lists by stage, an akimat's or a district's all, a citizen's own.
 */
import { useId, useState } from 'react';
import type { SessionUser } from '../api';
import { type ListView, LIST_VIEWS } from '../applications';
import { useI18n } from '../locale';
import { Page } from '../page';
import { sectionTitleKey } from '../sections';
import { ApplicationsTable, useApplications } from './service-shared';

/** The stages a role's list can show; the server scopes each to the user's office or territory. */
function viewsFor(user: SessionUser): readonly ListView[] {
  switch (user.role) {
    case 'psc_operator':
    case 'psc_director':
      return ['in_progress', 'ready', 'intake', 'all'];
    case 'akimat_officer':
      return ['all', 'inbox'];
    default:
      return ['all'];
  }
}

export function ApplicationsPage({ user, own = false }: { user: SessionUser; own?: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const views = viewsFor(user).filter((v) => LIST_VIEWS.includes(v));
  const [view, setView] = useState<ListView>(views[0] ?? 'all');
  const list = useApplications(view, 100);
  const title = t(sectionTitleKey(own ? 'my-applications' : 'applications'));

  return (
    <Page title={title} className="hb svc">
      <p className="lead">
        {t(own ? 'section.my-applications.description' : 'section.applications.description')}
      </p>
      {views.length > 1 ? (
        <div className="field svc-views">
          <label htmlFor={`${id}-view`}>{t('service.list.view')}</label>
          <select id={`${id}-view`} value={view} onChange={(e) => setView(e.target.value as ListView)}>
            {views.map((v) => (
              <option key={v} value={v}>
                {t(`service.list.view.${v}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div role="status" className="hb-results__status">
        {list.load.status === 'ready' ? t('service.list.count', { count: list.load.list.total }) : null}
      </div>
      <ApplicationsTable
        load={list.load}
        caption={title}
        empty={t('service.list.empty')}
        showChannel={view === 'all'}
      />
    </Page>
  );
}
