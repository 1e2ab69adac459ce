/**
 * Issue 8, item 7 (R-15): the ministry analyst in Chromium opens the national table of Appendix 3, drills down
 * to an oblast, a district and the late applications behind 1.1 (IIN masked), and exports the XLSX — downloaded
 * by the browser, opened with exceljs and checked. In kk and ru; axe-core finds no serious or critical WCAG 2.1
 * AA violation; screenshots (1024×768 and 375×812) go to test-artifacts/e2e/. The facts are rows of the
 * service's tables in March of this year (one late and one on-time application of the demo akimat).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_NAMES, type Locale, translate } from '../../src/i18n';
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

const Y = new Date().getUTCFullYear();
const PERIOD = `${Y}-03`;
const at = (mmdd: string, hhmm: string) => `${Y}-${mmdd}T${hhmm}:00+05:00`;
const LATE_IIN = '900101300017';

describe.skipIf(!hasChromium)('quality indicators in Chromium (issue 8)', () => {
  let server: TestServer;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ensureWebBuild();
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    for (const [iin, completed] of [
      [LATE_IIN, at('03-11', '11:00')],
      ['880202400015', at('03-10', '10:30')],
    ] as const) {
      await sql`insert into applications (id, channel, status, applicant_iin, applicant_name, akimat_kato,
                  received_at, due_at, state)
                values (${randomUUID()}, 'akimat', 'certificate_issued', ${iin}, 'Тест Тестов', '113243000',
                  ${at('03-10', '10:00')}, ${at('03-10', '18:00')},
                  ${JSON.stringify({ completedAt: completed })}::jsonb)`.execute(server.runtime.db.kysely);
    }
    // One justified complaint about them: 4.1 (a ceiling, at most 1 %) is over its permitted level.
    await sql`insert into complaints (id, number, kind, channel, status, language, complainant_iin, complainant_name,
                subject_akimat_kato, text, registered_at, counts_from, due_at, amber_at, review_days, reviewer_level,
                reviewer_kato, answered_at, outcome, answer_text)
              values (${randomUUID()}, ${`C${Y}-000001`}, 'service', 'office', 'answered', 'ru', ${LATE_IIN},
                'Тест Тестов', '113243000', 'Долго ждал справку', ${at('03-12', '10:00')}, ${`${Y}-03-12`},
                ${at('03-19', '20:00')}, ${at('03-18', '20:00')}, 5, 'akimat', '113243000', ${at('03-13', '10:00')},
                'justified_satisfied', 'Ответ')`.execute(server.runtime.db.kysely);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function newContext(viewport: { width: number; height: number }): Promise<BrowserContext> {
    const context = await browser.newContext({
      viewport,
      bypassCSP: true,
      baseURL: server.url,
      acceptDownloads: true,
    });
    context.setDefaultTimeout(15_000);
    context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(e.message)));
    return context;
  }

  async function signIn(page: Page, locale: Locale, username: string): Promise<void> {
    await page.goto('/login');
    if (locale !== 'kk') {
      await page.getByRole('button', { name: LOCALE_NAMES[locale], exact: true }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
    }
    await page.locator('input[name=username]').fill(username);
    await page.locator('input[name=password]').fill(server.demoPassword);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL('**/home');
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  it.each(['kk', 'ru'] as const)(
    'the ministry analyst drills down from the country to the late applications and exports the XLSX (%s)',
    async (locale) => {
      const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) =>
        translate(locale, key, params);
      const context = await newContext(DESKTOP);
      const page = await context.newPage();
      await signIn(page, locale, 'ministry');
      await page
        .getByRole('link', { name: t('section.indicators.title') })
        .first()
        .click();
      await page.waitForURL('**/indicators');
      // The national table for March: the period picker, then the Appendix's layout.
      await page.getByLabel(t('kpi.periodKind'), { exact: true }).selectOption('month');
      await page.getByLabel(t('kpi.year'), { exact: true }).selectOption(String(Y));
      await page.getByLabel(t('kpi.month'), { exact: true }).selectOption('3');
      await page.getByRole('button', { name: t('kpi.show'), exact: true }).click();
      await page.waitForURL(`**/indicators?period=${PERIOD}`);
      const unitHeading = page.locator('#kpi-unit');
      await expect.poll(() => unitHeading.textContent()).toContain(t('kpi.country'));
      await expect.poll(() => page.locator('.kpi-unit .kpi-table').textContent()).toContain('50 %');
      expect(await page.locator('.kpi-unit thead').textContent()).toContain(t('kpi.col.targetNextYear'));
      expect(await page.locator('.kpi-unit').textContent()).toContain(t('kpi.rating.red'));
      // 4.1 is a ceiling: over it reads "above the permitted level", never "below the normative".
      const ceiling = page.locator('.kpi-unit tbody tr', {
        has: page.locator('td:first-child', { hasText: /^4\.1$/ }),
      });
      expect(await ceiling.locator('.kpi-rating').textContent()).toContain(t('kpi.rating.ceiling_red'));
      expect(await ceiling.textContent()).not.toContain(t('kpi.rating.red'));
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, `indicators-country-${locale}`);

      // Down to the oblast, then the district.
      await page.locator('.kpi-units tbody th a').first().click();
      await page.waitForURL('**within=110000000');
      await page.locator('.kpi-units tbody th a').first().click();
      await page.waitForURL('**within=113200000');
      await expect.poll(() => page.locator('.kpi-units h2').textContent()).toBe(t('kpi.units.office'));
      await shot(page, `indicators-district-${locale}`);

      // To the late applications behind 1.1: the IIN is masked for the ministry.
      await page
        .getByRole('link', { name: t('kpi.records.link', { code: '1.1', value: '50 %' }) })
        .first()
        .click();
      await page.waitForURL('**/indicators/records?**');
      await expect
        .poll(() => page.locator('table.kpi-records tbody').textContent())
        .toContain('********0017');
      expect(await page.locator('main').textContent()).toContain(t('kpi.reason.late'));
      expect(await page.locator('main').textContent()).toContain(t('kpi.records.masked'));
      expect(await page.content()).not.toContain(LATE_IIN);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, `indicators-records-${locale}`);
      await page.getByRole('link', { name: t('kpi.records.back') }).click();
      await page.waitForURL('**within=113200000');

      // The XLSX, downloaded by the browser and opened with exceljs.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page
          .getByRole('link', { name: t(locale === 'kk' ? 'kpi.export.xlsxKk' : 'kpi.export.xlsxRu') })
          .click(),
      ]);
      const file = await download.path();
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
      const sheet = book.worksheets[0]!;
      expect(sheet.getCell('A1').value).toBe(
        locale === 'kk'
          ? 'Кесте. Тиімділік және сапалық көрсеткіштерінің мәні'
          : 'Таблица. Значения показателей качества и эффективности',
      );
      expect(sheet.getCell(8, 1).value).toBe('1.1');
      expect(sheet.getCell(8, 3).value).toBe(100);
      expect(sheet.getCell(8, 5).value).toBe(50);
      expect(String(sheet.getCell(3, 2).value)).toBe(PERIOD);

      // At 375 px the table scrolls inside its region, not the page.
      await page.setViewportSize(PHONE);
      await shot(page, `indicators-district-phone-${locale}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await context.close();
    },
  );

  it.each(['ru', 'en'] as const)(
    'the ministry enters next year’s target; 150 is refused beside its field, 95 then 97,5 kept as history (%s)',
    async (locale) => {
      const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) =>
        translate(locale, key, params);
      const context = await newContext(DESKTOP);
      const page = await context.newPage();
      await signIn(page, locale, 'ministry');
      await page
        .getByRole('link', { name: t('section.targets.title') })
        .first()
        .click();
      await page.waitForURL('**/targets');
      const code = locale === 'ru' ? '1.2' : '5.1';
      await expect
        .poll(() => page.getByLabel(t('kpi.targets.year'), { exact: true }).inputValue())
        .toBe(String(Y + 1));
      const input = page.getByRole('textbox', { name: t('kpi.targets.saveFor', { code }) });
      await input.fill('150');
      await page.getByRole('button', { name: t('kpi.targets.saveFor', { code }) }).click();
      await expect
        .poll(() => page.locator('.field__error').textContent())
        .toBe(t('error.KPI.TARGET_OUT_OF_RANGE'));
      if (locale === 'ru') {
        expect(await page.locator('main').textContent()).toContain(t('kpi.targets.noHistory'));
      }

      for (const value of ['95', locale === 'ru' ? '97,5' : '97.5']) {
        await input.fill(value);
        await page.getByRole('button', { name: t('kpi.targets.saveFor', { code }) }).click();
        await expect.poll(() => page.locator('.notice--success').textContent()).toContain(`${value} %`);
      }
      // The history, newest first: this indicator's two entries, the second replacing the first.
      const history = page.locator('main table').last();
      const ofCode = history.locator('tbody tr').filter({
        has: page.locator('td:nth-child(2)', { hasText: new RegExp(`^${code.replace('.', '\\.')}$`) }),
      });
      await expect.poll(() => ofCode.count()).toBe(2);
      expect(await ofCode.first().locator('td:nth-child(3)').textContent()).toMatch(/^95 % → 97[.,]5 %$/);
      expect(await ofCode.last().locator('td:nth-child(3)').textContent()).toBe('— → 95 %');
      expect(await ofCode.first().locator('td:nth-child(4)').textContent()).not.toBe('—');
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, `targets-${locale}`);
      await context.close();
    },
  );

  it('the public quality page needs no sign-in and shows no personal data', async () => {
    const context = await newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto('/quality');
    await expect.poll(() => page.locator('h1').textContent()).toBe(translate('kk', 'kpi.public.title'));
    await expect.poll(() => page.locator('main [role=status]').last().textContent()).not.toBe('');
    expect(await page.content()).not.toMatch(/\d{12}/);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'quality-public-kk');
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});
