/** zod schemas of the applications API (issue 5), named like the types they describe; OpenAPI is built from them. */
import { z } from 'zod';
import { APPLICATION_ACTIONS, APPLICATION_STATUSES, CHANNELS } from '../../../domain/applications';

export const ApplicantInput = z.object({
  iin: z.string().max(32).describe('12-digit IIN with a valid check digit (R-3)'),
  surname: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(100),
  patronymic: z.string().trim().max(100).optional(),
});

export const AkimatServiceRequest = z.object({
  applicant: ApplicantInput,
  identityDocumentShown: z
    .boolean()
    .describe('R-11 (§11): the identity card was shown; false means a refusal on ground 1'),
});

/** "your result is ready" — where (e-mail, phone for SMS, either or both) and in which language. */
export const ResultNoticeInput = z
  .object({
    email: z.email().max(254).optional(),
    phone: z
      .string()
      .regex(/^\+?[0-9 ()-]{6,20}$/)
      .optional(),
    language: z.enum(['kk', 'ru']),
  })
  .describe('R-24: tell the applicant when the result is ready at the PSC');

export const PscIntakeRequest = z.object({
  applicant: ApplicantInput,
  notify: ResultNoticeInput.optional(),
  documents: z
    .object({
      application: z.boolean().describe('§11 (1): the free-form application'),
      identity_copy: z.boolean().describe('§11 (2): a copy of the identity card'),
      identity_original: z.boolean().describe('§11 (2): the original shown and the copy checked against it'),
    })
    .describe('R-11: each required document recorded as present or absent'),
});

export const SendRequest = z.object({
  akimatKato: z
    .string()
    .regex(/^\d{9}$/)
    .optional()
    .describe("The akimat that keeps the applicant's book; found from the book when omitted"),
});

export const HandOverRequest = z.object({
  presentedIin: z.string().max(32).describe('The IIN on the identity card of the person collecting (R-2)'),
});

export const OnlineRequest = z.object({
  surname: z.string().trim().min(1).max(100).optional(),
  name: z.string().trim().min(1).max(100).optional(),
  patronymic: z.string().trim().max(100).optional(),
});

export const ReasonRequest = z.object({ reason: z.string().trim().min(1).max(1000) });

export const DocumentViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['certificate', 'refusal', 'receipt']),
  number: z.string(),
  issuedAt: z.string(),
  status: z.enum(['valid', 'revoked', 'superseded']),
  supersededBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  pdfUrl: z.string().describe('GET with ?lang=kk|ru for the A4 PDF'),
});

export const ApplicationSummarySchema = z.object({
  id: z.string(),
  channel: z.enum(CHANNELS),
  status: z.enum(APPLICATION_STATUSES),
  applicantName: z.string(),
  applicantIinMasked: z.string(),
  receivedAt: z.string(),
  akimatKato: z.string().nullable(),
  pscOfficeId: z.string().nullable(),
  dueAt: z.string().nullable(),
  amberAt: z.string().nullable(),
  flag: z.enum(['ok', 'amber', 'red']).describe('amber from 75 % of the time, red when overdue'),
  outcome: z.enum(['certificate', 'refusal']).nullable(),
  documentNumber: z.string().nullable(),
  decidedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  handedOverAt: z.string().nullable(),
  version: z.number().int(),
});

export const ApplicationViewSchema = ApplicationSummarySchema.extend({
  applicant: z.object({
    iin: z.string(),
    surname: z.string(),
    name: z.string(),
    patronymic: z.string().optional(),
  }),
  documents: z.record(z.string(), z.boolean()).nullable(),
  refusalGround: z.enum(['incomplete_documents', 'no_psf_record']).nullable(),
  allowedActions: z.array(z.enum(APPLICATION_ACTIONS)),
});

export const ActResultSchema = z.object({
  application: ApplicationViewSchema,
  document: DocumentViewSchema.nullable(),
});

export const EventViewSchema = z.object({
  seq: z.number().int(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  at: z.string(),
  actorId: z.string(),
  actorRole: z.string(),
  actorName: z.string().nullable().describe("The acting user's display name (R-13: who)"),
  officeId: z.string().nullable(),
});

export const ApplicationDetailSchema = z.object({
  application: ApplicationViewSchema,
  events: z.array(EventViewSchema),
  documents: z.array(DocumentViewSchema),
});
