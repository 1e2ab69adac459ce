import { describe, expect, it } from 'vitest';
import speciesJson from '../../../data/species.json';
import type { PlainDate } from '../shared/plain-date';
import type { Household } from './household';
import { makeSpeciesCatalogue } from './species';
import {
  type ChangeMeta,
  closeHousehold,
  createHousehold,
  type HouseholdVersion,
  householdAsOf,
  householdChanges,
  latestVersion,
  openMemberIins,
  reopenHousehold,
  reviseHousehold,
} from './versions';

const catalogue = makeSpeciesCatalogue(speciesJson);
if (!catalogue.ok) throw new Error('data/species.json is broken');
const ctx = { species: catalogue.value };

const h1: Household = {
  bookNumber: '1',
  accountNumber: '7',
  akimatKato: '101033000',
  settlementKato: '101033100',
  address: 'ул. Школьная, 4',
  status: 'open',
  members: [
    {
      iin: '800601300014', // 1980-06-01, male
      surname: 'Петров',
      name: 'Иван',
      patronymic: 'Сергеевич',
      relation: 'head',
      joinedOn: '2005-01-01' as PlainDate,
    },
  ],
  yearlyRecords: [{ referenceYear: 2024, landPlots: [], livestock: { cattle: 2, cows: 1 }, machinery: [] }],
};
const meta = (on: string, reason = 'entered from the paper book'): ChangeMeta => ({
  recordedOn: on as PlainDate,
  recordedAt: `${on}T04:00:00Z`,
  recordedBy: 'officer-1',
  reason,
});
function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

