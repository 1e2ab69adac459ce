/**
 * The one map from error codes to HTTP statuses (DESIGN.md). Error bodies are always
 * `{ error: { code, message, details } }`; a stack trace never leaves the server.
 */
import type { FastifyReply } from 'fastify';
import type { DomainError } from '../../domain/shared/result';

/** Exact codes first, then namespace suffixes / prefixes; anything unknown from the domain is a 422. */
const EXACT: Readonly<Record<string, number>> = {
  VALIDATION_FAILED: 422,
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
  'AUTH.INVALID_CREDENTIALS': 401,
  'AUTH.UNAUTHENTICATED': 401,
  'AUTH.TOO_MANY_ATTEMPTS': 429,
  'AUTH.CSRF': 403,
  'AUTH.FORBIDDEN': 403,
  'USER.EXISTS': 409,
  'FILE.TOO_LARGE': 413,
  'HOUSEHOLD.CONFLICT': 409,
  'HOUSEHOLD.ACCOUNT_EXISTS': 409,
  'COMPLAINT.NOT_APPLICANT': 403,
  'COMPLAINT.APPLICATION_NOT_FOUND': 404,
  'COMPLAINT.OFFICE_NOT_FOUND': 404,
  'SURVEY.SUBJECT_NOT_FOUND': 404,
  // Issue 5: acting on another office's application is a denial, as the access policy's would be.
  'APPLICATION.WRONG_OFFICE': 403,
  'APPLICATION.NOT_OWN_APPLICATION': 403,
  'APPLICATION.PSF_RECORD_CONFLICT': 409,
  'QUEUE.EMPTY': 409,
  'QUEUE.STALE_TICKET': 409,
  'QUEUE.WRONG_DESK': 409,
  'QUEUE.DESK_BUSY': 409,
  'QUEUE.CALL_TIMEOUT_NOT_REACHED': 409,
  'QUEUE.OFFICE_CLOSED': 409,
  'QUEUE.WRONG_OFFICE': 403,
  'KPI.UNIT_NOT_FOUND': 404,
  // A target is a body field (§19): a value or year out of range is a bad request, like a body schema failure.
  'KPI.TARGET_OUT_OF_RANGE': 400,
  'KPI.TARGET_YEAR_OUT_OF_RANGE': 400,
};

const BY_SUFFIX: ReadonlyArray<[RegExp, number]> = [
  [/\.NOT_FOUND$/, 404],
  [/\.FORBIDDEN$/, 403],
  [/\.(ALREADY_[A-Z_]+|CONFLICT|INVALID_TRANSITION)$/, 409],
];

export function statusFor(code: string): number {
  const exact = EXACT[code];
  if (exact !== undefined) return exact;
  for (const [pattern, status] of BY_SUFFIX) if (pattern.test(code)) return status;
  return 422;
}

export function errorBody(error: DomainError) {
  return { error: { code: error.code, message: error.message, details: error.details ?? {} } };
}

export function sendError(reply: FastifyReply, error: DomainError, status = statusFor(error.code)) {
  return reply.code(status).type('application/json').send(errorBody(error));
}
