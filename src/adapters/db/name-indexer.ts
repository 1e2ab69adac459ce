/**
 * Runs the name indexer beside the server (ADR 0010): every `intervalMs` the households an import left
 * pending get their names into the search index. Rounds never overlap in one process; across instances an
 * advisory lock lets one index while the others skip. A failed round is logged and retried on the next
 * tick — the queue rows stay committed and wait, nothing is lost.
 */
import { indexPendingNames } from '../../app/households/index-pending-names';
import type { Deps } from '../../app/ports';
import { drainEvery, type Periodic } from '../system/periodic';

export function startNameIndexer(
  deps: Pick<Deps, 'uow'>,
  log: (line: string) => void,
  intervalMs = 250,
): Periodic {
  // stop() indexes once more, so a clean shutdown leaves nothing waiting.
  return drainEvery(
    intervalMs,
    () => indexPendingNames(deps),
    (e) => log(`name indexing failed: ${String(e)}`),
  );
}
