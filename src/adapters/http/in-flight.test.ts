import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { drainHandlersOnClose } from './in-flight';

/** A server with one slow route whose end the test controls, and one answering through a callback. */
async function slowServer() {
  const app = Fastify();
  drainHandlersOnClose(app, 5_000);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started!: () => void;
  const entered = new Promise<void>((resolve) => {
    started = resolve;
  });
  const events: string[] = [];
  app.get('/slow', async () => {
    started();
    await gate;
    events.push('handler finished');
    return { ok: true };
  });
  app.get('/callback', (_request, reply) => {
    setTimeout(() => reply.send({ callback: true }), 10);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return { app, url, release, entered, events };
}

describe('drainHandlersOnClose (shutdown waits for running handlers)', () => {
  it('close() waits for a handler whose client has gone, then finishes', async () => {
    const s = await slowServer();
    const client = new AbortController();
    const request = fetch(`${s.url}/slow`, { signal: client.signal }).catch(() => 'aborted');
    await s.entered;
    client.abort();
    expect(await request).toBe('aborted');
    const closing = s.app.close().then(() => s.events.push('closed'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(s.events).toEqual([]);
    s.release();
    await closing;
    expect(s.events).toEqual(['handler finished', 'closed']);
  });

  it('leaves handlers that answer through a callback as they were', async () => {
    const s = await slowServer();
    const r = await fetch(`${s.url}/callback`);
    expect(await r.json()).toEqual({ callback: true });
    s.release();
    await s.app.close();
  });

  it('close() with nothing running does not wait', async () => {
    const s = await slowServer();
    s.release();
    const started = performance.now();
    await s.app.close();
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
