/**
 * Issue 8: the indicators of Appendix 3 for a period and a level, inside the unit a reader may see; the
 * ministry's targets (§19) with their history. Every route calls one use case; errors are mapped in errors.ts.
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { prepareRecordsExport } from '../../../app/kpi/export-indicator-records';
import { getIndicatorRecords, RECORDS_PAGE_MAX } from '../../../app/kpi/get-indicator-records';
import { getIndicators } from '../../../app/kpi/get-indicators';
import { getPublicIndicators } from '../../../app/kpi/get-public-indicators';
import { listIndicatorTargets } from '../../../app/kpi/list-indicator-targets';
import { setIndicatorTarget } from '../../../app/kpi/set-indicator-target';
import type { Deps } from '../../../app/ports';
import { INDICATOR_CODES, LEVELS } from '../../../domain/kpi';
import type { Result } from '../../../domain/shared/result';
import { writeIndicatorRecordsCsv } from '../../files/indicator-records-csv';
import { writeIndicatorsCsv, writeIndicatorsXlsx } from '../../files/indicators-file';
import { renderIndicatorsPdf } from '../../files/indicators-pdf';
import { createPdfRenderer, type PdfRenderer } from '../../pdf/pdf-renderer';
import { ErrorResponse } from '../common.schemas';
import { sendError } from '../errors';
import { getUser, requireUser } from '../session';

const Localized = z.object({ kk: z.string(), ru: z.string() });
const LevelSchema = z.enum(LEVELS);
const CodeSchema = z.enum(INDICATOR_CODES);

export const IndicatorsQuery = z.object({
  /** Checked by the domain (422 KPI.BAD_PERIOD / KPI.PERIOD_IN_FUTURE), so the message names the rule. */
  period: z.string().min(1).max(16).describe('YYYY, YYYY-Qn or YYYY-MM'),
  level: LevelSchema.optional(),
  code: z.string().max(8).optional(),
  within: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('KZ, a KATO code (oblast, district, akimat) or a PSC id'),
});

const IndicatorCellSchema = z.object({
  code: CodeSchema,
  direction: z.enum(['floor', 'ceiling']),
  normative: z.number(),
  normativeText: z.string(),
  target: z.number().nullable(),
  targetNextYear: z.number().nullable(),
  value: z.object({
    kind: z.enum(['value', 'no_data']),
    numerator: z.number(),
    denominator: z.number(),
    percent: z.number().nullable(),
  }),
  rating: z.enum(['green', 'amber', 'red', 'no_data']),
});
const IndicatorRowSchema = z.object({
  level: LevelSchema,
  key: z.string(),
  name: Localized.nullable(),
  indicators: z.array(IndicatorCellSchema),
});
export const IndicatorTableSchema = z.object({
  period: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  level: LevelSchema,
  within: z.object({ level: LevelSchema, key: z.string(), name: Localized.nullable() }),
  total: IndicatorRowSchema,
  rows: z.array(IndicatorRowSchema),
});

export const IndicatorRecordsQuery = z.object({
  period: z.string().min(1).max(16).describe('YYYY, YYYY-Qn or YYYY-MM'),
  /** Checked by the use case (422 KPI.UNKNOWN_INDICATOR). */
  code: z.string().min(1).max(8),
  within: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(RECORDS_PAGE_MAX).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
});

