/**
 * Issue 5, items 4 and 6: the service in a real Chromium against a real server (embedded database, built-in
 * territory, demo users `akimat`, `psc`, `director`, `citizen`), in kk and ru:
 * - the akimat counter: an IIN with a bad check digit is refused in the browser at its field; the right one
 *   finds the book's record; the officer issues the certificate, whose PDF opens in both languages;
 * - the PSC flow across two offices: the operator's intake with the document checklist gives the receipt
 *   with its due date and sends the application to the akimat; the akimat officer decides it from the inbox
 *   (a second, stale inbox then gets the translated 409 `APPLICATION.ALREADY_DECIDED`) and returns it; the
 *   operator hands it over — after a wrong person's IIN is refused with the translated error — and the
 *   application's page lists every step with who and which office; the director's list shows an overdue
 *   application's red flag in words; someone in no book is refused on ground 1 without the checked original
 *   (kk), or accepted and, on sending, the akimat is asked for (422 `APPLICATION.AKIMAT_REQUIRED`, ru);
 * - the issuing akimat revokes (kk) or corrects (ru) a certificate on its application's page, reason required;
 * - online: the demo citizen gets the electronic certificate at once, with its PDF, at 375 px.
 * axe-core finds no serious or critical WCAG 2.1 AA violation; screenshots go to test-artifacts/e2e/.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TERRITORY } from '../../src/app/demo/demo-users';
import type { Household } from '../../src/domain/household/household';
import { createHousehold, type HouseholdVersion } from '../../src/domain/household/versions';
import type { PlainDate } from '../../src/domain/shared/plain-date';
import { LOCALE_NAMES, type Locale, translate, translateError } from '../../src/i18n';
import { startTestServer, type TestServer } from '../support/test-server';
import { ensureWebBuild, seriousViolations, launchChromium } from '../support/e2e';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/e2e');
const DESKTOP = { width: 1024, height: 768 };
const PHONE = { width: 375, height: 812 };
const AKIMAT = DEMO_TERRITORY.akimatKato;

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `e2e: SKIPPED — no Chromium at ${CHROMIUM}. Install Debian's package (apt-get install -y chromium); CI always has it.`,
  );
}

/** Runs axe-core on the page as it is now; returns the serious and critical WCAG 2.1 A/AA violations. */

interface Person {
  readonly iin: string;
  readonly surname: string;
  readonly name: string;
  readonly patronymic?: string;
}

/** One applicant per language, each the head of a household of the demo akimat with land and animals. */
const APPLICANTS: Readonly<Record<'kk' | 'ru', Person>> = {
  kk: { iin: '850315400025', surname: 'Ахметова', name: 'Гүлнар', patronymic: 'Серікқызы' },
  ru: { iin: '750730301012', surname: 'Кузнецов', name: 'Андрей', patronymic: 'Викторович' },
};
/** The demo citizen (`citizen`) is in the book too, so that the online channel gives a certificate. */
const CITIZEN: Person = { iin: DEMO_TERRITORY.citizenIin, surname: 'Нұрланов', name: 'Асқар' };

function householdOf(person: Person, account: string): Household {
  return {
    bookNumber: '9',
    accountNumber: account,
    akimatKato: AKIMAT,
    settlementKato: '113243100',
    address: `Бейбітшілік көшесі, ${account}`,
    status: 'open',
    members: [{ ...person, relation: 'head', joinedOn: '2010-04-01' as PlainDate }],
    yearlyRecords: [
      {
        referenceYear: 2025,
        landPlots: [{ purpose: 'homestead', areaHa: 0.12 }],
        livestock: { cattle: 3, cows: 2, sheep: 10 },
        machinery: [],
      },
    ],
  };
}

/** Accepted a week ago and left at the PSC: the lists flag it red. */
const OVERDUE: Person = { iin: '101231600049', surname: 'Сәрсенова', name: 'Дана' };

/** In no household book. */
const NOT_IN_BOOK: Person = { iin: '480909401014', surname: 'Оспанова', name: 'Күлпаш' };

