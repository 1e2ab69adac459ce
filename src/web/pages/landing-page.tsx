import { Link } from 'react-router';
import { useI18n } from '../locale';
import { Page } from '../page';
import { PUBLIC_SECTIONS, SECTIONS, sectionDescriptionKey, sectionTitleKey } from '../sections';
import { useSession } from '../session';

/** `/`: what the service is, a way in, and the public pages that exist so far (PUBLIC_SECTIONS with a path). */
export function LandingPage() {
  const { t } = useI18n();
  const { state } = useSession();
  const links = PUBLIC_SECTIONS.flatMap((id) => {
    const path = SECTIONS[id].path;
    return path === null ? [] : [{ id, path }];
  });

  return (
    <Page title={t('landing.title')} className="landing">
      <p className="lead">{t('landing.lead')}</p>
      {state.status === 'signed-in' ? (
        <p>
          <Link className="button button--primary" to="/home">
            {t('nav.home')}
          </Link>
        </p>
      ) : (
        <>
          <p>{t('landing.signInPrompt')}</p>
          <p>
            <Link className="button button--primary" to="/login">
              {t('nav.signIn')}
            </Link>
          </p>
        </>
      )}
      {links.length > 0 ? (
        <section aria-labelledby="landing-links">
          <h2 id="landing-links">{t('landing.linksHeading')}</h2>
          <ul className="cards">
            {links.map(({ id, path }) => (
              <li key={id} className="card">
                <h3 className="card__title">
                  <Link to={path}>{t(sectionTitleKey(id))}</Link>
                </h3>
                <p>{t(sectionDescriptionKey(id))}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}
