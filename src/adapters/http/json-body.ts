/**
 * The JSON body parser of every route (issue 10 item 2, R-14): Fastify's own (prototype-poisoning safe), plus two
 * refusals it does not make. A body nested deeper than any request needs is refused before it is parsed, so a
 * 10,000-level document neither reaches a route that ignores its body (and would act) nor a jsonb column (where
 * PostgreSQL's stack-depth limit turns it into a 500). A string holding NUL, another control character or a lone
 * UTF-16 surrogate is refused: PostgreSQL cannot store NUL in text (a 500), and a lone surrogate is silently
 * replaced by U+FFFD on the way to the database (stored garbage). Tab, line feed and carriage return stay allowed.
 */
import type { FastifyInstance } from 'fastify';
import type { DomainError } from '../../domain/shared/result';

/** Deeper than any request body of the API (the household book is about 6 levels). */
export const MAX_JSON_DEPTH = 32;

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ud800-\udfff]/u;

/** An error the error handler answers with its own coded 400 body. */
export class BodyRefused extends Error {
  readonly statusCode = 400;
  constructor(readonly refusal: DomainError) {
    super(refusal.message);
  }
}

/** The nesting depth of a JSON text, counted without parsing it (brackets inside strings do not count). */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/** The path of the first string (value or key) no text field may hold, or null when every string is clean. */
export function forbiddenStringPath(value: unknown): string | null {
  const stack: Array<[unknown, string]> = [[value, 'body']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (FORBIDDEN_CHAR.test(v)) return path;
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push([v[i], `${path}.${i}`]);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (FORBIDDEN_CHAR.test(k)) return path;
        stack.push([item, `${path}.${k}`]);
      }
    }
  }
  return null;
}

export function registerJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      done(
        new BodyRefused({
          code: 'VALIDATION_FAILED',
          message: `the request body is nested deeper than ${MAX_JSON_DEPTH} levels`,
          details: { fields: [{ path: 'body', message: 'too deeply nested' }] },
        }),
        undefined,
      );
      return;
    }
    parse(request, text, (error, value) => {
      if (error) return done(error, undefined);
      const path = forbiddenStringPath(value);
      if (path === null) return done(null, value);
      done(
        new BodyRefused({
          code: 'VALIDATION_FAILED',
          message: 'the request body holds a control character, NUL or a broken (lone surrogate) character',
          details: { fields: [{ path, message: 'control characters are not allowed in text' }] },
        }),
        undefined,
      );
    });
  });
}
