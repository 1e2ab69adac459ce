import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { plainDate } from '../shared/plain-date';
import { parseBuiltinTerritory } from './builtin-territory';
import { districtOf, isWithin, oblastOf } from './kato-code';
import { parseKatoCsv } from './kato-csv';
import { mergeKatoSnapshot } from './kato-history';
import type { KatoNode } from './kato-node';
import { buildTerritoryIndex } from './territory-index';

// R-1 (issue 3) on the real 2022 snapshot in ../shared/kato (see its PROVENANCE.md). It is read in place,
// never copied into the repository.
const SNAPSHOT = fileURLToPath(new URL('../../../../shared/kato/KATO_2022-10-17_ru.csv', import.meta.url));

// Skipped only where ../shared is not checked out next to the repository (the product then starts with
// data/territory-builtin.json, tested on its own).
describe.skipIf(!existsSync(SNAPSHOT))('the KATO snapshot of 17.10.2022', () => {
  // Read in beforeAll, not at collection: vitest collects a skipped describe too.
  let parsed: ReturnType<typeof parseKatoCsv>;
  let elapsed = Number.NaN;
  let nodes: KatoNode[] = [];
  let index = buildTerritoryIndex([]);
  beforeAll(() => {
    const bytes = readFileSync(SNAPSHOT);
    const started = performance.now();
    parsed = parseKatoCsv(bytes);
    elapsed = performance.now() - started;
    nodes = parsed.ok ? parsed.value.nodes : [];
    index = buildTerritoryIndex(nodes);
  });

  it('parses all 16,264 rows in under 3 s', () => {
    expect(parsed.ok).toBe(true);
    expect(nodes).toHaveLength(16_264);
    expect(elapsed).toBeLessThan(3000);
  });

  it('has exactly 2,297 service providers: the с.о., с.а. and п.а. akimats (R-1)', () => {
    const providers = nodes.filter((n) => n.isServiceProvider);
    expect(providers).toHaveLength(2297);
    const count = (kind: string) => providers.filter((n) => n.kind === kind).length;
    expect({
      rural_district: count('rural_district'),
      village_akimat: count('village_akimat'),
      settlement_akimat: count('settlement_akimat'),
    }).toEqual({ rural_district: 2132, village_akimat: 93, settlement_akimat: 72 });
    expect(providers.every((n) => n.level === 3)).toBe(true);
  });

  it('derives these levels and kinds', () => {
    const counts: Record<string, number> = {};
    for (const n of nodes) counts[`${n.level} ${n.kind}`] = (counts[`${n.level} ${n.kind}`] ?? 0) + 1;
    expect(counts).toEqual({
      '1 oblast': 17,
      '1 republican_city': 3,
      '2 district': 166,
      '2 city_administration': 38,
      '2 city_district': 16,
      '3 rural_district': 2132,
      '3 village_akimat': 93,
      '3 settlement_akimat': 72,
      '3 city_administration': 32,
      '3 city_district': 4,
      '3 city': 54,
      '3 settlement': 17,
      '4 city': 32,
      '4 city_district': 2,
      '4 settlement': 6209,
      '4 sub_settlement': 42,
      '5 sub_settlement': 7335,
    });
  });

  it('reports the three names with cp1251 substitute letters', () => {
    expect(parsed.ok && parsed.value.warnings.map((w) => [w.line, w.warning])).toEqual([
      [11619, 'SUBSTITUTE_LETTERS'],
      [11620, 'SUBSTITUTE_LETTERS'],
      [15785, 'SUBSTITUTE_LETTERS'],
    ]);
  });

  it('oblastOf/districtOf from the code alone agree with the tree for every node', () => {
    for (const n of nodes) {
      expect(oblastOf(n.code)).toBe(index.oblastOf(n.code)?.code ?? null);
      expect(districtOf(n.code)).toBe(index.districtOf(n.code)?.code ?? null);
    }
  });

  it('isWithin from the code alone agrees with the tree for every node', () => {
    for (const n of nodes) {
      const lineage = [...index.ancestors(n.code).map((a) => a.code), n.code];
      // Only a code cut at a group boundary and padded with zeros can contain n.
      const containing = [2, 4, 6, 7, 9]
        .map((cut) => n.code.slice(0, cut).padEnd(9, '0'))
        .filter((candidate, i, all) => all.indexOf(candidate) === i && index.find(candidate))
        .filter((candidate) => isWithin(n.code, candidate));
      expect(containing).toEqual(lineage);
    }
  });

  it('has the demo territories, and the built-in territory is a faithful part of it', () => {
    for (const code of ['113243000', '113200000', '110000000']) expect(index.find(code)).toBeDefined();
    const builtin = parseBuiltinTerritory(
      JSON.parse(readFileSync(new URL('../../../data/territory-builtin.json', import.meta.url), 'utf8')),
    );
    if (!builtin.ok) throw new Error(JSON.stringify(builtin.error));
    for (const b of builtin.value.nodes) {
      const s = index.find(b.code);
      expect(s && [s.parentCode, s.level, s.kind, s.names.ru]).toEqual([
        b.parentCode,
        b.level,
        b.kind,
        b.names.ru,
      ]);
    }
    // A machine that started on the built-in territory can import the snapshot later: nothing conflicts,
    // the built-in Kazakh names survive the Russian-only file.
    const first = mergeKatoSnapshot([], builtin.value.nodes, plainDate(2022, 10, 17));
    if (!first.ok) throw new Error('merge');
    const merged = mergeKatoSnapshot(first.value.nodes, nodes, plainDate(2022, 10, 17));
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect(merged.value).toMatchObject({ closed: [], renamed: [], respelled: [], unchanged: 51 });
    expect(merged.value.added).toHaveLength(16_264 - 51);
    expect(merged.value.nodes.find((n) => n.code === '113241000')?.names.kk).toBe('Қарасай ауылдық округі');
  });
});
