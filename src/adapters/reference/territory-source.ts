/**
 * The territory index of this instance (R-2, R-3: every akimat and district by its KATO code). Building it from
 * the 16 k rows of kato_nodes costs 60–120 ms of the event loop (plus a full collection soon after); it used to
 * be rebuilt every minute whether or not anything had changed, and in the load test every such minute stopped
 * all requests in flight for that long. Now a minute after the last look the table's fingerprint is read in the
 * background — requests go on with the index they have — and the index is rebuilt only when the fingerprint
 * moved (another instance imported the classifier). The importing instance calls `invalidate()` and builds it
 * afresh on the next request.
 */
import type { Kysely } from 'kysely';
import type { TerritorySource } from '../../app/ports';
import { buildTerritoryIndex, type TerritoryIndex } from '../../domain/territory/territory-index';
import { territoryRepository } from '../db/repositories/territory.repository';
import type { Database } from '../db/schema';

/** Other instances pick up an import within about this time; the importing instance at once. */
export const TERRITORY_CHECK_MS = 60_000;

interface Held {
  readonly fingerprint: string;
  readonly index: Promise<TerritoryIndex>;
}

export function territorySource(db: Kysely<Database>, now: () => number = Date.now): TerritorySource {
  const rows = territoryRepository(db);
  let held: Held | undefined;
  let lookedAt = Number.NEGATIVE_INFINITY;
  let looking = false;

  // The fingerprint first: a change that lands between the two reads shows as a change at the next look.
  const build = async () => {
    const fingerprint = await rows.fingerprint();
    return { fingerprint, index: buildTerritoryIndex(await rows.all()) };
  };
  // While the first build runs, requests share its promise; its fingerprint is known once it is done.
  const load = (): Promise<TerritoryIndex> => {
    lookedAt = now();
    const built = build();
    const entry: Held = { fingerprint: '', index: built.then((b) => b.index) };
    held = entry;
    built.then(
      (b) => {
        if (held === entry) held = { fingerprint: b.fingerprint, index: entry.index };
      },
      () => {
        if (held === entry) held = undefined;
      },
    );
    return entry.index;
  };
  const lookAgain = async (current: Held) => {
    looking = true;
    lookedAt = now();
    try {
      if ((await rows.fingerprint()) === current.fingerprint) return;
      const next = await build();
      if (held === current) held = { fingerprint: next.fingerprint, index: Promise.resolve(next.index) };
    } catch {
      // The held index stays; the next look tries again.
    } finally {
      looking = false;
    }
  };

  return {
    index() {
      if (!held) return load();
      if (!looking && held.fingerprint !== '' && now() - lookedAt > TERRITORY_CHECK_MS) void lookAgain(held);
      return held.index;
    },
    invalidate() {
      held = undefined;
    },
  };
}
