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
  // ADR 0009: off behind a connection pooler that cannot keep named prepared statements (PgBouncer in
  // transaction mode before 1.21, or without max_prepared_statements).
  QOSALQY_PG_PREPARED_STATEMENTS: z.enum(['true', 'false']).default('true'),
  QOSALQY_DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  QOSALQY_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  QOSALQY_SHARED_DIR: z.string().min(1).default('../shared'),
  QOSALQY_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  QOSALQY_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  // notification transports; unset → the message goes to the log.
  QOSALQY_SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be smtp://… or smtps://…' }).optional(),
  QOSALQY_MAIL_FROM: z
    .string()
    .regex(
      /^(?:[^<>]*<\s*)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+\s*>?$/,
      'must be addr@domain or Name <addr@domain>',
    )
    .optional(),
  QOSALQY_SMS_GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional(),
  QOSALQY_SMS_GATEWAY_TOKEN: z.string().optional(),
});

/** Variables whose value may hold a password: a bad value is reported without echoing it. */
const SECRET = new Set(['QOSALQY_SMTP_URL', 'QOSALQY_SMS_GATEWAY_TOKEN', 'QOSALQY_DEMO_PASSWORD']);

export interface NotificationConfig {
  /** SMTP server for e-mail (nodemailer); unset → e-mails are written to the log. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** HTTP SMS gateway; unset → SMS are written to the log. */
  readonly smsGatewayUrl: string | undefined;
  readonly smsGatewayToken: string | undefined;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  /** PostgreSQL: repeated statements as named prepared statements (ADR 0009). */
  readonly pgPreparedStatements: boolean;
  /** Where the embedded database (PGlite) keeps its files, and where signing keys live. */
  readonly dataDir: string;
  readonly publicBaseUrl: string;
  readonly demoPassword: string | undefined;
  /** ../shared: the KATO snapshot and the seed, used by the demo when present. */
  readonly sharedDir: string;
  readonly logLevel: string;
  readonly trustProxy: boolean;
  readonly notifications: NotificationConfig;
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
    const got =
      present[variable] === undefined || SECRET.has(variable)
        ? ''
        : ` (got ${JSON.stringify(present[variable])})`;
    throw new ConfigError(variable, `${issue.message}${got}`);
  }
  const e = parsed.data;
  const publicBaseUrl = (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    pgPreparedStatements: e.QOSALQY_PG_PREPARED_STATEMENTS === 'true',
    dataDir: path.resolve(e.QOSALQY_DATA_DIR),
    publicBaseUrl,
    demoPassword: e.QOSALQY_DEMO_PASSWORD,
    sharedDir: path.resolve(e.QOSALQY_SHARED_DIR),
    logLevel: e.QOSALQY_LOG_LEVEL,
    trustProxy: e.QOSALQY_TRUST_PROXY === 'true',
    notifications: {
      smtpUrl: e.QOSALQY_SMTP_URL,
      mailFrom: e.QOSALQY_MAIL_FROM ?? `Qosalqy <no-reply@${mailDomain(publicBaseUrl)}>`,
      smsGatewayUrl: e.QOSALQY_SMS_GATEWAY_URL,
      smsGatewayToken: e.QOSALQY_SMS_GATEWAY_TOKEN,
    },
  };
}

/** The default sender's domain: the public host, or `qosalqy.local` for a bare host name like `localhost`. */
function mailDomain(publicBaseUrl: string): string {
  const host = new URL(publicBaseUrl).hostname;
  return host.includes('.') && !/^[\d.]+$/.test(host) ? host : 'qosalqy.local';
}
