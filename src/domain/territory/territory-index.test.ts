import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plainDate } from '../shared/plain-date';
import { parseBuiltinTerritory } from './builtin-territory';
import { mergeKatoSnapshot } from './kato-history';
import { buildTerritoryIndex, isValidOn } from './territory-index';

// the tree helpers access control and reports use, on the built-in territory.
const loaded = parseBuiltinTerritory(
  JSON.parse(readFileSync(new URL('../../../data/territory-builtin.json', import.meta.url), 'utf8')),
);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
const nodes = loaded.value.nodes;
const index = buildTerritoryIndex(nodes);
const codes = (list: readonly { code: string }[]) => list.map((n) => n.code);

describe('TerritoryIndex', () => {
  it('walks the tree both ways', () => {
    expect(index.size).toBe(nodes.length);
    expect(codes(index.roots())).toEqual(['110000000', '230000000']);
    expect(codes(index.children('113243000'))).toEqual(['113243100', '113243200', '113243300', '113243400']);
    expect(codes(index.ancestors('113247107'))).toEqual(['110000000', '113200000', '113247000', '113247100']);
    expect(index.ancestors('110000000')).toEqual([]);
    expect(index.children('999999999')).toEqual([]);
  });

  it.each([
    ['113247107', '110000000', '113200000', '113247000'], // с.Филипповка inside с.Наумовка
    ['113243000', '110000000', '113200000', '113243000'],
    ['113220100', '110000000', '113200000', undefined], // г.Акколь: a city administration, no rural akimat
    ['113200000', '110000000', '113200000', undefined],
    ['235235100', '230000000', '235200000', '235235000'], // п.Доссор
  ])('%s: oblast %s, district %s, provider %s', (code, oblast, district, provider) => {
    expect(index.oblastOf(code)?.code).toBe(oblast);
    expect(index.districtOf(code)?.code).toBe(district);
    expect(index.providerOf(code)?.code).toBe(provider);
  });

  it('lists the providers of a district, an oblast and the country', () => {
    expect(codes(index.providersWithin('113200000'))).toEqual([
      '113239000',
      '113241000',
      '113243000',
      '113247000',
      '113249000',
      '113251000',
      '113253000',
      '113255000',
    ]);
    expect(codes(index.providersWithin('230000000'))).toEqual(['235230000', '235231000', '235235000']);
    expect(index.providersWithin()).toHaveLength(11);
    expect(index.providersWithin('113243200')).toEqual([]);
  });

  it.each([
    ['Кенес', {}, ['113243000', '113243200']], // the rural district before its village
    ['кеңес', {}, ['113243000', '113243200']], // Kazakh letters fold
    ['Кенес', { providersOnly: true }, ['113243000']],
    ['ауылдық округі', { within: '113200000', limit: 3 }, ['113241000', '113243000', '113247000']],
    ['с.Кенес', {}, ['113243200']], // exact Russian name
    ['Кенес ауылы', {}, ['113243200']], // exact Kazakh name
    ['Ақкөл', { kinds: ['district'] as const }, ['113200000']],
    ['мақат', {}, ['235200000', '235230000', '235230100']],
    ['  ', {}, []],
    ['нет такого', {}, []],
  ])('search %j %j', (query, options, expected) => {
    expect(codes(index.search(query, options))).toEqual(expected);
  });

  it('an index "on" a date sees the tree in force then; the default sees the current tree', () => {
    const first = mergeKatoSnapshot([], nodes, plainDate(2022, 10, 17));
    if (!first.ok) throw new Error('merge');
    const without = first.value.nodes.filter((n) => n.code !== '113243400' && n.parentCode !== null);
    const withoutRoots = first.value.nodes.filter((n) => n.parentCode === null);
    const next = mergeKatoSnapshot(first.value.nodes, [...withoutRoots, ...without], plainDate(2024, 1, 1));
    if (!next.ok) throw new Error('merge');
    const closed = next.value.nodes.find((n) => n.code === '113243400')!;
    expect(isValidOn(closed, plainDate(2023, 12, 31))).toBe(true);
    expect(isValidOn(closed, plainDate(2024, 1, 1))).toBe(false);
    expect(buildTerritoryIndex(next.value.nodes).find('113243400')).toBeUndefined();
    expect(
      buildTerritoryIndex(next.value.nodes, { on: plainDate(2023, 6, 1) }).find('113243400'),
    ).toBeDefined();
  });
});
