/**
 * Seals the audit chain in the background (ADR 0008): every `intervalMs` the rows committed since the last
 * round get their seq and hash. Rounds never overlap in one process; across instances the audit_head lock
 * lets one seal while the others skip. A failed round is logged and retried on the next tick — the rows
 * stay committed and wait, nothing is lost.
 */
import type { AuditReader } from '../../app/ports';

export function startAuditSealer(
  reader: Pick<AuditReader, 'seal'>,
  log: (line: string) => void,
  intervalMs = 250,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    running = running.then(() =>
      stopped ? 0 : reader.seal().catch((e) => log(`audit sealing failed: ${String(e)}`)),
    );
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      // A last round, so a clean shutdown leaves nothing waiting.
      await reader.seal().catch((e) => log(`audit sealing failed: ${String(e)}`));
    },
  };
}