const fullName = (p: Person) => [p.surname, p.name, p.patronymic].filter(Boolean).join(' ');

describe.skipIf(!hasChromium)('the service in Chromium (issue 5)', () => {
  let server: TestServer;
  let browser: Browser;
  const pageErrors: string[] = [];
  /** The server's clock runs this far from the real one: a week back to accept an application now overdue. */
  let clockShiftMs = 0;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ensureWebBuild();
    [server, browser] = await Promise.all([
      startTestServer({ clock: { now: () => new Date(Date.now() + clockShiftMs) } }),
      launchChromium(),
    ]);
    await seed();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function seed(): Promise<void> {
    const deps = server.runtime.deps;
    const officer = await deps.uow.run((repos) => repos.users.findByUsername('akimat'));
    if (!officer) throw new Error('no demo akimat officer');
    const meta = {
      recordedOn: '2025-03-01' as PlainDate,
      recordedAt: '2025-03-01T05:00:00.000Z',
      recordedBy: officer.id,
      reason: 'кітапқа енгізу',
    };
    const people = [APPLICANTS.kk, APPLICANTS.ru, CITIZEN];
    const versions: HouseholdVersion[] = people.map((p, i) => {
      const v = createHousehold(
        `00000000-0000-4000-8000-0000000005${i}1`,
        householdOf(p, String(901 + i)),
        meta,
        { species: deps.species },
      );
      if (!v.ok) throw new Error(`seed: ${v.error.code} ${JSON.stringify(v.error.details)}`);
      return v.value;
    });
    await deps.uow.run((repos) => repos.households.saveVersions(versions));

    // An application accepted at the PSC a week ago and never sent on: overdue (red) today.
    clockShiftMs = -7 * 24 * 3600 * 1000;
    try {
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'psc', password: server.demoPassword }),
      });
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const intake = await fetch(`${server.url}/api/v1/psc/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie },
        body: JSON.stringify({
          applicant: { iin: OVERDUE.iin, surname: OVERDUE.surname, name: OVERDUE.name },
          documents: { application: true, identity_copy: true, identity_original: true },
        }),
      });
      if (intake.status !== 201) throw new Error(`seed intake: ${intake.status} ${await intake.text()}`);
    } finally {
      clockShiftMs = 0;
    }
  }

  async function newContext(viewport: { width: number; height: number }): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport, bypassCSP: true, baseURL: server.url });
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

  /** Nothing may scroll sideways (WCAG 1.4.10 reflow). */
  async function noSidewaysScroll(page: Page, width: number): Promise<void> {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }

  /** Both PDF links of a result open an A4 PDF for this session; the kk one is kept for a look. */
  async function pdfLinksWork(page: Page, scope: ReturnType<Page['locator']>, name: string): Promise<void> {
    const bodies: Buffer[] = [];
    for (const lang of ['kk', 'ru'] as const) {
      const href = await scope.locator(`a[data-lang=${lang}]`).first().getAttribute('href');
      expect(href).toMatch(new RegExp(`^/api/v1/documents/[\\w-]+\\.pdf\\?lang=${lang}$`));
      const response = await page.request.get(href ?? '');
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('application/pdf');
      const body = await response.body();
      expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      writeFileSync(path.join(ARTIFACTS, `${name}-${lang}.pdf`), body);
      bodies.push(body);
    }
    // The same document in two languages: two different PDFs.
    expect(bodies[0]?.equals(bodies[1] ?? Buffer.alloc(0))).toBe(false);
  }

  async function openSection(page: Page, locale: Locale, section: string, url: string): Promise<void> {
    await page
      .getByRole('link', { name: translate(locale, section as Parameters<typeof translate>[1]), exact: true })
      .first()
      .click();
    await page.waitForURL(`**${url}`);
  }

  it.each(['kk', 'ru'] as const)('the akimat counter: find by IIN, issue, print (%s)', async (locale) => {
    const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
      translate(locale, key, params);
    const person = APPLICANTS[locale];
    const context = await newContext(DESKTOP);
    const page = await context.newPage();
    await signIn(page, locale, 'akimat');
    await openSection(page, locale, 'section.counter.title', '/counter');

    // A mistyped IIN (bad check digit) is refused in the browser, at its field, in the person's language.
    const iin = page.getByLabel(t('service.applicant.iin'), { exact: true });
    await iin.fill(`${person.iin.slice(0, 11)}${(Number(person.iin[11]) + 1) % 10}`);
    await page.getByRole('button', { name: t('service.counter.find'), exact: true }).click();
    await expect
      .poll(() => page.locator('.field__error').first().textContent())
      .toBe(translateError(locale, 'IIN.BAD_CHECK_DIGIT'));
    expect(await iin.getAttribute('aria-invalid')).toBe('true');
    await shot(page, `svc-counter-bad-iin-${locale}-1024`);

    // The right IIN: the book's record as of today.
    await iin.fill(person.iin);
    await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/households/lookup'),
      page.getByRole('button', { name: t('service.counter.find'), exact: true }).click(),
    ]);
    const record = page.locator('.svc-record');
    await expect.poll(() => record.textContent()).toContain(t('service.record.found'));
    expect(await record.textContent()).toContain(fullName(person));
    expect(await record.textContent()).toContain(t('service.record.landTotal', { area: '0,12' }));
    expect(await page.getByLabel(t('service.applicant.surname')).inputValue()).toBe(person.surname);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, `svc-counter-record-${locale}-1024`);

    // Identity card shown → the certificate, numbered by the akimat, printable in both languages.
    await page.getByLabel(t('service.counter.identityShown')).check();
    await page.getByRole('button', { name: t('service.counter.issue'), exact: true }).click();
    const result = page.locator('.svc-result');
    await expect.poll(() => result.locator('h2').textContent()).toMatch(/113243-\d{4}-\d{6}/);
    const number = (await result.locator('h2').textContent())?.match(/113243-\d{4}-\d{6}/)?.[0] ?? '';
    expect(await result.locator('h2').textContent()).toContain(t('service.result.certificate', { number }));
    await pdfLinksWork(page, result, `svc-certificate-${locale}`);
    // The officer's recent list has it.
    await expect.poll(() => page.locator('.svc-table').textContent()).toContain(number);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, `svc-counter-certificate-${locale}-1024`);

    // The issuing akimat revokes (kk) or corrects (ru) it on the application's page; a reason is required.
    await result.getByRole('link', { name: t('service.result.details') }).click();
    await page.waitForURL('**/applications/*');
    const act = locale === 'kk' ? 'revoke' : 'correct';
    await page.getByRole('button', { name: t(`service.${act}.open`) }).click();
    const submit = page.getByRole('button', { name: t(`service.${act}.submit`), exact: true });
    await submit.click();
    const reason = page.getByLabel(t('service.reason'));
    await expect
      .poll(() => page.locator('.field__error').textContent())
      .toBe(translateError(locale, 'CERTIFICATE.REASON_REQUIRED'));
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await reason.fill(locale === 'kk' ? 'шаруашылық жабылды' : 'исправлена опечатка в адресе');
    await submit.click();
    const docs = page.locator('section', {
      has: page.getByRole('heading', { name: t('service.detail.documents') }),
    });
    if (act === 'revoke') {
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: t('service.revoke.done', { number }) })
            .count(),
        )
        .toBe(1);
      await expect.poll(() => docs.locator('tbody').textContent()).toContain(t('service.docStatus.revoked'));
    } else {
      await expect.poll(() => docs.locator('tbody tr').count()).toBe(2);
      expect(await docs.locator('tbody').textContent()).toContain(t('service.docStatus.superseded'));
    }
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, `svc-certificate-${act}-${locale}-1024`);
    await context.close();
  });

  it.each(['kk', 'ru'] as const)(
    'the PSC flow across two offices: intake, akimat decision, hand-over (%s)',
    async (locale) => {
      const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
        translate(locale, key, params);
      const person = APPLICANTS[locale];
      const other = APPLICANTS[locale === 'kk' ? 'ru' : 'kk'];
      const pscContext = await newContext(DESKTOP);
      const psc = await pscContext.newPage();
      await signIn(psc, locale, 'psc');

      // Intake: applicant and the three documents → the receipt with its due date; then sent to the akimat.
      await openSection(psc, locale, 'section.psc-intake.title', '/psc-intake');
      await psc.getByLabel(t('service.applicant.iin'), { exact: true }).fill(person.iin);
      await psc.getByLabel(t('service.applicant.surname')).fill(person.surname);
      await psc.getByLabel(t('service.applicant.name'), { exact: true }).fill(person.name);
      for (const doc of ['application', 'identity_copy', 'identity_original'] as const) {
        await psc.getByLabel(t(`service.psc.doc.${doc}`)).check();
      }
      // the applicant leaves an e-mail to be told, in the screen's language, when the result is ready.
      const contact = `${locale}-applicant@example.kz`;
      await psc.getByLabel(t('service.psc.notify.email')).fill(contact);
      await psc.getByLabel(t('service.psc.notify.language')).selectOption(locale);
      expect(await seriousViolations(psc)).toEqual([]);
      await shot(psc, `svc-psc-intake-${locale}-1024`);
      await psc.getByRole('button', { name: t('service.psc.submit'), exact: true }).click();
      const receipt = psc.locator('.svc-result');
      await expect.poll(() => receipt.locator('h2').textContent()).toMatch(/psc-01-\d{4}-P\d{6}/);
      expect(await receipt.locator('.svc-result__due').textContent()).toContain(
        t('service.result.dueAt', { date: '' }).trim(),
      );
      await pdfLinksWork(psc, receipt, `svc-receipt-${locale}`);
      await psc.getByRole('button', { name: t('service.psc.send'), exact: true }).click();
      await expect.poll(() => receipt.getByRole('status').textContent()).toContain(t('service.result.sent'));
      expect(await seriousViolations(psc)).toEqual([]);
      await shot(psc, `svc-psc-receipt-${locale}-1024`);

      // The akimat: the application is in the inbox with its due date and flag, in words.
      const akimatContext = await newContext(DESKTOP);
      const akimat = await akimatContext.newPage();
      await signIn(akimat, locale, 'akimat');
      await openSection(akimat, locale, 'section.akimat-inbox.title', '/akimat-inbox');
      const row = akimat.locator('tr', { hasText: person.surname });
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.textContent()).toContain(t('service.status.sent_to_akimat'));
      expect(await row.textContent()).toContain(t('service.flag.ok'));
      // A second officer's inbox, opened now, goes stale once the first one decides.
      const stale = await akimatContext.newPage();
      await stale.goto('/akimat-inbox');
      const staleRow = stale.locator('tr', { hasText: person.surname });
      await expect.poll(() => staleRow.count()).toBe(1);
      expect(await seriousViolations(akimat)).toEqual([]);
      await noSidewaysScroll(akimat, DESKTOP.width);
      await shot(akimat, `svc-inbox-${locale}-1024`);

      await row.getByRole('button', { name: t('service.inbox.decide') }).click();
      const decided = akimat.locator('.svc-result');
      await expect.poll(() => decided.locator('h2').textContent()).toMatch(/113243-\d{4}-\d{6}/);
      await pdfLinksWork(akimat, decided, `svc-psc-certificate-${locale}`);
      await shot(akimat, `svc-inbox-decided-${locale}-1024`);

      await staleRow.getByRole('button', { name: t('service.inbox.decide') }).click();
      await expect
        .poll(() => stale.getByRole('alert').first().textContent())
        .toBe(translateError(locale, 'APPLICATION.ALREADY_DECIDED'));
      await shot(stale, `svc-inbox-already-decided-${locale}-1024`);

      await decided.getByRole('button', { name: t('service.inbox.return') }).click();
      await expect
        .poll(() =>
          akimat
            .getByRole('status')
            .filter({ hasText: t('service.result.returned') })
            .count(),
        )
        .toBe(1);
      await akimatContext.close();
      const notice = await server.runtime.db.kysely
        .selectFrom('notification_outbox')
        .selectAll()
        .where('recipient', '=', contact)
        .execute();
      expect(notice).toEqual([
        expect.objectContaining({ channel: 'email', template: 'application.result_ready', language: locale }),
      ]);

      // Hand-over at the PSC: a wrong person's IIN is refused with the translated error; the applicant's works.
      await openSection(psc, locale, 'section.hand-over.title', '/hand-over');
      const ready = psc.locator('tr', { hasText: person.surname });
      await expect.poll(() => ready.count()).toBe(1);
      await ready.getByRole('button', { name: t('service.handover.open') }).click();
      const presented = psc.getByLabel(t('service.handover.presentedIin'));
      await presented.fill(other.iin);
      await psc.getByRole('button', { name: t('service.handover.submit'), exact: true }).click();
      const wrong = translateError(locale, 'APPLICATION.HANDOVER_WRONG_PERSON');
      await expect.poll(() => psc.locator('.field__error').textContent()).toBe(wrong);
      expect(await presented.getAttribute('aria-invalid')).toBe('true');
      expect(
        await psc
          .getByRole('alert')
          .filter({ hasText: translateError(locale, 'VALIDATION_FAILED') })
          .count(),
      ).toBe(1);
      expect(await seriousViolations(psc)).toEqual([]);
      await noSidewaysScroll(psc, DESKTOP.width);
      await shot(psc, `svc-handover-wrong-person-${locale}-1024`);
      await presented.fill(person.iin);
      await psc.getByRole('button', { name: t('service.handover.submit'), exact: true }).click();
      await expect
        .poll(() =>
          psc
            .getByRole('status')
            .filter({ hasText: t('service.result.handedOver') })
            .count(),
        )
        .toBe(1);
      await expect.poll(() => ready.count()).toBe(0);

      // The application's page: every step with who and which office, and its documents.
      await psc.goto('/applications');
      await psc.getByLabel(t('service.list.view')).selectOption('all');
      await psc
        .getByRole('link', { name: `${person.surname} ${person.name}` })
        .first()
        .click();
      await psc.waitForURL('**/applications/*');
      const events = psc.locator('section', {
        has: psc.getByRole('heading', { name: t('service.detail.events') }),
      });
      await expect.poll(() => events.locator('tbody tr').count()).toBe(7);
      const steps = await events.textContent();
      for (const action of [
        'receive',
        'accept',
        'send_to_akimat',
        'decide',
        'return_to_psc',
        'hand_over',
      ] as const) {
        expect(steps).toContain(t(`service.action.${action}`));
      }
      expect(steps).toContain('Айгүл Сейітқызы');
      expect(steps).toContain('Ерлан Бекұлы');
      expect(steps).toContain('psc-01');
      expect(await psc.locator('.svc table').first().textContent()).toContain(t('service.doc.receipt'));
      expect(await seriousViolations(psc)).toEqual([]);
      await shot(psc, `svc-application-${locale}-1024`);
      await pscContext.close();

      // The director's list: the PSC's applications with their flags, in words.
      const directorContext = await newContext(DESKTOP);
      const director = await directorContext.newPage();
      await signIn(director, locale, 'director');
      await openSection(director, locale, 'section.applications.title', '/applications');
      await director.getByLabel(t('service.list.view')).selectOption('all');
      await expect.poll(() => director.locator('tr', { hasText: person.surname }).count()).toBeGreaterThan(0);
      // The week-old application is overdue: said in words and a symbol, not by colour alone.
      const overdue = director.locator('tr', { hasText: OVERDUE.surname });
      expect(await overdue.locator('.flag').textContent()).toBe(`✖ ${t('service.flag.red')}`);
      expect(
        await director.locator('tr', { hasText: person.surname }).locator('.flag').first().textContent(),
      ).toBe(`✓ ${t('service.flag.ok')}`);
      expect(await seriousViolations(director)).toEqual([]);
      await shot(director, `svc-director-list-${locale}-1024`);
      await directorContext.close();
    },
  );

  it.each(['kk', 'ru'] as const)(
    'PSC intake of someone in no book: ground-1 refusal (kk), the akimat asked for on sending (ru) (%s)',
    async (locale) => {
      const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
        translate(locale, key, params);
      // Without the checked original the refusal on ground 1 prints at once
      // (kk); with every document the receipt, and sending asks for the akimat (422 AKIMAT_REQUIRED, ru).
      const pscAgain = await newContext(DESKTOP);
      const operator = await pscAgain.newPage();
      await signIn(operator, locale, 'psc');
      await operator.goto('/psc-intake');
      await operator.getByLabel(t('service.applicant.iin'), { exact: true }).fill(NOT_IN_BOOK.iin);
      await operator.getByLabel(t('service.applicant.surname')).fill(NOT_IN_BOOK.surname);
      await operator.getByLabel(t('service.applicant.name'), { exact: true }).fill(NOT_IN_BOOK.name);
      await operator.getByLabel(t('service.psc.doc.application')).check();
      await operator.getByLabel(t('service.psc.doc.identity_copy')).check();
      if (locale === 'ru') await operator.getByLabel(t('service.psc.doc.identity_original')).check();
      await operator.getByRole('button', { name: t('service.psc.submit'), exact: true }).click();
      const outcome = operator.locator('.svc-result');
      if (locale === 'kk') {
        await expect.poll(() => outcome.locator('h2').textContent()).toMatch(/psc-01-\d{4}-R\d{6}/);
        expect(await outcome.textContent()).toContain(
          t('service.result.ground', { ground: t('service.ground.incomplete_documents') }),
        );
        await pdfLinksWork(operator, outcome, `svc-psc-refusal-${locale}`);
        await shot(operator, `svc-psc-refusal-${locale}-1024`);
      } else {
        await expect.poll(() => outcome.locator('h2').textContent()).toMatch(/psc-01-\d{4}-P\d{6}/);
        const send = outcome.getByRole('button', { name: t('service.psc.send'), exact: true });
        await send.click();
        await expect
          .poll(() => outcome.getByRole('alert').textContent())
          .toBe(t('service.psc.akimatRequired'));
        const kato = operator.getByLabel(t('service.psc.akimatKato'));
        await kato.fill('11324');
        await send.click();
        await expect
          .poll(() => outcome.locator('.field__error').textContent())
          .toBe(translateError(locale, 'APPLICATION.BAD_KATO'));
        await shot(operator, `svc-psc-akimat-required-${locale}-1024`);
        await kato.fill(AKIMAT);
        await send.click();
        await expect
          .poll(() => outcome.getByRole('status').textContent())
          .toContain(t('service.result.sent'));
      }
      expect(await seriousViolations(operator)).toEqual([]);
      await pscAgain.close();
    },
  );

  it.each(['kk', 'ru'] as const)(
    'online: the citizen gets the electronic certificate at once (%s)',
    async (locale) => {
      const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
        translate(locale, key, params);
      const context = await newContext(PHONE);
      const page = await context.newPage();
      await signIn(page, locale, 'citizen');
      await page.getByRole('button', { name: translate(locale, 'nav.menu') }).click();
      await openSection(page, locale, 'section.apply-online.title', '/apply-online');
      await page.getByRole('button', { name: t('service.online.submit'), exact: true }).click();
      const result = page.locator('.svc-result');
      await expect.poll(() => result.locator('h2').textContent()).toMatch(/113243-\d{4}-\d{6}/);
      await pdfLinksWork(page, result, `svc-online-${locale}`);
      await expect.poll(() => page.locator('.svc-table tbody tr').count()).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, `svc-online-${locale}-375`);
      await context.close();
      expect(pageErrors).toEqual([]);
    },
  );
});
