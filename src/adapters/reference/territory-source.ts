import type { Kysely } from 'kysely';
import type { TerritorySource } from '../../app/ports';
import { buildTerritoryIndex, type TerritoryIndex } from '../../domain/territory/territory-index';
import { territoryRepository } from '../db/repositories/territory.repository';
import type { Database } from '../db/schema';

/** Other instances pick up an import within this time; the importing instance at once. */
const REFRESH_MS = 60_000;

export function territorySource(db: Kysely<Database>, now: () => number = Date.now): TerritorySource {
  let cached: { at: number; index: Promise<TerritoryIndex> } | undefined;
  return {
    index() {
      if (!cached || now() - cached.at > REFRESH_MS) {
        const index = territoryRepository(db)
          .all()
          .then((nodes) => buildTerritoryIndex(nodes));
        cached = { at: now(), index };
        index.catch(() => {
          cached = undefined;
        });
      }
      return cached.index;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
