import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

export async function healthRoutes(
  app: FastifyInstance,
  opts: { databaseKind: 'pglite' | 'postgres'; version: string },
) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and which database is in use',
        response: { 200: HealthResponse },
      },
    },
    async () => ({ status: 'ok' as const, database: opts.databaseKind, version: opts.version }),
  );
}
