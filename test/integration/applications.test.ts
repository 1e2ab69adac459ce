import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/app/users/add-user';
import { DATABASE_KINDS } from '../support/databases';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';

// Issue 5 (R-2, R-5..R-7, R-11..R-13, R-22): the service in its three channels through the real HTTP API, on
// both databases, with every bad input the issue lists.

const KENES = '113243000';
const KARASAI = '113241000';
/** Members of a household in Kenes's book. */
const HEAD = { iin: '850315400025', surname: 'Ахметова', name: 'Гүлнар', patronymic: 'Серікқызы' };
const CHILD = { iin: '101231600049', surname: 'Ахметова', name: 'Дана' };
/** The demo citizen: in no book. */
const STRANGER = { iin: '900101300017', surname: 'Нұрланұлы', name: 'Асқар' };

const household = {
  bookNumber: '7',
  accountNumber: '701',
  akimatKato: KENES,
  settlementKato: '113243100',
  address: 'Домбыралы ауылы, Бейбітшілік көшесі, 3',
  status: 'open',
  members: [
    { ...HEAD, relation: 'head', joinedOn: '2010-04-01' },
    { ...CHILD, relation: 'child', joinedOn: '2010-12-31' },
  ],
  yearlyRecords: [
    {
      referenceYear: 2026,
      landPlots: [{ purpose: 'homestead', areaHa: 0.12 }],
      livestock: { cattle: 3, cows: 2, sheep: 10 },
      machinery: [],
    },
  ],
};

const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

