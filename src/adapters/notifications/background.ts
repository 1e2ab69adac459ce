/**
 * what runs beside the HTTP server — the outbox worker and the complaint deadline sweep (alerts,
 * escalation). Transports come from the configuration: e-mail over SMTP when QOSALQY_SMTP_URL is set, SMS through
 * an HTTP gateway when QOSALQY_SMS_GATEWAY_URL is set; otherwise the message is written to the log.
 */
import { sweepComplaintDeadlines } from '../../app/complaints/sweep-complaint-deadlines';
import type { Runtime } from '../runtime';
import type { NotificationConfig } from '../system/config';
import { every } from '../system/periodic';
import { redactIins } from '../system/redact';
import { createOutboxWorker } from './outbox-worker';
import { createSmtpTransport } from './smtp';
import { logTransport, smsHttpTransport, type Transports } from './transports';

/** Which transport each channel uses; the SMTP URL (it may hold a password) never reaches the log. */
export function transportsFor(config: NotificationConfig, log: (line: string) => void): Transports {
  return {
    log: logTransport(log),
    email: config.smtpUrl
      ? createSmtpTransport({ url: config.smtpUrl, from: config.mailFrom })
      : logTransport(log),
    sms: config.smsGatewayUrl
      ? smsHttpTransport({ url: config.smsGatewayUrl, token: config.smsGatewayToken })
      : logTransport(log),
  };
}

export function startBackgroundJobs(
  runtime: Runtime,
  config: NotificationConfig,
  log: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): { stop(): Promise<void> } {
  const worker = createOutboxWorker({
    db: runtime.db.kysely,
    transports: transportsFor(config, log),
    now: () => runtime.deps.clock.now(),
    onError: (id, error) => log(redactIins(JSON.stringify({ notification: id, error }))),
  });
  worker.start(5_000);
  const sweep = every(
    5 * 60_000,
    () => sweepComplaintDeadlines(runtime.deps, null),
    (e) => log(`complaint sweep failed: ${String(e)}`),
  );
  return {
    async stop() {
      await sweep.stop();
      await worker.stop();
    },
  };
}
