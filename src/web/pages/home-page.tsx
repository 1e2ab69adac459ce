/**
 * `/home`: one page per role (issue 2, item 6) — the role's desk title, who and where the person is, and the
 * role's tasks from ROLE_SECTIONS. A task becomes a link once its section has a page.
 */
import { Link } from 'react-router';
import { formatDate } from '../../i18n';
import type { SessionUser } from '../api';
import { useI18n } from '../locale';
import { Page } from '../page';
import {
  homeIntroKey,
  homeTitleKey,
  ROLE_SECTIONS,
  roleKey,
  SECTIONS,
  sectionDescriptionKey,
  sectionTitleKey,
} from '../sections';

export function HomePage({ user }: { user: SessionUser }) {
  const { t, locale } = useI18n();
  const sections = ROLE_SECTIONS[user.role].map((id) => SECTIONS[id]);
  // Territory names exist in kk and ru only; English readers get the Russian name.
  const territory = user.territory.name ? user.territory.name[locale === 'kk' ? 'kk' : 'ru'] : null;

  return (
    <Page title={t(homeTitleKey(user.role))} className="home">
      <p className="lead">{t('home.welcome', { name: user.displayName })}</p>
      <p>{t(homeIntroKey(user.role))}</p>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('home.role')}</dt>
          <dd>{t(roleKey(user.role))}</dd>
        </div>
        {territory ? (
          <div className="facts__item">
            <dt>{t('home.territory')}</dt>
            <dd>{territory}</dd>
          </div>
        ) : null}
        <div className="facts__item">
          <dt>{t('home.today')}</dt>
          <dd>{formatDate(locale, new Date())}</dd>
        </div>
      </dl>
      <section aria-labelledby="home-tasks">
        <h2 id="home-tasks">{t('home.tasksHeading')}</h2>
        <ul className="cards">
          {sections.map((section) => (
            <li key={section.id} className="card">
              <h3 className="card__title">
                {section.path ? (
                  <Link to={section.path}>{t(sectionTitleKey(section.id))}</Link>
                ) : (
                  t(sectionTitleKey(section.id))
                )}
              </h3>
              <p>{t(sectionDescriptionKey(section.id))}</p>
            </li>
          ))}
        </ul>
        {sections.some((s) => s.path === null) ? <p className="note">{t('home.sectionsNote')}</p> : null}
      </section>
    </Page>
  );
}
