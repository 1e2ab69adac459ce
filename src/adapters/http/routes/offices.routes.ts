import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps, Office } from '../../../app/ports';
import { isOpen, officeHours, type WorkingCalendar } from '../../../domain/calendar';
import { toCivil } from '../../../domain/calendar';
import { ErrorResponse } from '../common.schemas';
import { sendError } from '../errors';

const Localized = z.object({ kk: z.string(), ru: z.string() });
const OFFICE_KINDS = [
  'oblast_apparatus',
  'district_apparatus',
  'city_apparatus',
  'psc',
  'rural_akimat',
] as const;

export const OfficeSchema = z.object({
  id: z.string(),
  appendix: z.union([z.literal(1), z.literal(2)]).nullable(),
  ordinal: z.number().nullable(),
  kind: z.enum(OFFICE_KINDS),
  kato: z.string().nullable(),
  oblast: Localized.nullable(),
  name: Localized,
  address: z.string().nullable(),
  phones: z.array(z.string()),
  fax: z.string().nullable(),
  emails: z.array(z.string()),
  hours: z.object({
    schedule: z.enum(['akimat', 'psc', 'psc_branch']),
    /** Today's open periods in Asia/Almaty (empty on a day off). */
    today: z.array(z.object({ from: z.string(), to: z.string() })),
    openNow: z.boolean(),
  }),
});

export const OfficesQuery = z.object({
  appendix: z.coerce.number().int().min(1).max(2).optional(),
  kind: z.enum(OFFICE_KINDS).optional(),
  /** An oblast's KATO code (or its first two digits), or its name in kk or ru. */
  oblast: z.string().max(100).optional(),
  /** A district's KATO code: its rural akimats and its apparatus. */
  district: z
    .string()
    .regex(/^\d{4}(\d{5})?$/)
    .optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const OfficesResponse = z.object({ total: z.number(), offices: z.array(OfficeSchema) });

/** Today's hours and whether the office is open now, computed once per schedule kind per request. */
function hoursFor(calendar: WorkingCalendar, now: Date) {
  const today = toCivil(now.getTime()).date;
  const cache = new Map<Office['schedule'], z.infer<typeof OfficeSchema>['hours']>();
  return (schedule: Office['schedule']) => {
    let h = cache.get(schedule);
    if (!h) {
      const periods = officeHours(calendar, schedule, today);
      const open = isOpen(calendar, schedule, now.getTime());
      h = {
        schedule,
        today: periods.ok ? periods.value.map((p) => ({ from: p.from, to: p.to })) : [],
        openNow: open.ok && open.value,
      };
      cache.set(schedule, h);
    }
    return h;
  };
}

export async function officesRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = opts;

  r.get(
    '/api/v1/offices',
    {
      schema: {
        tags: ['reference'],
        summary:
          'The public office directory (R-20): Appendix 1, Appendix 2 and the rural akimats, with hours today',
        querystring: OfficesQuery,
        response: { 200: OfficesResponse, 422: ErrorResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const oblastIsCode = q.oblast !== undefined && /^\d{2}(\d{7})?$/.test(q.oblast);
      const { total, offices } = await deps.uow.run((repos) =>
        repos.offices.search({
          appendix: q.appendix as 1 | 2 | undefined,
          kind: q.kind,
          oblastKato: oblastIsCode ? q.oblast : undefined,
          oblastName: q.oblast && !oblastIsCode ? q.oblast : undefined,
          districtKato: q.district,
          q: q.q,
          limit: q.limit,
          offset: q.offset,
        }),
      );
      const hours = hoursFor(await deps.calendar.current(), deps.clock.now());
      return {
        total,
        offices: offices.map((o) => ({
          ...o,
          phones: [...o.phones],
          emails: [...o.emails],
          hours: hours(o.schedule),
        })),
      };
    },
  );

  r.get(
    '/api/v1/offices/:id',
    {
      schema: {
        tags: ['reference'],
        summary: 'One office of the directory',
        params: z.object({ id: z.string().max(64) }),
        response: { 200: OfficeSchema, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const office = await deps.uow.run((repos) => repos.offices.findById(request.params.id));
      if (!office) return sendError(reply, { code: 'OFFICE.NOT_FOUND', message: 'no office with that id' });
      const hours = hoursFor(await deps.calendar.current(), deps.clock.now());
      return {
        ...office,
        phones: [...office.phones],
        emails: [...office.emails],
        hours: hours(office.schedule),
      };
    },
  );
}
