import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeLevel, districtOf, isKatoCode, isWithin, oblastOf, significantPrefix } from './kato-code';
import { buildKatoNodes, type KatoRecord } from './kato-node';
import { buildTerritoryIndex } from './territory-index';

// the code structure AB CD EF H IJ. Codes are real ones from the 2022 snapshot.
describe('KATO code structure', () => {
  it.each([
    ['110000000', '11', 1], // Акмолинская область
    ['113200000', '1132', 2], // Аккольский район
    ['113243000', '113243', 3], // Кенесский с.о.
    ['113243200', '1132432', 4], // с.Кенес
    ['113247107', '113247107', 5], // с.Филипповка, inside с.Наумовка
    ['632400400', '6324004', 4], // Лениногорский лесхоз: EF is 00, H is not
    ['711110000', '711110', 3], // район Алматы of Astana: coded at group 3, a level-2 node in the tree
    ['000000000', '', 0],
    ['11324300', '', 0], // eight digits
    ['11324300x', '', 0],
  ])('%s → significant prefix %s, code level %i', (code, prefix, level) => {
    expect(significantPrefix(code)).toBe(prefix);
    expect(codeLevel(code)).toBe(level);
  });

  it.each([
    ['113243200', '113243000', true], // a village in its rural district
    ['113243000', '113243000', true], // a territory includes itself
    ['113243200', '110000000', true],
    ['113221000', '113220000', false], // 2-2-2-1-2 groups: EF 21 is not inside EF 20
    ['113220100', '113220000', true],
    ['632400405', '632400400', true],
    ['632400500', '632400400', false],
    ['113243000', '113243200', false], // a parent is not within its child
    ['120000000', '110000000', false],
    ['bad', '110000000', false],
    ['113243000', 'bad', false],
    ['113243000', '000000000', false],
  ])('isWithin(%s, %s) = %s', (code, ancestor, expected) => {
    expect(isWithin(code, ancestor)).toBe(expected);
  });

  it.each([
    ['113243200', '110000000', '113200000'],
    ['110000000', '110000000', null],
    ['151011100', '150000000', '151000000'], // район Астана inside Актобе Г.А.
    ['711110000', '710000000', '711110000'], // a city district of Astana is its own district
    ['751910000', '750000000', '751910000'],
    ['790000000', '790000000', null],
    ['12345', null, null],
    ['000000000', null, null],
  ])('%s: oblast %s, district %s', (code, oblast, district) => {
    expect(oblastOf(code)).toBe(oblast);
    expect(districtOf(code)).toBe(district);
  });

  it('isKatoCode accepts nine ASCII digits only', () => {
    expect(isKatoCode('113243000')).toBe(true);
    expect(isKatoCode('１１３２４３０００')).toBe(false);
    expect(isKatoCode(113243000)).toBe(false);
  });
});

/**
 * A random classifier tree grown the way KATO grows: a child extends its parent's significant prefix by
 * one later digit group that is not zero (groups in between stay zero).
 */
const GROUPS = [
  [0, 2],
  [2, 4],
  [4, 6],
  [6, 7],
  [7, 9],
] as const;
const treeArbitrary = fc
  .array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.integer({ min: 1, max: 99 })), { maxLength: 60 })
  .map((steps) => {
    const nodes: { code: string; parentCode: string | null; group: number }[] = [
      { code: '110000000', parentCode: null, group: 0 },
      { code: '230000000', parentCode: null, group: 0 },
    ];
    const seen = new Set(nodes.map((n) => n.code));
    for (const [pick, skip, value] of steps) {
      const parent = nodes[pick % nodes.length]!;
      const group = parent.group + 1 + skip;
      const span = GROUPS[group];
      if (!span) continue;
      const width = span[1] - span[0];
      const digits = String(value % 10 ** width || 1).padStart(width, '0');
      const code = parent.code.slice(0, span[0]) + digits + '0'.repeat(9 - span[1]);
      if (seen.has(code)) continue;
      seen.add(code);
      nodes.push({ code, parentCode: parent.code, group });
    }
    return nodes;
  });

describe('isWithin agrees with the tree (property)', () => {
  it('a code is within another exactly when that one is its ancestor or itself', () => {
    fc.assert(
      fc.property(treeArbitrary, (tree) => {
        const records: KatoRecord[] = tree.map((n, i) => ({
          line: i + 2,
          code: n.code,
          parentCode: n.parentCode,
          kk: null,
          ru: `с.Место ${i}`,
        }));
        const built = buildKatoNodes(records);
        expect(built.ok).toBe(true);
        if (!built.ok) return;
        const index = buildTerritoryIndex(built.value.nodes);
        for (const a of tree) {
          const lineage = new Set([a.code, ...index.ancestors(a.code).map((n) => n.code)]);
          for (const b of tree) expect(isWithin(a.code, b.code)).toBe(lineage.has(b.code));
        }
      }),
      { numRuns: 60 },
    );
  });
});
