/**
 * The species of the household book (issue 4): livestock, poultry and bees with their kk/ru names.
 * The list is reference data (`data/species.json`), not code, so an adapter loads the file and hands
 * the parsed JSON to `makeSpeciesCatalogue`; the domain only checks that it is coherent.
 */
import { err, ok, type Result } from '../shared/result';

export type SpeciesUnit = 'head' | 'colony';

export interface Species {
  /** Stable code used in the database, the import file's column headers and the API: `cattle`, `cows`. */
  readonly code: string;
  readonly kk: string;
  readonly ru: string;
  /** An "of which" line: cows under cattle, chickens under poultry. The children never sum above it. */
  readonly parent: string | null;
  readonly unit: SpeciesUnit;
}

export interface UnitNames {
  readonly kk: string;
  readonly ru: string;
}

export interface SpeciesCatalogue {
  /** In the order of the reference file, which is the order of the certificate's lines. */
  readonly list: readonly Species[];
  readonly byCode: ReadonlyMap<string, Species>;
  readonly childrenOf: ReadonlyMap<string, readonly string[]>;
  readonly units: Readonly<Record<SpeciesUnit, UnitNames>>;
}

const CODE = /^[a-z][a-z0-9_]{0,31}$/;
const UNITS: readonly SpeciesUnit[] = ['head', 'colony'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * Checks and indexes the species reference file. A broken file is a deployment error, reported as
 * `SPECIES.BAD_CATALOGUE` with the offending entry, so it fails at start-up and not on the first import.
 */
export function makeSpeciesCatalogue(json: unknown): Result<SpeciesCatalogue> {
  const bad = (message: string, details?: Record<string, unknown>) =>
    err('SPECIES.BAD_CATALOGUE', message, details);
  if (!isRecord(json) || !Array.isArray(json.species)) return bad('expected { units, species: [...] }');
  const unitsIn = json.units;
  if (!isRecord(unitsIn)) return bad('expected units with kk/ru names');
  const units = {} as Record<SpeciesUnit, UnitNames>;
  for (const u of UNITS) {
    const names = unitsIn[u];
    if (!isRecord(names) || !nonEmpty(names.kk) || !nonEmpty(names.ru))
      return bad('unit without names', { unit: u });
    units[u] = { kk: names.kk, ru: names.ru };
  }

  const list: Species[] = [];
  const byCode = new Map<string, Species>();
  for (const [index, entry] of json.species.entries()) {
    if (!isRecord(entry)) return bad('species entry is not an object', { index });
    const { code, kk, ru, parent, unit } = entry;
    if (typeof code !== 'string' || !CODE.test(code)) return bad('bad species code', { index, code });
    if (byCode.has(code)) return bad('duplicate species code', { code });
    if (!nonEmpty(kk) || !nonEmpty(ru)) return bad('species without kk/ru name', { code });
    if (parent !== null && typeof parent !== 'string') return bad('parent must be a code or null', { code });
    if (!UNITS.includes(unit as SpeciesUnit)) return bad('unknown unit', { code, unit });
    const species: Species = { code, kk, ru, parent, unit: unit as SpeciesUnit };
    list.push(species);
    byCode.set(code, species);
  }

  const childrenOf = new Map<string, string[]>();
  for (const s of list) {
    if (s.parent === null) continue;
    const parent = byCode.get(s.parent);
    // One level only: an "of which" line of an "of which" line would make the totals ambiguous.
    if (!parent) return bad('parent is not in the list', { code: s.code, parent: s.parent });
    if (parent.parent !== null) return bad('a parent must itself be a top-level species', { code: s.code });
    if (parent.unit !== s.unit) return bad('a child must count in its parent unit', { code: s.code });
    const siblings = childrenOf.get(parent.code) ?? [];
    siblings.push(s.code);
    childrenOf.set(parent.code, siblings);
  }
  return ok({ list, byCode, childrenOf, units });
}
