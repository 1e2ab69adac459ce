/**
 * The service API (issue 5): the akimat counter, PSC intake / hand-over, the akimat's decision on PSC
 * applications, online applications, lists with deadline flags, issued documents as A4 PDF (kk, ru),
 * corrections and revocations. Every route calls one use case; errors are mapped in errors.ts.
 */
import { surveyLink, withSurveyLink } from '../../../domain/complaints/survey-link';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyOnline } from '../../../app/applications/apply-online';
import { correctCertificate } from '../../../app/applications/correct-certificate';
import { decideApplication } from '../../../app/applications/decide-application';
import { getApplication } from '../../../app/applications/get-application';
import { getDocument } from '../../../app/applications/get-document';
import { APPLICATION_VIEWS, listApplications } from '../../../app/applications/list-applications';
import { handOver } from '../../../app/applications/hand-over';
import { receiveAtPsc } from '../../../app/applications/psc-intake';
import { returnToPsc } from '../../../app/applications/return-to-psc';
import { revokeCertificate } from '../../../app/applications/revoke-certificate';
import { sendToAkimat } from '../../../app/applications/send-to-akimat';
import { serveAtAkimat } from '../../../app/applications/serve-at-akimat';
import { toDocumentView } from '../../../app/applications/views';
import type { Deps, IssuedDocument } from '../../../app/ports';
import {
  type CertificateDocumentInput,
  certificateDocument,
  type DocumentLanguage,
  type PrintableDocument,
  pscReceiptDocument,
  type ReceiptDocumentInput,
  type RefusalDocumentInput,
  refusalDocument,
} from '../../../domain/certificates';
import type { Result } from '../../../domain/shared/result';
import { createPdfRenderer, type PdfRenderer } from '../../pdf/pdf-renderer';
import { ErrorResponse } from '../common.schemas';
import { sendError } from '../errors';
import { getUser, requireUser } from '../session';
import {
  ActResultSchema,
  AkimatServiceRequest,
  ApplicationDetailSchema,
  ApplicationSummarySchema,
  DocumentViewSchema,
  HandOverRequest,
  OnlineRequest,
  PscIntakeRequest,
  ReasonRequest,
  SendRequest,
} from './applications.schemas';

