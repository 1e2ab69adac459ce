/**
 * the territory tree in memory, for access control (is this record in the officer's
 * territory?), reports by akimat / district / oblast, and the pickers of the UI. Built once from the
 * stored nodes (16 k nodes take a few milliseconds); it is a value, never global state.
 */
import { compareDates, type PlainDate } from '../shared/plain-date';
import { isWithin, type KatoCode } from './kato-code';
import { foldName } from './kato-names';
import type { KatoKind, KatoNode } from './kato-node';

export interface TerritorySearchOptions {
  /** At most this many results (default 20). */
  readonly limit?: number;
  /** Only nodes inside this code (itself included). */
  readonly within?: KatoCode;
  readonly kinds?: readonly KatoKind[];
  readonly providersOnly?: boolean;
}

export interface TerritoryIndex {
  readonly size: number;
  find(code: string): KatoNode | undefined;
  /** The oblasts and cities of republican significance, by code. */
  roots(): readonly KatoNode[];
  children(code: string): readonly KatoNode[];
  /** From the oblast down to the parent; empty for a root or an unknown code. */
  ancestors(code: string): readonly KatoNode[];
  /** Level-1 ancestor-or-self. */
  oblastOf(code: string): KatoNode | undefined;
  /** Level-2 ancestor-or-self: district, city administration (Г.А.) or city district of a republican city. */
  districtOf(code: string): KatoNode | undefined;
  /** The akimat that provides the service for a place: the nearest provider ancestor-or-self. */
  providerOf(code: string): KatoNode | undefined;
  /** The providers inside a territory (a district's rural akimats, an oblast's, the country's with no code). */
  providersWithin(code?: string): readonly KatoNode[];
  /**
   * Name search in kk and ru, Kazakh letters folded. Exact names first, then names with a word starting
   * with the query, then inner matches; within a rank larger units first, then by code.
   */
  search(query: string, options?: TerritorySearchOptions): readonly KatoNode[];
}

const byCode = (a: KatoNode, b: KatoNode) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Whether a node existed on `date` (validFrom inclusive, validTo exclusive; null = open). */
export function isValidOn(node: KatoNode, date: PlainDate): boolean {
  return (
    (node.validFrom === null || compareDates(node.validFrom, date) <= 0) &&
    (node.validTo === null || compareDates(date, node.validTo) < 0)
  );
}

/**
 * Builds the index of the tree in force on `on`, or of the current tree (nodes not closed) without it.
 * Closed nodes are left out so that a closed code never appears next to the code that replaced it.
 */
export function buildTerritoryIndex(
  nodes: readonly KatoNode[],
  options: { on?: PlainDate } = {},
): TerritoryIndex {
  const { on } = options;
  const live = nodes.filter((n) => (on === undefined ? n.validTo === null : isValidOn(n, on))).sort(byCode);
  const nodeByCode = new Map<string, KatoNode>();
  const childrenOf = new Map<string, KatoNode[]>();
  const roots: KatoNode[] = [];
  for (const node of live) nodeByCode.set(node.code, node);
  for (const node of live) {
    if (node.parentCode === null || !nodeByCode.has(node.parentCode)) {
      roots.push(node);
      continue;
    }
    const list = childrenOf.get(node.parentCode);
    if (list) list.push(node);
    else childrenOf.set(node.parentCode, [node]);
  }
  const providers = live.filter((n) => n.isServiceProvider);
  const keys = live.map((node) => ({
    node,
    ru: foldName(node.names.ru),
    kk: node.names.kk === null ? '' : foldName(node.names.kk),
  }));

  const ancestors = (code: string): KatoNode[] => {
    const chain: KatoNode[] = [];
    let current = nodeByCode.get(code);
    while (current?.parentCode != null) {
      const parent = nodeByCode.get(current.parentCode);
      if (!parent) break;
      chain.unshift(parent);
      current = parent;
    }
    return chain;
  };
  const atLevel = (code: string, level: number) => {
    const self = nodeByCode.get(code);
    if (!self) return undefined;
    return self.level === level ? self : ancestors(code).find((n) => n.level === level);
  };

  return {
    size: live.length,
    find: (code) => nodeByCode.get(code),
    roots: () => roots,
    children: (code) => childrenOf.get(code) ?? [],
    ancestors,
    oblastOf: (code) => atLevel(code, 1),
    districtOf: (code) => atLevel(code, 2),
    providerOf: (code) => {
      const self = nodeByCode.get(code);
      if (!self) return undefined;
      if (self.isServiceProvider) return self;
      return ancestors(code)
        .reverse()
        .find((n) => n.isServiceProvider);
    },
    providersWithin: (code) =>
      code === undefined ? providers : providers.filter((p) => isWithin(p.code, code)),
    search: (query, searchOptions = {}) => {
      const needle = foldName(query);
      if (needle === '') return [];
      const { limit = 20, within, kinds, providersOnly = false } = searchOptions;
      const kindSet = kinds ? new Set(kinds) : null;
      const hits: { node: KatoNode; rank: number }[] = [];
      for (const key of keys) {
        const { node } = key;
        if (providersOnly && !node.isServiceProvider) continue;
        if (kindSet && !kindSet.has(node.kind)) continue;
        if (within !== undefined && !isWithin(node.code, within)) continue;
        const rank = Math.min(rankOf(key.ru, needle), rankOf(key.kk, needle));
        if (rank < 3) hits.push({ node, rank });
      }
      hits.sort((a, b) => a.rank - b.rank || a.node.level - b.node.level || byCode(a.node, b.node));
      return hits.slice(0, Math.max(0, limit)).map((h) => h.node);
    },
  };
}

/** 0 exact name, 1 a word of the name starts with the query, 2 contains it, 3 no match. */
function rankOf(haystack: string, needle: string): number {
  if (haystack === '') return 3;
  if (haystack === needle) return 0;
  const at = haystack.indexOf(needle);
  if (at < 0) return 3;
  for (let i = at; i >= 0; i = haystack.indexOf(needle, i + 1)) {
    const before = haystack[i - 1];
    if (i === 0 || before === ' ' || before === '.' || before === '-') return 1;
  }
  return 2;
}
