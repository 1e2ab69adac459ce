/**
 * The HTTP adapter: Fastify with zod schemas, OpenAPI, security plugins, the error map, the API routes and
 * the built web UI. `buildServer` does not listen; the CLI and the tests do.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Deps } from '../../app/ports';
import type { DatabaseKind } from '../db/database';
import { ROOT_DIR } from '../system/paths';
import type { KeyRing } from '../system/signing-keys';
import { redactIins } from '../system/redact';
import { errorBody, sendError } from './errors';
import { BodyRefused, registerJsonBodyParser } from './json-body';
import { applicationsRoutes } from './routes/applications.routes';
import { indicatorsRoutes } from './routes/indicators.routes';
import { authRoutes } from './routes/auth.routes';
import { calendarRoutes } from './routes/calendar.routes';
import { complaintsRoutes } from './routes/complaints.routes';
import { drainHandlersOnClose } from './in-flight';
import { healthRoutes } from './routes/health.routes';
import { householdFilesRoutes } from './routes/household-files.routes';
import { householdsRoutes } from './routes/households.routes';
import { iinRoutes } from './routes/iin.routes';
import { keysRoutes } from './routes/keys.routes';
import { officesRoutes } from './routes/offices.routes';
import { queueRoutes } from './routes/queue.routes';
import { territoryRoutes } from './routes/territory.routes';
import { verificationRoutes } from './routes/verification.routes';
import { sessionPlugin } from './session';

export const WEB_DIST = path.join(ROOT_DIR, 'dist/web');
export const VERSION: string = JSON.parse(readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')).version;

export interface ServerOptions {
  readonly deps: Deps;
  readonly databaseKind: DatabaseKind;
  readonly publicBaseUrl: string;
  readonly logLevel?: string;
  readonly trustProxy?: boolean;
  /** A writable stream for logs (tests capture them to check that no IIN leaks). */
  readonly logStream?: NodeJS.WritableStream;
  /** Shared by all instances (server_secrets), so a token made by one instance verifies on another. */
  readonly csrfHmacKey: string;
  /** The signing keys, published at /.well-known/qosalqy/keys.json. */
  readonly keyRing?: KeyRing;
  /**
   * Told of every route as it is registered (issue 10: the access-matrix test collects them all, so a route
   * nobody classified fails it).
   */
  readonly onRoute?: (route: { readonly method: string | readonly string[]; readonly url: string }) => void;
  /** Extra route registrations (features add themselves here). */
  readonly routes?: ReadonlyArray<(app: FastifyInstance, deps: Deps) => Promise<void> | void>;
}

export type App = FastifyInstance;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const secure = options.publicBaseUrl.startsWith('https://');
  const app = Fastify({
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    logger: {
      level: options.logLevel ?? 'info',
      ...(options.logStream ? { stream: options.logStream } : {}),
      serializers: {
        req: (req) => ({ method: req.method, url: redactIins(req.url), ip: req.ip }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    },
    genReqId: () => Math.random().toString(36).slice(2, 12),
  }).withTypeProvider<ZodTypeProvider>();
  const onRoute = options.onRoute;
  if (onRoute) app.addHook('onRoute', (route) => onRoute({ method: route.method, url: route.url }));
  // Before any route: close() then waits for every handler still running, so the database closes after them.
  drainHandlersOnClose(app);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerJsonBodyParser(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
    strictTransportSecurity: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(csrf, {
    cookieKey: 'qosalqy_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
    // Bind the token to the session: a token from another session (or from before sign-in) is refused.
    getUserInfo: (req) => req.sessionToken ?? 'anonymous',
    csrfOpts: { hmacKey: options.csrfHmacKey },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      ...errorBody({
        code: 'RATE_LIMITED',
        message: 'too many requests; slow down',
        details: { retryAfterSeconds: Math.ceil(ctx.ttl / 1000) },
      }),
    }),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Qosalqy API',
        version: VERSION,
        description: 'Certificates of a personal subsidiary farm',
      },
      servers: [{ url: options.publicBaseUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'qosalqy_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(sessionPlugin, { deps: options.deps });

  // CSRF on every state-changing API call made with a session; sign-in itself has no session yet and is
  // guarded by SameSite=Strict cookies and the per-username throttle.
  app.addHook('onRequest', (request, reply, done) => {
    const changing = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
    const exempt = request.url.startsWith('/api/v1/auth/login') || !request.url.startsWith('/api/');
    if (changing && !exempt && request.user) {
      app.csrfProtection(request, reply, done);
      return;
    }
    done();
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof BodyRefused) return sendError(reply, error.refusal, 400);
    if (hasZodFastifySchemaValidationErrors(error)) {
      // Body problems are 400 (the request itself is malformed); query and path problems are 422.
      const where = (error as { validationContext?: string }).validationContext ?? 'body';
      const details = error.validation.map((v) => ({
        path: `${where}${v.instancePath.replace(/\//g, '.')}`,
        message: v.message,
      }));
      return sendError(
        reply,
        {
          code: 'VALIDATION_FAILED',
          message: 'the request does not match its schema',
          details: { fields: details },
        },
        where === 'body' ? 400 : 422,
      );
    }
    if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
      return sendError(reply, {
        code: 'AUTH.CSRF',
        message: 'missing or invalid CSRF token (header x-csrf-token)',
      });
    }
    if (error.statusCode === 429) {
      return reply.code(429).send(error);
    }
    const status = error.statusCode ?? 500;
    if (status === 413)
      return sendError(reply, { code: 'PAYLOAD_TOO_LARGE', message: 'the request body is too large' });
    if (status === 415)
      return sendError(reply, { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'unsupported content type' });
    if (status >= 400 && status < 500) {
      // Malformed JSON and other protocol-level mistakes of the client.
      return sendError(
        reply,
        {
          code: 'VALIDATION_FAILED',
          message: 'the request body is not valid JSON',
          details: { fields: [{ path: 'body', message: error.message }] },
        },
        400,
      );
    }
    request.log.error(
      { err: { type: error.name, message: redactIins(error.message), stack: error.stack } },
      'unhandled',
    );
    return sendError(reply, { code: 'INTERNAL', message: 'something went wrong on our side' }, 500);
  });

  await app.register(healthRoutes, { databaseKind: options.databaseKind, version: VERSION });
  await app.register(authRoutes, { deps: options.deps });
  await app.register(iinRoutes);
  await app.register(calendarRoutes, { deps: options.deps });
  await app.register(officesRoutes, { deps: options.deps });
  await app.register(territoryRoutes, { deps: options.deps });
  await app.register(householdsRoutes, { deps: options.deps });
  await app.register(householdFilesRoutes, { deps: options.deps });
  await app.register(complaintsRoutes, { deps: options.deps });
  await app.register(verificationRoutes, { deps: options.deps });
  await app.register(applicationsRoutes, { deps: options.deps });
  await app.register(queueRoutes, { deps: options.deps });
  await app.register(indicatorsRoutes, { deps: options.deps });
  if (options.keyRing) await app.register(keysRoutes, { keyRing: options.keyRing });
  for (const register of options.routes ?? []) await register(app, options.deps);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const hasWeb = existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      return sendError(reply, {
        code: 'NOT_FOUND',
        message: `no route ${request.method} ${redactIins(request.url.split('?')[0]!)}`,
      });
    }
    // The single-page app routes every other GET to its shell.
    return reply.type('text/html').sendFile('index.html');
  });

  return app;
}
