import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signIn } from '../../../app/auth/sign-in';
import { signOut } from '../../../app/auth/sign-out';
import { territoryNameOf } from '../../../app/auth/territory-name';
import { toUserView } from '../../../app/auth/user-view';
import type { Deps } from '../../../app/ports';
import { ROLES } from '../../../domain/access/roles';
import { ErrorResponse } from '../common.schemas';
import { sendError } from '../errors';
import { getUser, requireUser, SESSION_COOKIE } from '../session';

export const LoginRequest = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const UserView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(['kk', 'ru', 'en']),
  territory: z.object({
    kato: z.string().nullable(),
    officeId: z.string().nullable(),
    name: z.object({ kk: z.string(), ru: z.string() }).nullable(),
  }),
});

export const SessionResponse = z.object({ user: UserView, csrfToken: z.string() });

export async function authRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = opts;

  r.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie and returns the CSRF token for later writes',
        body: LoginRequest,
        response: { 200: SessionResponse, 401: ErrorResponse, 429: ErrorResponse },
      },
      // Per address, on top of the per-username throttle kept in the database.
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await signIn(deps, { ...request.body, ip: request.ip });
      if (!result.ok) {
        const retry = result.error.details?.retryAfterSeconds;
        if (typeof retry === 'number') reply.header('retry-after', String(retry));
        return sendError(reply, result.error);
      }
      const { token, expiresAt, user } = result.value;
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        expires: expiresAt,
      });
      return {
        user: toUserView(user, await territoryNameOf(deps, user)),
        csrfToken: reply.generateCsrf({ userInfo: token }),
      };
    },
  );

  r.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user and a fresh CSRF token',
        response: { 200: SessionResponse, 401: ErrorResponse },
      },
      preHandler: requireUser,
    },
    async (request, reply) => ({
      user: toUserView(getUser(request), await territoryNameOf(deps, getUser(request))),
      csrfToken: reply.generateCsrf({ userInfo: request.sessionToken ?? 'anonymous' }),
    }),
  );

  r.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: revokes the session',
        response: { 204: z.null().describe('signed out'), 401: ErrorResponse },
      },
      preHandler: requireUser,
    },
    async (request, reply) => {
      await signOut(deps, request.sessionToken!, getUser(request), request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
}
