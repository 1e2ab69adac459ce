import { describe, expect, it } from 'vitest';
import { buildKatoNodes, deriveKind, type KatoKind, type KatoLevel, type KatoRecord } from './kato-node';

// level comes from the tree, kind from the name markers; names and codes as in the 2022 snapshot.
describe('deriveKind', () => {
  it.each<[string, string | null, KatoLevel, KatoKind | null, KatoKind]>([
    ['Акмолинская область', null, 1, null, 'oblast'],
    ['область Ұлытау', null, 1, null, 'oblast'],
    ['г.Астана', null, 1, null, 'republican_city'],
    ['Аккольский район', null, 2, 'oblast', 'district'],
    ['район Ақсуат', null, 2, 'oblast', 'district'],
    ['Район Шал акына', null, 2, 'oblast', 'district'],
    ['Кокшетау Г.А.', null, 2, 'oblast', 'city_administration'],
    ['район Алматы', null, 2, 'republican_city', 'city_district'],
    ['Кенесский с.о.', null, 3, 'district', 'rural_district'],
    ['Жиеналинский с.о', null, 3, 'city_administration', 'rural_district'], // no final dot
    ['с.о.Малика Габдуллина', null, 3, 'district', 'rural_district'],
    ['с.а.Азат', null, 3, 'district', 'village_akimat'],
    ['с.а. Каменка', null, 3, 'district', 'village_akimat'],
    ['Карабулакская с.а.', null, 3, 'city_administration', 'village_akimat'],
    ['Чаганская п.а.', null, 3, 'city_administration', 'settlement_akimat'],
    ['Аккольская г.а.', null, 3, 'district', 'city_administration'],
    ['г.а.Алтай', null, 3, 'district', 'city_administration'],
    ['Әлихан Бөкейхан р.а.', null, 3, 'city_administration', 'city_district'],
    ['район Астана', null, 3, 'city_administration', 'city_district'],
    ['район Әлихан Бөкейхан', null, 4, 'city_district', 'city_district'],
    ['г.Атбасар', null, 3, 'district', 'city'], // a city of district significance
    ['г.Акколь', null, 4, 'city_administration', 'city'],
    ['с.Ахмирово', null, 3, 'city_administration', 'settlement'], // a village of a city administration
    ['с.Кенес', null, 4, 'rural_district', 'settlement'],
    ['ст.Анар', null, 4, 'rural_district', 'settlement'],
    ['рзд.92', null, 4, 'rural_district', 'settlement'],
    ['с.Филипповка', null, 5, 'settlement', 'sub_settlement'],
    ['зимовка Жанабаз', null, 5, 'settlement', 'sub_settlement'],
    ['пасека Резникова', null, 4, 'settlement', 'sub_settlement'], // inside с.Ливино of Ridder Г.А.
    ['с.А.Молдагуловой', null, 4, 'rural_district', 'settlement'], // "с.А." is an initial, not с.а.
    // The Kazakh name decides when the Russian one has no marker.
    ['Лениногорский лесхоз', null, 3, 'city_administration', 'settlement'],
    ['Кенес', 'Кенес ауылдық округі', 3, 'district', 'rural_district'],
    ['Азат', 'Азат ауылының әкімдігі', 3, 'district', 'village_akimat'],
    ['Макат', 'Мақат кентінің әкімдігі', 3, 'district', 'settlement_akimat'],
    // …but the Russian marker wins when both have one.
    ['Карасайский с.о.', 'Қарасай ауылы', 3, 'district', 'rural_district'],
  ])('%s / %s at level %i under %s → %s', (ru, kk, level, parentKind, expected) => {
    expect(deriveKind({ level, parentKind, names: { kk, ru } })).toBe(expected);
  });
});

const rec = (line: number, code: string, parentCode: string | null, ru: string, kk: string | null = null) =>
  ({ line, code, parentCode, kk, ru }) satisfies KatoRecord;

describe('buildKatoNodes', () => {
  it('derives level, kind and provider flag; parents first', () => {
    const r = buildKatoNodes([
      rec(4, '113243200', '113243000', 'с.Кенес'),
      rec(3, '113243000', '113200000', 'Кенесский  с.о. ', 'Кенес ауылдық округі'),
      rec(2, '113200000', '110000000', 'Аккольский район'),
      rec(1, '110000000', null, 'Акмолинская область'),
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.nodes.map((n) => [n.code, n.level, n.kind, n.isServiceProvider])).toEqual([
      ['110000000', 1, 'oblast', false],
      ['113200000', 2, 'district', false],
      ['113243000', 3, 'rural_district', true],
      ['113243200', 4, 'settlement', false],
    ]);
    expect(r.value.nodes[2]?.names).toEqual({ kk: 'Кенес ауылдық округі', ru: 'Кенесский с.о.' });
    expect(r.value.nodes[2]).toMatchObject({ validFrom: null, validTo: null, history: [] });
  });

  it('lists every broken record with its line', () => {
    const r = buildKatoNodes([
      rec(2, '110000000', null, 'Акмолинская область'),
      rec(3, '113200000', '110000000', 'Аккольский район'),
      rec(4, '11320000', '110000000', 'восемь цифр'),
      rec(5, '113200000', '110000000', 'дубликат'),
      rec(6, '113243000', '119900000', 'нет родителя'),
      rec(7, '123243000', '113200000', 'не тот префикс'),
      rec(8, '113249000', null, 'корень не область'),
      rec(9, '113245000', '113200000', '  '),
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('KATO.BAD_ROWS');
    const problems = (r.error.details?.problems ?? []) as { line: number; problem: string }[];
    expect(problems.map((p) => [p.line, p.problem])).toEqual([
      [4, 'BAD_CODE'],
      [5, 'DUPLICATE_CODE'],
      [6, 'UNKNOWN_PARENT'],
      [7, 'NOT_UNDER_PARENT'],
      [8, 'ROOT_NOT_OBLAST'],
      [9, 'EMPTY_NAME'],
    ]);
  });

  it('warns about cp1251 substitute letters and mismatched kk/ru markers, and still builds', () => {
    const r = buildKatoNodes([
      rec(2, '110000000', null, 'Акмолинская область', 'Ақмола облысы'),
      rec(3, '113200000', '110000000', 'Аккольский район', 'Ақкөл ауданы'),
      rec(4, '113243000', '113200000', 'Кенесский с.о.', 'Кенес ауылының әкімдігі'),
      rec(5, '113243200', '113243000', 'с."Ќоянды"'),
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.warnings.map((w) => [w.line, w.warning])).toEqual([
      [4, 'KIND_MARKERS_DISAGREE'],
      [5, 'SUBSTITUTE_LETTERS'],
    ]);
  });
});
