/**
 * Issue 3, items 4 and 5: the public office directory, the service information page with its printable
 * sample application and the admin's working calendar, in a real Chromium against a real
 * server (embedded database, built-in territory, demo users). axe-core finds no serious or critical WCAG 2.1
 * AA violation on any of them; screenshots (1024×768 and 375×812) and the printed sample (PDF) go to
 * test-artifacts/e2e/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlainDate } from '../../src/domain/shared/plain-date';
import {
  formatDate,
  formatDateTime,
  LOCALE_NAMES,
  type Locale,
  translate,
  translateError,
} from '../../src/i18n';
import { SAMPLE_APPLICATION } from '../../src/web/pages/sample-application';
import { startTestServer, type TestServer } from '../support/test-server';
import { ensureWebBuild, seriousViolations, launchChromium } from '../support/e2e';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/e2e');
const DESKTOP = { width: 1024, height: 768 };
const PHONE = { width: 375, height: 812 };

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `e2e: SKIPPED — no Chromium at ${CHROMIUM}. Install Debian's package (apt-get install -y chromium); CI always has it.`,
  );
}

/** Runs axe-core on the page as it is now; returns the serious and critical WCAG 2.1 A/AA violations. */

/** True for the answer of `GET /api/v1/offices` whose query has these parameters. */
const officesAnswer =
  (params: Record<string, string>) =>
  (r: Response): boolean => {
    const url = new URL(r.url());
    return (
      url.pathname === '/api/v1/offices' &&
      Object.entries(params).every(([k, v]) => url.searchParams.get(k) === v)
    );
  };

