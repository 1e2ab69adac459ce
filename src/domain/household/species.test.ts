import { describe, expect, it } from 'vitest';
import speciesJson from '../../../data/species.json';
import { makeSpeciesCatalogue } from './species';

// Issue 4 / R-5: the species list is reference data with kk/ru names; the certificate follows its order.
describe('the species reference file', () => {
  const r = makeSpeciesCatalogue(speciesJson);

  it('is a coherent catalogue', () => {
    expect(r.ok).toBe(true);
  });

  it('holds every species the issue names, in the certificate order', () => {
    if (!r.ok) return;
    expect(r.value.list.map((s) => s.code)).toEqual([
      'cattle',
      'cows',
      'sheep',
      'goats',
      'horses',
      'camels',
      'pigs',
      'deer',
      'donkeys',
      'rabbits',
      'poultry',
      'chickens',
      'ducks',
      'geese',
      'turkeys',
      'bees',
    ]);
  });

  it.each([
    ['cattle', ['cows']],
    ['poultry', ['chickens', 'ducks', 'geese', 'turkeys']],
  ])('%s has the "of which" lines %j', (parent, children) => {
    if (!r.ok) return;
    expect(r.value.childrenOf.get(parent)).toEqual(children);
  });

  it('counts bees in colonies and everything else in head, with kk and ru names', () => {
    if (!r.ok) return;
    expect(r.value.byCode.get('bees')?.unit).toBe('colony');
    expect(r.value.list.filter((s) => s.unit === 'head')).toHaveLength(15);
    expect(r.value.units.colony).toEqual({ kk: 'ұя', ru: 'семей' });
    expect(r.value.byCode.get('cattle')).toMatchObject({ kk: 'Ірі қара мал', ru: 'Крупный рогатый скот' });
  });
});

describe('makeSpeciesCatalogue refuses a broken file', () => {
  const units = { head: { kk: 'бас', ru: 'гол.' }, colony: { kk: 'ұя', ru: 'семей' } };
  const s = (code: string, parent: string | null = null, unit = 'head') => ({
    code,
    kk: code,
    ru: code,
    parent,
    unit,
  });
  it.each([
    ['not an object', null],
    ['no units', { species: [s('sheep')] }],
    ['duplicate code', { units, species: [s('sheep'), s('sheep')] }],
    ['bad code', { units, species: [s('Sheep!')] }],
    ['unknown parent', { units, species: [s('cows', 'cattle')] }],
    ['nested parent', { units, species: [s('cattle'), s('cows', 'cattle'), s('calves', 'cows')] }],
    [
      'child in another unit',
      {
        units,
        species: [s('bees'), s('queens', 'bees', 'head')].map((x, i) =>
          i === 0 ? { ...x, unit: 'colony' } : x,
        ),
      },
    ],
    ['unknown unit', { units, species: [s('sheep', null, 'kg')] }],
  ])('%s', (_label, json) => {
    const r = makeSpeciesCatalogue(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('SPECIES.BAD_CATALOGUE');
  });
});
