/**
 * what runs beside the HTTP server — the outbox worker (log transport by default; SMS through an HTTP
 * gateway when QOSALQY_SMS_GATEWAY_URL is set; e-mail needs a mail library, see transports.ts) and the complaint
 * deadline sweep (alerts, escalation).
 */
import { sweepComplaintDeadlines } from '../../app/complaints/sweep-complaint-deadlines';
import type { Runtime } from '../runtime';
import { createOutboxWorker } from './outbox-worker';
import { logTransport, smsHttpTransport, type Transports } from './transports';

export function startBackgroundJobs(
  runtime: Runtime,
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): { stop(): Promise<void> } {
  const transports: Transports = { log: logTransport(log), email: logTransport(log) };
  if (env.QOSALQY_SMS_GATEWAY_URL) {
    transports.sms = smsHttpTransport({
      url: env.QOSALQY_SMS_GATEWAY_URL,
      token: env.QOSALQY_SMS_GATEWAY_TOKEN,
    });
  } else {
    transports.sms = logTransport(log);
  }
  const worker = createOutboxWorker({
    db: runtime.db.kysely,
    transports,
    now: () => runtime.deps.clock.now(),
    onError: (id, error) => log(JSON.stringify({ notification: id, error })),
  });
  worker.start(5_000);
  const sweep = setInterval(() => {
    sweepComplaintDeadlines(runtime.deps, null).catch((e) => log(`complaint sweep failed: ${String(e)}`));
  }, 5 * 60_000);
  sweep.unref();
  return {
    async stop() {
      clearInterval(sweep);
      await worker.stop();
    },
  };
}
