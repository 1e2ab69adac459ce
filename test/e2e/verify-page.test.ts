/**
 * Issue 5, item 3: the public /verify page in Chromium, in kk and ru — number + IIN → valid; a PNG of a QR
 * code (made with the `qrcode` package, as certificates print it) uploaded and decoded in the browser → the
 * certificate's status; the QR's own URL opens the page and checks it at once. No sign-in; axe finds no serious
 * WCAG 2.1 AA violation. Screenshots in test-artifacts/e2e/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrPng } from '../../src/adapters/pdf/qr';
import { makeIin } from '../../src/domain/iin/iin';
import { LOCALE_NAMES, type Locale, translate, translateError } from '../../src/i18n';
import { insertIssuedDocument, revokeIssuedDocument, type TestDocument } from '../support/issued-documents';
import { startTestServer, type TestServer } from '../support/test-server';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/e2e');
const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const hasChromium = existsSync(CHROMIUM);

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const st = statSync(target);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((entry) => newestMtime(path.join(target, entry))));
}

function ensureWebBuild(): void {
  const built = newestMtime(path.join(ROOT, 'dist/web/index.html'));
  const sources = Math.max(
    ...['src/web', 'src/i18n', 'src/domain', 'vite.config.ts'].map((p) => newestMtime(path.join(ROOT, p))),
  );
  if (built >= sources) return;
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations as {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[] }[];
    }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const IIN_VALID = makeIin({ year: 1985, month: 6, day: 15 }, 'male', 1234)!;
const IIN_REVOKED = makeIin({ year: 1979, month: 3, day: 8 }, 'female', 4321)!;

describe.skipIf(!hasChromium)('the /verify page in Chromium (R-23)', () => {
  let server: TestServer;
  let browser: Browser;
  let valid: TestDocument;
  let revoked: TestDocument;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ensureWebBuild();
    [server, browser] = await Promise.all([
      startTestServer(),
      chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      }),
    ]);
    const { db, deps } = server.runtime;
    // The QR points at this test server, as a printed one points at the public site.
    valid = await insertIssuedDocument(db, deps.keyRing, {
      number: '113243-2026-000042',
      iin: IIN_VALID,
      person: { surname: 'Жұмабеков', name: 'Нұрлан', patronymic: 'Өмірзақұлы' },
      baseUrl: server.url,
    });
    revoked = await insertIssuedDocument(db, deps.keyRing, {
      number: '113243-2026-000043',
      iin: IIN_REVOKED,
      baseUrl: server.url,
    });
    await revokeIssuedDocument(
      db,
      revoked,
      'Шаруашылық кітабындағы жазба қате болды',
      '2026-11-27T09:00:00+05:00',
    );
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function newContext(viewport = { width: 1024, height: 768 }): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport, bypassCSP: true, baseURL: server.url });
    context.setDefaultTimeout(15_000);
    context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(e.message)));
    return context;
  }

  async function chooseLanguage(page: Page, locale: Locale): Promise<void> {
    if (locale === 'kk') return;
    await page.getByRole('button', { name: LOCALE_NAMES[locale], exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
  }

  const resultStatus = (page: Page) => page.locator('.verify-result').getAttribute('data-status');
  const statusText = (page: Page) => page.locator('.verify-result__status').textContent();

  it.each(['kk', 'ru'] as const)('number + IIN → valid; a QR photo → revoked (%s)', async (locale) => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto('/');
    await chooseLanguage(page, locale);
    // The landing page's navigation leads to the page.
    await page
      .getByRole('navigation', { name: translate(locale, 'nav.label') })
      .getByRole('link', { name: translate(locale, 'section.verify.title') })
      .click();
    await page.waitForURL('**/verify');
    await expect.poll(() => page.locator('h1').textContent()).toBe(translate(locale, 'section.verify.title'));

    // A bad check digit is the IIN field's error, translated.
    await page.getByLabel(translate(locale, 'verify.number'), { exact: true }).fill(valid.number);
    const badIin = `${IIN_VALID.slice(0, 11)}${(Number(IIN_VALID[11]) + 1) % 10}`;
    await page.getByLabel(translate(locale, 'verify.iin'), { exact: true }).fill(badIin);
    await page.getByRole('button', { name: translate(locale, 'verify.submit') }).click();
    await expect
      .poll(() => page.locator('.field__error').first().textContent())
      .toBe(translateError(locale, 'IIN.BAD_CHECK_DIGIT'));

    await page.getByLabel(translate(locale, 'verify.iin'), { exact: true }).fill(IIN_VALID);
    await page.getByRole('button', { name: translate(locale, 'verify.submit') }).click();
    await expect.poll(() => resultStatus(page)).toBe('valid');
    expect(await statusText(page)).toContain(translate(locale, 'verify.status.valid'));
    const facts = await page.locator('.verify-result__facts').textContent();
    expect(facts).toContain(valid.number);
    expect(facts).toContain(`********${IIN_VALID.slice(-4)}`);
    expect(facts).toContain('Ж. Н. Ө.');
    expect(facts).toContain(locale === 'kk' ? 'Кенес ауылдық округі' : 'Кенесский с.о.');
    expect(facts).not.toContain(IIN_VALID);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('verify-result-heading');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, `verify-number-${locale}-1024.png`), fullPage: true });

    // A PNG of the revoked certificate's QR, as the PDF prints it, uploaded as a photo.
    const png = path.join(ARTIFACTS, `verify-qr-${locale}.png`);
    writeFileSync(png, qrPng(revoked.qrText));
    await page.locator('input[name=qr]').setInputFiles(png);
    await expect.poll(() => resultStatus(page)).toBe('revoked');
    expect(await statusText(page)).toContain(translate(locale, 'verify.status.revoked'));
    const revokedFacts = await page.locator('.verify-result__facts').textContent();
    expect(revokedFacts).toContain('Шаруашылық кітабындағы жазба қате болды');
    expect(revokedFacts).toContain(revoked.number);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, `verify-qr-${locale}-1024.png`), fullPage: true });
    await context.close();
  });

  it('the QR’s own URL opens the page filled in and checks it at once (phone, ru)', async () => {
    const context = await newContext({ width: 375, height: 812 });
    const page = await context.newPage();
    await page.goto('/');
    await chooseLanguage(page, 'ru');
    expect(valid.qrText.startsWith(`${server.url}/verify?c=Q1.`)).toBe(true);
    await page.goto(valid.qrText);
    await expect.poll(() => resultStatus(page)).toBe('valid');
    expect(await statusText(page)).toContain(translate('ru', 'verify.status.valid'));
    expect(await page.getByLabel(translate('ru', 'verify.number'), { exact: true }).inputValue()).toBe(
      valid.number,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'verify-link-ru-375.png'), fullPage: true });

    // A picture without a QR code says so, without asking the server.
    const blank = path.join(ARTIFACTS, 'verify-no-qr.png');
    await page.screenshot({ path: blank });
    await page.locator('input[name=qr]').setInputFiles(blank);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(translate('ru', 'verify.qrNotFound'));
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});