async function pdfText(client: ApiClient, url: string): Promise<string> {
  const res = await fetch(client.baseUrl + url, { headers: { cookie: client.cookieHeader() } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/pdf');
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');
}

/** the document carries the link (and QR) to its application's survey; the text is squeezed of line breaks. */
function expectSurveyLink(text: string, applicationId: string) {
  expect(text.replace(/[\s\u200b]+/gu, '')).toContain(`/survey?application=${applicationId}`);
}

describe.each(DATABASE_KINDS)('applications on %s (issue 5)', (kind) => {
  let server: TestServer;
  let akimat: ApiClient;
  let akimat2: ApiClient;
  let karasai: ApiClient;
  let psc: ApiClient;
  let citizen: ApiClient;

  beforeAll(async () => {
    server = await startTestServer({ database: kind });
    const deps = server.runtime.deps;
    for (const u of [
      { username: 'akimat2', displayName: 'Бақыт Сапарова', territoryKato: KENES },
      { username: 'karasai', displayName: 'Жанар Әлиева', territoryKato: KARASAI },
    ]) {
      const made = await addUser(deps, { ...u, role: 'akimat_officer', password: server.demoPassword });
      expect(made.ok).toBe(true);
    }
    akimat = new ApiClient(server.url);
    akimat2 = new ApiClient(server.url);
    karasai = new ApiClient(server.url);
    psc = new ApiClient(server.url);
    citizen = new ApiClient(server.url);
    await akimat.login('akimat', server.demoPassword);
    await akimat2.login('akimat2', server.demoPassword);
    await karasai.login('karasai', server.demoPassword);
    await psc.login('psc', server.demoPassword);
    await citizen.login('citizen', server.demoPassword);
    const created = await akimat.request('POST', '/api/v1/households', { household, reason: 'book' });
    expect(created.status, created.text).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
  });

  describe('the akimat counter (same visit)', () => {
    it('issues a certificate for a member of its book, numbered per akimat and year, with a signed QR', async () => {
      const r = await akimat.request('POST', '/api/v1/akimat/applications', {
        applicant: HEAD,
        identityDocumentShown: true,
      });
      expect(r.status, r.text).toBe(201);
      expect(r.json.application).toMatchObject({
        channel: 'akimat',
        status: 'certificate_issued',
        outcome: 'certificate',
        akimatKato: KENES,
      });
      expect(r.json.document).toMatchObject({ kind: 'certificate', status: 'valid' });
      expect(r.json.document.number).toMatch(/^113243-\d{4}-\d{6}$/);
      expect(r.json.application.documentNumber).toBe(r.json.document.number);

      const detail = await akimat.request('GET', `/api/v1/applications/${r.json.application.id}`);
      expect(detail.status).toBe(200);
      expect(detail.json.events.map((e: { action: string }) => e.action)).toEqual([
        'receive',
        'issue_certificate',
      ]);
      expect(detail.json.documents).toHaveLength(1);
      const meta = await akimat.request('GET', `/api/v1/documents/${r.json.document.id}`);
      expect(meta.json.number).toBe(r.json.document.number);
    });

    it.skipIf(!hasPoppler)(
      'prints the certificate as a PDF in Kazakh and Russian (number, date, letters)',
      async () => {
        const r = await akimat.request('POST', '/api/v1/akimat/applications', {
          applicant: CHILD,
          identityDocumentShown: true,
        });
        expect(r.status, r.text).toBe(201);
        const number = r.json.document.number as string;
        const kk = await pdfText(akimat, `${r.json.document.pdfUrl}?lang=kk`);
        expect(kk).toContain('АНЫҚТАМА');
        expect(kk).toContain(number);
        expect(kk).toContain('Ахметова Дана');
        expect(kk).toContain('101231600049');
        expect(kk).toMatch(/\d{4} жылғы \d{1,2} [а-яәғқңөұүһі]+/u);
        expect(kk).toContain('Кенес ауылдық округі');
        expect(kk).toMatch(/[әғқңөұүһі]/u);
        expectSurveyLink(kk, r.json.application.id);
        expect(kk).toContain('Мемлекеттік қызметтің сапасын бағалаңыз');
        const ru = await pdfText(akimat, `${r.json.document.pdfUrl}?lang=ru`);
        expect(ru).toContain('СПРАВКА');
        expectSurveyLink(ru, r.json.application.id);
        expect(ru).toContain(number);
        expect(ru).toMatch(/\d{1,2} [а-я]+ \d{4} г\./u);
        mkdirSync('test-artifacts', { recursive: true });
        const res = await fetch(`${server.url}${r.json.document.pdfUrl}?lang=kk`, {
          headers: { cookie: akimat.cookieHeader() },
        });
        writeFileSync(`test-artifacts/certificate-${kind}.pdf`, Buffer.from(await res.arrayBuffer()));
      },
    );

    it('refuses an applicant in no book on ground 2, as a numbered document', async () => {
      const r = await akimat.request('POST', '/api/v1/akimat/applications', {
        applicant: STRANGER,
        identityDocumentShown: true,
      });
      expect(r.status, r.text).toBe(201);
      expect(r.json.application).toMatchObject({
        status: 'refused',
        outcome: 'refusal',
        refusalGround: 'no_psf_record',
      });
      expect(r.json.document).toMatchObject({ kind: 'refusal' });
      expect(r.json.document.number).toMatch(/^113243-\d{4}-R\d{6}$/);
      if (hasPoppler) {
        const text = await pdfText(akimat, `${r.json.document.pdfUrl}?lang=ru`);
        expect(text).toContain('МОТИВИРОВАННЫЙ ОТКАЗ');
        expect(text).toMatch(/[Пп]одпункт 2\) пункта 16/);
        expect(text).toContain('суд');
        expectSurveyLink(text, r.json.application.id);
      }
    });

    it('refuses on ground 1 when the identity card is not shown', async () => {
      const r = await akimat.request('POST', '/api/v1/akimat/applications', {
        applicant: HEAD,
        identityDocumentShown: false,
      });
      expect(r.status, r.text).toBe(201);
      expect(r.json.application).toMatchObject({ status: 'refused', refusalGround: 'incomplete_documents' });
    });

    it('refuses an IIN with a bad check digit (422) and writes nothing', async () => {
      const before = await akimat.request('GET', '/api/v1/applications');
      const r = await akimat.request('POST', '/api/v1/akimat/applications', {
        applicant: { ...HEAD, iin: '850315400024' },
        identityDocumentShown: true,
      });
      expect(r.status).toBe(422);
      expect(r.json.error.code).toBe('IIN.BAD_CHECK_DIGIT');
      const after = await akimat.request('GET', '/api/v1/applications');
      expect(after.json.total).toBe(before.json.total);
    });

    it('serves only akimat officers (403) and reads the book of the officer’s own akimat only', async () => {
      const r = await psc.request('POST', '/api/v1/akimat/applications', {
        applicant: HEAD,
        identityDocumentShown: true,
      });
      expect(r.status).toBe(403);
      // Karasai's book has no record of Kenes's household: ground 2, issued and numbered by Karasai.
      const other = await karasai.request('POST', '/api/v1/akimat/applications', {
        applicant: HEAD,
        identityDocumentShown: true,
      });
      expect(other.status, other.text).toBe(201);
      expect(other.json.application.refusalGround).toBe('no_psf_record');
      expect(other.json.document.number).toMatch(/^113241-\d{4}-R000001$/);
    });

    it('shows a document only to those who may read its application (403 to another akimat)', async () => {
      const r = await akimat.request('POST', '/api/v1/akimat/applications', {
        applicant: HEAD,
        identityDocumentShown: true,
      });
      const pdf = await karasai.request('GET', `${r.json.document.pdfUrl}?lang=kk`);
      expect(pdf.status).toBe(403);
      const app = await karasai.request('GET', `/api/v1/applications/${r.json.application.id}`);
      expect(app.status).toBe(403);
      const mine = await citizen.request('GET', `${r.json.document.pdfUrl}`);
      expect(mine.status).toBe(403);
      const missing = await akimat.request(
        'GET',
        '/api/v1/documents/00000000-0000-4000-8000-000000000000.pdf',
      );
      expect(missing.status).toBe(404);
    });

    it('numbers are unique and sequential per akimat and year under concurrent issuing', async () => {
      const count = kind === 'postgres' ? 20 : 8;
      const results = await Promise.all(
        Array.from({ length: count }, (_, i) =>
          (i % 2 === 0 ? akimat : akimat2).request('POST', '/api/v1/akimat/applications', {
            applicant: CHILD,
            identityDocumentShown: true,
          }),
        ),
      );
      for (const r of results) expect(r.status, r.text).toBe(201);
      const seqs = results
        .map((r) => Number((r.json.document.number as string).slice(-6)))
        .sort((a, b) => a - b);
      // Earlier tests issued 4 certificates in Kenes (2 above + HEAD twice); these follow without gaps.
      const first = seqs[0]!;
      expect(seqs).toEqual(Array.from({ length: count }, (_, i) => first + i));
      expect(new Set(seqs).size).toBe(count);
    });
  });

  describe('the PSC (intake → akimat decision → hand-over in person)', () => {
    const allDocs = { application: true, identity_copy: true, identity_original: true };
    let appId: string;

    it('accepts complete documents with a receipt stating the due date', async () => {
      // Bad input: a contact that is not an e-mail address — a coded 400, nothing received.
      const bad = await psc.request('POST', '/api/v1/psc/applications', {
        applicant: CHILD,
        documents: allDocs,
        notify: { email: 'not an address', language: 'kk' },
      });
      expect(bad.status).toBe(400);
      expect(bad.json.error.code).toBe('VALIDATION_FAILED');
      const r = await psc.request('POST', '/api/v1/psc/applications', {
        applicant: CHILD,
        documents: allDocs,
        // the applicant asks to be told when the result is ready, in Kazakh, by e-mail and SMS.
        notify: { email: 'dana@example.kz', phone: '+7 701 000 00 00', language: 'kk' },
      });
      expect(r.status, r.text).toBe(201);
      expect(r.json.application).toMatchObject({ channel: 'psc', status: 'accepted', pscOfficeId: 'psc-01' });
      expect(r.json.application.dueAt).toMatch(/T20:00:00\+05:00$/);
      expect(r.json.document).toMatchObject({ kind: 'receipt' });
      expect(r.json.document.number).toMatch(/^psc-01-\d{4}-P\d{6}$/);
      appId = r.json.application.id;
      if (hasPoppler) {
        const kk = await pdfText(psc, `${r.json.document.pdfUrl}?lang=kk`);
        expect(kk).toContain('ҚОЛХАТ');
        expect(kk).toContain(r.json.document.number);
        expect(kk).toContain('20:00');
        expectSurveyLink(kk, appId);
        const ru = await pdfText(psc, `${r.json.document.pdfUrl}?lang=ru`);
        expect(ru).toContain('РАСПИСКА');
        expect(ru).toContain('2 рабочих дня');
        expectSurveyLink(ru, appId);
      }
      const inProgress = await psc.request('GET', '/api/v1/applications?view=in_progress');
      expect(inProgress.json.applications.map((a: { id: string }) => a.id)).toContain(appId);
    });

    it('refuses at intake on ground 1 when the ID copy is missing, the refusal printed at once', async () => {
      const r = await psc.request('POST', '/api/v1/psc/applications', {
        applicant: HEAD,
        documents: { ...allDocs, identity_copy: false },
      });
      expect(r.status, r.text).toBe(201);
      expect(r.json.application).toMatchObject({
        status: 'refused_at_intake',
        refusalGround: 'incomplete_documents',
        dueAt: null,
      });
      expect(r.json.document.number).toMatch(/^psc-01-\d{4}-R\d{6}$/);
      if (hasPoppler) {
        const text = await pdfText(psc, `${r.json.document.pdfUrl}?lang=kk`);
        expect(text).toContain('БАС ТАРТУ ТУРАЛЫ ДӘЛЕЛДІ ЖАУАП');
        expect(text).toContain('Жеке куәліктің көшірмесі');
        expectSurveyLink(text, r.json.application.id);
      }
      const bad = await psc.request('POST', '/api/v1/psc/applications', {
        applicant: { ...CHILD, iin: '101231600048' },
        documents: allDocs,
      });
      expect(bad.status).toBe(422);
      expect(bad.json.error.code).toBe('IIN.BAD_CHECK_DIGIT');
    });

    it("sends it to the akimat that keeps the applicant's book; it shows in that akimat's inbox", async () => {
      const early = await akimat.request('POST', `/api/v1/applications/${appId}/decide`);
      expect(early.status).toBe(403); // not sent yet: no akimat holds it
      const r = await psc.request('POST', `/api/v1/applications/${appId}/send`, {});
      expect(r.status, r.text).toBe(200);
      expect(r.json.application).toMatchObject({ status: 'sent_to_akimat', akimatKato: KENES });
      const inbox = await akimat.request('GET', '/api/v1/applications?view=inbox');
      expect(inbox.status).toBe(200);
      const row = inbox.json.applications.find((a: { id: string }) => a.id === appId);
      expect(row).toMatchObject({
        status: 'sent_to_akimat',
        flag: 'ok',
        applicantIinMasked: expect.not.stringContaining('1231600'),
      });
      expect(row.dueAt).toBeTruthy();
      const theirs = await karasai.request('GET', '/api/v1/applications?view=inbox');
      expect(theirs.json.applications.map((a: { id: string }) => a.id)).not.toContain(appId);
    });

    it('an officer of another akimat may not decide it (403)', async () => {
      const r = await karasai.request('POST', `/api/v1/applications/${appId}/decide`);
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe('AUTH.FORBIDDEN');
    });

    it('two officers deciding at the same moment: exactly one succeeds, the other gets 409', async () => {
      const [a, b] = await Promise.all([
        akimat.request('POST', `/api/v1/applications/${appId}/decide`),
        akimat2.request('POST', `/api/v1/applications/${appId}/decide`),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses, `${a.text} ${b.text}`).toEqual([200, 409]);
      const winner = a.status === 200 ? a : b;
      const loser = a.status === 200 ? b : a;
      expect(loser.json.error.code).toBe('APPLICATION.ALREADY_DECIDED');
      expect(winner.json.application).toMatchObject({ status: 'decided', outcome: 'certificate' });
      expect(winner.json.document.kind).toBe('certificate');
      const again = await akimat.request('POST', `/api/v1/applications/${appId}/decide`);
      expect(again.status).toBe(409);
      expect(again.json.error.code).toBe('APPLICATION.ALREADY_DECIDED');
      const detail = await akimat.request('GET', `/api/v1/applications/${appId}`);
      expect(detail.json.documents.filter((d: { kind: string }) => d.kind === 'certificate')).toHaveLength(1);
    });

    it('returns the result to the PSC, which hands it only to the applicant in person', async () => {
      const readyNotices = () =>
        server.runtime.db.kysely
          .selectFrom('notification_outbox')
          .selectAll()
          .where('template', '=', 'application.result_ready')
          .execute();
      expect(await readyNotices()).toEqual([]); // decided at the akimat, not yet at the PSC
      const back = await akimat.request('POST', `/api/v1/applications/${appId}/return`);
      expect(back.status, back.text).toBe(200);
      expect(back.json.application.status).toBe('returned_to_psc');
      // "your result is ready" waits in the outbox, in the same transaction, in Kazakh, per contact.
      const notices = await readyNotices();
      expect(notices.map((m) => [m.channel, m.recipient]).sort()).toEqual([
        ['email', 'dana@example.kz'],
        ['sms', '+7 701 000 00 00'],
      ]);
      for (const m of notices) {
        expect(m).toMatchObject({
          language: 'kk',
          status: 'pending',
          subject: 'Өтінішіңіздің нәтижесі дайын',
        });
        expect(m.body).toContain('жеке куәлігіңізді көрсетіп алыңыз');
      }
      const ready = await psc.request('GET', '/api/v1/applications?view=ready');
      expect(ready.json.applications.map((a: { id: string }) => a.id)).toContain(appId);

      const stranger = await psc.request('POST', `/api/v1/applications/${appId}/hand-over`, {
        presentedIin: HEAD.iin,
      });
      expect(stranger.status).toBe(422);
      expect(stranger.json.error.code).toBe('APPLICATION.HANDOVER_WRONG_PERSON');
      expect(stranger.text).not.toContain(HEAD.iin);
      const badIin = await psc.request('POST', `/api/v1/applications/${appId}/hand-over`, {
        presentedIin: '101231600048',
      });
      expect(badIin.status).toBe(422);
      expect(badIin.json.error.code).toBe('IIN.BAD_CHECK_DIGIT');
      const done = await psc.request('POST', `/api/v1/applications/${appId}/hand-over`, {
        presentedIin: CHILD.iin,
      });
      expect(done.status, done.text).toBe(200);
      expect(done.json.application.status).toBe('handed_over');

      const detail = await psc.request('GET', `/api/v1/applications/${appId}`);
      expect(detail.status).toBe(200);
      const events = detail.json.events as { action: string; officeId: string | null; actorRole: string }[];
      expect(events.map((e) => e.action)).toEqual([
        'receive',
        'check_documents',
        'accept',
        'send_to_akimat',
        'decide',
        'return_to_psc',
        'hand_over',
      ]);
      expect(events.map((e) => e.officeId)).toEqual([
        'psc-01',
        'psc-01',
        'psc-01',
        'psc-01',
        KENES,
        KENES,
        'psc-01',
      ]);
    });

    it('an applicant in no book: the operator names the akimat, which refuses on ground 2', async () => {
      const r = await psc.request('POST', '/api/v1/psc/applications', {
        applicant: STRANGER,
        documents: allDocs,
      });
      const id = r.json.application.id;
      const unnamed = await psc.request('POST', `/api/v1/applications/${id}/send`, {});
      expect(unnamed.status).toBe(422);
      expect(unnamed.json.error.code).toBe('APPLICATION.AKIMAT_REQUIRED');
      const sent = await psc.request('POST', `/api/v1/applications/${id}/send`, { akimatKato: KENES });
      expect(sent.status, sent.text).toBe(200);
      const decided = await akimat.request('POST', `/api/v1/applications/${id}/decide`);
      expect(decided.status, decided.text).toBe(200);
      expect(decided.json.application).toMatchObject({ status: 'decided', refusalGround: 'no_psf_record' });
      expect(decided.json.document.number).toMatch(/^113243-\d{4}-R\d{6}$/);
    });

    it('flags an overdue PSC application red in the akimat inbox', async () => {
      const deps = server.runtime.deps;
      const { receiveApplication, applyAction } = await import('../../src/domain/applications');
      const calendar = await deps.calendar.current();
      const psCUser = await deps.uow.run((repos) => repos.users.findByUsername('psc'));
      const actor = { userId: psCUser!.id, role: 'psc_operator' as const, kato: null, officeId: 'psc-01' };
      const at = Date.now() - 10 * 24 * 3600 * 1000;
      const ctx = { at, actor, calendar };
      const id = '00000000-0000-4000-8000-0000000000aa';
      const r = receiveApplication({ channel: 'psc', id, applicant: HEAD, pscOfficeId: 'psc-01' }, ctx);
      if (!r.ok) throw new Error(r.error.code);
      const c = applyAction(r.value.application, { type: 'check_documents', documents: allDocs }, ctx);
      if (!c.ok) throw new Error(c.error.code);
      const a = applyAction(c.value.application, { type: 'accept' }, ctx);
      if (!a.ok) throw new Error(a.error.code);
      const s = applyAction(a.value.application, { type: 'send_to_akimat', akimatKato: KENES }, ctx);
      if (!s.ok) throw new Error(s.error.code);
      await deps.uow.run((repos) =>
        repos.applications.insert(s.value.application, [
          r.value.event,
          c.value.event,
          a.value.event,
          s.value.event,
        ]),
      );
      const inbox = await akimat.request('GET', '/api/v1/applications?view=inbox');
      const row = inbox.json.applications.find((x: { id: string }) => x.id === id);
      expect(row).toMatchObject({ flag: 'red' });
      // Due first: the overdue one leads the list.
      expect(inbox.json.applications[0].id).toBe(id);
    });
  });

  describe('online (R-22), correction and revocation', () => {
    it('a citizen in no book gets the reasoned refusal at once, electronically', async () => {
      const r = await citizen.request('POST', '/api/v1/online/applications', {});
      expect(r.status, r.text).toBe(201);
      expect(r.json.application).toMatchObject({
        channel: 'online',
        status: 'refused',
        refusalGround: 'no_psf_record',
        applicantName: 'Нұрланұлы Асқар',
      });
      expect(r.json.document.number).toMatch(/^online-\d{4}-R000001$/);
      const pdf = await citizen.request('GET', `${r.json.document.pdfUrl}?lang=ru`);
      expect(pdf.status).toBe(200);
      const others = await citizen.request('GET', '/api/v1/applications');
      expect(
        others.json.applications.every((a: { applicantIinMasked: string }) =>
          a.applicantIinMasked.endsWith('0017'),
        ),
      ).toBe(true);
    });

    it('once the book holds the citizen, the electronic certificate is issued at once, numbered by that akimat', async () => {
      const added = await akimat.request('POST', '/api/v1/households', {
        household: {
          ...household,
          accountNumber: '702',
          address: 'Кенес ауылы, Абай көшесі, 12',
          members: [{ ...STRANGER, relation: 'head', joinedOn: '2015-06-01' }],
          yearlyRecords: [
            {
              referenceYear: 2026,
              landPlots: [],
              livestock: { horses: 4, poultry: 25, chickens: 25 },
              machinery: [],
            },
          ],
        },
        reason: 'new account',
      });
      expect(added.status, added.text).toBe(201);
      const r = await citizen.request('POST', '/api/v1/online/applications', {});
      expect(r.status, r.text).toBe(201);
      expect(r.json.application).toMatchObject({ status: 'certificate_issued', akimatKato: KENES });
      expect(r.json.document.number).toMatch(/^113243-\d{4}-\d{6}$/);
      if (hasPoppler) {
        const text = await pdfText(citizen, `${r.json.document.pdfUrl}?lang=kk`);
        expect(text).toContain('электрондық түрде');
        expect(text).toContain('Кенес ауылы, Абай көшесі, 12');
      }
      // The akimat whose book it is sees the online application too.
      const seen = await akimat.request('GET', `/api/v1/applications/${r.json.application.id}`);
      expect(seen.status).toBe(200);
    });

    it('a correction issues a new certificate that supersedes the old one; a revocation records its reason', async () => {
      const first = await akimat.request('POST', '/api/v1/akimat/applications', {
        applicant: HEAD,
        identityDocumentShown: true,
      });
      const oldId = first.json.document.id as string;
      const oldNumber = first.json.document.number as string;

      const foreign = await karasai.request('POST', `/api/v1/documents/${oldId}/correct`, { reason: 'typo' });
      expect(foreign.status).toBe(403);
      const noReason = await akimat.request('POST', `/api/v1/documents/${oldId}/correct`, { reason: '' });
      expect(noReason.status).toBe(400);

      const fixed = await akimat.request('POST', `/api/v1/documents/${oldId}/correct`, {
        reason: 'livestock counts re-entered',
      });
      expect(fixed.status, fixed.text).toBe(201);
      expect(fixed.json.superseded).toMatchObject({ id: oldId, status: 'superseded' });
      const newNumber = fixed.json.document.number as string;
      expect(newNumber).not.toBe(oldNumber);
      expect(fixed.json.document.status).toBe('valid');
      const oldMeta = await akimat.request('GET', `/api/v1/documents/${oldId}`);
      expect(oldMeta.json).toMatchObject({ status: 'superseded', supersededBy: fixed.json.document.id });
      if (hasPoppler) {
        const text = await pdfText(akimat, `${fixed.json.document.pdfUrl}?lang=ru`);
        expect(text).toContain(`взамен справки № ${oldNumber}`);
        // The old document prints exactly as issued.
        const oldText = await pdfText(akimat, `/api/v1/documents/${oldId}.pdf?lang=ru`);
        expect(oldText).toContain(oldNumber);
        expect(oldText).not.toContain('взамен');
      }
      const again = await akimat.request('POST', `/api/v1/documents/${oldId}/correct`, { reason: 'again' });
      expect(again.status).toBe(409);
      expect(again.json.error.code).toBe('CERTIFICATE.ALREADY_SUPERSEDED');

      const anon = new ApiClient(server.url);
      const superseded = await anon.request('GET', `/api/v1/verify?number=${oldNumber}&iin=${HEAD.iin}`);
      expect(superseded.status, superseded.text).toBe(200);
      expect(superseded.json.status).toBe('superseded');

      const newId = fixed.json.document.id as string;
      const denied = await karasai.request('POST', `/api/v1/documents/${newId}/revoke`, { reason: 'x' });
      expect(denied.status).toBe(403);
      const revoked = await akimat.request('POST', `/api/v1/documents/${newId}/revoke`, {
        reason: 'the household was found to be registered in error',
      });
      expect(revoked.status, revoked.text).toBe(200);
      expect(revoked.json).toMatchObject({
        status: 'revoked',
        revokeReason: 'the household was found to be registered in error',
      });
      const twice = await akimat.request('POST', `/api/v1/documents/${newId}/revoke`, { reason: 'again' });
      expect(twice.status).toBe(409);
      expect(twice.json.error.code).toBe('CERTIFICATE.ALREADY_REVOKED');
      const check = await anon.request('GET', `/api/v1/verify?number=${newNumber}&iin=${HEAD.iin}`);
      expect(check.status, check.text).toBe(200);
      expect(check.json.status).toBe('revoked');
    });
  });
});
