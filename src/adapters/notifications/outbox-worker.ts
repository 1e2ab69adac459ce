/**
 * the outbox worker. It claims due messages with a lease (status `sending`, `FOR UPDATE SKIP LOCKED`, so
 * several instances share the work), sends each through its channel's transport with a time limit, and records
 * the success or schedules a retry with backoff. A crash between sending and recording leaves the claim to expire:
 * the message is delivered again (at least once). A recorded success is final — `sent` rows are never claimed.
 */
import { type Kysely, sql } from 'kysely';
import { afterFailure } from '../../domain/notifications/notifications';
import type { Database } from '../db/schema';
import { logTransport, type OutgoingMessage, type Transport, type Transports } from './transports';

export interface OutboxWorkerOptions {
  readonly db: Kysely<Database>;
  readonly transports?: Transports;
  readonly now?: () => Date;
  /** How long a claim holds; must exceed `sendTimeoutMs`. */
  readonly leaseMs?: number;
  /** A transport that hangs longer than this is a failure (retried). */
  readonly sendTimeoutMs?: number;
  readonly batchSize?: number;
  readonly token?: () => string;
  readonly onError?: (id: string, error: string) => void;
}

export interface ClaimedMessage extends OutgoingMessage {
  readonly attempts: number;
  readonly claimToken: string;
}

export interface OutboxWorker {
  /** Claims up to `batchSize` due messages (pending and due, or sending with an expired lease). */
  claim(): Promise<ClaimedMessage[]>;
  /** Sends one claimed message and records the outcome. */
  deliver(message: ClaimedMessage): Promise<'sent' | 'retry' | 'dead' | 'lost_claim'>;
  /** One pass: claim, deliver each. Returns how many were sent. */
  runOnce(): Promise<{ sent: number; failed: number }>;
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`transport timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const db = options.db;
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? 120_000;
  const sendTimeoutMs = Math.min(options.sendTimeoutMs ?? 30_000, leaseMs - 1000);
  const batchSize = options.batchSize ?? 20;
  const fallback = logTransport();
  const transportFor = (channel: OutgoingMessage['channel']): Transport =>
    options.transports?.[channel] ?? options.transports?.log ?? fallback;
  const newToken = options.token ?? (() => Math.random().toString(36).slice(2) + Date.now().toString(36));
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  const worker: OutboxWorker = {
    async claim() {
      const at = now();
      const token = newToken();
      const leaseUntil = new Date(at.getTime() + leaseMs);
      const rows = await sql<{
        id: string;
        channel: OutgoingMessage['channel'];
        recipient: string;
        language: 'kk' | 'ru';
        subject: string;
        body: string;
        attempts: number;
      }>`
        update notification_outbox set status = 'sending', lease_until = ${leaseUntil}, claim_token = ${token},
          attempts = attempts + 1
        where id in (
          select id from notification_outbox
          where (status = 'pending' and next_attempt_at <= ${at}) or (status = 'sending' and lease_until <= ${at})
          order by next_attempt_at
          limit ${batchSize}
          for update skip locked)
        returning id, channel, recipient, language, subject, body, attempts`.execute(db);
      return rows.rows.map((r) => ({ ...r, attempts: Number(r.attempts), claimToken: token }));
    },

    async deliver(m) {
      try {
        await withTimeout(transportFor(m.channel).send(m), sendTimeoutMs);
      } catch (e) {
        const message = (e instanceof Error ? e.message : String(e)).slice(0, 500);
        options.onError?.(m.id, message);
        const next = afterFailure(m.attempts, now().getTime(), Number.parseInt(m.id.slice(0, 6), 16) || 0);
        const res = await db
          .updateTable('notification_outbox')
          .set({
            status: next.status,
            next_attempt_at: next.status === 'pending' ? new Date(next.nextAttemptMs) : now(),
            lease_until: null,
            last_error: message,
          })
          .where('id', '=', m.id)
          .where('claim_token', '=', m.claimToken)
          .where('status', '=', 'sending')
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) return 'lost_claim';
        return next.status === 'dead' ? 'dead' : 'retry';
      }
      const res = await db
        .updateTable('notification_outbox')
        .set({ status: 'sent', sent_at: now(), lease_until: null, last_error: null })
        .where('id', '=', m.id)
        .where('claim_token', '=', m.claimToken)
        .where('status', '=', 'sending')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1 ? 'sent' : 'lost_claim';
    },

    async runOnce() {
      let sent = 0;
      let failed = 0;
      for (const m of await worker.claim()) {
        const outcome = await worker.deliver(m);
        if (outcome === 'sent') sent++;
        else failed++;
      }
      return { sent, failed };
    },

    start(intervalMs) {
      if (timer) return;
      timer = setInterval(() => {
        running = running.then(() => worker.runOnce()).catch(() => undefined);
      }, intervalMs);
      timer.unref();
    },

    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
  return worker;
}