const IdParams = z.object({ id: z.string().uuid() });
const errors = {
  400: ErrorResponse,
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

/**
 * The printable document of a stored one, in kk or ru: the builder's input is what was stored at issue, plus the
 * link and QR of the application's survey, so documents issued before the survey existed carry it too.
 */
export function printable(
  doc: IssuedDocument,
  lang: DocumentLanguage,
  publicBaseUrl: string,
): PrintableDocument {
  return withSurveyLink(
    printed(doc, lang),
    'application',
    surveyLink(publicBaseUrl, 'application', doc.applicationId),
  );
}

function printed(doc: IssuedDocument, lang: DocumentLanguage): PrintableDocument {
  switch (doc.kind) {
    case 'certificate':
      return certificateDocument(doc.content as unknown as CertificateDocumentInput, lang);
    case 'refusal':
      return refusalDocument(doc.content as unknown as RefusalDocumentInput, lang);
    case 'receipt':
      return pscReceiptDocument(doc.content as unknown as ReceiptDocumentInput, lang);
  }
}

let renderer: Promise<PdfRenderer> | undefined;

export async function applicationsRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = opts;
  const tags = ['applications'];

  r.post(
    '/api/v1/akimat/applications',
    {
      schema: {
        tags,
        summary:
          'The akimat counter: receive and serve at once — certificate or reasoned refusal (R-5..R-7, R-11)',
        description:
          "One transaction: the application is received, the akimat's own household book is read for the IIN as of " +
          'today, and a certificate (numbered per akimat and year, signed QR) or a reasoned refusal is issued — ' +
          'ground 1 without the identity card, ground 2 without a PSF record. The document prints at `pdfUrl`.',
        body: AkimatServiceRequest,
        response: { 201: ActResultSchema, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(reply, await serveAtAkimat(deps, getUser(request), request.body, request.ip), 201),
  );

  r.post(
    '/api/v1/psc/applications',
    {
      schema: {
        tags,
        summary:
          'PSC intake: documents checked, then the refusal (ground 1) or the receipt with the due date (R-11, R-12)',
        description:
          'Receives the application and records each required document as present or absent. A missing document ' +
          'gives the reasoned refusal on ground 1 at once (numbered by the PSC); otherwise the application is ' +
          'accepted and the receipt states the documents and when the result will be ready (2 working days, the ' +
          "day of acceptance not counted, at the PSC's closing time).",
        body: PscIntakeRequest,
        response: { 201: ActResultSchema, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(reply, await receiveAtPsc(deps, getUser(request), request.body, request.ip), 201),
  );

  r.post(
    '/api/v1/applications/:id/send',
    {
      schema: {
        tags,
        summary: "PSC: send an accepted application to the akimat that keeps the applicant's book (R-13)",
        params: IdParams,
        body: SendRequest,
        response: { 200: ActResultSchema, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(reply, await sendToAkimat(deps, getUser(request), request.params.id, request.body, request.ip)),
  );

  r.post(
    '/api/v1/applications/:id/decide',
    {
      schema: {
        tags,
        summary:
          'Akimat: decide a PSC application from its own book — certificate or reasoned refusal (R-5, R-6)',
        description:
          '403 for an officer of another akimat; 409 APPLICATION.ALREADY_DECIDED when it is decided (also for the ' +
          'second of two officers deciding at the same moment).',
        params: IdParams,
        response: { 200: ActResultSchema, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(reply, await decideApplication(deps, getUser(request), request.params.id, request.ip)),
  );

  r.post(
    '/api/v1/applications/:id/return',
    {
      schema: {
        tags,
        summary: 'Akimat (or the PSC on receipt): the decided result is back at the PSC (R-13)',
        params: IdParams,
        response: { 200: ActResultSchema, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(reply, await returnToPsc(deps, getUser(request), request.params.id, request.ip)),
  );

  r.post(
    '/api/v1/applications/:id/hand-over',
    {
      schema: {
        tags,
        summary:
          'PSC: hand the result to the applicant in person; the IIN shown must be the applicant’s (R-2)',
        params: IdParams,
        body: HandOverRequest,
        response: { 200: ActResultSchema, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(reply, await handOver(deps, getUser(request), request.params.id, request.body, request.ip)),
  );

  r.post(
    '/api/v1/online/applications',
    {
      schema: {
        tags,
        summary:
          'Online (R-22): a signed-in citizen applies for themselves and gets the electronic result at once',
        description:
          "The IIN is the session's. Every household book is read: a PSF record gives the electronic certificate " +
          'numbered by the akimat that keeps the book; none gives the reasoned refusal on ground 2. The name is ' +
          "optional (taken from the book, else the account's name).",
        body: OnlineRequest,
        response: { 201: ActResultSchema, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(reply, await applyOnline(deps, getUser(request), request.body, request.ip), 201),
  );

  r.post(
    '/api/v1/documents/:id/correct',
    {
      schema: {
        tags,
        summary:
          'Correct a certificate: a new one (new number, new QR) supersedes it; the old one never changes',
        params: IdParams,
        body: ReasonRequest,
        response: {
          201: z.object({ document: DocumentViewSchema, superseded: DocumentViewSchema }),
          ...errors,
        },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(
        reply,
        await correctCertificate(deps, getUser(request), request.params.id, request.body, request.ip),
        201,
      ),
  );

  r.post(
    '/api/v1/documents/:id/revoke',
    {
      schema: {
        tags,
        summary:
          'Revoke a certificate with its reason (the issuing akimat only); verification then says revoked',
        params: IdParams,
        body: ReasonRequest,
        response: { 200: DocumentViewSchema, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(
        reply,
        await revokeCertificate(deps, getUser(request), request.params.id, request.body, request.ip),
      ),
  );

  r.get(
    '/api/v1/applications',
    {
      schema: {
        tags,
        summary: "Applications in one's own scope, due first, with amber (75 %) and red (overdue) flags",
        description:
          'view=inbox: the akimat’s PSC applications to decide or return; in_progress / ready / intake: a PSC’s ' +
          'applications by stage (ready = results to hand over); all: everything in scope. The scope is the ' +
          "user's akimat, PSC, district or oblast, or a citizen's own.",
        querystring: z.object({
          view: z.enum(Object.keys(APPLICATION_VIEWS) as [keyof typeof APPLICATION_VIEWS]).default('all'),
          iin: z.string().max(32).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
        response: {
          200: z.object({ total: z.number().int(), applications: z.array(ApplicationSummarySchema) }),
          ...errors,
        },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(reply, await listApplications(deps, getUser(request), request.query, request.ip)),
  );

  r.get(
    '/api/v1/applications/:id',
    {
      schema: {
        tags,
        summary: 'One application with its events (who, when, which office: R-13) and its documents',
        params: IdParams,
        response: { 200: ApplicationDetailSchema, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) =>
      send(reply, await getApplication(deps, getUser(request), request.params.id, request.ip)),
  );

  r.get(
    '/api/v1/documents/:id.pdf',
    {
      schema: {
        tags,
        summary: 'An issued document as an A4 PDF in Kazakh or Russian (certificate, refusal or PSC receipt)',
        params: IdParams,
        querystring: z.object({ lang: z.enum(['kk', 'ru']).default('kk') }),
        response: { 200: z.unknown().describe('application/pdf, A4'), ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) => {
      const found = await getDocument(deps, getUser(request), request.params.id, request.ip);
      if (!found.ok) return sendError(reply, found.error);
      renderer ??= createPdfRenderer();
      const pdf = await (await renderer).render(
        printable(found.value, request.query.lang, deps.publicBaseUrl),
      );
      return reply
        .code(200)
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${found.value.number}-${request.query.lang}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  r.get(
    '/api/v1/documents/:id',
    {
      schema: {
        tags,
        summary: 'An issued document: number, kind, status (valid, superseded, revoked) and its PDF link',
        params: IdParams,
        response: { 200: DocumentViewSchema, ...errors },
      },
      preHandler: requireUser,
    },
    async (request, reply) => {
      const found = await getDocument(deps, getUser(request), request.params.id, request.ip);
      if (!found.ok) return sendError(reply, found.error);
      return toDocumentView(found.value);
    },
  );
}