const RecordOffice = z.object({ key: z.string().nullable(), name: Localized.nullable() });
const RecordReason = z.enum([
  'late',
  'overdue_pending',
  'incomplete_documents',
  'long_wait',
  'superseded',
  'justified',
  'justified_partly',
  'answered_late',
  'dissatisfied',
]);
const PersonalData = {
  iin: z
    .string()
    .nullable()
    .describe('Whole only for a reader allowed to read the record (R-14); else masked'),
  iinMasked: z.boolean(),
  name: z.string().nullable(),
};
const RecordBase = { id: z.string(), office: RecordOffice, reason: RecordReason };
export const IndicatorRecordSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('application'),
    ...RecordBase,
    channel: z.string(),
    status: z.string(),
    receivedAt: z.string(),
    dueAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    ...PersonalData,
  }),
  z.object({
    type: z.literal('document'),
    ...RecordBase,
    number: z.string(),
    kind: z.string(),
    status: z.string(),
    issuedAt: z.string(),
    ...PersonalData,
  }),
  z.object({
    type: z.literal('ticket'),
    ...RecordBase,
    number: z.string(),
    day: z.string(),
    issuedAt: z.string(),
    waitMinutes: z.number().nullable(),
  }),
  z.object({
    type: z.literal('complaint'),
    ...RecordBase,
    number: z.string(),
    registeredAt: z.string(),
    dueAt: z.string(),
    answeredAt: z.string().nullable(),
    outcome: z.string().nullable(),
    ...PersonalData,
  }),
  z.object({
    type: z.literal('survey'),
    ...RecordBase,
    subject: z.string(),
    answeredOn: z.string(),
    score: z.number().nullable(),
  }),
]);
export const IndicatorRecordsResponse = z.object({
  period: z.string(),
  code: CodeSchema,
  within: z.object({ level: LevelSchema, key: z.string(), name: Localized.nullable() }),
  total: z.number(),
  offset: z.number(),
  limit: z.number(),
  records: z.array(IndicatorRecordSchema),
});

const PublicFigure = z.object({ percent: z.number().nullable(), count: z.number() });
export const PublicIndicatorsResponse = z.object({
  period: z.string(),
  offices: z.array(
    z.object({
      key: z.string(),
      name: Localized.nullable(),
      onTime: PublicFigure,
      shortWait: PublicFigure,
      typicalWaitMinutes: z.number().nullable(),
      satisfaction: PublicFigure,
    }),
  ),
});

/** The value's range is the domain's rule (400 KPI.TARGET_OUT_OF_RANGE), not the schema's. */
export const SetTargetRequest = z.object({
  code: z.string().max(8),
  year: z.number().int(),
  value: z.number(),
});
const TargetSchema = z.object({ code: CodeSchema, year: z.number(), value: z.number() });
export const TargetsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2999) });
export const TargetsResponse = z.object({
  year: z.number(),
  current: z.array(TargetSchema),
  history: z.array(
    TargetSchema.extend({
      setBy: z.string().nullable(),
      setByName: z.string().nullable(),
      setAt: z.string(),
      previous: z
        .number()
        .nullable()
        .describe('The value this entry replaced (old → new); null for the first'),
    }),
  ),
});

const errors = { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse };

function send<T>(reply: FastifyReply, result: Result<T>, status = 200) {
  if (!result.ok) return sendError(reply, result.error);
  return reply.code(status).send(result.value);
}

