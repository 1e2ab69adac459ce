/** The household book API (issue 4): search, read with history, create/edit/close/reopen, PSF lookup, species. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeHousehold } from '../../../app/households/change-household';
import { getHousehold } from '../../../app/households/get-household';
import { lookupForOfficer } from '../../../app/households/find-psf-record';
import { searchHouseholds } from '../../../app/households/search-households';
import { civilToday } from '../../../app/households/access';
import type { Deps } from '../../../app/ports';
import { parseIin } from '../../../domain/iin/iin';
import type { PlainDate } from '../../../domain/shared/plain-date';
import type { Result } from '../../../domain/shared/result';
import { ErrorResponse } from '../common.schemas';
import { sendError } from '../errors';
import { getUser, requireUser } from '../session';
import {
  ChangeResultSchema,
  HouseholdSchema,
  HouseholdSummarySchema,
  HouseholdViewSchema,
  PlainDateString,
  Reason,
} from './households.schemas';

const IdParams = z.object({ id: z.string().uuid() });
const errors = {
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

function send<T>(reply: FastifyReply, result: Result<T>, status = 200) {
  if (!result.ok) return sendError(reply, result.error);
  return reply.code(status).send(result.value);
}

export async function householdsRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = opts;
  const tags = ['household book'];

  r.get(
    '/api/v1/species',
    {
      schema: {
        tags,
        summary: 'Livestock and poultry species of the household book, with kk/ru names',
        response: {
          200: z.object({
            species: z.array(
              z.object({
                code: z.string(),
                kk: z.string(),
                ru: z.string(),
                parent: z.string().nullable(),
                unit: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ species: deps.species.list.map((s) => ({ ...s })) }),
  );

  r.get(
    '/api/v1/households',
    {
      schema: {
        tags,
        summary: "Find households in one's own territory by IIN, name (typo-tolerant) or address",
        querystring: z.object({
          q: z.string().max(200).default(''),
          akimat: z
            .string()
            .regex(/^\d{9}$/)
            .optional(),
          status: z.enum(['open', 'closed']).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).max(10_000).default(0),
        }),
        response: { 200: z.object({ households: z.array(HouseholdSummarySchema) }), ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) => {
      const q = request.query;
      const result = await searchHouseholds(
        deps,
        getUser(request),
        { q: q.q, akimatKato: q.akimat, status: q.status, limit: q.limit, offset: q.offset },
        request.ip,
      );
      if (!result.ok) return sendError(reply, result.error);
      return { households: result.value.map((h) => ({ ...h })) };
    },
  );

  r.get(
    '/api/v1/households/lookup',
    {
      schema: {
        tags,
        summary: 'The PSF record of an IIN as of a date (R-5), or why there is none (refusal ground 2, R-6)',
        querystring: z.object({ iin: z.string().max(32), asOf: PlainDateString.optional() }),
        response: { 200: z.object({ result: z.unknown() }), ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) => {
      const user = getUser(request);
      const iin = parseIin(request.query.iin);
      if (!iin.ok) return sendError(reply, iin.error);
      const asOf = (request.query.asOf ?? civilToday(deps)) as PlainDate;
      const result = await lookupForOfficer(deps, user, request.query.iin, asOf, request.ip);
      if (!result.ok) return sendError(reply, result.error);
      return { result: result.value };
    },
  );

  r.get(
    '/api/v1/households/:id',
    {
      schema: {
        tags,
        summary: 'A household as of a date (default today) with the list of all its versions',
        params: IdParams,
        querystring: z.object({ asOf: PlainDateString.optional() }),
        response: { 200: HouseholdViewSchema, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(
        reply,
        await getHousehold(
          deps,
          getUser(request),
          request.params.id,
          request.query.asOf as PlainDate | undefined,
          request.ip,
        ),
      ),
  );

  r.post(
    '/api/v1/households',
    {
      schema: {
        tags,
        summary: "Add a household to the akimat's book",
        body: z.object({ household: HouseholdSchema, reason: Reason }),
        response: { 201: ChangeResultSchema, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(
        reply,
        await changeHousehold(
          deps,
          getUser(request),
          { kind: 'create', household: request.body.household, reason: request.body.reason },
          request.ip,
        ),
        201,
      ),
  );

  r.put(
    '/api/v1/households/:id',
    {
      schema: {
        tags,
        summary: 'Save a new version of a household (optimistic: expectedVersion must be the current one)',
        params: IdParams,
        body: z.object({
          expectedVersion: z.number().int().min(1),
          household: HouseholdSchema,
          reason: Reason,
        }),
        response: { 200: ChangeResultSchema, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(
        reply,
        await changeHousehold(
          deps,
          getUser(request),
          {
            kind: 'edit',
            householdId: request.params.id,
            expectedVersion: request.body.expectedVersion,
            household: request.body.household,
            reason: request.body.reason,
          },
          request.ip,
        ),
      ),
  );

  r.post(
    '/api/v1/households/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a household (no longer a PSF); its history stays',
        params: IdParams,
        body: z.object({
          expectedVersion: z.number().int().min(1),
          closedOn: PlainDateString,
          reason: Reason,
        }),
        response: { 200: ChangeResultSchema, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(
        reply,
        await changeHousehold(
          deps,
          getUser(request),
          {
            kind: 'close',
            householdId: request.params.id,
            expectedVersion: request.body.expectedVersion,
            closedOn: request.body.closedOn as PlainDate,
            reason: request.body.reason,
          },
          request.ip,
        ),
      ),
  );

  r.post(
    '/api/v1/households/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a closed household',
        params: IdParams,
        body: z.object({ expectedVersion: z.number().int().min(1), reason: Reason }),
        response: { 200: ChangeResultSchema, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(
        reply,
        await changeHousehold(
          deps,
          getUser(request),
          {
            kind: 'reopen',
            householdId: request.params.id,
            expectedVersion: request.body.expectedVersion,
            reason: request.body.reason,
          },
          request.ip,
        ),
      ),
  );
}
