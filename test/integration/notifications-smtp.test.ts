/**
 * e-mail over SMTP (nodemailer) to a real SMTP server on loopback, on both databases. A complaint filed
 * over HTTP puts its confirmation in the outbox; the worker delivers it in Kazakh with the right recipient and
 * subject. A server that rejects (554) or hangs (connects, never greets) costs a recorded, backed-off retry — the
 * message is not lost — and once the server is well again it is delivered exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transportsFor } from '../../src/adapters/notifications/background';
import { createSmtpTransport } from '../../src/adapters/notifications/smtp';
import { loadConfig } from '../../src/adapters/system/config';
import { createOutboxWorker, type OutboxWorker } from '../../src/adapters/notifications/outbox-worker';
import { DEMO_TERRITORY } from '../../src/app/demo/demo-users';
import { DATABASE_KINDS } from '../support/databases';
import { ApiClient } from '../support/http-client';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp-server';
import { startTestServer, type TestServer } from '../support/test-server';

const START = new Date('2026-11-25T10:00:00+05:00');
const clock = {
  t: START,
  now() {
    return new Date(this.t);
  },
  advance(ms: number) {
    this.t = new Date(this.t.getTime() + ms);
  },
};

describe.each(DATABASE_KINDS)('e-mail over SMTP on %s (R-24)', (database) => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let worker: OutboxWorker;

  beforeAll(async () => {
    // Each database starts at the same instant: the retries below move the clock on by a day and more.
    clock.t = START;
    server = await startTestServer({ database, clock });
    smtp = await startTestSmtpServer();
    worker = createOutboxWorker({
      db: server.runtime.db.kysely,
      transports: {
        email: createSmtpTransport({
          url: smtp.url,
          from: 'Qosalqy <no-reply@qosalqy.kz>',
          // Short, so the hung server costs the test a second, not the production 10 s.
          connectionTimeoutMs: 2_000,
          greetingTimeoutMs: 500,
          socketTimeoutMs: 2_000,
        }),
      },
      now: () => clock.now(),
    });
  }, 120_000);
  afterAll(async () => {
    await smtp?.close();
    await server?.close();
  });

  /** Files a complaint in Kazakh about the PSC's service; its confirmation e-mail waits in the outbox. */
  async function fileComplaint(email: string): Promise<{ number: string; outboxId: string }> {
    const citizen = new ApiClient(server.url);
    expect((await citizen.login('citizen', server.demoPassword)).status).toBe(200);
    const r = await citizen.request('POST', '/api/v1/complaints', {
      kind: 'service',
      officeId: DEMO_TERRITORY.pscOfficeId,
      language: 'kk',
      contactEmail: email,
      text: 'Кезекте екі сағат күттім, оператор түсіндірмеді.',
    });
    expect(r.status, r.text).toBe(201);
    const number: string = r.json.complaint.number;
    const row = await server.runtime.db.kysely
      .selectFrom('notification_outbox')
      .selectAll()
      .where('recipient', '=', email)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'email', language: 'kk', status: 'pending' });
    return { number, outboxId: row.id };
  }

  const row = (id: string) =>
    server.runtime.db.kysely
      .selectFrom('notification_outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const receivedFor = (email: string) =>
    smtp.received.filter((m) => m.to && 'text' in m.to && m.to.text === email);

  it('delivers "complaint registered" in Kazakh, UTF-8, to the complainant', async () => {
    smtp.mode = 'accept';
    const { number, outboxId } = await fileComplaint('aigerim@example.kz');
    // Wired as `qosalqy serve` wires it: from the environment through the configuration.
    const config = loadConfig({
      QOSALQY_SMTP_URL: smtp.url,
      QOSALQY_MAIL_FROM: 'Qosalqy <no-reply@qosalqy.kz>',
    });
    const logged: string[] = [];
    const wired = createOutboxWorker({
      db: server.runtime.db.kysely,
      transports: transportsFor(config.notifications, (l) => logged.push(l)),
      now: () => clock.now(),
    });
    expect(await wired.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(logged).toEqual([]); // sent by SMTP, not written to the log
    const [mail, ...more] = receivedFor('aigerim@example.kz');
    expect(more).toEqual([]);
    expect(mail!.from?.value).toEqual([{ address: 'no-reply@qosalqy.kz', name: 'Qosalqy' }]);
    expect(mail!.headers.get('content-type')).toMatchObject({ params: { charset: 'utf-8' } });
    expect(mail!.subject).toBe(`№ ${number} шағым тіркелді`);
    expect(mail!.text).toContain(`№ ${number} шағымыңыз тіркелді`);
    expect(mail!.text).toContain('Жауап мерзімі: 2026-12-02 20:00');
    expect(mail!.text).toContain(`/complaints/status?number=${number}`);
    expect(mail!.headers.get('content-language')).toBe('kk');
    expect(mail!.messageId).toBe(`<${outboxId}@qosalqy.kz>`);
    expect(await row(outboxId)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
  });

  it('a 554 rejection is recorded and retried with backoff, then delivered once', async () => {
    smtp.mode = 'reject';
    const { outboxId } = await fileComplaint('rejected@example.kz');
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
    expect(smtp.rejected).toBe(1);
    let r = await row(outboxId);
    expect(r).toMatchObject({ status: 'pending', attempts: 1 });
    expect(r.last_error).toContain('554');
    expect(new Date(r.next_attempt_at).getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(30_000);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 }); // not due yet: nothing hammers the server
    expect(smtp.rejected).toBe(1);
    smtp.mode = 'accept';
    clock.advance(60_000);
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
    clock.advance(24 * 3_600_000);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(receivedFor('rejected@example.kz')).toHaveLength(1);
    r = await row(outboxId);
    expect(r).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('a server that accepts the connection and never answers times out, is retried, and sends once', async () => {
    smtp.mode = 'hang';
    const { number, outboxId } = await fileComplaint('hung@example.kz');
    // The worker's own 30 s limit is not what ends this: nodemailer's greeting timeout closes the connection.
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
    expect(smtp.hung).toBe(1);
    let r = await row(outboxId);
    expect(r).toMatchObject({ status: 'pending', attempts: 1 });
    expect(r.last_error).toMatch(/greeting/i);
    // Still hung at the next attempt: a second retry, a longer wait.
    clock.advance(31 * 60_000);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
    r = await row(outboxId);
    expect(r).toMatchObject({ status: 'pending', attempts: 2 });
    expect(new Date(r.next_attempt_at).getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(60_000);
    smtp.mode = 'accept';
    clock.advance(31 * 60_000);
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
    for (let i = 0; i < 3; i++) {
      clock.advance(2 * 3_600_000);
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
    }
    const got = receivedFor('hung@example.kz');
    expect(got).toHaveLength(1);
    expect(got[0]!.subject).toBe(`№ ${number} шағым тіркелді`);
    expect(await row(outboxId)).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
  });
});
