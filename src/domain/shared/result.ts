/**
 * Expected failures are values, not exceptions (DESIGN.md, conventions). A use case returns
 * `Result<T>`; the HTTP adapter maps `error.code` to a status through one table.
 */
export type ErrorCode = `${Uppercase<string>}` & string;

export interface DomainError {
  /** Namespaced, stable, translated by the UI: `IIN.BAD_CHECK_DIGIT`, `APPLICATION.ALREADY_DECIDED`. */
  readonly code: string;
  /** English, for logs and API readers; the UI never shows it, it translates `code`. */
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E = DomainError> = { readonly ok: false; readonly error: E };
export type Result<T, E = DomainError> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = (code: string, message: string, details?: Record<string, unknown>): Err<DomainError> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Thrown only where a caller broke a precondition it could have checked (a programming error), never for user input. */
export class DomainInvariantError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainInvariantError';
  }
}

/** `get*` helpers unwrap: they return the value or throw the domain error as an exception. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new DomainInvariantError(
    result.error.code,
    result.error.message,
    result.error.details as Record<string, unknown>,
  );
}
