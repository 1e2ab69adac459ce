/**
 * Use cases return Result values for expected failures; when a failure must also roll back a transaction
 * the use case throws a UseCaseError inside `uow.run`, and the caller turns it back into a Result.
 */
import { type DomainError, type Err, err } from '../domain/shared/result';

export class UseCaseError extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
    this.name = 'UseCaseError';
  }
}

export function fail(code: string, message: string, details?: Record<string, unknown>): never {
  throw new UseCaseError(err(code, message, details).error);
}

export function toErr(e: unknown): Err | undefined {
  return e instanceof UseCaseError ? { ok: false, error: e.error } : undefined;
}
