/**
 * Runs the name indexer beside the server (ADR 0010): every `intervalMs` the households an import left
 * pending get their names into the search index. Rounds never overlap in one process; across instances an
 * advisory lock lets one index while the others skip. A failed round is logged and retried on the next
 * tick — the queue rows stay committed and wait, nothing is lost.
 */
import { indexPendingNames } from '../../app/households/index-pending-names';
import type { Deps } from '../../app/ports';
import { every } from '../system/periodic';

export function startNameIndexer(
  deps: Pick<Deps, 'uow'>,
  log: (line: string) => void,
  intervalMs = 250,
): { stop(): Promise<void> } {
  const report = (e: unknown) => log(`name indexing failed: ${String(e)}`);
  const rounds = every(intervalMs, () => indexPendingNames(deps), report);
  return {
    async stop() {
      await rounds.stop();
      // A last round, so a clean shutdown leaves nothing waiting.
      await indexPendingNames(deps).catch(report);
    },
  };
}
