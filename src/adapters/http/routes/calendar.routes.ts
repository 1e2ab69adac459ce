import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addCalendarChange } from '../../../app/calendar/add-calendar-change';
import type { CalendarChange } from '../../../app/calendar/calendar-change';
import { toActor } from '../../../app/auth/user-view';
import type { Deps } from '../../../app/ports';
import { decide } from '../../../domain/access/policy';
import { addWorkingDays, buildYearSpec, calendarDays } from '../../../domain/calendar';
import { type PlainDate, parsePlainDate, toDayNumber } from '../../../domain/shared/plain-date';
import { ErrorResponse } from '../common.schemas';
import { sendError } from '../errors';
import { getUser, requireUser } from '../session';

const PlainDateSchema = z
  .string()
  .refine((s) => parsePlainDate(s).ok, 'expected an existing day as YYYY-MM-DD')
  .transform((s) => s as PlainDate);
const Localized = z.object({ kk: z.string(), ru: z.string() });
const Basis = z.object({ act: z.string().min(1).max(64), article: z.string().max(32).optional() });

export const CalendarDaysQuery = z
  .object({ from: PlainDateSchema, to: PlainDateSchema })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => toDayNumber(q.to) - toDayNumber(q.from) < 2 * 366, {
    message: 'a range is at most 2 years',
    path: ['to'],
  });

export const CalendarDaysResponse = z.object({
  days: z.array(
    z.object({
      date: z.string(),
      working: z.boolean(),
      kind: z.enum([
        'workday',
        'weekend',
        'holiday',
        'observed',
        'transferred_off',
        'transferred_workday',
        'religious',
      ]),
      name: Localized.optional(),
    }),
  ),
});

export const DeadlineQuery = z.object({
  office: z.string().min(1).max(64),
  from: z.string().refine((s) => !Number.isNaN(Date.parse(s)) && /[zZ]|[+-]\d{2}:?\d{2}$/.test(s), {
    message: 'expected an ISO instant with an offset, e.g. 2026-03-20T10:15:00+05:00',
  }),
  workingDays: z.coerce.number().int().min(0).max(60),
});
export const DeadlineResponse = z.object({ due: z.string(), dueDate: z.string(), acceptedOn: z.string() });

export const TransferRequest = z.object({ off: PlainDateSchema, work: PlainDateSchema, basis: Basis });
export const KurbanAitRequest = z.object({
  date: PlainDateSchema,
  basis: Basis,
  provisional: z.boolean().optional(),
});
export const NewYearBody = z.object({
  year: z.number().int().min(1900).max(2200),
  basis: Basis,
  kurbanAit: z.object({ date: PlainDateSchema, provisional: z.boolean().optional() }).optional(),
  transfers: z
    .array(z.object({ off: PlainDateSchema, work: PlainDateSchema }))
    .max(20)
    .optional(),
});
export const CalendarChangeResponse = z.object({ coverage: z.object({ from: z.string(), to: z.string() }) });

export async function calendarRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = opts;

  r.get(
    '/api/v1/calendar/days',
    {
      schema: {
        tags: ['reference'],
        summary: 'Working and non-working days with their kind and name (R-10), at most 2 years',
        querystring: CalendarDaysQuery,
        response: { 200: CalendarDaysResponse, 422: ErrorResponse },
      },
    },
    async (request, reply) => {
      const days = calendarDays(await deps.calendar.current(), request.query.from, request.query.to);
      if (!days.ok) return sendError(reply, days.error);
      return {
        days: days.value.map(({ date, working, kind, name }) => ({
          date,
          working,
          kind,
          ...(name ? { name } : {}),
        })),
      };
    },
  );

  r.get(
    '/api/v1/calendar/deadline',
    {
      schema: {
        tags: ['reference'],
        summary:
          'When n working days from an instant fall due at an office: the closing time of the n-th working day (R-7)',
        querystring: DeadlineQuery,
        response: { 200: DeadlineResponse, 404: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (request, reply) => {
      const office = await deps.uow.run((repos) => repos.offices.findById(request.query.office));
      if (!office) return sendError(reply, { code: 'OFFICE.NOT_FOUND', message: 'no office with that id' });
      const due = addWorkingDays(
        await deps.calendar.current(),
        office.schedule,
        request.query.from,
        request.query.workingDays,
      );
      if (!due.ok) return sendError(reply, due.error);
      return { due: due.value.due, dueDate: due.value.dueDate, acceptedOn: due.value.acceptedOn };
    },
  );

  const change = async (
    request: Parameters<typeof getUser>[0],
    reply: Parameters<typeof sendError>[0],
    body: CalendarChange,
  ) => {
    const result = await addCalendarChange(deps, getUser(request), body, request.ip);
    if (!result.ok) return sendError(reply, result.error);
    return reply.code(201).send(result.value);
  };

  r.post(
    '/api/v1/calendar/transfers',
    {
      schema: {
        tags: ['reference'],
        summary: 'Admin: add a transfer of a day off (a weekday rests, a weekend day is worked)',
        body: TransferRequest,
        response: { 201: CalendarChangeResponse, 403: ErrorResponse, 422: ErrorResponse },
      },
      preHandler: requireUser,
    },
    (request, reply) => change(request, reply, { type: 'transfer', ...request.body }),
  );

  r.post(
    '/api/v1/calendar/kurban-ait',
    {
      schema: {
        tags: ['reference'],
        summary: "Admin: set a year's Kurban Ait date (a non-working day that never moves)",
        body: KurbanAitRequest,
        response: { 201: CalendarChangeResponse, 403: ErrorResponse, 422: ErrorResponse },
      },
      preHandler: requireUser,
    },
    (request, reply) => change(request, reply, { type: 'kurban_ait', ...request.body }),
  );

  r.post(
    '/api/v1/calendar/years',
    {
      schema: {
        tags: ['reference'],
        summary:
          'Admin: add the year after (or before) the coverage — holidays drafted from the adjacent year, plus Kurban Ait and transfers',
        body: NewYearBody,
        response: { 201: CalendarChangeResponse, 403: ErrorResponse, 422: ErrorResponse },
      },
      preHandler: requireUser,
    },
    async (request, reply) => {
      // Access first, so that someone who may not change the calendar learns nothing from the validation.
      const access = decide(toActor(getUser(request)), 'calendar.write');
      if (!access.allowed) return sendError(reply, { code: 'AUTH.FORBIDDEN', message: access.reason });
      const spec = buildYearSpec(await deps.calendar.current(), request.body);
      if (!spec.ok) return sendError(reply, spec.error);
      return change(request, reply, { type: 'year', spec: spec.value });
    },
  );
}
