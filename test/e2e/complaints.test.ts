/**
 * Issue 7, item 6 (R-16…R-19): complaints in a real Chromium against a real server (embedded database, built-in
 * territory, demo users, a clock running from 10:00 in Almaty on the next working day). The citizen files a
 * complaint online about their application — a complaint with no text, about an unknown application and about
 * somebody else's application each show the translated error next to its field — gets the talon on screen with
 * its QR and prints it (the PDF link answers with a PDF, rendered with pdftoppm when present); the public status
 * page shows it registered; the district akim finds it in the list with its deadline flag, takes it under
 * review and answers it with reasons (a bare answer is refused next to the field), and the answer PDF prints;
 * the status page then shows the answer, and the survey is answered once (a second answer is refused with a
 * translated error). The akimat officer registers a paper complaint at the counter; a low score opens a
 * follow-up the district akim sees. In kk and ru; axe-core finds no serious or critical WCAG 2.1 AA violation;
 * screenshots (1024×768 and 375×812) go to test-artifacts/e2e/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TERRITORY } from '../../src/app/demo/demo-users';
import { isWorkingDay, toCivil } from '../../src/domain/calendar';
import { createHousehold } from '../../src/domain/household/versions';
import { addDays, type PlainDate } from '../../src/domain/shared/plain-date';
import { LOCALE_NAMES, type Locale, translate, translateError } from '../../src/i18n';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { ensureWebBuild, seriousViolations, launchChromium } from '../support/e2e';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/e2e');
const DESKTOP = { width: 1024, height: 768 };
const PHONE = { width: 375, height: 812 };
const IIN = DEMO_TERRITORY.citizenIin;
const OTHER_IIN = '850712400406';
const OTHER_APPLICATION = '6f1d2c3b-0000-4000-8000-0000000000e2';
const UNKNOWN_APPLICATION = '6f1d2c3b-0000-4000-8000-0000000000ff';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `e2e: SKIPPED — no Chromium at ${CHROMIUM}. Install Debian's package (apt-get install -y chromium); CI always has it.`,
  );
}
const hasPdftoppm = spawnSync('pdftoppm', ['-v']).error === undefined;

/** Runs axe-core on the page as it is now; returns the serious and critical WCAG 2.1 A/AA violations. */

/**
 * The server's clock runs from 10:00 in Almaty on the next working day (set once the calendar is loaded): within
 * complaint hours whenever CI runs, and never behind the browser's own clock, which expires the session cookie.
 */
let startMs = Date.now();
let began = Date.now();
const clock = { now: () => new Date(startMs + (Date.now() - began)) };

