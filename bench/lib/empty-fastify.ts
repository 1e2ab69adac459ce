/** A bare Fastify listening on loopback with one empty route, `GET /empty` → `{}`: the HTTP ceiling. */
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';

export const EMPTY_PATH = '/empty';

export async function emptyFastify(): Promise<{ url: string; close(): Promise<void> }> {
  const app = Fastify({ logger: false });
  app.get(EMPTY_PATH, async () => ({}));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    close: () => app.close(),
  };
}