describe.skipIf(!hasChromium)('public pages and the admin calendar in Chromium', () => {
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
    context.setDefaultTimeout(10_000);
    context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(e.message)));
    return context;
  }

  async function chooseLanguage(page: Page, locale: Locale): Promise<void> {
    await page.getByRole('button', { name: LOCALE_NAMES[locale], exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
  }

  async function heading(page: Page): Promise<string | null> {
    return page.locator('h1').textContent();
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  it('the office directory finds an akimat by name, narrows by oblast and district, shows hours (R-20)', async () => {
    const context = await newContext(DESKTOP);
    const page = await context.newPage();
    const [first] = await Promise.all([
      page.waitForResponse(officesAnswer({ offset: '0' })),
      page.goto('/offices'),
    ]);
    const all = ((await first.json()) as { total: number }).total;
    await expect.poll(() => heading(page)).toBe(translate('kk', 'section.offices.title'));
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain(translate('kk', 'offices.found', { count: all }));
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'offices-kk-1024');

    // Search by name: the rural akimat of Kenes (Akkol district) with today's hours and an open/closed badge.
    const search = page.getByLabel(translate('kk', 'offices.search'));
    await search.fill('Кенес');
    await Promise.all([page.waitForResponse(officesAnswer({ q: 'Кенес' })), search.press('Enter')]);
    const kenes = page.locator('.office').filter({ hasText: 'Кенес ауылдық округі' });
    await expect.poll(() => kenes.count()).toBe(1);
    expect(await kenes.locator('.office__meta').textContent()).toContain(
      translate('kk', 'offices.kind.rural_akimat'),
    );
    expect(await kenes.locator('.office__hours').textContent()).toMatch(
      new RegExp(
        `^(09:00–18:00, түскі үзіліс 13:00–14:00|${translate('kk', 'offices.closedToday').replace(/[()]/g, '\\$&')})$`,
      ),
    );
    expect([translate('kk', 'offices.openNow'), translate('kk', 'offices.closedNow')]).toContain(
      (await kenes.locator('.badge').textContent())?.replace(/^[✓✕]/, ''),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'offices-search-kk-1024');

    // The oblast filter narrows the whole list to Akmola; the district filter narrows it to Akkol.
    await search.fill('');
    await Promise.all([page.waitForResponse(officesAnswer({ offset: '0' })), search.press('Enter')]);
    const [byOblast] = await Promise.all([
      page.waitForResponse(officesAnswer({ oblast: '110000000' })),
      page.getByLabel(translate('kk', 'offices.oblast')).selectOption('110000000'),
    ]);
    const akmola = ((await byOblast.json()) as { total: number }).total;
    expect(akmola).toBeGreaterThan(0);
    expect(akmola).toBeLessThan(all);
    await expect
      .poll(() => page.locator('.office__meta').allTextContents())
      .toSatisfy((metas: string[]) => metas.length > 0 && metas.every((m) => m.includes('Ақмола облысы')));
    const district = page.getByLabel(translate('kk', 'offices.district'));
    await expect.poll(() => district.isEnabled()).toBe(true);
    await expect.poll(() => district.locator('option[value="113200000"]').count()).toBe(1);
    const [byDistrict] = await Promise.all([
      page.waitForResponse(officesAnswer({ district: '113200000' })),
      district.selectOption('113200000'),
    ]);
    const akkol = ((await byDistrict.json()) as { total: number }).total;
    expect(akkol).toBeGreaterThan(0);
    expect(akkol).toBeLessThan(akmola);
    await expect.poll(() => page.locator('.office').count()).toBe(Math.min(akkol, 20));
    await context.close();
  });

  it('the directory works on a 375-px phone in Russian, with paging', async () => {
    const context = await newContext(PHONE);
    const page = await context.newPage();
    await page.goto('/');
    await chooseLanguage(page, 'ru');
    const [answer] = await Promise.all([
      page.waitForResponse(officesAnswer({ kind: 'psc', offset: '0' })),
      page.goto('/offices?kind=psc'),
    ]);
    expect(((await answer.json()) as { total: number }).total).toBe(24);
    await expect.poll(() => page.locator('.office').count()).toBe(20);
    expect(await page.locator('.office__meta').first().textContent()).toContain(
      translate('ru', 'offices.kind.psc'),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'offices-psc-ru-375');
    await Promise.all([
      page.waitForResponse(officesAnswer({ kind: 'psc', offset: '20' })),
      page.getByRole('button', { name: translate('ru', 'offices.next') }).click(),
    ]);
    await expect.poll(() => page.locator('.office').count()).toBe(4);
    expect(await page.locator('.pager__status').textContent()).toBe(
      translate('ru', 'offices.pageOf', { page: 2, pages: 2 }),
    );
    // Nothing may scroll sideways on a phone (WCAG 1.4.10 reflow).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await context.close();
  });

  it.each(['kk', 'ru'] as const)(
    'the service page (%s) names the refusal grounds and shows the sample application (R-21)',
    async (locale) => {
      const context = await newContext(DESKTOP);
      const page = await context.newPage();
      await page.goto('/service-info');
      if (locale !== 'kk') await chooseLanguage(page, locale);
      await expect.poll(() => heading(page)).toBe(translate(locale, 'info.title'));
      const grounds = page.locator('.refusal-grounds li');
      expect(await grounds.allTextContents()).toEqual([
        translate(locale, 'info.refusal.ground1'),
        translate(locale, 'info.refusal.ground2'),
      ]);
      const main = (await page.locator('main').textContent()) ?? '';
      for (const key of ['info.documents.psc2', 'info.deadlines.pscTerm', 'info.complaints.court'] as const)
        expect(main).toContain(translate(locale, key));
      const sheet = page.locator('.sample-sheet');
      expect(await sheet.getAttribute('lang')).toBe(locale);
      const sample = SAMPLE_APPLICATION[locale];
      for (const text of [sample.title, sample.body[0] ?? '', sample.signatureName])
        expect(await sheet.textContent()).toContain(text);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, `service-info-${locale}-1024`);

      // Printing shows the sample alone, and it fits one A4 page.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('h1').isVisible()).toBe(false);
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      expect(await sheet.isVisible()).toBe(true);
      const pdfPath = path.join(ARTIFACTS, `service-info-sample-${locale}.pdf`);
      await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
      const pdf = readFileSync(pdfPath, 'latin1');
      expect(pdf.match(/\/Type\s*\/Page\b/g)?.length).toBe(1);
      await context.close();
    },
  );

  it('the service page works at 375 px, and its calculator gives the PSC deadline (R-7)', async () => {
    const context = await newContext(PHONE);
    const page = await context.newPage();
    await page.goto('/service-info');
    await expect.poll(() => heading(page)).toBe(translate('kk', 'info.title'));
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, 'service-info-kk-375');

    // Handed in on Friday 12 November 2027 at 10:15: Monday and Tuesday count, due Tuesday 16th at 20:00.
    const office = page.getByLabel(translate('kk', 'deadline.office'), { exact: true });
    await expect.poll(() => office.locator('option').count()).toBe(24);
    await office.selectOption({ label: 'Ақмола облысының ХҚҚО' });
    await page.getByLabel(translate('kk', 'deadline.from')).fill('2027-11-12T10:15');
    await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/calendar/deadline'),
      page.getByRole('button', { name: translate('kk', 'deadline.submit') }).click(),
    ]);
    const result = page.locator('.calculator__result dd');
    await expect
      .poll(() => result.allTextContents())
      .toEqual([
        formatDate('kk', '2027-11-12' as PlainDate),
        formatDateTime('kk', new Date('2027-11-16T20:00:00+05:00')),
      ]);
    await context.close();
  });

  it('the admin adds a transfer and sees it; an invalid one shows the translated error (issue 3 item 4)', async () => {
    const context = await newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto('/login');
    await page.locator('input[name=username]').fill('admin');
    await page.locator('input[name=password]').fill(server.demoPassword);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL('**/home');
    await page
      .getByRole('navigation', { name: translate('kk', 'nav.label') })
      .getByRole('link', { name: translate('kk', 'section.calendar.title') })
      .click();
    await page.waitForURL('**/calendar');
    await expect.poll(() => heading(page)).toBe(translate('kk', 'section.calendar.title'));
    await page.getByLabel(translate('kk', 'calendar.year'), { exact: true }).fill('2027');
    await page.getByLabel(translate('kk', 'calendar.month'), { exact: true }).selectOption('11');
    await page.getByRole('button', { name: translate('kk', 'calendar.show') }).click();
    const period = translate('kk', 'calendar.monthYear', {
      month: translate('kk', 'calendar.month.11'),
      year: '2027',
    });
    await expect.poll(() => page.locator('.calendar-view h2').textContent()).toBe(period);
    await expect.poll(() => page.locator('.month-grid td.day:not(.day--blank)').count()).toBe(30);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'calendar-kk-1024');

    const transfer = page
      .locator('section.panel')
      .filter({ hasText: translate('kk', 'calendar.transfer.heading') });
    const off = transfer.getByLabel(translate('kk', 'calendar.transfer.off'));
    const work = transfer.getByLabel(translate('kk', 'calendar.transfer.work'));
    const act = transfer.getByLabel(translate('kk', 'calendar.basis.act'));

    // Saturday 13 November cannot become a day off: the reason stands next to that field.
    await off.fill('2027-11-13');
    await work.fill('2027-11-20');
    await act.fill('ҚР Үкіметінің 2027 жылғы 1 қарашадағы № 1 қаулысы');
    await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/calendar/transfers'),
      transfer.getByRole('button', { name: translate('kk', 'calendar.transfer.submit') }).click(),
    ]);
    await expect.poll(() => off.getAttribute('aria-invalid')).toBe('true');
    const offError = page.locator(`#${await off.getAttribute('aria-describedby')}`);
    expect(await offError.textContent()).toBe(translateError('kk', 'CALENDAR.TRANSFER_OFF_NOT_WEEKDAY'));
    expect(await transfer.getByRole('alert').textContent()).toBe(translateError('kk', 'VALIDATION_FAILED'));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('off');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'calendar-transfer-error-kk-1024');

    // Friday 12 November off, Saturday 20 November worked: both show in the month at once.
    await off.fill('2027-11-12');
    await Promise.all([
      page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/v1/calendar/transfers' && r.status() === 201,
      ),
      transfer.getByRole('button', { name: translate('kk', 'calendar.transfer.submit') }).click(),
    ]);
    await expect
      .poll(() => transfer.getByRole('status').textContent())
      .toBe(
        translate('kk', 'calendar.transfer.added', {
          off: formatDate('kk', '2027-11-12' as PlainDate),
          work: formatDate('kk', '2027-11-20' as PlainDate),
        }),
      );
    await expect
      .poll(() => page.locator('td.day--transferred_off .day__number').allTextContents())
      .toEqual(['12']);
    expect(await page.locator('td.day--transferred_workday .day__number').allTextContents()).toEqual(['20']);
    expect(
      await page
        .locator('.special-days__item')
        .filter({ hasText: formatDate('kk', '2027-11-12' as PlainDate) })
        .textContent(),
    ).toContain(translate('kk', 'calendar.kind.transferred_off'));
    const days = (await (
      await page.request.get('/api/v1/calendar/days?from=2027-11-12&to=2027-11-12')
    ).json()) as {
      days: Array<{ kind: string }>;
    };
    expect(days.days[0]?.kind).toBe('transferred_off');
    await shot(page, 'calendar-transfer-added-kk-1024');

    // The same day off again is refused in Russian, next to the date it names.
    await chooseLanguage(page, 'ru');
    const transferRu = page
      .locator('section.panel')
      .filter({ hasText: translate('ru', 'calendar.transfer.heading') });
    const offRu = transferRu.getByLabel(translate('ru', 'calendar.transfer.off'));
    await offRu.fill('2027-11-12');
    await transferRu.getByLabel(translate('ru', 'calendar.transfer.work')).fill('2027-11-27');
    await transferRu
      .getByLabel(translate('ru', 'calendar.basis.act'))
      .fill('Постановление Правительства РК от 1 ноября 2027 года № 1');
    await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/calendar/transfers'),
      transferRu.getByRole('button', { name: translate('ru', 'calendar.transfer.submit') }).click(),
    ]);
    await expect.poll(() => offRu.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#${await offRu.getAttribute('aria-describedby')}`).textContent()).toBe(
      translateError('ru', 'CALENDAR.DUPLICATE_DATE'),
    );
    await context.close();
  });

  it('the calendar works on a 375-px phone in Russian, month and year', async () => {
    const context = await newContext(PHONE);
    const page = await context.newPage();
    await page.goto('/login?next=%2Fcalendar%3Fyear%3D2027%26month%3D3');
    await chooseLanguage(page, 'ru');
    await page.locator('input[name=username]').fill('admin');
    await page.locator('input[name=password]').fill(server.demoPassword);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL('**/calendar?year=2027&month=3');
    await expect.poll(() => page.locator('td.day--holiday').count()).toBeGreaterThan(0);
    // Nauryz 21–23 March 2027 (Sunday–Tuesday) and the observed Wednesday 24th, named in the list.
    expect(await page.locator('.special-days').textContent()).toContain('Наурыз мейрамы');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, 'calendar-ru-375');
    await page.getByLabel(translate('ru', 'calendar.viewYear')).check();
    await expect.poll(() => page.locator('.month-grid--compact').count()).toBe(12);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, 'calendar-year-ru-375');
    await context.close();
  });

  it('no script error happened on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
