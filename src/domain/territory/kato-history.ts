/**
 * R-1 (issue 3): KATO changes over time — Shymkent left South Kazakhstan oblast and that oblast became
 * Turkestan in 2018; Abai, Jetisu and Ulytau oblasts were carved out in 2022, and their districts got new
 * codes. We keep every code ever seen, close the ones that disappear, and never let a code change meaning.
 *
 * The rule for a code present both in the stored tree and in a new snapshot (conservative, see
 * docs/domain/territory.md):
 * - same parent, same kind: the same object. A different Russian name (beyond spelling: case, ё/е,
 *   quotes, spaces after dots, cp1251 substitutes) is a RENAME; the old names go to `history`.
 * - same parent, kind changed between the akimat kinds (village akimat ↔ rural district ↔ settlement
 *   akimat): the same akimat whose status changed; recorded in `history` like a rename.
 * - a different parent, any other kind change, or a code that was closed and reappears:
 *   KATO.CODE_REUSED — nothing is merged; every such code is listed.
 */
import { compareDates, type PlainDate } from '../shared/plain-date';
import { err, ok, type Result } from '../shared/result';
import { foldName } from './kato-names';
import type { KatoKind, KatoNames, KatoNode } from './kato-node';

export interface KatoRename {
  readonly code: string;
  readonly from: { readonly names: KatoNames; readonly kind: KatoKind };
  readonly to: { readonly names: KatoNames; readonly kind: KatoKind };
}

export interface KatoMerge {
  /** Every code ever seen, sorted by code: the new stored state. */
  readonly nodes: KatoNode[];
  readonly added: string[];
  readonly closed: string[];
  readonly renamed: KatoRename[];
  /** Codes whose names changed only in spelling, or gained a Kazakh name; updated without a history entry. */
  readonly respelled: string[];
  readonly unchanged: number;
}

export interface KatoReuse {
  readonly code: string;
  readonly reason: 'parent_changed' | 'kind_changed' | 'reappeared';
  readonly before: { readonly parentCode: string | null; readonly kind: KatoKind; readonly names: KatoNames };
  readonly after: { readonly parentCode: string | null; readonly kind: KatoKind; readonly names: KatoNames };
}

const AKIMAT_KINDS: ReadonlySet<KatoKind> = new Set<KatoKind>([
  'rural_district',
  'village_akimat',
  'settlement_akimat',
]);

/** The latest date the stored tree already knows; a snapshot older than that would rewrite history. */
function latestDate(nodes: readonly KatoNode[]): PlainDate | null {
  let latest: PlainDate | null = null;
  const see = (d: PlainDate | null) => {
    if (d !== null && (latest === null || compareDates(d, latest) > 0)) latest = d;
  };
  for (const node of nodes) {
    see(node.validFrom);
    see(node.validTo);
    for (const former of node.history) see(former.until);
  }
  return latest;
}

function sameSpelling(a: string | null, b: string | null): boolean {
  return a === null || b === null ? a === b : foldName(a) === foldName(b);
}

/**
 * Merges a full classifier snapshot dated `asOf` into the stored nodes. Nodes absent from the snapshot
 * are closed (`validTo = asOf`); new codes open (`validFrom = asOf`, or null on the very first load,
 * whose start dates are unknown). A snapshot without Kazakh names keeps the stored Kazakh name unless
 * the Russian name changed (then the Kazakh one is stale and becomes null).
 */
export function mergeKatoSnapshot(
  existing: readonly KatoNode[],
  incoming: readonly KatoNode[],
  asOf: PlainDate,
): Result<KatoMerge> {
  const latest = latestDate(existing);
  if (latest !== null && compareDates(asOf, latest) < 0) {
    return err('KATO.SNAPSHOT_OUT_OF_ORDER', `a snapshot of ${asOf} is older than the stored ${latest}`, {
      asOf,
      latest,
    });
  }

  const incomingByCode = new Map<string, KatoNode>();
  const broken: string[] = [];
  for (const node of incoming) {
    if (incomingByCode.has(node.code)) broken.push(node.code);
    incomingByCode.set(node.code, node);
  }
  for (const node of incoming) {
    if (node.parentCode !== null && !incomingByCode.has(node.parentCode)) broken.push(node.code);
  }
  if (broken.length > 0) {
    return err('KATO.BAD_SNAPSHOT', 'the snapshot is not one tree (duplicate codes or missing parents)', {
      codes: [...new Set(broken)].sort(),
    });
  }

  const existingByCode = new Map(existing.map((node) => [node.code, node]));
  const firstLoad = existing.length === 0;
  const reuses: KatoReuse[] = [];
  const out: KatoNode[] = [];
  const added: string[] = [];
  const closed: string[] = [];
  const renamed: KatoRename[] = [];
  const respelled: string[] = [];
  let unchanged = 0;

  for (const before of existing) {
    const after = incomingByCode.get(before.code);
    if (!after) {
      if (before.validTo === null) {
        closed.push(before.code);
        out.push({ ...before, validTo: asOf });
      } else {
        out.push(before);
      }
      continue;
    }
    const describe = (n: KatoNode) => ({ parentCode: n.parentCode, kind: n.kind, names: n.names });
    if (before.validTo !== null) {
      reuses.push({
        code: before.code,
        reason: 'reappeared',
        before: describe(before),
        after: describe(after),
      });
      continue;
    }
    if (before.parentCode !== after.parentCode) {
      reuses.push({
        code: before.code,
        reason: 'parent_changed',
        before: describe(before),
        after: describe(after),
      });
      continue;
    }
    const statusChange = before.kind !== after.kind;
    if (statusChange && !(AKIMAT_KINDS.has(before.kind) && AKIMAT_KINDS.has(after.kind))) {
      reuses.push({
        code: before.code,
        reason: 'kind_changed',
        before: describe(before),
        after: describe(after),
      });
      continue;
    }

    const ruChanged = !sameSpelling(before.names.ru, after.names.ru);
    // A Russian-only snapshot says nothing about the Kazakh name; keep ours unless the object was renamed.
    const kk = after.names.kk ?? (ruChanged ? null : before.names.kk);
    const kkChanged = before.names.kk !== null && kk !== null && !sameSpelling(before.names.kk, kk);
    const names: KatoNames = { kk, ru: after.names.ru };
    const merged: KatoNode = {
      ...after,
      names,
      validFrom: before.validFrom,
      validTo: null,
      history: before.history,
    };
    if (ruChanged || kkChanged || statusChange) {
      renamed.push({
        code: before.code,
        from: { names: before.names, kind: before.kind },
        to: { names, kind: after.kind },
      });
      out.push({
        ...merged,
        history: [...before.history, { names: before.names, kind: before.kind, until: asOf }],
      });
    } else if (names.ru !== before.names.ru || names.kk !== before.names.kk) {
      respelled.push(before.code);
      out.push(merged);
    } else {
      unchanged++;
      out.push(merged);
    }
  }

  if (reuses.length > 0) {
    return err(
      'KATO.CODE_REUSED',
      `${reuses.length} code(s) would change meaning; a KATO code never names a different object`,
      { conflicts: reuses },
    );
  }

  for (const node of incoming) {
    if (existingByCode.has(node.code)) continue;
    added.push(node.code);
    out.push({ ...node, validFrom: firstLoad ? null : asOf, validTo: null, history: [] });
  }

  out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  added.sort();
  closed.sort();
  return ok({ nodes: out, added, closed, renamed, respelled, unchanged });
}
