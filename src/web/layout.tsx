/**
 * The frame of every page: skip link, header with the language switcher, the main navigation (collapsed
 * behind a menu button on narrow screens), `<main>` and the footer (issue 2, item 6; R-21: WCAG 2.1 AA).
 */
import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Emblem } from './emblem';
import { LanguageSwitcher } from './language-switcher';
import { useI18n } from './locale';
import { navigationFor, roleKey } from './sections';
import { useSession } from './session';

export function Layout() {
  const { t } = useI18n();
  const { state, signOut } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);

  // A followed link closes the phone menu, so that the new page is not hidden behind it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose whenever the path changes
  useEffect(() => setMenuOpen(false), [pathname]);

  const user = state.status === 'signed-in' ? state.user : null;
  const items = navigationFor(user?.role ?? null);

  async function onSignOut() {
    setSigningOut(true);
    await signOut();
    setSigningOut(false);
    navigate('/login', { replace: true });
  }

  return (
    <>
      <a href="#main" className="skip-link">
        {t('skipLink')}
      </a>
      <header className="site-header">
        <div className="container site-header__bar">
          <Link to={user ? '/home' : '/'} className="brand">
            <Emblem />
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__service">{t('app.serviceName')}</span>
            </span>
          </Link>
          <LanguageSwitcher />
        </div>
      </header>
      <nav className="site-nav" aria-label={t('nav.label')}>
        <div className="container site-nav__inner">
          <button
            type="button"
            className="site-nav__toggle"
            aria-expanded={menuOpen}
            aria-controls="site-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span className="site-nav__toggle-icon" aria-hidden="true" />
            {t('nav.menu')}
          </button>
          <div id="site-menu" className={menuOpen ? 'site-nav__menu site-nav__menu--open' : 'site-nav__menu'}>
            <ul className="site-nav__list">
              {items.map((item) => (
                <li key={item.path}>
                  <NavLink to={item.path} end className="site-nav__link">
                    {t(item.labelKey)}
                  </NavLink>
                </li>
              ))}
              {user ? null : (
                <li>
                  <NavLink to="/login" className="site-nav__link">
                    {t('nav.signIn')}
                  </NavLink>
                </li>
              )}
            </ul>
            {user ? (
              <div className="site-nav__user">
                <span className="site-nav__who">
                  <span className="visually-hidden">{t('header.user')}: </span>
                  <span className="site-nav__name">{user.displayName}</span>
                  <span className="site-nav__role">{t(roleKey(user.role))}</span>
                </span>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={onSignOut}
                  disabled={signingOut}
                >
                  {signingOut ? t('nav.signingOut') : t('nav.signOut')}
                </button>
              </div>
            ) : null}
          </div>
        </div>
      </nav>
      <main id="main" tabIndex={-1} className="site-main">
        <div className="container">
          {state.status === 'anonymous' && state.reason === 'unreachable' ? (
            <p className="notice notice--error" role="alert">
              {t('error.NETWORK')}
            </p>
          ) : null}
          <Outlet />
        </div>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('footer.about')}</p>
          <p>{t('footer.free')}</p>
        </div>
      </footer>
    </>
  );
}
