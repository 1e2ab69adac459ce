/**
 * First start: when the database has no territory yet, load the KATO snapshot (from ../shared when present,
 * else the small built-in territory) and the office directory shipped in data/offices.json.
 */
import type { OfficeRecord } from '../../domain/directory/office-record';
import type { KatoNode } from '../../domain/territory/kato-node';
import type { PlainDate } from '../../domain/shared/plain-date';
import type { Deps } from '../ports';
import { importDirectory } from './import-directory';
import { importTerritory } from './import-territory';

const SYSTEM = { actorId: null, actorRole: 'system', ip: null } as const;

export interface ReferenceSources {
  /**
   * Read lazily, only on an empty database: snapshots applied in order (the built-in territory first, for its
   * Kazakh names, then the full classifier when there is one).
   */
  territory(): { nodes: KatoNode[]; asOf: PlainDate; source: string }[];
  offices(): OfficeRecord[];
}

export async function ensureReferenceData(deps: Deps, sources: ReferenceSources): Promise<string[]> {
  const done: string[] = [];
  const territoryCount = await deps.uow.run((repos) => repos.territory.count());
  if (territoryCount === 0) {
    for (const t of sources.territory()) {
      const r = await importTerritory(deps, {
        incoming: t.nodes,
        asOf: t.asOf,
        dryRun: false,
        actor: SYSTEM,
      });
      if (!r.ok) throw new Error(`territory: ${r.error.code} ${r.error.message}`);
      done.push(`territory from ${t.source}: ${r.value.nodes} nodes, ${r.value.providers} rural akimats`);
    }
  }
  const { total } = await deps.uow.run((repos) => repos.offices.search({ appendix: 1, limit: 1, offset: 0 }));
  if (total === 0) {
    const r = await importDirectory(deps, { offices: sources.offices(), actor: SYSTEM });
    if (!r.ok) throw new Error(`directory: ${r.error.code}`);
    done.push(`office directory: ${r.value.offices} offices (${r.value.unlinked.length} not linked to KATO)`);
  }
  return done;
}
