/**
 * Issue 7: the review beyond a plain answer, in a real Chromium against a real server. The
 * rural akim (the akimat officer) forwards a complaint about improper service to the district akim — a forward
 * without a reason is refused next to its field — and loses its controls; an overdue complaint is escalated by
 * the deadline sweep and shows red, in words and a symbol, in the district akim's list, with the escalation in
 * its history; the counter survey tablet takes a visitor's answer and clears itself for the next one. In ru and
 * kk; axe-core finds no serious or critical WCAG 2.1 AA violation; screenshots go to test-artifacts/e2e/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TERRITORY } from '../../src/app/demo/demo-users';
import { isWorkingDay, toCivil } from '../../src/domain/calendar';
import { createHousehold } from '../../src/domain/household/versions';
import { addDays, type PlainDate } from '../../src/domain/shared/plain-date';
import { LOCALE_NAMES, type Locale, translate, translateError } from '../../src/i18n';
import { sweepComplaintDeadlines } from '../../src/app/complaints/sweep-complaint-deadlines';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { ensureWebBuild, seriousViolations, launchChromium } from '../support/e2e';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/e2e');
const DESKTOP = { width: 1024, height: 768 };
const IIN = DEMO_TERRITORY.citizenIin;
const TABLET = { width: 768, height: 1024 };

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `e2e: SKIPPED — no Chromium at ${CHROMIUM}. Install Debian's package (apt-get install -y chromium); CI always has it.`,
  );
}

/** Runs axe-core on the page as it is now; returns the serious and critical WCAG 2.1 A/AA violations. */

/**
 * The server's clock runs from 10:00 in Almaty on the next working day (set once the calendar is loaded): within
 * complaint hours whenever CI runs, and never behind the browser's own clock, which expires the session cookie.
 */
let startMs = Date.now();
let began = Date.now();
/** Moved forward by the test to make a complaint overdue. */
let aheadMs = 0;
const clock = { now: () => new Date(startMs + aheadMs + (Date.now() - began)) };

