/**
 * e-mail over SMTP through nodemailer (a maintained mail library: it speaks SMTP, AUTH and STARTTLS, and
 * encodes Kazakh letters in the subject and body as UTF-8 MIME). One connection per message: the outbox worker
 * sends a handful a minute, and a fresh connection cannot inherit a broken one's state.
 *
 * Every wait has a limit shorter than the worker's own send limit, so a server that accepts the connection and
 * then says nothing ends the attempt inside nodemailer (the connection is closed, the attempt is a retryable
 * failure) rather than leaving a send running in the background that could still deliver after the worker has
 * scheduled the retry — which would send the message twice.
 */
import nodemailer from 'nodemailer';
import { smtpTransport, type Transport } from './transports';

export interface SmtpConfig {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS from the start). */
  readonly url: string;
  /** The sender, e.g. `Qosalqy <no-reply@qosalqy.kz>`. */
  readonly from: string;
  /** Connecting, including the DNS lookup. */
  readonly connectionTimeoutMs?: number;
  /** From the connection to the server's 220 greeting. */
  readonly greetingTimeoutMs?: number;
  /** Any silence of the server after the greeting (a reply that never comes). */
  readonly socketTimeoutMs?: number;
}

/** Defaults that together stay under the worker's 30 s send limit (outbox-worker.ts). */
export const SMTP_TIMEOUTS = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 15_000 } as const;

export function createSmtpTransport(config: SmtpConfig): Transport {
  const connectionTimeout = config.connectionTimeoutMs ?? SMTP_TIMEOUTS.connectionMs;
  const mailer = nodemailer.createTransport({
    url: config.url,
    connectionTimeout,
    dnsTimeout: connectionTimeout,
    greetingTimeout: config.greetingTimeoutMs ?? SMTP_TIMEOUTS.greetingMs,
    socketTimeout: config.socketTimeoutMs ?? SMTP_TIMEOUTS.socketMs,
    // Do not wait for a hung server to acknowledge QUIT before the next attempt.
    socketCloseTimeout: 0,
  });
  return smtpTransport(mailer, config.from, domainOf(config.from));
}

/** The Message-ID's right-hand side: the sender's domain, so receivers see ids under a domain we own. */
function domainOf(from: string): string {
  const m = /@([^>\s]+)>?\s*$/.exec(from);
  return m?.[1] ?? 'qosalqy.local';
}
