/**
 * pluggable delivery. A transport sends one message or throws; the worker handles retries. Every message
 * carries its outbox id as an idempotency key, so a gateway that honours it drops a redelivery after a crash.
 */
import type { NotificationChannel } from '../../domain/notifications/notifications';
import { redactIins } from '../system/redact';

export interface OutgoingMessage {
  /** The outbox id: the idempotency key / Message-ID. */
  readonly id: string;
  readonly channel: NotificationChannel;
  readonly recipient: string;
  readonly language: 'kk' | 'ru';
  readonly subject: string;
  readonly body: string;
}

export interface Transport {
  send(message: OutgoingMessage): Promise<void>;
}

export type Transports = Partial<Record<NotificationChannel, Transport>>;

/** The default: writes the message to the log (recipient masked), delivering nothing. */
export function logTransport(log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Transport {
  return {
    async send(m) {
      const masked = m.recipient.replace(/^(.{2}).*(.{2})$/, '$1…$2');
      log(
        redactIins(
          JSON.stringify({ notification: m.id, channel: m.channel, to: masked, subject: m.subject }),
        ),
      );
    },
  };
}

/**
 * What an SMTP library offers (nodemailer's `Transporter.sendMail` has this shape); `smtp.ts` builds the real one
 * from the configuration. A refusal (a 4xx/5xx reply, a timeout) throws, so the worker retries the message.
 */
export interface MailSender {
  sendMail(mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
    messageId?: string;
    headers?: Record<string, string>;
  }): Promise<unknown>;
}

export function smtpTransport(sender: MailSender, from: string, domain = 'qosalqy.local'): Transport {
  return {
    async send(m) {
      await sender.sendMail({
        from,
        to: m.recipient,
        subject: m.subject,
        text: m.body,
        messageId: `<${m.id}@${domain}>`,
        headers: { 'Content-Language': m.language },
      });
    },
  };
}

/** An SMS gateway over HTTP: POST JSON {to, text, lang} with the outbox id as `Idempotency-Key`. */
export interface SmsGatewayConfig {
  readonly url: string;
  readonly token?: string;
  readonly fetch?: typeof fetch;
}

export function smsHttpTransport(config: SmsGatewayConfig): Transport {
  const doFetch = config.fetch ?? fetch;
  return {
    async send(m) {
      const res = await doFetch(config.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': m.id,
          ...(config.token ? { authorization: `Bearer ${config.token}` } : {}),
        },
        body: JSON.stringify({ to: m.recipient, text: m.body, lang: m.language }),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}
