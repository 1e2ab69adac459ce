/**
 * Issue 5, item 3: the public /verify page in Chromium, in kk and ru — number + IIN → valid; a PNG of a QR
 * code (made with the `qrcode` package, as certificates print it) uploaded and decoded in the browser → the
 * certificate's status; the QR's own URL opens the page and checks it at once. No sign-in; axe finds no serious
 * WCAG 2.1 AA violation. Screenshots in test-artifacts/e2e/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrPng } from '../../src/adapters/pdf/qr';
import { makeIin } from '../../src/domain/iin/iin';
import { LOCALE_NAMES, type Locale, translate, translateError } from '../../src/i18n';
import { ApiClient } from '../support/http-client';
import { insertIssuedDocument, revokeIssuedDocument, type TestDocument } from '../support/issued-documents';
import { startTestServer, type TestServer } from '../support/test-server';
import { CHROMIUM, ensureWebBuild, launchChromium, seriousViolations } from '../support/e2e';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/e2e');
const hasChromium = existsSync(CHROMIUM);
/** poppler-utils and zbar-tools are Debian packages (`.ci/run` installs them), not npm ones. */
const hasTool = (name: string) => spawnSync(name, ['-h'], { stdio: 'ignore' }).error === undefined;
const canScan = hasTool('pdftoppm') && hasTool('zbarimg');
if (!canScan) console.warn('verify-page e2e: pdftoppm or zbarimg missing — the printed-QR test cannot run');

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
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
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

  // Item 6: a certificate issued at the counter, printed, and scanned the way a bank clerk's phone reads it.
  it.skipIf(!canScan).each(['kk', 'ru'] as const)(
    'a printed certificate’s QR, decoded from the PDF as an image, verifies over the API and opens as valid (%s)',
    async (locale) => {
      const akimat = new ApiClient(server.url);
      await akimat.login('akimat', server.demoPassword);
      const applicant = locale === 'kk' ? PRINTED_KK : PRINTED_RU;
      const created = await akimat.request('POST', '/api/v1/households', {
        household: printedHousehold(applicant, locale === 'kk' ? '91' : '92'),
        reason: 'e2e',
      });
      expect(created.status, created.text).toBe(201);
      const issued = await akimat.request('POST', '/api/v1/akimat/applications', {
        applicant,
        identityDocumentShown: true,
      });
      expect(issued.status, issued.text).toBe(201);
      const { number, pdfUrl } = issued.json.document as { number: string; pdfUrl: string };

      const res = await fetch(`${server.url}${pdfUrl}?lang=${locale}`, {
        headers: { cookie: akimat.cookieHeader() },
      });
      expect(res.headers.get('content-type')).toContain('application/pdf');
      const dir = path.join(tmpdir(), `qosalqy-printed-${locale}-${process.pid}`);
      mkdirSync(dir, { recursive: true });
      const pdfFile = path.join(dir, 'certificate.pdf');
      writeFileSync(pdfFile, Buffer.from(await res.arrayBuffer()));
      // 150 dpi: an ordinary office scan; zbarimg finds the code anywhere on the A4 page.
      execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', pdfFile, path.join(dir, 'scan')]);
      const scanned = execFileSync('zbarimg', ['--raw', '-q', path.join(dir, 'scan.png')], {
        encoding: 'utf8',
      }).trim();
      expect(scanned).toMatch(/\/verify\?c=Q1\./);

      const anyone = new ApiClient(server.url);
      const verified = await anyone.request('POST', '/api/v1/verify/qr', { text: scanned });
      expect(verified.status, verified.text).toBe(200);
      expect(verified.json.status).toBe('valid');
      expect(verified.json.certificate.number).toBe(number);
      expect(verified.text).not.toContain(applicant.iin);

      // The same scan opened as a link (the QR's URL, on this server's origin) shows the verdict at once.
      const link = new URL(scanned);
      const context = await newContext({ width: 375, height: 812 });
      const page = await context.newPage();
      await page.goto('/');
      await chooseLanguage(page, locale);
      await page.goto(`${link.pathname}${link.search}`);
      await expect.poll(() => resultStatus(page)).toBe('valid');
      expect(await statusText(page)).toContain(translate(locale, 'verify.status.valid'));
      expect(await page.locator('.verify-result__facts').textContent()).toContain(number);
      await page.screenshot({
        path: path.join(ARTIFACTS, `verify-printed-${locale}-375.png`),
        fullPage: true,
      });
      await context.close();
      expect(pageErrors).toEqual([]);
    },
  );
});

/** Applicants of the printed-certificate test, each in a household of the demo akimat's book. */
const PRINTED_KK = {
  iin: makeIin({ year: 1972, month: 2, day: 29 }, 'male', 2718)!,
  surname: 'Оспанов',
  name: 'Ерлан',
  patronymic: 'Қанатұлы',
};
const PRINTED_RU = {
  iin: makeIin({ year: 1988, month: 11, day: 3 }, 'female', 3141)!,
  surname: 'Ким',
  name: 'Ольга',
  patronymic: 'Сергеевна',
};

function printedHousehold(head: typeof PRINTED_KK, book: string) {
  return {
    bookNumber: book,
    accountNumber: `${book}01`,
    akimatKato: '113243000',
    settlementKato: '113243100',
    address: 'Домбыралы ауылы, Жастар көшесі, 5',
    status: 'open',
    members: [{ ...head, relation: 'head', joinedOn: '2015-03-01' }],
    yearlyRecords: [
      {
        referenceYear: 2026,
        landPlots: [{ purpose: 'homestead', areaHa: 0.15 }],
        livestock: { cattle: 2, sheep: 12 },
        machinery: [],
      },
    ],
  };
}
