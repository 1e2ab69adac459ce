/**
 * Who is calling: the session cookie → the user (app/auth/resolve-session), attached to the request for /api routes.
 * `requireUser` answers 401 for anonymous calls; territory checks happen in the use cases through the policy.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { resolveSession } from '../../app/auth/resolve-session';
import type { Deps, UserRecord } from '../../app/ports';
import { sendError } from './errors';

export const SESSION_COOKIE = 'qosalqy_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: UserRecord | null;
    sessionToken: string | null;
  }
}

export const sessionPlugin = fp(async (app: FastifyInstance, opts: { deps: Deps }) => {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const user = await resolveSession(opts.deps, token);
    if (user) {
      request.user = user;
      request.sessionToken = token;
    }
  });
});

export async function requireUser(request: FastifyRequest, reply: FastifyReply) {
  if (!request.user) {
    return sendError(reply, { code: 'AUTH.UNAUTHENTICATED', message: 'sign in first' });
  }
}

export function getUser(request: FastifyRequest): UserRecord {
  if (!request.user) throw new Error('route without requireUser');
  return request.user;
}