// Issue 4: every change is a new version (who, when, why); the book reads as of any past date.
describe('household versions', () => {
  const v1 = must(createHousehold('hh-1', h1, meta('2024-02-01'), ctx));
  const h2: Household = {
    ...h1,
    yearlyRecords: [
      ...h1.yearlyRecords,
      {
        referenceYear: 2025,
        landPlots: [{ purpose: 'homestead', areaHa: 0.15 }],
        livestock: { sheep: 12 },
        machinery: [],
      },
    ],
  };
  const v2 = must(reviseHousehold([v1], h2, meta('2025-01-20', 'yearly round 2025'), ctx));
  const v3 = must(
    closeHousehold([v1, v2], '2025-06-01' as PlainDate, meta('2025-06-03', 'moved to the city'), ctx),
  );
  const history: HouseholdVersion[] = [v3, v1, v2]; // any order

  it('numbers versions and keeps who, when and why', () => {
    expect([v1.version, v2.version, v3.version]).toEqual([1, 2, 3]);
    expect([v1.change, v2.change, v3.change]).toEqual(['created', 'edited', 'closed']);
    expect(v2).toMatchObject({ householdId: 'hh-1', recordedBy: 'officer-1', reason: 'yearly round 2025' });
    expect(latestVersion(history)).toBe(v3);
  });

  it.each([
    ['2024-01-31', undefined], // not yet in the book
    ['2024-02-01', 1], // the day it was entered counts
    ['2024-12-31', 1],
    ['2025-01-20', 2],
    ['2025-06-02', 2], // closed on 1 June, but the book said so only on 3 June
    ['2025-06-03', 3],
    ['2030-01-01', 3],
  ])('as of %s the book shows version %s', (date, version) => {
    expect(householdAsOf(history, date as PlainDate)?.version).toBe(version);
  });

  it('closing keeps the whole history and the last state', () => {
    expect(v3.household).toMatchObject({
      status: 'closed',
      closedOn: '2025-06-01',
      closeReason: 'moved to the city',
    });
    expect(v3.household.members).toEqual(h2.members);
    expect(v3.household.yearlyRecords).toEqual(h2.yearlyRecords);
    expect(openMemberIins(v3.household, '2025-06-03' as PlainDate)).toEqual([]);
    expect(openMemberIins(v2.household, '2025-06-03' as PlainDate)).toEqual(['800601300014']);
  });

  it('a closed household is read-only until reopened', () => {
    const edit = reviseHousehold(history, { ...h2, address: 'ул. Новая, 1' }, meta('2025-07-01'), ctx);
    expect(edit.ok || edit.error.code).toBe('HOUSEHOLD.CLOSED');
    expect(closeHousehold(history, '2025-07-01' as PlainDate, meta('2025-07-01'), ctx)).toMatchObject({
      ok: false,
      error: { code: 'HOUSEHOLD.ALREADY_CLOSED' },
    });
    const v4 = must(reopenHousehold(history, meta('2025-07-01', 'closed by mistake'), ctx));
    expect(v4).toMatchObject({ version: 4, change: 'reopened', household: { status: 'open' } });
    expect(v4.household.closedOn).toBeUndefined();
    expect(v4.household.closeReason).toBeUndefined();
    expect(reopenHousehold([...history, v4], meta('2025-07-02'), ctx)).toMatchObject({
      ok: false,
      error: { code: 'HOUSEHOLD.NOT_CLOSED' },
    });
  });

  it('reopening refuses members who joined another open household meanwhile', () => {
    const r = reopenHousehold(history, meta('2025-07-01'), {
      ...ctx,
      openIinsElsewhere: new Set(['800601300014']),
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({
        code: 'HOUSEHOLD.INVALID',
        details: { errors: [{ path: 'members[0].iin' }] },
      });
  });

  it.each([
    ['back-dated', [v1, v2], h1, meta('2025-01-19'), 'HOUSEHOLD.BACKDATED_CHANGE'],
    ['without a reason', [v1, v2], h1, meta('2025-02-01', ' '), 'HOUSEHOLD.MISSING_REASON'],
    ['nothing changed', [v1, v2], h2, meta('2025-02-01'), 'HOUSEHOLD.NO_CHANGE'],
    [
      'to another akimat',
      [v1, v2],
      { ...h2, akimatKato: '101035000', settlementKato: '101035100' },
      meta('2025-02-01'),
      'HOUSEHOLD.AKIMAT_CHANGE',
    ],
    ['invalid', [v1, v2], { ...h2, address: '' }, meta('2025-02-01'), 'HOUSEHOLD.INVALID'],
    ['without history', [], h1, meta('2025-02-01'), 'HOUSEHOLD.NO_HISTORY'],
  ] as const)('a revision %s is refused', (_label, prior, household, m, code) => {
    const r = reviseHousehold(prior, household, m, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it('an invalid household does not enter the book, with every field error listed', () => {
    const bad = { ...h1, members: [{ ...h1.members[0]!, iin: '800601300015' }] };
    const r = createHousehold('hh-2', bad, meta('2025-01-01'), ctx);
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'HOUSEHOLD.INVALID',
        details: { errors: [{ code: 'IIN.BAD_CHECK_DIGIT', path: 'members[0].iin' }] },
      },
    });
    expect(createHousehold('hh-2', { ...h1, status: 'closed' }, meta('2025-01-01'), ctx)).toMatchObject({
      ok: false,
      error: { code: 'HOUSEHOLD.CLOSED' },
    });
  });

  it('describes what each version changed', () => {
    expect(householdChanges(undefined, h1)).toContainEqual({ kind: 'member-added', iin: '800601300014' });
    expect(householdChanges(v1.household, v2.household)).toEqual([
      { kind: 'year-added', referenceYear: 2025 },
    ]);
    const sold: Household = {
      ...h2,
      address: 'ул. Школьная, 6',
      members: [{ ...h2.members[0]!, surname: 'Петренко' }],
      yearlyRecords: [
        h2.yearlyRecords[0]!,
        { ...h2.yearlyRecords[1]!, livestock: { sheep: 9, goats: 2 }, landPlots: [] },
      ],
    };
    expect(householdChanges(h2, sold)).toEqual([
      { kind: 'field', field: 'address', from: 'ул. Школьная, 4', to: 'ул. Школьная, 6' },
      { kind: 'member-changed', iin: '800601300014', fields: ['surname'] },
      { kind: 'land-changed', referenceYear: 2025, fromHa: 0.15, toHa: 0 },
      { kind: 'livestock-changed', referenceYear: 2025, species: 'sheep', from: 12, to: 9 },
      { kind: 'livestock-changed', referenceYear: 2025, species: 'goats', from: 0, to: 2 },
    ]);
    expect(householdChanges(v2.household, v3.household)).toEqual([
      { kind: 'field', field: 'status', from: 'open', to: 'closed' },
      { kind: 'field', field: 'closedOn', from: undefined, to: '2025-06-01' },
    ]);
  });
});
