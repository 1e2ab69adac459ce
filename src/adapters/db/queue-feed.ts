/**
 * The queue's live feed (issue 6 item 2) behind the `QueueFeed` port. On PostgreSQL every publish is a
 * NOTIFY on one channel and every instance LISTENs on a dedicated connection, so a board connected to any
 * instance sees a call made on any other. On PGlite (one process) an in-process set of listeners.
 */
import pg from 'pg';
import { sql } from 'kysely';
import type { QueueFeed, QueueFeedEvent } from '../../app/ports';
import type { Db } from './database';

export const QUEUE_CHANNEL = 'qosalqy_queue';

type Listener = (event: QueueFeedEvent) => void;

function dispatch(listeners: Set<Listener>, event: QueueFeedEvent) {
  for (const l of listeners) {
    try {
      l(event);
    } catch {
      // a broken subscriber (a closed socket) must not stop the others
    }
  }
}

export function inProcessQueueFeed(): QueueFeed {
  const listeners = new Set<Listener>();
  return {
    async publish(events) {
      for (const e of events) dispatch(listeners, e);
    },
    async subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}

function isFeedEvent(v: unknown): v is QueueFeedEvent {
  const e = v as QueueFeedEvent;
  return (
    typeof e === 'object' && e !== null && typeof e.officeId === 'string' && typeof e.number === 'string'
  );
}

export function postgresQueueFeed(db: Db, url: string): QueueFeed {
  const listeners = new Set<Listener>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;

  const connect = (): Promise<void> => {
    if (connecting) return connecting;
    connecting = (async () => {
      const c = new pg.Client({ connectionString: url, application_name: 'qosalqy-queue-feed' });
      c.on('notification', (msg) => {
        if (msg.channel !== QUEUE_CHANNEL || !msg.payload) return;
        try {
          const event: unknown = JSON.parse(msg.payload);
          if (isFeedEvent(event)) dispatch(listeners, event);
        } catch {
          // not ours
        }
      });
      const reconnect = () => {
        if (client === c) client = null;
        connecting = null;
        if (!closed && listeners.size > 0)
          setTimeout(() => void connect().catch(() => undefined), 1000).unref();
      };
      c.on('error', reconnect);
      c.on('end', reconnect);
      await c.connect();
      await c.query(`LISTEN ${QUEUE_CHANNEL}`);
      if (closed) {
        await c.end();
        return;
      }
      client = c;
    })().catch((e) => {
      connecting = null;
      throw e;
    });
    return connecting;
  };

  return {
    async publish(events) {
      for (const e of events) {
        await sql`select pg_notify(${QUEUE_CHANNEL}, ${JSON.stringify(e)})`.execute(db.kysely);
      }
    },
    async subscribe(listener) {
      listeners.add(listener);
      await connect();
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      listeners.clear();
      const c = client;
      client = null;
      if (c) await c.end().catch(() => undefined);
    },
  };
}

export function queueFeedFor(db: Db): QueueFeed {
  return db.kind === 'postgres' && db.url ? postgresQueueFeed(db, db.url) : inProcessQueueFeed();
}
