import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/access/roles';
import { LOCALE_NAMES, type Locale, translate, translateError } from '../../src/i18n';
import { homeTitleKey } from '../../src/web/sections';
import { startTestServer, type TestServer } from '../support/test-server';
import { CHROMIUM, ensureWebBuild, launchChromium, seriousViolations } from '../support/e2e';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/e2e');

const DEMO_LOGINS: ReadonlyArray<readonly [username: string, role: Role]> = [
  ['akimat', 'akimat_officer'],
  ['psc', 'psc_operator'],
  ['director', 'psc_director'],
  ['district', 'district_akim'],
  ['oblast', 'oblast_akim'],
  ['ministry', 'ministry_analyst'],
  ['admin', 'admin'],
  ['auditor', 'auditor'],
  ['citizen', 'citizen'],
];

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `e2e: SKIPPED — no Chromium at ${CHROMIUM}. Install Debian's package (apt-get install -y chromium); CI always has it.`,
  );
}

describe.skipIf(!hasChromium)('web UI shell in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ensureWebBuild();
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh browser profile; the server's CSP forbids inline scripts, so CSP is bypassed to inject axe. */
  async function newContext(viewport: { width: number; height: number }): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport, bypassCSP: true, baseURL: server.url });
    // Fail within seconds, not Playwright's default 30 s, so that the whole file stays well under a minute.
    context.setDefaultTimeout(10_000);
    context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(e.message)));
    return context;
  }

  async function chooseLanguage(page: Page, locale: Locale): Promise<void> {
    await page.getByRole('button', { name: LOCALE_NAMES[locale], exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
  }

  /** Submits the sign-in form and waits for the server's answer (not for what the page does with it). */
  async function signIn(page: Page, username: string, password: string): Promise<void> {
    await page.locator('input[name=username]').fill(username);
    await page.locator('input[name=password]').fill(password);
    await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/login'),
      page.locator('form button[type=submit]').click(),
    ]);
  }

  it('landing and sign-in pages are accessible, at 1024×768 and 375×812', async () => {
    for (const viewport of [
      { width: 1024, height: 768 },
      { width: 375, height: 812 },
    ]) {
      const context = await newContext(viewport);
      const page = await context.newPage();
      await page.goto('/');
      await expect.poll(() => page.locator('h1').textContent()).toBe(translate('kk', 'landing.title'));
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('kk');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({
        path: path.join(ARTIFACTS, `landing-kk-${viewport.width}.png`),
        fullPage: true,
      });

      // The skip link is the first stop of the keyboard and leads to <main>.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        translate('kk', 'skipLink'),
      );
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

      await page.goto('/login');
      await expect.poll(() => page.locator('h1').textContent()).toBe(translate('kk', 'login.title'));
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, `login-kk-${viewport.width}.png`), fullPage: true });
      await context.close();
    }
  });

  it.each(['kk', 'ru'] as const)('a wrong password shows the translated error (%s)', async (locale) => {
    const context = await newContext({ width: 1024, height: 768 });
    const page = await context.newPage();
    await page.goto('/login');
    if (locale !== 'kk') await chooseLanguage(page, locale);

    await page.locator('form button[type=submit]').click();
    await expect
      .poll(() => page.locator('.field__error').first().textContent())
      .toBe(translate(locale, 'login.required'));

    await signIn(page, 'akimat', `${server.demoPassword}-wrong`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe(translateError(locale, 'AUTH.INVALID_CREDENTIALS'));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, `login-error-${locale}-1024.png`), fullPage: true });
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });

  it('the sixth failed sign-in for a username says how long to wait (Retry-After)', async () => {
    const context = await newContext({ width: 375, height: 812 });
    const page = await context.newPage();
    await page.goto('/login');
    await chooseLanguage(page, 'ru');
    // An unknown username, so that no demo login is locked for the other tests.
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(page, 'nobody-here', 'wrong-password');
      // A failed attempt empties the password field; wait for that before typing the next one.
      await expect.poll(() => page.locator('input[name=password]').inputValue()).toBe('');
      expect(await page.getByRole('alert').textContent()).toBe(
        translateError('ru', 'AUTH.INVALID_CREDENTIALS'),
      );
    }
    await signIn(page, 'nobody-here', 'wrong-password');
    // The 15-minute window has just begun: the wait is 15 minutes, rounded up to whole minutes.
    const expected = `${translateError('ru', 'AUTH.TOO_MANY_ATTEMPTS')} ${translate('ru', 'error.retryAfter', { time: '15 минут' })}`;
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(expected);
    await page.screenshot({ path: path.join(ARTIFACTS, 'login-throttled-ru-375.png'), fullPage: true });
    await context.close();
  });

  it.each(['kk', 'ru'] as const)(
    'each demo role signs in, reaches its own home page and signs out (%s)',
    async (locale) => {
      const context = await newContext({ width: 1024, height: 768 });
      const page = await context.newPage();
      await page.goto('/login');
      if (locale !== 'kk') await chooseLanguage(page, locale);

      for (const [username, role] of DEMO_LOGINS) {
        await signIn(page, username, server.demoPassword);
        await page.waitForURL('**/home');
        const heading = translate(locale, homeTitleKey(role));
        await expect
          .poll(() => page.locator('h1').textContent(), { message: `${username} home` })
          .toBe(heading);
        // The language chosen before signing in stays (localStorage), whatever the profile says.
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
        if (locale === 'kk') {
          // Chromium has no Kazakh ICU data; the date must still read as Kazakh, not "2025 M03 24".
          expect(await page.locator('.facts dd').last().textContent()).toMatch(
            /^\d{4} жылғы \d{1,2} [а-яәғқңөұүһі]+$/,
          );
          expect(await seriousViolations(page), `axe on ${username}'s home`).toEqual([]);
          await page.screenshot({
            path: path.join(ARTIFACTS, `home-${username}-kk-1024.png`),
            fullPage: true,
          });
        }

        await page.getByRole('button', { name: translate(locale, 'nav.signOut') }).click();
        await page.waitForURL((url) => url.pathname === '/login' && url.search === '');
        await expect
          .poll(() => page.getByRole('status').textContent())
          .toBe(translate(locale, 'login.signedOut'));
      }

      // Signed out means signed out: the home page sends you back to sign in.
      await page.goto('/home');
      await page.waitForURL('**/login?next=%2Fhome');
      await context.close();
    },
  );

  it('on a 375-px phone the menu folds behind a button and the home page works', async () => {
    const context = await newContext({ width: 375, height: 812 });
    const page = await context.newPage();
    await page.goto('/login?next=/home');
    await chooseLanguage(page, 'ru');
    await signIn(page, 'citizen', server.demoPassword);
    await page.waitForURL('**/home');
    await expect.poll(() => page.locator('h1').textContent()).toBe(translate('ru', 'home.citizen.title'));

    const toggle = page.getByRole('button', { name: translate('ru', 'nav.menu') });
    const signOut = page.getByRole('button', { name: translate('ru', 'nav.signOut') });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await signOut.isVisible()).toBe(false);
    await page.screenshot({ path: path.join(ARTIFACTS, 'home-citizen-ru-375.png'), fullPage: true });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await signOut.isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'home-citizen-ru-375-menu.png'), fullPage: true });
    // Nothing may scroll sideways on a phone (WCAG 1.4.10 reflow).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await context.close();
  });

  it('no script error happened on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
