import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseIin } from '../../../domain/iin/iin';
import { ErrorResponse } from '../common.schemas';
import { sendError } from '../errors';

export const IinCheckResponse = z.object({
  valid: z.literal(true),
  birthDate: z.string(),
  sex: z.enum(['male', 'female']),
});

/** check an IIN (format, check digit, birth date). Public: it reveals nothing that is not in the number. */
export async function iinRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/iin/:iin',
    {
      schema: {
        tags: ['reference'],
        summary: 'Check an IIN: 12 digits, check digit, a real birth date',
        params: z.object({ iin: z.string().max(64) }),
        response: { 200: IinCheckResponse, 422: ErrorResponse },
      },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const r = parseIin(request.params.iin);
      if (!r.ok) return sendError(reply, r.error);
      return { valid: true as const, birthDate: r.value.birthDate, sex: r.value.sex };
    },
  );
}
