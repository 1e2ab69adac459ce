import { describe, expect, it } from 'vitest';
import { RU_REGIONS, regionGenitive, ruApparatusName, ruGenitive, ruUnitName } from './russian-names';

// the ru UI shows official Russian names.
describe('ruGenitive (R-20)', () => {
  it.each([
    ['Акмолинская область', 'Акмолинской области'],
    ['Восточно-Казахстанская область', 'Восточно-Казахстанской области'],
    ['Аккольский район', 'Аккольского района'],
    ['Бухар-Жырауский район', 'Бухар-Жырауского района'],
    ['Глубоковский район', 'Глубоковского района'],
    ['район Магжана Жумабаева', 'района Магжана Жумабаева'],
    ['район имени Габита Мусрепова', 'района имени Габита Мусрепова'],
    ['город Усть-Каменогорск', 'города Усть-Каменогорск'],
  ])('%s → %s', (name, genitive) => {
    expect(ruGenitive(name)).toBe(genitive);
  });

  it('uses the stated genitive where the rule would be wrong', () => {
    expect(regionGenitive('Астана қаласы')).toBe('города Астаны');
    expect(regionGenitive('Алматы қаласы')).toBe('города Алматы');
  });
});

describe('Russian names (R-20)', () => {
  it.each([
    ['Жамбыл облысы', 'Т. Рысқұлов ауданы', 'район Турара Рыскулова'], // KATO 2022
    ['Шығыс Қазақстан облысы', 'Зырянов ауданы', 'Зыряновский район'], // renamed Алтай later; the seed's name
    ['Павлодар облысы', 'Ертіс ауданы', 'Иртышский район'],
    ['Павлодар облысы', 'Ақтоғай ауданы', 'Актогайский район'],
    ['Қарағанды облысы', 'Ақтоғай ауданы', 'Актогайский район'],
    ['Алматы облысы', 'Ақсу ауданы', 'Аксуский район'],
    ['Павлодар облысы', 'Ақсу қаласы', 'город Аксу'],
  ])('%s, %s → %s', (oblast, unit, ru) => {
    expect(ruUnitName(oblast, unit)).toBe(ru);
  });

  it('finds nothing for unknown or inherited keys', () => {
    expect(ruUnitName('Алматы облысы', 'Қапшағай ауданы')).toBeUndefined();
    expect(ruUnitName('Ақмола облысы', 'toString')).toBeUndefined();
    expect(regionGenitive('constructor')).toBeUndefined();
  });

  it('has 14 oblasts of 2011 and the two cities of republican significance', () => {
    expect(Object.keys(RU_REGIONS)).toHaveLength(16);
  });

  it('builds the official apparatus name', () => {
    expect(ruApparatusName('Аккольского района')).toBe('ГУ «Аппарат акима Аккольского района»');
  });
});
