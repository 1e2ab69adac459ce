import { describe, expect, it } from 'vitest';
import { buildTerritoryIndex } from '../territory/territory-index';
import type { KatoNode } from '../territory/kato-node';
import { linkOfficesToTerritory, nameStem } from './link-territory';

const node = (
  code: string,
  parentCode: string | null,
  ru: string,
  level: 1 | 2,
  kind: KatoNode['kind'],
): KatoNode => ({
  code,
  parentCode,
  level,
  kind,
  names: { kk: null, ru },
  isServiceProvider: false,
  validFrom: null,
  validTo: null,
  history: [],
});

describe('linkOfficesToTerritory (R-20, R-17)', () => {
  it.each([
    ['Аккольский район', 'аккольскии'],
    ['Кокшетау Г.А.', 'кокшетау'],
    ['город Кокшетау', 'кокшетау'],
    ['район Ақсуат', 'аксуат'],
    ['Южно-Казахстанская область', 'туркестанская'],
  ])('the stem of %s is %s', (name, stem) => {
    expect(nameStem(name).replace('й', 'и')).toBe(stem);
  });

  it('links apparatuses to oblasts and districts by name, and reports what it cannot link', () => {
    const index = buildTerritoryIndex([
      node('110000000', null, 'Акмолинская область', 1, 'oblast'),
      node('111000000', '110000000', 'Кокшетау Г.А.', 2, 'city_administration'),
      node('113200000', '110000000', 'Аккольский район', 2, 'district'),
    ]);
    const oblast = { kk: 'Ақмола облысы', ru: 'Акмолинская область' };
    const { links, unlinked } = linkOfficesToTerritory(
      [
        { id: 'a', kind: 'oblast_apparatus', oblast },
        {
          id: 'b',
          kind: 'city_apparatus',
          oblast,
          district: { kk: 'Көкшетау қаласы', ru: 'город Кокшетау' },
        },
        {
          id: 'c',
          kind: 'district_apparatus',
          oblast,
          district: { kk: 'Ақкөл ауданы', ru: 'Аккольский район' },
        },
        {
          id: 'd',
          kind: 'district_apparatus',
          oblast,
          district: { kk: 'Жоқ ауданы', ru: 'Несуществующий район' },
        },
      ],
      index,
    );
    expect(links.map((l) => l.kato)).toEqual(['110000000', '111000000', '113200000', null]);
    expect(unlinked).toEqual(['d']);
  });
});
