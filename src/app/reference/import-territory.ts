/**
 * `qosalqy import-kato`: a new snapshot of the classifier merged into the stored one (domain/territory
 * mergeKatoSnapshot: closed codes keep their history, a reused code is refused), the rural akimats refreshed
 * as offices, all in one transaction. A dry run reports what would change and writes nothing.
 */
import { mergeKatoSnapshot } from '../../domain/territory/kato-history';
import type { KatoNode } from '../../domain/territory/kato-node';
import { buildTerritoryIndex } from '../../domain/territory/territory-index';
import type { PlainDate } from '../../domain/shared/plain-date';
import { ok, type Result } from '../../domain/shared/result';
import type { AuditInput, Deps, Office } from '../ports';

export interface TerritoryImportSummary {
  readonly nodes: number;
  readonly providers: number;
  readonly added: number;
  readonly closed: number;
  readonly renamed: number;
  readonly unchanged: number;
  readonly written: boolean;
}

/** The rural akimats (R-1 providers) as offices of the directory, with the akimat's office hours. */
export function ruralAkimatOffices(nodes: readonly KatoNode[]): Office[] {
  const index = buildTerritoryIndex(nodes);
  return index.providersWithin().map((n) => {
    const oblast = index.oblastOf(n.code);
    const district = index.districtOf(n.code);
    return {
      id: `akimat-${n.code}`,
      kind: 'rural_akimat' as const,
      appendix: null,
      ordinal: null,
      schedule: 'akimat' as const,
      kato: n.code,
      oblast: oblast ? { kk: oblast.names.kk ?? oblast.names.ru, ru: oblast.names.ru } : null,
      name: { kk: n.names.kk ?? n.names.ru, ru: n.names.ru },
      address: district
        ? [district.names.kk ?? district.names.ru, oblast?.names.kk ?? oblast?.names.ru]
            .filter(Boolean)
            .join(', ')
        : null,
      phones: [],
      fax: null,
      emails: [],
    };
  });
}

export async function importTerritory(
  deps: Deps,
  input: {
    incoming: readonly KatoNode[];
    asOf: PlainDate;
    dryRun: boolean;
    actor: Pick<AuditInput, 'actorId' | 'actorRole' | 'ip'>;
  },
): Promise<Result<TerritoryImportSummary>> {
  const result = await deps.uow.run(async (repos): Promise<Result<TerritoryImportSummary>> => {
    const existing = await repos.territory.all();
    let nodes: readonly KatoNode[] = input.incoming;
    let added = input.incoming.length;
    let closed = 0;
    let renamed = 0;
    let unchanged = 0;
    if (existing.length > 0) {
      const merged = mergeKatoSnapshot(existing, input.incoming, input.asOf);
      if (!merged.ok) return merged;
      ({ nodes } = merged.value);
      added = merged.value.added.length;
      closed = merged.value.closed.length;
      renamed = merged.value.renamed.length;
      unchanged = merged.value.unchanged;
    }
    const providers = nodes.filter((n) => n.isServiceProvider && n.validTo === null).length;
    const summary = {
      nodes: nodes.length,
      providers,
      added,
      closed,
      renamed,
      unchanged,
      written: !input.dryRun,
    };
    if (input.dryRun) return ok(summary);
    await repos.territory.replaceAll(nodes);
    await repos.offices.replaceKinds(['rural_akimat'], ruralAkimatOffices(nodes));
    await repos.audit.append({
      ...input.actor,
      action: 'territory.import',
      subjectType: 'kato',
      subjectId: input.asOf,
      outcome: 'success',
      details: { ...summary },
    });
    return ok(summary);
  });
  if (result.ok && result.value.written) {
    deps.territory.invalidate();
    deps.akimatNames.invalidate();
  }
  return result;
}
