/**
 * Seals the audit chain in the background (ADR 0008): every `intervalMs` the rows committed since the last
 * round get their seq and hash. Rounds never overlap in one process; across instances the audit_head lock
 * lets one seal while the others skip. A failed round is logged and retried on the next tick — the rows
 * stay committed and wait, nothing is lost.
 */
import type { AuditReader } from '../../app/ports';
import { every } from '../system/periodic';

export function startAuditSealer(
  reader: Pick<AuditReader, 'seal'>,
  log: (line: string) => void,
  intervalMs = 250,
): { stop(): Promise<void> } {
  const report = (e: unknown) => log(`audit sealing failed: ${String(e)}`);
  const rounds = every(intervalMs, () => reader.seal(), report);
  return {
    async stop() {
      await rounds.stop();
      // A last round, so a clean shutdown leaves nothing waiting.
      await reader.seal().catch(report);
    },
  };
}
