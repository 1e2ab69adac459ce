/**
 * Complaints (R-16..R-18), surveys: intake at an office or online, the reviewer's list and actions, the
 * talon and the answer as PDFs, the public status page by number + IIN (no sign-in, rate-limited), surveys.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerComplaint } from '../../../app/complaints/answer-complaint';
import { complaintDocument, publicComplaintDocument } from '../../../app/complaints/complaint-documents';
import { fileComplaint } from '../../../app/complaints/file-complaint';
import { forwardComplaint } from '../../../app/complaints/forward-complaint';
import { publicComplaintStatus } from '../../../app/complaints/public-complaint-status';
import { getComplaint, listComplaints } from '../../../app/complaints/read-complaints';
import { sweepComplaintDeadlines } from '../../../app/complaints/sweep-complaint-deadlines';
import { takeUnderReview } from '../../../app/complaints/take-under-review';
import type { Deps } from '../../../app/ports';
import { listFollowups } from '../../../app/surveys/list-followups';
import { submitSurvey } from '../../../app/surveys/submit-survey';
import type { PrintableDocument } from '../../../domain/certificates/documents';
import {
  COMPLAINT_KINDS,
  COMPLAINT_OUTCOMES,
  COMPLAINT_TEXT_MAX,
} from '../../../domain/complaints/complaint';
import { REVIEW_LEVELS } from '../../../domain/complaints/routing';
import { SURVEY_SUBJECTS } from '../../../domain/complaints/survey';
import type { Result } from '../../../domain/shared/result';
import { createPdfRenderer } from '../../pdf/pdf-renderer';
import { ErrorResponse } from '../common.schemas';
import { sendError } from '../errors';
import { getUser, requireUser } from '../session';

/** The public endpoints answer number + IIN guesses slowly: per address, 20 per minute. */
export const COMPLAINT_PUBLIC_RATE_LIMIT = {
  max: 20,
  timeWindow: '1 minute',
  groupId: 'complaint-public',
} as const;

const IdParams = z.object({ id: z.string().uuid() });
const Lang = z.object({ lang: z.enum(['kk', 'ru']).default('kk') });
const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};
const ComplaintResponse = z.object({ complaint: z.record(z.string(), z.unknown()) });

export const FileComplaintRequest = z.object({
  kind: z.enum(COMPLAINT_KINDS),
  applicationId: z.string().uuid().optional(),
  officeId: z.string().min(1).max(64).optional(),
  complainant: z.object({ iin: z.string().max(32), name: z.string().max(200) }).optional(),
  contactPhone: z
    .string()
    .regex(/^\+?[0-9 ()-]{6,20}$/)
    .optional(),
  contactEmail: z.email().max(200).optional(),
  language: z.enum(['kk', 'ru']).default('kk'),
  text: z.string().max(COMPLAINT_TEXT_MAX + 1000),
});

export const AnswerComplaintRequest = z.object({
  outcome: z.enum(COMPLAINT_OUTCOMES),
  text: z.string().max(COMPLAINT_TEXT_MAX + 1000),
});

export const ForwardComplaintRequest = z.object({ to: z.enum(REVIEW_LEVELS), reason: z.string().max(1000) });

export const PublicComplaintRequest = z.object({
  number: z.string().max(32),
  iin: z.string().max(32),
});

export const SurveyRequest = z.object({
  subject: z.enum(SURVEY_SUBJECTS),
  reference: z.string().min(1).max(64),
  iin: z.string().max(32),
  scores: z.record(z.string(), z.unknown()),
});

function send<T>(reply: FastifyReply, result: Result<T>, status = 200) {
  if (!result.ok) return sendError(reply, result.error);
  return reply.code(status).send(result.value);
}