describe.skipIf(!hasChromium)('complaint review and the counter survey in Chromium (issue 7)', () => {
  let server: TestServer;
  let browser: Browser;
  let applicationId = '';
  let citizenApi: ApiClient;
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

  /** The citizen's household in the Kenes book and their online application (certificate issued). */
  async function seed(): Promise<void> {
    const deps = server.runtime.deps;
    const officer = await deps.uow.run((repos) => repos.users.findByUsername('akimat'));
    if (!officer) throw new Error('no demo akimat officer');
    const v1 = createHousehold(
      '00000000-0000-4000-8000-0000000000c2',
      {
        bookNumber: '3',
        accountNumber: '302',
        akimatKato: DEMO_TERRITORY.akimatKato,
        settlementKato: '113243100',
        address: 'Абай көшесі, 7',
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
            livestock: { cattle: 1, cows: 1, sheep: 3 },
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
    citizenApi = new ApiClient(server.url);
    expect((await citizenApi.login('citizen', server.demoPassword)).status).toBe(200);
    const applied = await citizenApi.request('POST', '/api/v1/online/applications', {});
    expect(applied.status, applied.text).toBe(201);
    applicationId = applied.json.application.id;
  }

  /** Complaints filed online over the API: the citizen's screens are the other e2e file's. */
  async function fileServiceComplaint(text: string): Promise<{ id: string; number: string; dueAt: string }> {
    const r = await citizenApi.request('POST', '/api/v1/complaints', {
      kind: 'service',
      applicationId,
      language: 'ru',
      text,
    });
    expect(r.status, r.text).toBe(201);
    expect(r.json.complaint.reviewer.level).toBe('akimat');
    return { id: r.json.complaint.id, number: r.json.complaint.number, dueAt: r.json.complaint.dueAt };
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

  it('the rural akim forwards a complaint; an overdue one escalates and shows red (ru)', async () => {
    const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
      translate('ru', key, params);
    const forwarded = await fileServiceComplaint('Специалист акимата не объяснил, как получить справку.');
    const overdue = await fileServiceComplaint('Меня заставили прийти три раза за одной справкой.');

    // The rural akim (the akimat officer) forwards the first to the district akim.
    const officer = await newContext(DESKTOP);
    let page = await officer.newPage();
    await signIn(page, 'ru', 'akimat');
    await page.goto('/complaints');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
    await page.getByRole('link', { name: forwarded.number }).click();
    await page.waitForURL(`**/complaints/${forwarded.id}`);
    await page.getByLabel(t('complaints.review.forwardTo')).selectOption('district');
    await page.getByRole('button', { name: t('complaints.review.submitForward'), exact: true }).click();
    const reason = page.getByLabel(t('complaints.review.reason'));
    await expect
      .poll(() => page.locator('.complaint-review__forward .field__error').textContent())
      .toBe(translateError('ru', 'COMPLAINT.REASON_REQUIRED'));
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'complaint-forward-error-ru-1024');
    await reason.fill('Жалоба на действия специалиста по результату — к акиму района.');
    await page.getByRole('button', { name: t('complaints.review.submitForward'), exact: true }).click();
    await expect
      .poll(() => page.locator('[data-status]').first().textContent())
      .toBe(t('complaints.status.forwarded'));
    expect(await page.locator('.complaint-facts').textContent()).toContain(t('complaints.level.district'));
    // No longer the addressee: no review controls.
    expect(await page.locator('.complaint-review').count()).toBe(0);
    await shot(page, 'complaint-forwarded-ru-1024');
    await officer.close();

    // An hour past the deadline both are overdue: the sweep escalates the forwarded one from the district akim to
    // the oblast akim, and the other from the rural akim to the district akim.
    aheadMs = new Date(overdue.dueAt).getTime() - clock.now().getTime() + 3600_000;
    const swept = await sweepComplaintDeadlines(server.runtime.deps, null);
    expect(swept.ok && swept.value.escalated).toBe(2);

    const akim = await newContext(DESKTOP);
    page = await akim.newPage();
    await signIn(page, 'ru', 'district');
    await page.goto('/complaints');
    const red = page.locator('tbody tr', { hasText: overdue.number });
    await expect.poll(() => red.count()).toBe(1);
    expect(await red.textContent()).toContain(t('complaints.flag.red'));
    expect(await red.locator('.flag--red').textContent()).toContain('■');
    expect(await red.textContent()).toContain(t('complaints.status.escalated'));
    expect(await page.locator('tbody tr', { hasText: forwarded.number }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'complaints-list-escalated-ru-1024');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      DESKTOP.width,
    );
    await red.getByRole('link', { name: overdue.number }).click();
    await page.waitForURL(`**/complaints/${overdue.id}`);
    expect(await page.locator('.complaint-facts').textContent()).toContain(t('complaints.field.escalatedAt'));
    expect(await page.locator('.complaint-history').textContent()).toContain(
      t('complaints.event.escalate', { level: t('complaints.level.district') }),
    );
    // The district akim now reviews it.
    expect(await page.getByRole('button', { name: t('complaints.review.take') }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'complaint-escalated-ru-1024');
    // … and answers it, after the deadline: answered late, in words and a symbol, never the plain "answered".
    await page.getByRole('button', { name: t('complaints.review.take'), exact: true }).click();
    await expect
      .poll(() => page.locator('[data-status]').first().textContent())
      .toBe(t('complaints.status.under_review'));
    await page.getByLabel(t('complaints.outcome.justified_satisfied'), { exact: true }).check();
    await page
      .getByLabel(t('complaints.review.text'))
      .fill('Жалоба обоснована: акимату поручено выдать справку в день обращения.');
    await page.getByRole('button', { name: t('complaints.review.submitAnswer'), exact: true }).click();
    await expect
      .poll(() => page.locator('.complaint-facts .flag').textContent())
      .toBe(`⚠ ${t('complaints.flag.late')}`);
    expect(await page.locator('.complaint-facts .flag--late').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'complaint-answered-late-ru-1024');
    await page.goto('/complaints');
    await page.getByLabel(t('complaints.list.openOnly')).uncheck();
    const late = page.locator('tbody tr', { hasText: overdue.number });
    await expect.poll(() => late.locator('.flag').textContent()).toBe(`⚠ ${t('complaints.flag.late')}`);
    expect(await late.locator('.flag--none').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'complaints-list-answered-late-ru-1024');
    await akim.close();

    // The public status page (number + IIN, no sign-in) says the same: answered late, not a plain "answered".
    const anonymous = await newContext(DESKTOP);
    page = await anonymous.newPage();
    await page.goto(`/complaints/status?number=${overdue.number}`);
    await chooseLocale(page, 'ru');
    await page.getByLabel(t('complaints.public.iin')).fill(IIN);
    await page.getByRole('button', { name: t('complaints.public.submit'), exact: true }).click();
    await expect
      .poll(() => page.locator('.complaint-status__state').textContent())
      .toBe(`⚠ ${t('complaints.flag.late')}`);
    expect(await page.locator('.complaint-status__state .flag--late').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'complaint-status-answered-late-ru-1024');
    await anonymous.close();

    // The forwarded one went on to the oblast akim, the last level; its history tells the whole way.
    const oblast = await newContext(DESKTOP);
    page = await oblast.newPage();
    await signIn(page, 'ru', 'oblast');
    await page.goto(`/complaints/${forwarded.id}`);
    await expect
      .poll(() => page.locator('.complaint-history').textContent())
      .toContain(t('complaints.event.forward', { level: t('complaints.level.district') }));
    expect(await page.locator('.complaint-history').textContent()).toContain(
      t('complaints.event.escalate', { level: t('complaints.level.oblast') }),
    );
    expect(await page.locator('.complaint-facts').textContent()).toContain(t('complaints.flag.red'));
    await shot(page, 'complaint-forwarded-escalated-ru-1024');
    await oblast.close();
    aheadMs = 0;
  }, 180_000);

  it('the counter tablet takes one visitor’s rating and clears itself for the next (kk)', async () => {
    const t = (key: Parameters<typeof translate>[1]) => translate('kk', key);
    // The applicant's own application page links the complaint form and the service survey.
    const own = await newContext(DESKTOP);
    const mine = await own.newPage();
    await signIn(mine, 'kk', 'citizen');
    await mine.goto(`/applications/${applicationId}`);
    await mine.getByRole('link', { name: t('complaints.survey.service') }).click();
    await mine.waitForURL(`**/survey?application=${applicationId}`);
    expect(await mine.getByLabel(t('survey.reference.application')).inputValue()).toBe(applicationId);
    await mine.goBack();
    await mine.getByRole('link', { name: t('complaints.list.new'), exact: true }).click();
    await mine.waitForURL(`**/complaints/new?application=${applicationId}`);
    await expect.poll(() => mine.locator('#cf-applicationId').inputValue()).toBe(applicationId);
    await own.close();

    const context = await newContext(TABLET);
    const page = await context.newPage();
    await page.goto(`/survey?mode=tablet&application=${applicationId}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(t('survey.title'));
    expect(
      await page
        .locator('fieldset[data-indicator]')
        .evaluateAll((f) => f.map((x) => x.getAttribute('data-indicator'))),
    ).toEqual(['2.1', '3.1', '5.1']);
    await page.getByLabel(t('survey.iin'), { exact: true }).fill(IIN);
    for (const q of ['2.1', '3.1', '5.1']) {
      await page.locator(`fieldset[data-indicator="${q}"]`).getByLabel(t('survey.score.5')).check();
    }
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'survey-tablet-kk-768');
    await page.getByRole('button', { name: t('survey.submit'), exact: true }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe(t('survey.thanks'));
    await page.getByRole('button', { name: t('survey.next'), exact: true }).click();
    await expect.poll(() => page.getByLabel(t('survey.iin'), { exact: true }).inputValue()).toBe('');
    expect(await page.locator('input[type=radio]:checked').count()).toBe(0);
    await context.close();
  }, 120_000);

  it('no script error happened on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
