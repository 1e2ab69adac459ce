/**
 * The running server's own route list (issue 10 item 2): every write route, read from Fastify's route tree, so a
 * route added later is met by the hostile-input test without anyone remembering to list it; and the OpenAPI
 * body schema of each, so the test knows which generated bodies are certainly invalid.
 */
import type { FastifyInstance } from 'fastify';

export const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** `METHOD /path/:param` for every API route that writes, from `printRoutes` (the router's tree). */
export function writeRoutes(app: FastifyInstance): string[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const found = new Set<string>();
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const path = stack.join('');
    for (const method of (m[3] ?? '').split(', ')) {
      if ((WRITE_METHODS as readonly string[]).includes(method) && path.startsWith('/api/'))
        found.add(`${method} ${path}`);
    }
  }
  return [...found].sort();
}

// biome-ignore lint/suspicious/noExplicitAny: a JSON schema is an open shape
export type JsonSchema = Record<string, any>;

/** The JSON body schema of each write route that declares one, keyed like `writeRoutes`. */
export function bodySchemas(app: FastifyInstance): Map<string, JsonSchema> {
  // biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is read, not typed
  const spec = app.swagger() as any;
  const out = new Map<string, JsonSchema>();
  for (const [p, ops] of Object.entries<Record<string, JsonSchema>>(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      if (schema) out.set(`${method.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`, schema);
    }
  }
  return out;
}

/** The schema a value at `path` must match, or undefined where the schema does not say (unions, unknown). */
export function schemaAt(schema: JsonSchema | undefined, path: ReadonlyArray<string | number>) {
  let s = schema;
  for (const key of path) {
    if (!s || s.anyOf || s.oneOf || s.allOf) return undefined;
    if (typeof key === 'number') s = s.items;
    else
      s =
        s.properties?.[key] ??
        (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
  }
  return s;
}

/** Whether removing the field at `path` certainly makes the body invalid. */
export function isRequired(schema: JsonSchema | undefined, path: ReadonlyArray<string | number>): boolean {
  const parent = schemaAt(schema, path.slice(0, -1));
  const key = path[path.length - 1];
  return typeof key === 'string' && !!parent?.properties?.[key] && (parent.required ?? []).includes(key);
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Whether `value` certainly breaks the schema at `path` (wrong type, not in the enum, too long, pattern). */
export function certainlyInvalid(
  schema: JsonSchema | undefined,
  path: ReadonlyArray<string | number>,
  value: unknown,
): boolean {
  const s = schemaAt(schema, path);
  if (!s) return false;
  const t = jsonType(value);
  const types: string[] = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  if (types.length > 0 && !types.includes(t) && !(t === 'integer' && types.includes('number'))) return true;
  if (s.enum && !s.enum.includes(value)) return true;
  if ('const' in s && s.const !== value) return true;
  if (typeof value === 'string') {
    if (typeof s.maxLength === 'number' && [...value].length > s.maxLength) return true;
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) return true;
    if (s.format === 'uuid' || s.format === 'email') return true; // no generated hostile string is either
  }
  return false;
}
