/**
 * the outbox worker on both databases — retries with backoff, a hanging transport, and nothing lost when
 * the server dies between sending and recording: the claim expires and the message is delivered again; a
 * recorded success is never sent again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxWorker } from '../../src/adapters/notifications/outbox-worker';
import type { OutgoingMessage, Transport } from '../../src/adapters/notifications/transports';
import { outboxRepository } from '../../src/adapters/db/repositories/complaints.repository';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../support/databases';

function recording(): Transport & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return { sent, send: async (m) => void sent.push(m) };
}

describe.each(DATABASE_KINDS)('notification outbox on %s (R-24)', (database) => {
  let test: TestDatabase;
  let t = new Date('2026-11-25T10:00:00+05:00').getTime();
  const now = () => new Date(t);
  let n = 0;
  const enqueue = async (channel: 'email' | 'sms' = 'email') => {
    n++;
    const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    await outboxRepository(test.db.kysely).enqueue({
      id,
      channel,
      recipient: channel === 'email' ? `p${n}@example.kz` : '+77010000000',
      language: 'kk',
      template: 'complaint.registered',
      subject: 'Шағым тіркелді',
      body: `№ ${n}`,
      createdAt: now(),
    });
    return id;
  };
  const statusOf = async (id: string) =>
    test.db.kysely
      .selectFrom('notification_outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    test = await freshDatabase(database);
  }, 120_000);
  afterAll(async () => test?.drop());

  it('delivers through the channel’s transport and never twice after a recorded success', async () => {
    const id = await enqueue();
    const email = recording();
    const worker = createOutboxWorker({ db: test.db.kysely, transports: { email }, now });
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(email.sent.map((m) => m.id)).toEqual([id]);
    t += 10 * 60_000;
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect((await statusOf(id)).status).toBe('sent');
  });

  it('a crash after claiming, before recording, redelivers after the lease; then never again', async () => {
    const id = await enqueue();
    const first = recording();
    const crashed = createOutboxWorker({
      db: test.db.kysely,
      transports: { email: first },
      now,
      leaseMs: 60_000,
    });
    const claimed = await crashed.claim();
    expect(claimed.map((m) => m.id)).toEqual([id]);
    // "Crash": the transport may even have sent it, but the success was never recorded.
    await first.send(claimed[0]!);
    const restarted = recording();
    const worker = createOutboxWorker({
      db: test.db.kysely,
      transports: { email: restarted },
      now,
      leaseMs: 60_000,
    });
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 }); // the lease still holds
    t += 61_000;
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(restarted.sent.map((m) => m.id)).toEqual([id]); // same id: the transport's idempotency key
    // The crashed instance coming back cannot overwrite the recorded success.
    expect(await crashed.deliver(claimed[0]!)).toBe('lost_claim');
    t += 3_600_000;
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
    const row = await statusOf(id);
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(2);
  });

  it('a failing transport is retried with backoff and parked after the last attempt, never lost', async () => {
    const id = await enqueue('sms');
    let calls = 0;
    const failing: Transport = {
      async send() {
        calls++;
        throw new Error('gateway 503');
      },
    };
    const worker = createOutboxWorker({ db: test.db.kysely, transports: { sms: failing }, now });
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
    let row = await statusOf(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'gateway 503' });
    const firstDelay = new Date(row.next_attempt_at).getTime() - t;
    expect(firstDelay).toBeGreaterThanOrEqual(30_000);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 }); // not due yet
    for (let i = 0; i < 10; i++) {
      t += 2 * 3_600_000;
      await worker.runOnce();
    }
    row = await statusOf(id);
    expect(row.status).toBe('dead');
    expect(row.attempts).toBe(8);
    expect(calls).toBe(8);
  });

  it('a transport that hangs times out and is retried', async () => {
    const id = await enqueue();
    const hanging: Transport = { send: () => new Promise(() => {}) };
    const worker = createOutboxWorker({
      db: test.db.kysely,
      transports: { email: hanging },
      now,
      leaseMs: 5_000,
      sendTimeoutMs: 200,
    });
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
    const row = await statusOf(id);
    expect(row.status).toBe('pending');
    expect(row.last_error).toContain('timed out');
    t += 60_000;
    const ok = recording();
    const healed = createOutboxWorker({ db: test.db.kysely, transports: { email: ok }, now });
    expect(await healed.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(ok.sent[0]!.id).toBe(id);
  });
});
