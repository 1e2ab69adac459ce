/**
 * The walk-in queue's HTTP API (issue 6; ): the kiosk takes a ticket, the operator calls and
 * serves at a desk, the display board reads the queue and listens to a server-sent event stream, the director
 * reads live alerts and statistics. Access through the one policy (in the use cases).
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actOnTicket } from '../../../app/queue/act-on-ticket';
import { callNext } from '../../../app/queue/call-next';
import { closeOfficeQueue, closeQueues } from '../../../app/queue/close-queues';
import { openDesk } from '../../../app/queue/open-desk';
import { queueSummaries } from '../../../app/queue/queue-summary';
import { deskView, queueAlerts, queueBoard, queueStatisticsOf } from '../../../app/queue/queue-views';
import { takeTicket } from '../../../app/queue/take-ticket';
import type { Deps, QueueFeedEvent } from '../../../app/ports';
import { type PlainDate, parsePlainDate } from '../../../domain/shared/plain-date';
import { every } from '../../system/periodic';
import { ErrorResponse } from '../common.schemas';
import { sendError } from '../errors';
import { getUser, requireUser } from '../session';

const Localized = z.object({ kk: z.string(), ru: z.string() });
const OfficeParams = z.object({ officeId: z.string().min(1).max(64) });
const DeskParams = z.object({ deskId: z.string().uuid() });
const TicketParams = z.object({ ticketId: z.string().uuid() });
const STATUSES = ['issued', 'called', 'serving', 'done', 'no_show', 'transferred', 'office_closed'] as const;

export const IssuedTicketResponse = z.object({
  id: z.string(),
  number: z.string(),
  office: z.object({ id: z.string(), name: Localized }),
  issuedAt: z.string(),
  peopleAhead: z.number(),
  expectedWaitMinutes: z.number(),
});

export const TicketResponse = z.object({
  id: z.string(),
  officeId: z.string(),
  day: z.string(),
  number: z.string(),
  status: z.enum(STATUSES),
  issuedAt: z.string(),
  firstCalledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  deskNumber: z.number().nullable(),
  targetDeskNumber: z.number().nullable(),
  recalls: z.number(),
  waitMinutes: z.number().nullable(),
  serviceMinutes: z.number().nullable(),
  applicationId: z.string().nullable(),
});

export const BoardResponse = z.object({
  office: z.object({ id: z.string(), name: Localized, schedule: z.string() }),
  now: z.string(),
  open: z.boolean(),
  atDesks: z.array(
    z.object({
      number: z.string(),
      deskNumber: z.number().nullable(),
      status: z.string(),
      calledAt: z.string().nullable(),
    }),
  ),
  waiting: z.array(z.string()),
  waitingCount: z.number(),
  typicalWaitMinutes: z.number().nullable(),
  expectedWaitMinutes: z.number(),
});

export const DeskResponse = z.object({ id: z.string(), officeId: z.string(), number: z.number() });
export const OpenDeskRequest = z.object({ number: z.number().int().min(1).max(999) });

export const DeskViewResponse = z.object({
  desk: DeskResponse,
  office: z.object({ id: z.string(), name: Localized }),
  current: TicketResponse.extend({
    elapsedWaitMinutes: z.number(),
    elapsedServiceMinutes: z.number().nullable(),
  }).nullable(),
  waitingCount: z.number(),
  desks: z.array(z.object({ id: z.string(), number: z.number() })),
  finished: z.array(TicketResponse),
});

export const TicketActionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.enum(['recall', 'start', 'no_show']), deskId: z.string().uuid() }),
  z.object({
    action: z.literal('finish'),
    deskId: z.string().uuid(),
    applicationId: z.string().uuid().nullish(),
  }),
  z.object({ action: z.literal('transfer'), deskId: z.string().uuid(), toDeskId: z.string().uuid() }),
]);

export const AlertsResponse = z.object({
  alerts: z.array(
    z.object({
      kind: z.enum(['long_wait', 'long_service']),
      ticketId: z.string(),
      number: z.string(),
      officeId: z.string(),
      deskId: z.string().nullable(),
      deskNumber: z.number().nullable(),
      minutes: z.number(),
      limitBroken: z.boolean(),
    }),
  ),
});

const Distribution = z.object({
  count: z.number(),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
  max: z.number().nullable(),
});
export const StatisticsQuery = z.object({
  period: z.enum(['day', 'month']).default('day'),
  date: z
    .string()
    .refine((s) => parsePlainDate(s).ok, 'expected an existing day as YYYY-MM-DD')
    .transform((s) => s as PlainDate),
  by: z.enum(['office', 'desk']).default('office'),
});
export const StatisticsResponse = z.object({
  from: z.string(),
  to: z.string(),
  groups: z.array(
    z.object({
      officeId: z.string(),
      deskId: z.string().nullable(),
      deskNumber: z.number().nullable(),
      period: z.string(),
      tickets: z.number(),
      served: z.number(),
      noShows: z.number(),
      closedUnserved: z.number(),
      wait: Distribution,
      service: Distribution,
      waitWithinLimit: z.number().nullable(),
      serviceWithinLimit: z.number().nullable(),
    }),
  ),
});
export const ClosedResponse = z.object({
  closed: z.array(
    z.object({
      officeId: z.string(),
      number: z.string(),
      day: z.string(),
      reason: z.enum(['closing_time', 'day_passed']),
      waitMinutes: z.number().nullable(),
    }),
  ),
});

export const SummaryQuery = z.object({
  /** Comma-separated office ids, as the directory shows them (at most 100). */
  offices: z
    .string()
    .max(6600)
    .transform((s) => s.split(',').filter((x) => x !== ''))
    .pipe(
      z
        .array(z.string().regex(/^[\w-]{1,64}$/))
        .min(1)
        .max(100),
    ),
});
export const SummaryResponse = z.object({
  day: z.string(),
  days: z.number(),
  offices: z.array(
    z.object({
      officeId: z.string(),
      waitingNow: z.number(),
      typicalWaitMinutes: z.number().nullable(),
      measuredWaits: z.number(),
    }),
  ),
});

