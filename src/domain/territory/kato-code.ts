/**
 * the KATO code (ӘАОЖ / КАТО) as a structure of digit groups, `AB CD EF H IJ`.
 * AB is the oblast or city of republican significance, CD the district or city of oblast significance,
 * EF the rural district / akimat / city of district significance, H the settlement, IJ a sub-settlement.
 *
 * A node's "significant prefix" is its code up to the last group that is not all zeros. On the whole
 * 2022 snapshot (16,264 nodes) a code lies in a node's subtree exactly when it starts with that node's
 * significant prefix, so containment can be decided from the codes alone — access control by territory
 * needs no tree walk. The groups must be cut as 2-2-2-1-2: cutting digit by digit would put
 * 113221000 inside 113220000.
 */

/** A KATO code: exactly nine ASCII digits. Kept a plain string so that it maps 1:1 to a database column. */
export type KatoCode = string;

const CODE = /^\d{9}$/;

/** The digit groups, [start, end) in the nine-digit code. */
const GROUPS: readonly (readonly [number, number])[] = [
  [0, 2], // AB
  [2, 4], // CD
  [4, 6], // EF
  [6, 7], // H
  [7, 9], // IJ
];

/**
 * The cities of republican significance (Astana 71, Almaty 75, Shymkent 79 since 2018). Their city
 * districts are coded `AB 1D 10 000` (e.g. 711110000 район Алматы of Astana), so their district is the
 * first three groups, not the first two as in an oblast.
 */
export const REPUBLICAN_CITY_PREFIXES: ReadonlySet<string> = new Set(['71', '75', '79']);

export function isKatoCode(value: unknown): value is KatoCode {
  return typeof value === 'string' && CODE.test(value);
}

/** The code up to its last non-zero digit group; `''` for `000000000` or a malformed code. */
export function significantPrefix(code: string): string {
  if (!isKatoCode(code)) return '';
  let end = 0;
  for (const [from, to] of GROUPS) {
    if (/[1-9]/.test(code.slice(from, to))) end = to;
  }
  return code.slice(0, end);
}

/**
 * How many digit groups are significant, 1..5 (0 for a malformed or all-zero code). This is the level
 * the digits suggest; the tree can be shallower (a city district of Astana is coded at group 3 but hangs
 * directly under the city; a village of Ridder's city administration is coded at group 4 but has no
 * rural district above it), so `KatoNode.level` is taken from the tree, not from this.
 */
export function codeLevel(code: string): 0 | 1 | 2 | 3 | 4 | 5 {
  const length = significantPrefix(code).length;
  return ({ 0: 0, 2: 1, 4: 2, 6: 3, 7: 4, 9: 5 } as const)[length as 0 | 2 | 4 | 6 | 7 | 9] ?? 0;
}

/**
 * whether `code` lies in the territory of `ancestorCode`, the ancestor itself included (an akimat
 * officer of 113243000 works with 113243000 and everything below it). False for malformed codes.
 */
export function isWithin(code: string, ancestorCode: string): boolean {
  if (!isKatoCode(code)) return false;
  const prefix = significantPrefix(ancestorCode);
  return prefix !== '' && code.startsWith(prefix);
}

/** The oblast or city of republican significance a code belongs to (`AB0000000`); null when malformed. */
export function oblastOf(code: string): KatoCode | null {
  if (!isKatoCode(code) || code.startsWith('00')) return null;
  return `${code.slice(0, 2)}0000000`;
}

/**
 * The district, city of oblast significance (Г.А.) or city district of a republican city that a code
 * belongs to; null for an oblast-level code or a malformed one. Pure code arithmetic: it agrees with the
 * tree on every node of the 2022 snapshot (tested), but `TerritoryIndex.districtOf` is authoritative.
 */
export function districtOf(code: string): KatoCode | null {
  if (!isKatoCode(code) || code.startsWith('00')) return null;
  if (REPUBLICAN_CITY_PREFIXES.has(code.slice(0, 2))) {
    return code.slice(2, 6) === '0000' ? null : `${code.slice(0, 6)}000`;
  }
  return code.slice(2, 4) === '00' ? null : `${code.slice(0, 4)}00000`;
}
