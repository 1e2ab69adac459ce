import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { KeyRing } from '../../system/signing-keys';

export const PublishedKeys = z.object({
  keys: z.array(
    z.object({
      kid: z.string(),
      kty: z.literal('OKP'),
      crv: z.literal('Ed25519'),
      x: z.string(),
      use: z.literal('sig'),
      alg: z.literal('EdDSA'),
      created: z.string(),
      retired: z.string().nullable(),
    }),
  ),
});

/** the public keys that verify certificate QR codes offline, retired ones included (rotation). */
export async function keysRoutes(app: FastifyInstance, opts: { keyRing: KeyRing }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/.well-known/qosalqy/keys.json',
    {
      schema: {
        tags: ['verification'],
        summary: 'Ed25519 public keys (JWK) that verify certificate QR payloads; retired keys keep verifying',
        response: { 200: PublishedKeys },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return {
        keys: opts.keyRing
          .publicKeys()
          .map((k) => ({ ...k.jwk, created: k.createdAt, retired: k.retiredAt })),
      };
    },
  );
}
