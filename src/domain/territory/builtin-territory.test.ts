import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBuiltinTerritory } from './builtin-territory';

// R-1 (issue 3): the territory a machine without ../shared starts with.
const FILE = new URL('../../../data/territory-builtin.json', import.meta.url);
const loaded = parseBuiltinTerritory(JSON.parse(readFileSync(FILE, 'utf8')));

describe('data/territory-builtin.json', () => {
  it('is a valid tree without warnings (kk and ru markers agree, no cp1251 substitutes)', () => {
    expect(loaded.ok).toBe(true);
    expect(loaded.ok && loaded.value.warnings).toEqual([]);
  });

  const nodes = loaded.ok ? loaded.value.nodes : [];
  const find = (code: string) => nodes.find((n) => n.code === code);

  it.each([
    // The demo users' territories: akimat officer, district akim, oblast akim.
    ['113243000', 3, 'rural_district', true, 'Кенес ауылдық округі'],
    ['113200000', 2, 'district', false, 'Ақкөл ауданы'],
    ['110000000', 1, 'oblast', false, 'Ақмола облысы'],
    ['113239000', 3, 'village_akimat', true, 'Азат ауылының әкімдігі'],
    ['113241000', 3, 'rural_district', true, 'Қарасай ауылдық округі'],
    ['113247000', 3, 'rural_district', true, 'Наумовка ауылдық округі'],
    ['235230000', 3, 'settlement_akimat', true, 'Мақат кентінің әкімдігі'],
    ['113220000', 3, 'city_administration', false, 'Ақкөл қаласының әкімдігі'],
  ])('%s is level %i %s (provider: %s), kk "%s"', (code, level, kind, provider, kk) => {
    expect(find(code)).toMatchObject({ level, kind, isServiceProvider: provider, names: { kk } });
  });

  it('has a few dozen nodes, every one with a Kazakh name, in two oblasts', () => {
    expect(nodes.length).toBeGreaterThanOrEqual(30);
    expect(nodes.length).toBeLessThanOrEqual(80);
    expect(nodes.filter((n) => n.names.kk === null)).toEqual([]);
    expect(nodes.filter((n) => n.level === 1).map((n) => n.code)).toEqual(['110000000', '230000000']);
  });

  it.each([
    [{}, 'KATO.BAD_BUILTIN'],
    [{ nodes: [{ code: '110000000', parentCode: null, names: { ru: 'x' } }] }, 'KATO.BAD_ROWS'],
    [
      { nodes: [{ code: '113200000', parentCode: '110000000', names: { kk: null, ru: 'x' } }] },
      'KATO.BAD_ROWS',
    ],
  ])('refuses %j with %s', (json, code) => {
    const r = parseBuiltinTerritory(json);
    expect(!r.ok && r.error.code).toBe(code);
  });
});
