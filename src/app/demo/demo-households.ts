/**
 * The demo household book: one hand-written household for the demo citizen (so the online application finds a
 * record) and about 5,000 synthetic households in the demo district (Akkol, 113200000), on first start only.
 */
import type { Household } from '../../domain/household/household';
import type { NameData } from '../../domain/household/names';
import { createHousehold } from '../../domain/household/versions';
import { generateHouseholdBook } from '../households/generate-households';
import { changeMeta } from '../households/access';
import type { Deps } from '../ports';
import { demoBookRecordedAt } from './demo-activity';
import { DEMO_TERRITORY } from './demo-users';

export const DEMO_HOUSEHOLDS = 5000;

export function demoCitizenHousehold(referenceYear: number, account: number): Household {
  return {
    bookNumber: String(Math.floor((account - 1) / 100) + 1),
    accountNumber: String(account),
    akimatKato: DEMO_TERRITORY.akimatKato,
    settlementKato: '113243200',
    address: 'Кенес ауылы, Абай көшесі, 12',
    status: 'open',
    members: [
      {
        iin: DEMO_TERRITORY.citizenIin,
        surname: 'Нұрланов',
        name: 'Асқар',
        patronymic: 'Нұрланұлы',
        relation: 'head',
        joinedOn: '2015-05-12' as never,
      },
      {
        iin: '920315450027',
        surname: 'Нұрланова',
        name: 'Айжан',
        patronymic: 'Серікқызы',
        relation: 'spouse',
        joinedOn: '2015-05-12' as never,
      },
    ],
    yearlyRecords: [
      {
        referenceYear,
        landPlots: [
          { purpose: 'homestead', areaHa: 0.25 },
          { purpose: 'hayfield', areaHa: 2.5 },
        ],
        livestock: { cattle: 4, cows: 2, sheep: 12, horses: 1, poultry: 20, chickens: 20 },
        machinery: [],
      },
    ],
  };
}

export async function seedDemoHouseholds(
  deps: Deps,
  names: NameData,
  onProgress?: (written: number) => void,
): Promise<{ households: number } | undefined> {
  const existing = await deps.uow.run((repos) => repos.households.accountsOf(DEMO_TERRITORY.akimatKato));
  if (existing.size > 0) return undefined;
  // Recorded at the start of the demo's past (demo-activity.ts), so the counter's reads as of those days find it.
  const recordedAt = demoBookRecordedAt(deps.clock.now());
  deps = { ...deps, clock: { now: () => recordedAt } };
  const referenceYear = recordedAt.getUTCFullYear();
  const r = await generateHouseholdBook(deps, {
    count: DEMO_HOUSEHOLDS,
    seed: 'qosalqy-demo',
    withinKato: DEMO_TERRITORY.districtKato,
    referenceYear,
    names,
    ...(onProgress ? { onProgress } : {}),
  });
  // The citizen's own household comes last, on the next free account of the Kenes book.
  const next =
    (await deps.uow.run((repos) => repos.households.accountsOf(DEMO_TERRITORY.akimatKato))).size + 1;
  const meta = changeMeta(deps, { id: 'system' } as never, 'demo household book');
  const own = createHousehold(
    deps.ids.timeOrderedUuid(),
    demoCitizenHousehold(referenceYear, next),
    meta,
    { species: deps.species },
    'imported',
  );
  if (!own.ok) throw new Error(`demo household: ${own.error.code} ${JSON.stringify(own.error.details)}`);
  await deps.uow.run((repos) => repos.households.saveVersions([own.value]));
  return { households: r.households + 1 };
}
