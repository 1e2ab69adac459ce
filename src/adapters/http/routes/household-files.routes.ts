/** Upload (import) and download (export) of an akimat's household book as CSV or XLSX (issue 4, item 3). */
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkHouseholdAccess } from '../../../app/households/access';
import { openHouseholdBookExport } from '../../../app/households/export-household-book';
import { importHouseholdBook } from '../../../app/households/import-household-book';
import type { Deps } from '../../../app/ports';
import {
  checkImportSize,
  MAX_IMPORT_BYTES,
  readHouseholdBookFile,
  writeHouseholdBookCsv,
  writeHouseholdBookXlsx,
} from '../../files/household-book-file';
import { ErrorResponse } from '../common.schemas';
import { sendError } from '../errors';
import { getUser, requireUser } from '../session';

const ImportReportSchema = z.object({
  rowsRead: z.number(),
  rowsAccepted: z.number(),
  rowsRejected: z.number(),
  created: z.number(),
  updated: z.number(),
  written: z.boolean(),
  errors: z.array(
    z.object({
      line: z.number(),
      column: z.string().optional(),
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});

export async function householdFilesRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = opts;
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
    (_request, body, done) => done(null, body),
  );

  r.post(
    '/api/v1/households/import',
    {
      schema: {
        tags: ['household book'],
        summary:
          "Import an akimat's household book: the raw CSV or XLSX file as the body (at most 64 MiB); all or nothing",
        querystring: z.object({
          akimat: z.string().regex(/^\d{9}$/),
          fileName: z.string().max(255).default('book.csv'),
        }),
        response: {
          200: ImportReportSchema,
          401: ErrorResponse,
          403: ErrorResponse,
          413: ErrorResponse,
          422: ErrorResponse,
        },
      },
      bodyLimit: MAX_IMPORT_BYTES,
      // Refused by its declared size before a byte of it is read (issue 4: a 200 MB file).
      onRequest: async (request, reply) => {
        const declared = Number(request.headers['content-length'] ?? 0);
        if (declared > MAX_IMPORT_BYTES) {
          const tooLarge = checkImportSize(declared);
          if (!tooLarge.ok) return sendError(reply, tooLarge.error, 413);
        }
      },
      preHandler: requireUser,
    },
    async (request, reply) => {
      // R-14 first (the access matrix found this): someone who may not import this book gets 403 before the
      // server reads a byte of a file of up to 64 MiB, and learns nothing from its validation.
      const denied = checkHouseholdAccess(getUser(request), 'household.import', request.query.akimat);
      if (denied) return sendError(reply, denied.error);
      const body = request.body;
      if (!Buffer.isBuffer(body)) {
        return sendError(reply, {
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'send the file as application/octet-stream',
        });
      }
      const size = checkImportSize(body.length);
      if (!size.ok) return sendError(reply, size.error, size.error.code === 'FILE.TOO_LARGE' ? 413 : 422);
      const file = await readHouseholdBookFile({
        bytes: new Uint8Array(body),
        fileName: request.query.fileName,
      });
      if (!file.ok) return sendError(reply, file.error);
      const result = await importHouseholdBook(deps, getUser(request), {
        akimatKato: request.query.akimat,
        rows: file.value.rows,
        ip: request.ip,
      });
      if (!result.ok) return sendError(reply, result.error);
      return {
        ...result.value,
        errors: result.value.errors.map((e) => ({ ...e, details: e.details ? { ...e.details } : undefined })),
        warnings: file.value.warnings.map((w) => ({ code: w.code, message: w.message })),
      };
    },
  );

  r.get(
    '/api/v1/households/export',
    {
      schema: {
        tags: ['household book'],
        summary:
          "Download an akimat's household book (current versions) as CSV or XLSX, in the import layout",
        querystring: z.object({
          akimat: z.string().regex(/^\d{9}$/),
          format: z.enum(['csv', 'xlsx']).default('xlsx'),
        }),
      },
      preHandler: requireUser,
    },
    async (request, reply) => {
      const { akimat, format } = request.query;
      const households = await openHouseholdBookExport(deps, getUser(request), akimat, format, request.ip);
      if (!households.ok) return sendError(reply, households.error);
      const out = new PassThrough();
      const write = format === 'csv' ? writeHouseholdBookCsv : writeHouseholdBookXlsx;
      write(households.value, deps.species, out).catch((error: unknown) => {
        request.log.error({ err: { message: (error as Error).message } }, 'export failed');
        out.destroy(error as Error);
      });
      const type =
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return reply
        .type(type)
        .header('content-disposition', `attachment; filename="household-book-${akimat}.${format}"`)
        .send(out);
    },
  );
}
