import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../app/ports';
import { KATO_KINDS, type KatoNode } from '../../../domain/territory/kato-node';
import { ErrorResponse } from '../common.schemas';
import { sendError } from '../errors';

export const TerritoryNodeSchema = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  level: z.number(),
  kind: z.enum(KATO_KINDS),
  name: z.object({ kk: z.string(), ru: z.string() }),
  isServiceProvider: z.boolean(),
});
const view = (n: KatoNode) => ({
  code: n.code,
  parentCode: n.parentCode,
  level: n.level,
  kind: n.kind,
  name: { kk: n.names.kk ?? n.names.ru, ru: n.names.ru },
  isServiceProvider: n.isServiceProvider,
});

export const TerritoryQuery = z.object({
  q: z.string().max(100).optional(),
  within: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  providersOnly: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export async function territoryRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = opts;

  r.get(
    '/api/v1/territory',
    {
      schema: {
        tags: ['reference'],
        summary: 'The oblasts, or a name search over the KATO tree (kk and ru, Kazakh letters folded)',
        querystring: TerritoryQuery,
        response: { 200: z.object({ nodes: z.array(TerritoryNodeSchema) }), 422: ErrorResponse },
      },
    },
    async (request) => {
      const index = await deps.territory.index();
      const { q, within, providersOnly, limit } = request.query;
      const nodes = q
        ? index.search(q, { limit, ...(within ? { within } : {}), providersOnly: providersOnly === 'true' })
        : within
          ? index.children(within)
          : index.roots();
      return { nodes: nodes.slice(0, q ? limit : 2000).map(view) };
    },
  );

  r.get(
    '/api/v1/territory/:code',
    {
      schema: {
        tags: ['reference'],
        summary: 'A KATO node with its ancestors and children',
        params: z.object({ code: z.string().regex(/^\d{9}$/) }),
        response: {
          200: z.object({
            node: TerritoryNodeSchema,
            ancestors: z.array(TerritoryNodeSchema),
            children: z.array(TerritoryNodeSchema),
          }),
          404: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const index = await deps.territory.index();
      const node = index.find(request.params.code);
      if (!node)
        return sendError(reply, { code: 'TERRITORY.NOT_FOUND', message: 'no KATO node with that code' });
      return {
        node: view(node),
        ancestors: index.ancestors(node.code).map(view),
        children: index.children(node.code).map(view),
      };
    },
  );
}
