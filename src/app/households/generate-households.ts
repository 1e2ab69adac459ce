/**
 * `qosalqy generate-households` and the demo: a synthetic household book (domain/household/generator)
 * written through the same versioned storage as real data, in batches of one transaction each.
 */
import { type GeneratorAkimat, generateHouseholds } from '../../domain/household/generator';
import type { NameData } from '../../domain/household/names';
import { createHousehold, type HouseholdVersion } from '../../domain/household/versions';
import type { Deps } from '../ports';
import { changeMeta } from './access';

export interface GenerateOptions {
  readonly count: number;
  readonly seed: number | string;
  /** Only the rural akimats inside this KATO territory (default: all of them). */
  readonly withinKato?: string | undefined;
  readonly referenceYear: number;
  readonly names: NameData;
  readonly batchSize?: number;
  /** Called after each batch with the number written so far. */
  readonly onProgress?: (written: number) => void;
}

export async function akimatsForGenerator(deps: Deps, withinKato?: string): Promise<GeneratorAkimat[]> {
  const index = await deps.territory.index();
  return index.providersWithin(withinKato).map((p) => ({
    kato: p.code,
    settlements: index.children(p.code).map((c) => c.code),
  }));
}

export async function generateHouseholdBook(
  deps: Deps,
  options: GenerateOptions,
): Promise<{ households: number; members: number }> {
  const akimats = await akimatsForGenerator(deps, options.withinKato);
  if (akimats.length === 0) throw new Error('no rural akimats in that territory');
  const meta = changeMeta(deps, { id: 'system' } as never, 'synthetic household book');
  const ctx = { species: deps.species };
  const batchSize = options.batchSize ?? 2000;
  let batch: HouseholdVersion[] = [];
  let households = 0;
  let members = 0;
  // A book that already has households continues their numbering; people already in an open household
  // (from an earlier run with another seed) are not generated twice.
  const lastAccount = new Map<string, number>();
  for (const a of akimats) {
    const keys = (await deps.uow.run((repos) => repos.households.accountsOf(a.kato))).keys();
    let max = 0;
    for (const key of keys) max = Math.max(max, Number.parseInt(key.split('\u0000')[1] ?? '0', 10) || 0);
    lastAccount.set(a.kato, max);
  }
  const flush = async () => {
    if (batch.length === 0) return;
    const candidates = batch;
    batch = [];
    await deps.uow.run(async (repos) => {
      const taken = new Set(
        (
          await repos.households.openMemberships(
            candidates.flatMap((v) => v.household.members.map((m) => m.iin)),
          )
        ).map((m) => m.iin),
      );
      const toWrite = taken.size
        ? candidates.filter((v) => !v.household.members.some((m) => taken.has(m.iin)))
        : candidates;
      households += toWrite.length;
      members += toWrite.reduce((n, v) => n + v.household.members.length, 0);
      await repos.households.saveVersions(toWrite);
    });
    options.onProgress?.(households);
  };
  for (const household of generateHouseholds({
    count: options.count,
    seed: options.seed,
    akimats,
    referenceYear: options.referenceYear,
    names: options.names,
  })) {
    const account = (lastAccount.get(household.akimatKato) ?? 0) + 1;
    lastAccount.set(household.akimatKato, account);
    const numbered = {
      ...household,
      bookNumber: String(Math.floor((account - 1) / 100) + 1),
      accountNumber: String(account),
    };
    const v = createHousehold(deps.ids.timeOrderedUuid(), numbered, meta, ctx, 'imported');
    if (!v.ok)
      throw new Error(
        `generator produced an invalid household: ${v.error.code} ${JSON.stringify(v.error.details)}`,
      );
    batch.push(v.value);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return { households, members };
}