const errors = {
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

/** How often each instance sweeps for tickets to close at closing time (issue 6 item 4). */
const SWEEP_MS = 60_000;
const HEARTBEAT_MS = 25_000;

export async function queueRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = opts;
  const streams = new Set<ServerResponse>();

  // Issue 6 item 4: what closing time closed is reported (ticket numbers only; the audit row has the list too).
  const sweep = every(
    SWEEP_MS,
    async () => {
      const closed = await closeQueues(deps);
      if (closed.length > 0)
        app.log.info(
          {
            closed: closed.length,
            tickets: closed.slice(0, 50).map((c) => `${c.officeId} ${c.day} ${c.number} ${c.reason}`),
          },
          'queue tickets closed at closing time',
        );
    },
    (e) => app.log.error({ err: { message: String(e) } }, 'queue sweep failed'),
  );
  app.addHook('preClose', async () => {
    for (const s of streams) s.end();
    streams.clear();
    // The database closes after the server: a sweep in progress finishes first.
    await sweep.stop();
  });
  app.addHook('onClose', async () => {
    await deps.queueFeed.close();
  });

  r.get(
    '/api/v1/queue/offices/:officeId/board',
    {
      schema: {
        tags: ['queue'],
        summary:
          "Public: the office's display board — tickets called to desks, tickets waiting (numbers only)",
        params: OfficeParams,
        response: { 200: BoardResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const board = await queueBoard(deps, request.params.officeId);
      if (!board.ok) return sendError(reply, board.error);
      return board.value;
    },
  );

  r.get(
    '/api/v1/queue/summary',
    {
      schema: {
        tags: ['queue'],
        summary:
          'Public: per office, the people waiting now and the typical (median) wait of the last 30 days (R-8, R-20)',
        querystring: SummaryQuery,
        response: { 200: SummaryResponse, 422: ErrorResponse },
      },
    },
    async (request) => queueSummaries(deps, request.query.offices),
  );

  r.post(
    '/api/v1/queue/offices/:officeId/tickets',
    {
      schema: {
        tags: ['queue'],
        summary:
          'Kiosk: take a ticket (R-9, first come first served); the paper shows people ahead and expected wait',
        params: OfficeParams,
        response: { 201: IssuedTicketResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const t = await takeTicket(deps, { officeId: request.params.officeId }, request.ip);
      if (!t.ok) return sendError(reply, t.error);
      return reply.code(201).send(t.value);
    },
  );

  r.get(
    '/api/v1/queue/offices/:officeId/events',
    {
      schema: {
        tags: ['queue'],
        summary:
          "Public: server-sent events of the office's queue (event `ticket` per transition) for display boards",
        params: OfficeParams,
      },
    },
    async (request, reply) => {
      const officeId = request.params.officeId;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      streams.add(res);
      const send = (name: string, data: unknown) =>
        res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
      let unsubscribe: (() => void) | undefined;
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      const stop = () => {
        clearInterval(heartbeat);
        unsubscribe?.();
        streams.delete(res);
      };
      request.raw.on('close', stop);
      res.on('close', stop);
      try {
        unsubscribe = await deps.queueFeed.subscribe((e: QueueFeedEvent) => {
          if (e.officeId === officeId) send('ticket', e);
        });
        if (res.writableEnded || res.destroyed) unsubscribe();
        else send('ready', { officeId });
      } catch (e) {
        request.log.error({ err: { message: String(e) } }, 'queue feed unavailable');
        res.end();
      }
    },
  );

  r.post(
    '/api/v1/queue/offices/:officeId/desks',
    {
      schema: {
        tags: ['queue'],
        summary: 'Operator: sit at desk N of the office (created on first use)',
        params: OfficeParams,
        body: OpenDeskRequest,
        response: { 201: DeskResponse, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) => {
      const d = await openDesk(
        deps,
        getUser(request),
        { officeId: request.params.officeId, number: request.body.number },
        request.ip,
      );
      if (!d.ok) return sendError(reply, d.error);
      return reply.code(201).send(d.value);
    },
  );

  r.get(
    '/api/v1/queue/desks/:deskId',
    {
      schema: {
        tags: ['queue'],
        summary:
          "Operator: the desk's current ticket with its running times, the waiting count, today's finished tickets",
        params: DeskParams,
        response: { 200: DeskViewResponse, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) => {
      const v = await deskView(deps, getUser(request), request.params.deskId);
      if (!v.ok) return sendError(reply, v.error);
      return v.value;
    },
  );

  r.post(
    '/api/v1/queue/desks/:deskId/call-next',
    {
      schema: {
        tags: ['queue'],
        summary: 'Operator: call the next person to this desk (R-9: first come first served)',
        params: DeskParams,
        response: { 200: TicketResponse, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) => {
      const t = await callNext(deps, getUser(request), { deskId: request.params.deskId }, request.ip);
      if (!t.ok) return sendError(reply, t.error);
      return t.value;
    },
  );

  r.post(
    '/api/v1/queue/tickets/:ticketId/actions',
    {
      schema: {
        tags: ['queue'],
        summary: 'Operator: recall, start, finish, no-show or transfer the ticket at the desk',
        params: TicketParams,
        body: TicketActionRequest,
        response: { 200: TicketResponse, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) => {
      const b = request.body;
      const action =
        b.action === 'transfer'
          ? { type: 'transfer' as const, toDeskId: b.toDeskId }
          : b.action === 'finish'
            ? { type: 'finish' as const, applicationId: b.applicationId ?? null }
            : { type: b.action };
      const t = await actOnTicket(
        deps,
        getUser(request),
        { ticketId: request.params.ticketId, deskId: b.deskId, action },
        request.ip,
      );
      if (!t.ok) return sendError(reply, t.error);
      return t.value;
    },
  );

  r.get(
    '/api/v1/queue/offices/:officeId/alerts',
    {
      schema: {
        tags: ['queue'],
        summary: 'Director: live alerts — waited 8 minutes, service past 10 minutes (R-8)',
        params: OfficeParams,
        response: { 200: AlertsResponse, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) => {
      const a = await queueAlerts(deps, getUser(request), request.params.officeId);
      if (!a.ok) return sendError(reply, a.error);
      return { alerts: a.value };
    },
  );

  r.get(
    '/api/v1/queue/offices/:officeId/statistics',
    {
      schema: {
        tags: ['queue'],
        summary: 'Director: wait and service statistics for a day or a month, per office or per desk (R-8)',
        params: OfficeParams,
        querystring: StatisticsQuery,
        response: { 200: StatisticsResponse, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) => {
      const s = await queueStatisticsOf(deps, getUser(request), {
        officeId: request.params.officeId,
        ...request.query,
      });
      if (!s.ok) return sendError(reply, s.error);
      return s.value;
    },
  );

  r.post(
    '/api/v1/queue/offices/:officeId/close',
    {
      schema: {
        tags: ['queue'],
        summary:
          'Director: close now what is due — tickets still waiting after closing time (issue 6 item 4)',
        params: OfficeParams,
        response: { 200: ClosedResponse, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) => {
      const c = await closeOfficeQueue(deps, getUser(request), request.params.officeId);
      if (!c.ok) return sendError(reply, c.error);
      return { closed: c.value };
    },
  );
}
