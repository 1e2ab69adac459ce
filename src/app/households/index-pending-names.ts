/**
 * Name search catches up with imports (ADR 0010): an import queues its households, and this brings their
 * names into the search index, a batch per transaction, until none is pending. Run by the server's name
 * indexer every moment, and by `qosalqy import-household-book` right after its import, so the command
 * leaves the book fully searchable. Returns the households taken (0 also when another instance is indexing).
 */
import type { Deps } from '../ports';

export async function indexPendingNames(deps: Pick<Deps, 'uow'>, batch = 1_000): Promise<number> {
  let total = 0;
  for (;;) {
    const taken = await deps.uow.run((repos) => repos.households.indexPendingNames(batch));
    if (taken === 0) return total;
    total += taken;
  }
}
