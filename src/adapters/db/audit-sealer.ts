/**
 * Seals the audit chain in the background (ADR 0008): every `intervalMs` the rows committed since the last
 * round get their seq and hash. Rounds never overlap in one process; across instances the audit_head lock
 * lets one seal while the others skip. A failed round is logged and retried on the next tick — the rows
 * stay committed and wait, nothing is lost.
 */
import type { AuditReader } from '../../app/ports';
import { drainEvery, type Periodic } from '../system/periodic';

export function startAuditSealer(
  reader: Pick<AuditReader, 'seal'>,
  log: (line: string) => void,
  intervalMs = 250,
): Periodic {
  // stop() seals once more, so a clean shutdown leaves nothing waiting.
  return drainEvery(
    intervalMs,
    () => reader.seal(),
    (e) => log(`audit sealing failed: ${String(e)}`),
  );
}
