/**
 * The server's close waits for the route handlers still running. Node's `server.close()` waits for open
 * connections, but not for a handler whose client has already gone (a kiosk that timed out, a load generator
 * that stopped): such a handler ran on after the close and met a closed database ("driver has already been
 * destroyed" — a committed queue ticket whose board notice was never sent). Every handler that returns a promise
 * is counted; an `onClose` hook waits until none is left, at most `graceMs`. Handlers that answer through a
 * callback (static files) return nothing and are left exactly as they are.
 */
import type { FastifyInstance } from 'fastify';

export function drainHandlersOnClose(app: FastifyInstance, graceMs = 10_000): void {
  let running = 0;
  let drained: (() => void) | undefined;
  app.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = function countedHandler(this: FastifyInstance, request, reply) {
      const result: unknown = handler.call(this, request, reply);
      if (!(result instanceof Promise)) return result;
      running++;
      return result.finally(() => {
        running--;
        if (running === 0) drained?.();
      });
    };
  });
  app.addHook('onClose', async () => {
    if (running === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, graceMs);
      timer.unref();
      drained = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  });
}