export async function indicatorsRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = opts;
  const tags = ['indicators'];
  // The fonts are prepared once, on the first PDF asked for.
  let pdf: Promise<PdfRenderer> | undefined;

  r.get(
    '/api/v1/indicators',
    {
      schema: {
        tags,
        summary: 'The indicators of Appendix 3 for a period, per unit of a level (R-15)',
        description:
          'Each unit with its normative value, the target for the year and the next year, the value (sums of ' +
          'numerators over sums of denominators; "no_data" when nothing is counted) and its rating. `within` ' +
          "defaults to the reader's own territory; a unit outside it is 403.",
        querystring: IndicatorsQuery,
        response: { 200: IndicatorTableSchema, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) => send(reply, await getIndicators(deps, getUser(request), request.query)),
  );

  r.get(
    '/api/v1/public/indicators',
    {
      schema: {
        tags,
        summary: "Public, no sign-in: each office's last month — 1.1, 1.2, typical wait, satisfaction (R-15)",
        description:
          'Shares with how many were counted, and the median wait in minutes, per office; no records and no ' +
          'personal data.',
        response: { 200: PublicIndicatorsResponse },
      },
    },
    async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=300').send(await getPublicIndicators(deps)),
  );

  r.get(
    '/api/v1/indicators/export',
    {
      schema: {
        tags,
        summary: 'The Appendix 3 table as XLSX, CSV or PDF, in Kazakh or Russian (R-15)',
        description:
          'The same table as GET /api/v1/indicators (same query, same access): the unit looked at in the ' +
          "Appendix's layout, and one row per unit of the level.",
        querystring: IndicatorsQuery.omit({ code: true }).extend({
          format: z.enum(['xlsx', 'csv', 'pdf']).default('xlsx'),
          lang: z.enum(['kk', 'ru']).default('kk'),
        }),
      },
      preHandler: requireUser,
    },
    async (request, reply) => {
      const { format, lang, ...query } = request.query;
      const user = getUser(request);
      const table = await getIndicators(deps, user, query);
      if (!table.ok) return sendError(reply, table.error);
      const name = `indicators-${table.value.within.key}-${table.value.period}-${lang}.${format}`;
      if (format === 'pdf') {
        pdf ??= createPdfRenderer();
        const bytes = await renderIndicatorsPdf(await pdf, table.value, lang, user.displayName);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(bytes);
      }
      const out = new PassThrough();
      const write = format === 'csv' ? writeIndicatorsCsv : writeIndicatorsXlsx;
      write(table.value, lang, out).catch((error: unknown) => {
        request.log.error({ err: { message: (error as Error).message } }, 'indicator export failed');
        out.destroy(error as Error);
      });
      return reply
        .type(
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(out);
    },
  );

  r.get(
    '/api/v1/indicators/records',
    {
      schema: {
        tags,
        summary:
          'Drill-down: the records behind a figure of Appendix 3 (R-15), oldest first, a page at a time',
        description:
          'For a floor, the records that missed it (late applications, long waits, corrected documents, ' +
          'applications returned as incomplete, justified complaints not satisfied in time, dissatisfied answers); ' +
          'for 4.1, the justified complaints. IIN and name only for readers allowed to read the record (R-14), ' +
          'otherwise the IIN is masked and the name null; survey answers are anonymous.',
        querystring: IndicatorRecordsQuery,
        response: { 200: IndicatorRecordsResponse, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(reply, await getIndicatorRecords(deps, getUser(request), request.query, request.ip)),
  );

  r.get(
    '/api/v1/indicators/records/export',
    {
      schema: {
        tags,
        summary: 'The records behind a figure of Appendix 3 as CSV, streamed, without personal data (R-15)',
        description:
          'The same records as the drill-down, for any period (a year of the whole country too): read a day at ' +
          'a time and written as they are read. No IIN and no name leave in the file.',
        querystring: IndicatorRecordsQuery.pick({ period: true, code: true, within: true }).extend({
          lang: z.enum(['kk', 'ru']).default('kk'),
        }),
      },
      preHandler: requireUser,
    },
    async (request, reply) => {
      const { lang, ...query } = request.query;
      const job = await prepareRecordsExport(deps, getUser(request), query);
      if (!job.ok) return sendError(reply, job.error);
      const out = new PassThrough();
      writeIndicatorRecordsCsv(deps, job.value, lang, out).catch((error: unknown) => {
        request.log.error({ err: { message: (error as Error).message } }, 'indicator records export failed');
        out.destroy(error as Error);
      });
      const name = `indicator-records-${job.value.code}-${job.value.unit.key}-${job.value.period}-${lang}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(out);
    },
  );

  r.get(
    '/api/v1/indicators/targets',
    {
      schema: {
        tags,
        summary: 'The targets in force for a year and every entry made for it (§19)',
        querystring: TargetsQuery,
        response: { 200: TargetsResponse, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(reply, await listIndicatorTargets(deps, getUser(request), request.query.year)),
  );

  r.post(
    '/api/v1/indicators/targets',
    {
      schema: {
        tags,
        summary:
          "The ministry sets an indicator's target for a year, 0..100 % (§19); earlier entries are kept",
        body: SetTargetRequest,
        response: { 201: TargetSchema.extend({ setAt: z.string() }), 400: ErrorResponse, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(reply, await setIndicatorTarget(deps, getUser(request), request.body, request.ip), 201),
  );
}