export async function complaintsRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = opts;
  const tags = ['complaints'];
  const pdf = await createPdfRenderer();

  async function sendPdf(reply: FastifyReply, doc: Result<PrintableDocument>, name: string) {
    if (!doc.ok) return sendError(reply, doc.error);
    const bytes = await pdf.render(doc.value);
    return reply
      .type('application/pdf')
      .header(
        'content-disposition',
        `inline; filename="${name}-${doc.value.number}-${doc.value.language}.pdf"`,
      )
      .header('cache-control', 'no-store')
      .send(bytes);
  }

  r.post(
    '/api/v1/complaints',
    {
      schema: {
        tags,
        summary:
          'File a complaint: at an office by an official (complaint hours, R-10) or online by the citizen',
        body: FileComplaintRequest,
        response: { 201: ComplaintResponse, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(reply, await fileComplaint(deps, getUser(request), request.body, request.ip), 201),
  );

  r.get(
    '/api/v1/complaints',
    {
      schema: {
        tags,
        summary: 'The reviewer’s complaints with deadlines and flags, or the citizen’s own complaints',
        querystring: z.object({
          open: z.enum(['true', 'false']).default('false'),
          limit: z.coerce.number().int().min(1).max(200).default(100),
        }),
        response: { 200: z.object({ complaints: z.array(z.record(z.string(), z.unknown())) }), ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(
        reply,
        await listComplaints(
          deps,
          getUser(request),
          { openOnly: request.query.open === 'true', limit: request.query.limit },
          request.ip,
        ),
      ),
  );

  r.get(
    '/api/v1/complaints/:id',
    {
      schema: { tags, summary: 'A complaint with its events', params: IdParams, response: { ...errors } },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(reply, await getComplaint(deps, getUser(request), request.params.id, request.ip)),
  );

  r.post(
    '/api/v1/complaints/:id/review',
    {
      schema: {
        tags,
        summary: 'Take the complaint under review (its addressee)',
        params: IdParams,
        response: { 200: ComplaintResponse, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(reply, await takeUnderReview(deps, getUser(request), request.params.id, request.ip)),
  );

  r.post(
    '/api/v1/complaints/:id/forward',
    {
      schema: {
        tags,
        summary: 'Forward the complaint to the competent reviewer (R-17); the time is recorded',
        params: IdParams,
        body: ForwardComplaintRequest,
        response: { 200: ComplaintResponse, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(
        reply,
        await forwardComplaint(
          deps,
          getUser(request),
          request.params.id,
          request.body.to,
          request.body.reason,
          request.ip,
        ),
      ),
  );

  r.post(
    '/api/v1/complaints/:id/answer',
    {
      schema: {
        tags,
        summary: 'Answer the complaint with an outcome and a reasoned text (R-17 §23)',
        params: IdParams,
        body: AnswerComplaintRequest,
        response: { 200: ComplaintResponse, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(reply, await answerComplaint(deps, getUser(request), request.params.id, request.body, request.ip)),
  );

  r.post(
    '/api/v1/complaints/sweep',
    {
      schema: {
        tags,
        summary: 'Alert near deadlines and escalate overdue complaints now (the worker also does it)',
        response: {
          200: z.object({ alerted: z.number(), escalated: z.number(), atTopLevel: z.number() }),
          ...errors,
        },
      },
      preHandler: requireUser,
    },
    async (request, reply) => send(reply, await sweepComplaintDeadlines(deps, getUser(request), request.ip)),
  );

  r.get(
    '/api/v1/complaints/:id/talon.pdf',
    {
      schema: { tags, summary: 'The talon (R-18) as PDF, kk or ru', params: IdParams, querystring: Lang },
      preHandler: requireUser,
    },
    async (request, reply) =>
      sendPdf(
        reply,
        await complaintDocument(
          deps,
          getUser(request),
          request.params.id,
          'talon',
          request.query.lang,
          request.ip,
        ),
        'talon',
      ),
  );

  r.get(
    '/api/v1/complaints/:id/answer.pdf',
    {
      schema: { tags, summary: 'The reasoned answer as PDF, kk or ru', params: IdParams, querystring: Lang },
      preHandler: requireUser,
    },
    async (request, reply) =>
      sendPdf(
        reply,
        await complaintDocument(
          deps,
          getUser(request),
          request.params.id,
          'answer',
          request.query.lang,
          request.ip,
        ),
        'answer',
      ),
  );

  r.post(
    '/api/v1/public/complaints/status',
    {
      schema: {
        tags,
        summary: 'Public: where a complaint stands, by its number and the complainant’s IIN (no sign-in)',
        body: PublicComplaintRequest,
        response: { 200: z.record(z.string(), z.unknown()), ...errors, 429: ErrorResponse },
      },
      config: { rateLimit: COMPLAINT_PUBLIC_RATE_LIMIT },
    },
    async (request, reply) =>
      send(
        reply,
        await publicComplaintStatus(deps, request.body.number.trim(), request.body.iin.trim(), request.ip),
      ),
  );

  r.post(
    '/api/v1/public/complaints/document',
    {
      schema: {
        tags,
        summary: 'Public: the talon or the answer PDF by number + IIN',
        body: PublicComplaintRequest.extend({
          kind: z.enum(['talon', 'answer']),
          lang: z.enum(['kk', 'ru']).default('kk'),
        }),
      },
      config: { rateLimit: COMPLAINT_PUBLIC_RATE_LIMIT },
    },
    async (request, reply) =>
      sendPdf(
        reply,
        await publicComplaintDocument(
          deps,
          request.body.number.trim(),
          request.body.iin.trim(),
          request.body.kind,
          request.body.lang,
          request.ip,
        ),
        request.body.kind,
      ),
  );

  r.post(
    '/api/v1/public/surveys',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Answer a satisfaction survey (R-19): once per application or complaint, scores 1..5',
        body: SurveyRequest,
        response: { 201: z.object({ followUp: z.boolean() }), ...errors, 429: ErrorResponse },
      },
      config: { rateLimit: COMPLAINT_PUBLIC_RATE_LIMIT },
    },
    async (request, reply) => send(reply, await submitSurvey(deps, request.body, request.ip), 201),
  );

  r.get(
    '/api/v1/followups',
    {
      schema: {
        tags: ['surveys'],
        summary: 'The director’s follow-up tasks from low survey scores',
        response: { ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) => send(reply, await listFollowups(deps, getUser(request))),
  );
}
