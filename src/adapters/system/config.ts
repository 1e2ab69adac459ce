/**
 * Configuration from the environment, validated once at start (issue 2, item 8). A bad value stops the
 * process with one line naming the variable.
 */
import path from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const schema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  QOSALQY_DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  QOSALQY_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  QOSALQY_SHARED_DIR: z.string().min(1).default('../shared'),
  QOSALQY_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  QOSALQY_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  /** Where the embedded database (PGlite) keeps its files, and where signing keys live. */
  readonly dataDir: string;
  readonly publicBaseUrl: string;
  readonly demoPassword: string | undefined;
  /** ../shared: the KATO snapshot and the seed, used by the demo when present. */
  readonly sharedDir: string;
  readonly logLevel: string;
  readonly trustProxy: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** Empty strings count as unset, as in most shells' `VAR= cmd`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const got = present[variable] === undefined ? '' : ` (got ${JSON.stringify(present[variable])})`;
    throw new ConfigError(variable, `${issue.message}${got}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.QOSALQY_DATA_DIR),
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    demoPassword: e.QOSALQY_DEMO_PASSWORD,
    sharedDir: path.resolve(e.QOSALQY_SHARED_DIR),
    logLevel: e.QOSALQY_LOG_LEVEL,
    trustProxy: e.QOSALQY_TRUST_PROXY === 'true',
  };
}
