/**
 * What grew between two V8 heap snapshots (the load test's `BENCH_HEAP_SNAPSHOTS`): the objects of each kind
 * (node type + constructor or name) counted and their self sizes summed in each file, then the kinds ordered
 * by growth. A leak shows as one kind growing by thousands; a bounded cache shows as growth that stops.
 * Reads the whole file (a snapshot of a 60 MiB heap is ≈ 150–250 MB of JSON).
 */
import { readFileSync } from 'node:fs';

interface HeapSnapshotFile {
  readonly snapshot: { readonly meta: { readonly node_fields: string[]; readonly node_types: unknown[] } };
  readonly nodes: number[];
  readonly strings: string[];
}

export interface KindTotals {
  readonly count: number;
  readonly selfBytes: number;
}

/** Counts and self sizes by kind, e.g. `object:LruMap`, `closure:onResponse`, `string`. */
export function heapKinds(file: string): Map<string, KindTotals> {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as HeapSnapshotFile;
  const fields = snap.snapshot.meta.node_fields;
  const typeNames = snap.snapshot.meta.node_types[0] as string[];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const totals = new Map<string, { count: number; selfBytes: number }>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = typeNames[snap.nodes[i + typeAt]!] ?? '?';
    // Strings and numbers are named by their content: one kind each, not one per value.
    const named = type === 'object' || type === 'closure' || type === 'native' || type === 'array';
    const key = named ? `${type}:${snap.strings[snap.nodes[i + nameAt]!]}` : type;
    const t = totals.get(key) ?? { count: 0, selfBytes: 0 };
    t.count++;
    t.selfBytes += snap.nodes[i + sizeAt]!;
    totals.set(key, t);
  }
  return totals;
}

export interface KindGrowth {
  readonly kind: string;
  readonly countBefore: number;
  readonly countAfter: number;
  readonly bytesBefore: number;
  readonly bytesAfter: number;
}

/** The kinds whose self size changed most between `before` and `after`, largest growth first. */
export function heapGrowth(before: string, after: string, top = 12): KindGrowth[] {
  const a = heapKinds(before);
  const b = heapKinds(after);
  const kinds = new Set([...a.keys(), ...b.keys()]);
  return [...kinds]
    .map((kind) => ({
      kind,
      countBefore: a.get(kind)?.count ?? 0,
      countAfter: b.get(kind)?.count ?? 0,
      bytesBefore: a.get(kind)?.selfBytes ?? 0,
      bytesAfter: b.get(kind)?.selfBytes ?? 0,
    }))
    .sort((x, y) => y.bytesAfter - y.bytesBefore - (x.bytesAfter - x.bytesBefore))
    .slice(0, top);
}
