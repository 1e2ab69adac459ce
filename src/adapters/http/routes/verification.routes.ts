/**
 * public certificate verification — by the scanned QR text, or by number + IIN. No sign-in; a strict
 * per-address rate limit shared by both routes (issue 5: 100 requests a second from one address → 429 with
 * Retry-After). The answer never holds a full IIN.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../app/ports';
import { verifyByNumber } from '../../../app/verification/verify-by-number';
import { verifyQr } from '../../../app/verification/verify-qr';
import type { Verifier } from '../../../app/verification/verification-result';
import { ErrorResponse } from '../common.schemas';
import { sendError } from '../errors';

/** Per address, both routes together. A person checks a certificate or two; a bank checks offline (docs). */
export const VERIFY_RATE_LIMIT = { max: 20, timeWindow: 10_000, groupId: 'verify' } as const;

const Localized = z.object({ kk: z.string(), ru: z.string() });

export const VerifiedCertificate = z.object({
  number: z.string(),
  kind: z.enum(['certificate', 'refusal']),
  issuedOn: z.string().describe('YYYY-MM-DD, Asia/Almaty'),
  issuer: z.string().describe("the akimat's KATO code (or a PSC's office id)"),
  issuerName: Localized.nullable(),
  initials: z.string(),
  iinMasked: z.string().describe('********0017: only the last four digits'),
  status: z.enum(['valid', 'revoked', 'superseded']),
  revoked: z.object({ on: z.string(), reason: z.string() }).nullable(),
  supersededBy: z.object({ number: z.string(), issuedOn: z.string() }).nullable(),
});

export const VerificationResponse = z.object({
  status: z.enum(['valid', 'revoked', 'superseded', 'invalid_signature', 'unknown']),
  certificate: VerifiedCertificate.nullable(),
});

export const VerifyQrRequest = z.object({
  text: z.string().max(4096).describe('the scanned QR text: the whole URL, or its Q1.… value'),
});

export const VerifyByNumberQuery = z.object({
  number: z.string().max(64).describe('113243-2026-000042'),
  iin: z.string().max(64).describe("the holder's IIN, 12 digits"),
});

const who = (request: FastifyRequest): Verifier => ({
  userId: request.user?.id ?? null,
  role: request.user?.role ?? null,
  ip: request.ip,
});

export async function verificationRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/verify/qr',
    {
      schema: {
        tags: ['verification'],
        summary:
          'Check a certificate by its scanned QR code (signature against every published key, then status)',
        body: VerifyQrRequest,
        response: { 200: VerificationResponse, 422: ErrorResponse, 429: ErrorResponse },
      },
      config: { rateLimit: VERIFY_RATE_LIMIT },
    },
    async (request, reply) => {
      const result = await verifyQr(deps, { text: request.body.text, who: who(request) });
      if (!result.ok) return sendError(reply, result.error);
      reply.header('cache-control', 'no-store');
      return result.value;
    },
  );

  r.get(
    '/api/v1/verify',
    {
      schema: {
        tags: ['verification'],
        summary: 'Check a certificate by its number and the holder’s IIN',
        querystring: VerifyByNumberQuery,
        response: { 200: VerificationResponse, 422: ErrorResponse, 429: ErrorResponse },
      },
      config: { rateLimit: VERIFY_RATE_LIMIT },
    },
    async (request, reply) => {
      const result = await verifyByNumber(deps, { ...request.query, who: who(request) });
      if (!result.ok) return sendError(reply, result.error);
      reply.header('cache-control', 'no-store');
      return result.value;
    },
  );
}