describe.skipIf(!hasChromium)('complaints in Chromium (issue 7)', () => {
  let server: TestServer;
  let browser: Browser;
  let applicationId = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ensureWebBuild();
    [server, browser] = await Promise.all([startTestServer({ clock }), launchChromium()]);
    const calendar = await server.runtime.deps.calendar.current();
    let day = addDays(toCivil(Date.now()).date, 1);
    for (let i = 0; i < 30; i++) {
      const working = isWorkingDay(calendar, day);
      if (working.ok && working.value) break;
      day = addDays(day, 1);
    }
    startMs = new Date(`${day}T10:00:00+05:00`).getTime();
    began = Date.now();
    await seed();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * The citizen's household in the Kenes book, so that their online application is the akimat's (the complaint's
   * route needs its territory); and somebody else's refused application, to complain about by mistake.
   */
  async function seed(): Promise<void> {
    const deps = server.runtime.deps;
    const officer = await deps.uow.run((repos) => repos.users.findByUsername('akimat'));
    if (!officer) throw new Error('no demo akimat officer');
    const v1 = createHousehold(
      '00000000-0000-4000-8000-0000000000c1',
      {
        bookNumber: '3',
        accountNumber: '301',
        akimatKato: DEMO_TERRITORY.akimatKato,
        settlementKato: '113243100',
        address: 'Абай көшесі, 5',
        status: 'open',
        members: [
          {
            iin: IIN,
            surname: 'Нұрланұлы',
            name: 'Асқар',
            relation: 'head',
            joinedOn: '2015-05-01' as PlainDate,
          },
        ],
        yearlyRecords: [
          {
            referenceYear: 2025,
            landPlots: [{ purpose: 'homestead', areaHa: 0.1 }],
            livestock: { cattle: 2, cows: 1, sheep: 5 },
            machinery: [],
          },
        ],
      },
      {
        recordedOn: '2025-03-01' as PlainDate,
        recordedAt: '2025-03-01T05:00:00.000Z',
        recordedBy: officer.id,
        reason: 'кітапқа енгізу',
      },
      { species: deps.species },
    );
    if (!v1.ok) throw new Error(`seed: ${v1.error.code}`);
    await deps.uow.run((repos) => repos.households.saveVersions([v1.value]));
    const citizen = new ApiClient(server.url);
    expect((await citizen.login('citizen', server.demoPassword)).status).toBe(200);
    const applied = await citizen.request('POST', '/api/v1/online/applications', {});
    expect(applied.status, applied.text).toBe(201);
    applicationId = applied.json.application.id;
    await sql`
      insert into applications (id, channel, status, applicant_iin, applicant_name, akimat_kato, psc_office_id, received_at, state)
      values (${OTHER_APPLICATION}, 'akimat', 'refused', ${OTHER_IIN}, 'Test', ${DEMO_TERRITORY.akimatKato}, null, now(), '{}'::jsonb)`.execute(
      server.runtime.db.kysely,
    );
  }

  /** A fresh browser profile; the server's CSP forbids inline scripts, so CSP is bypassed to inject axe. */
  async function newContext(viewport: { width: number; height: number }): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport, bypassCSP: true, baseURL: server.url });
    context.setDefaultTimeout(15_000);
    context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(e.message)));
    return context;
  }

  async function chooseLocale(page: Page, locale: Locale): Promise<void> {
    if (locale === 'kk') return;
    await page.getByRole('button', { name: LOCALE_NAMES[locale], exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
  }

  async function signIn(page: Page, locale: Locale, username: string): Promise<void> {
    await page.goto('/login');
    await chooseLocale(page, locale);
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

  /** A PDF link answers with a PDF; the first page is rendered to PNG for a look when pdftoppm is there. */
  async function checkPdf(page: Page, href: string, name: string): Promise<void> {
    const r = await page.request.get(href);
    expect(r.status()).toBe(200);
    expect(r.headers()['content-type']).toContain('application/pdf');
    const bytes = await r.body();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(ARTIFACTS, `${name}.pdf`);
    writeFileSync(file, bytes);
    if (hasPdftoppm) {
      const out = spawnSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        file,
        file.replace(/\.pdf$/, ''),
      ]);
      expect(out.status).toBe(0);
    }
  }

  const heading = (page: Page) => page.locator('h1').textContent();

  it.each(['kk', 'ru'] as const)(
    'a citizen complains online, the district akim answers, the status page changes, the survey is answered (%s)',
    async (locale) => {
      const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
        translate(locale, key, params);
      const citizen = await newContext(DESKTOP);
      let page = await citizen.newPage();
      await signIn(page, locale, 'citizen');

      // The citizen's section leads to the complaint form.
      await page
        .getByRole('navigation', { name: t('nav.label') })
        .getByRole('link', { name: t('section.my-complaints.title') })
        .click();
      await page.waitForURL('**/my-complaints');
      await page.getByRole('link', { name: t('complaints.list.new') }).click();
      await page.waitForURL('**/complaints/new');
      await expect.poll(() => heading(page)).toBe(t('complaints.new.title'));
      await expect.poll(() => page.locator('#cf-applicationId option').count()).toBe(1);
      expect(await page.locator('#cf-applicationId').inputValue()).toBe(applicationId);

      // No text: the server's code, translated, next to the text field.
      await page.getByRole('button', { name: t('complaints.form.submit'), exact: true }).click();
      await expect
        .poll(() => page.locator('#cf-text-error').textContent())
        .toBe(translateError(locale, 'COMPLAINT.TEXT_REQUIRED'));
      expect(await page.locator('#cf-text').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByRole('alert').textContent()).toBe(t('complaints.form.checkFields'));
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, `complaint-form-error-${locale}-1024`);

      // An unknown application, and somebody else's, each refused next to the application field.
      const text =
        locale === 'kk'
          ? 'Анықтама берілді, бірақ онда мал саны қате көрсетілген.'
          : 'Справку выдали, но в ней неверно указано поголовье скота.';
      for (const [other, code] of [
        [UNKNOWN_APPLICATION, 'COMPLAINT.APPLICATION_NOT_FOUND'],
        [OTHER_APPLICATION, 'COMPLAINT.NOT_APPLICANT'],
      ] as const) {
        await page.goto(`/complaints/new?application=${other}`);
        await expect.poll(() => page.locator('#cf-applicationId').inputValue()).toBe(other);
        await page.locator('#cf-text').fill(text);
        await page.getByRole('button', { name: t('complaints.form.submit'), exact: true }).click();
        await expect
          .poll(() => page.locator('#cf-applicationId-error').textContent())
          .toBe(translateError(locale, code));
      }
      await shot(page, `complaint-form-not-applicant-${locale}-1024`);

      // Filed: the talon on screen.
      await page.goto('/complaints/new');
      await expect.poll(() => page.locator('#cf-applicationId').inputValue()).toBe(applicationId);
      await page.locator('#cf-text').fill(text);
      await page.locator('#cf-contactEmail').fill('asqar@example.kz');
      await page.getByRole('button', { name: t('complaints.form.submit'), exact: true }).click();
      await page.waitForURL(/\/complaints\/[\w-]+\?filed=1$/);
      const number = ((await page.locator('.talon__number').textContent()) ?? '').trim();
      expect(number).toMatch(/^C2026-\d{6}$/);
      expect(await heading(page)).toBe(t('complaints.view.title', { number }));
      expect(await page.getByRole('status').first().textContent()).toBe(t('complaints.view.filed'));
      const talon = (await page.locator('.talon').textContent()) ?? '';
      expect(talon).toContain(t('complaints.talon.online'));
      expect(talon).toContain(t('complaints.level.district'));
      // 10:00 + 5 working days: the close of complaint hours, 20:00.
      expect(talon).toContain('20:00');
      expect(talon).toContain(`/complaints/status?number=${number}`);
      expect(await page.getByRole('img', { name: t('complaints.talon.qr') }).count()).toBe(1);
      expect(await page.locator('.complaint-facts').textContent()).toContain(t('complaints.flag.green'));
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, `complaint-talon-${locale}-1024`);
      const talonPdf = page.getByRole('link', {
        name: t('complaints.talon.pdf', { language: LOCALE_NAMES[locale] }),
      });
      await checkPdf(page, (await talonPdf.getAttribute('href')) ?? '', `complaint-talon-${locale}`);
      const complaintUrl = new URL(page.url()).pathname;

      // On a phone the talon reflows.
      await page.setViewportSize(PHONE);
      await noSidewaysScroll(page, PHONE.width);
      await shot(page, `complaint-talon-${locale}-375`);
      await citizen.close();

      // The public status page, with no sign-in: registered.
      const anonymous = await newContext(DESKTOP);
      page = await anonymous.newPage();
      await page.goto(`/complaints/status?number=${number}`);
      await chooseLocale(page, locale);
      await page.getByLabel(t('complaints.public.iin')).fill(IIN);
      await page.getByRole('button', { name: t('complaints.public.submit'), exact: true }).click();
      await expect
        .poll(() => page.locator('.complaint-status__state').textContent())
        .toContain(t('complaints.status.registered'));
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, `complaint-status-registered-${locale}-1024`);

      // The district akim: the list with its deadline flag, then the review.
      const akim = await newContext(DESKTOP);
      const review = await akim.newPage();
      await signIn(review, locale, 'district');
      await review
        .getByRole('navigation', { name: t('nav.label') })
        .getByRole('link', { name: t('section.complaints.title'), exact: true })
        .click();
      await review.waitForURL('**/complaints');
      const row = review.locator('tbody tr', { hasText: number });
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.textContent()).toContain(t('complaints.flag.green'));
      expect(await seriousViolations(review)).toEqual([]);
      await shot(review, `complaints-list-${locale}-1024`);
      await row.getByRole('link', { name: number }).click();
      await review.waitForURL(`**${complaintUrl}`);
      await review.getByRole('button', { name: t('complaints.review.take'), exact: true }).click();
      await expect
        .poll(() => review.locator('[data-status]').first().textContent())
        .toBe(t('complaints.status.under_review'));
      await review.getByLabel(t('complaints.outcome.justified_partly')).check();
      const answer = review.getByLabel(t('complaints.review.text'));
      await answer.fill(locale === 'kk' ? 'Қате.' : 'Ошибка.');
      await review.getByRole('button', { name: t('complaints.review.submitAnswer'), exact: true }).click();
      await expect
        .poll(() => review.locator('.complaint-review .field__error').textContent())
        .toBe(translateError(locale, 'COMPLAINT.ANSWER_NOT_REASONED'));
      expect(await answer.getAttribute('aria-invalid')).toBe('true');
      expect(await seriousViolations(review)).toEqual([]);
      await shot(review, `complaint-review-error-${locale}-1024`);
      const reasons =
        locale === 'kk'
          ? 'Кітаптағы мал саны тексерілді: 2 сиыр емес, 1 сиыр. Акимдікке анықтаманы түзету тапсырылды.'
          : 'Проверили книгу: коров одна, а не две. Акимату поручено исправить справку.';
      await answer.fill(reasons);
      await review.getByRole('button', { name: t('complaints.review.submitAnswer'), exact: true }).click();
      await expect
        .poll(() => review.locator('.complaint-answer__outcome').textContent())
        .toBe(t('complaints.outcome.justified_partly'));
      // The outcome comes with the action's answer; the history with the reload right after it.
      await expect
        .poll(() => review.locator('.complaint-history').textContent())
        .toContain(t('complaints.event.answer'));
      expect(await review.getByRole('button', { name: t('complaints.review.take') }).count()).toBe(0);
      expect(await seriousViolations(review)).toEqual([]);
      await shot(review, `complaint-answered-${locale}-1024`);
      const answerPdf = review.getByRole('link', {
        name: t('complaints.answer.pdf', { language: LOCALE_NAMES[locale] }),
      });
      await checkPdf(review, (await answerPdf.getAttribute('href')) ?? '', `complaint-answer-${locale}`);

      // The status page changes: answered, with the reasons; the survey opens from it.
      await page.getByRole('button', { name: t('complaints.public.submit'), exact: true }).click();
      await expect
        .poll(() => page.locator('.complaint-status__state').textContent())
        .toContain(t('complaints.status.answered'));
      expect(await page.locator('.complaint-status__result').textContent()).toContain(reasons);
      await shot(page, `complaint-status-answered-${locale}-1024`);
      await page.getByRole('link', { name: t('complaints.survey.link') }).click();
      await page.waitForURL(`**/survey?complaint=${number}`);
      await expect.poll(() => heading(page)).toBe(t('survey.title'));
      expect(
        await page
          .locator('fieldset[data-indicator]')
          .evaluateAll((f) => f.map((x) => x.getAttribute('data-indicator'))),
      ).toEqual(['4.3', '4.4', '5.1']);
      await page.getByLabel(t('survey.iin'), { exact: true }).fill(IIN);
      await page.getByRole('button', { name: t('survey.submit'), exact: true }).click();
      await expect
        .poll(() => page.locator('fieldset[data-indicator="4.3"] .field__error').textContent())
        .toBe(translateError(locale, 'SURVEY.MISSING_ANSWER'));
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, `survey-error-${locale}-1024`);
      // kk rates well; ru rates the politeness low, which opens a follow-up for the district akim.
      const scores = locale === 'kk' ? { '4.3': 5, '4.4': 4, '5.1': 5 } : { '4.3': 4, '4.4': 3, '5.1': 1 };
      for (const [q, s] of Object.entries(scores)) {
        await page
          .locator(`fieldset[data-indicator="${q}"]`)
          .getByLabel(t(`survey.score.${s}` as never))
          .check();
      }
      await page.getByRole('button', { name: t('survey.submit'), exact: true }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toBe(t('survey.thanks'));
      await shot(page, `survey-thanks-${locale}-1024`);
      // A second answer for the same complaint: refused, translated.
      await page.goto(`/survey?complaint=${number}`);
      await page.getByLabel(t('survey.iin'), { exact: true }).fill(IIN);
      for (const q of ['4.3', '4.4', '5.1']) {
        await page.locator(`fieldset[data-indicator="${q}"]`).getByLabel(t('survey.score.4')).check();
      }
      await page.getByRole('button', { name: t('survey.submit'), exact: true }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe(translateError(locale, 'SURVEY.ALREADY_ANSWERED'));
      await shot(page, `survey-twice-${locale}-1024`);
      await anonymous.close();

      if (locale === 'ru') {
        await review.goto('/followups');
        await expect.poll(() => heading(review)).toBe(t('section.followups.title'));
        await expect.poll(() => review.locator('tbody tr').count()).toBe(1);
        expect(await review.locator('tbody').textContent()).toContain(`5.1 ${t('survey.indicator.5.1')}`);
        expect(await review.locator('main').textContent()).not.toContain(IIN);
        expect(await seriousViolations(review)).toEqual([]);
        await shot(review, `followups-${locale}-1024`);
      }
      await akim.close();
    },
    300_000,
  );

  it.each([
    ['ru', DESKTOP],
    ['kk', PHONE],
  ] as const)(
    'the akimat officer registers a paper complaint at the counter (%s)',
    async (locale, viewport) => {
      const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
        translate(locale, key, params);
      const context = await newContext(viewport);
      const page = await context.newPage();
      await signIn(page, locale, 'akimat');
      await page.goto('/complaints/intake');
      await expect.poll(() => heading(page)).toBe(t('section.complaint-intake.title'));
      // The officer's own akimat is the office complained about unless another is chosen.
      await expect
        .poll(() => page.locator('#cf-officeId').inputValue())
        .toBe(`akimat-${DEMO_TERRITORY.akimatKato}`);
      await page.getByLabel(t('complaints.kind.service')).check();
      await page.locator('#cf-complainant-iin').fill('850712400407');
      await page.locator('#cf-complainant-name').fill('Жанар Әлиева');
      await page
        .locator('#cf-text')
        .fill(
          locale === 'kk'
            ? 'Кезекте бір сағат күттім, маман сыпайы болмады.'
            : 'Ждала в очереди час, специалист был груб.',
        );
      await page.getByRole('button', { name: t('complaints.form.submitOffice'), exact: true }).click();
      await expect
        .poll(() => page.locator('#cf-complainant-iin-error').textContent())
        .toBe(translateError(locale, 'IIN.BAD_CHECK_DIGIT'));
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, `complaint-intake-error-${locale}-${viewport.width}`);
      await noSidewaysScroll(page, viewport.width);
      await page.locator('#cf-complainant-iin').fill(OTHER_IIN);
      await page.getByRole('button', { name: t('complaints.form.submitOffice'), exact: true }).click();
      await page.waitForURL(/\/complaints\/[\w-]+\?filed=1$/);
      const talon = (await page.locator('.talon').textContent()) ?? '';
      expect(talon).toContain('Айгүл Сейітқызы');
      expect(talon).toContain(t('complaints.level.akimat'));
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, `complaint-intake-talon-${locale}-${viewport.width}`);
      await noSidewaysScroll(page, viewport.width);
      await context.close();
    },
    180_000,
  );

  it('no script error happened on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
