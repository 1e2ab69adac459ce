import { describe, expect, it } from 'vitest';
import { type PlainDate, plainDate } from '../shared/plain-date';
import { mergeKatoSnapshot } from './kato-history';
import { buildKatoNodes, type KatoNode } from './kato-node';

// R-1 (issue 3): keep history, never reuse a code's meaning.

type Row = [code: string, parent: string | null, ru: string, kk?: string];
function tree(rows: Row[]): KatoNode[] {
  const r = buildKatoNodes(
    rows.map(([code, parentCode, ru, kk], i) => ({ line: i + 2, code, parentCode, ru, kk: kk ?? null })),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.nodes;
}

const BASE: Row[] = [
  ['110000000', null, 'Акмолинская область', 'Ақмола облысы'],
  ['113200000', '110000000', 'Аккольский район', 'Ақкөл ауданы'],
  ['113243000', '113200000', 'Кенесский с.о.', 'Кенес ауылдық округі'],
  ['113243200', '113243000', 'с.Кенес', 'Кенес ауылы'],
  ['113239000', '113200000', 'с.а.Азат', 'Азат ауылының әкімдігі'],
];
const D2022 = plainDate(2022, 10, 17);
const D2024 = plainDate(2024, 1, 1);

function merge(existing: KatoNode[], incoming: KatoNode[], asOf: PlainDate) {
  const r = mergeKatoSnapshot(existing, incoming, asOf);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
/** The [code, reason] pairs of a KATO.CODE_REUSED refusal; [] for anything else. */
function conflicts(r: ReturnType<typeof mergeKatoSnapshot>): string[][] {
  if (r.ok || r.error.code !== 'KATO.CODE_REUSED') return [];
  return ((r.error.details?.conflicts ?? []) as { code: string; reason: string }[]).map((c) => [
    c.code,
    c.reason,
  ]);
}
const byCode = (nodes: readonly KatoNode[], code: string) => nodes.find((n) => n.code === code);

describe('mergeKatoSnapshot', () => {
  it('the first load opens every node with an unknown start', () => {
    const m = merge([], tree(BASE), D2022);
    expect(m.added).toHaveLength(5);
    expect(m.nodes.every((n) => n.validFrom === null && n.validTo === null)).toBe(true);
  });

  it('re-importing the same snapshot changes nothing', () => {
    const first = merge([], tree(BASE), D2022).nodes;
    const again = merge(first, tree(BASE), D2022);
    expect(again).toMatchObject({ added: [], closed: [], renamed: [], respelled: [], unchanged: 5 });
    expect(again.nodes).toEqual(first);
  });

  it('closes what disappeared and opens what is new, dated by the snapshot', () => {
    const first = merge([], tree(BASE), D2022).nodes;
    const next = tree([
      ...BASE.filter(([code]) => code !== '113243200'),
      ['113243300', '113243000', 'с.Айдарлы'],
    ]);
    const m = merge(first, next, D2024);
    expect(m.added).toEqual(['113243300']);
    expect(m.closed).toEqual(['113243200']);
    expect(byCode(m.nodes, '113243200')).toMatchObject({ validFrom: null, validTo: '2024-01-01' });
    expect(byCode(m.nodes, '113243300')).toMatchObject({ validFrom: '2024-01-01', validTo: null });
    expect(m.nodes).toHaveLength(6); // closed nodes are kept: codes are never forgotten
  });

  it('a new name under the same parent and kind is a rename: the code stays, the old name is kept', () => {
    const first = merge([], tree(BASE), D2022).nodes;
    const next = tree(BASE.map((r): Row => (r[0] === '113243000' ? [r[0], r[1], 'Жанаталапский с.о.'] : r)));
    const m = merge(first, next, D2024);
    expect(m.renamed.map((r) => r.code)).toEqual(['113243000']);
    const node = byCode(m.nodes, '113243000');
    // A Russian-only snapshot renamed it: the stored Kazakh name is stale now, so it is dropped.
    expect(node?.names).toEqual({ kk: null, ru: 'Жанаталапский с.о.' });
    expect(node?.history).toEqual([
      {
        names: { kk: 'Кенес ауылдық округі', ru: 'Кенесский с.о.' },
        kind: 'rural_district',
        until: '2024-01-01',
      },
    ]);
  });

  it('a Russian-only snapshot keeps the stored Kazakh names; spelling changes are not renames', () => {
    const first = merge([], tree(BASE), D2022).nodes;
    const ruOnly = tree(
      BASE.map(([code, parent, ru]): Row => [code, parent, code === '113239000' ? 'с.а. Азат' : ru]),
    );
    const m = merge(first, ruOnly, D2024);
    expect(m).toMatchObject({ renamed: [], respelled: ['113239000'], unchanged: 4 });
    expect(byCode(m.nodes, '113239000')?.names).toEqual({ kk: 'Азат ауылының әкімдігі', ru: 'с.а. Азат' });
    expect(byCode(m.nodes, '113243200')?.names.kk).toBe('Кенес ауылы');
  });

  it('a village akimat that became a rural district keeps its code (a status change, recorded)', () => {
    const first = merge([], tree(BASE), D2022).nodes;
    const next = tree(BASE.map((r): Row => (r[0] === '113239000' ? [r[0], r[1], 'Азатский с.о.'] : r)));
    const m = merge(first, next, D2024);
    expect(m.renamed).toEqual([
      {
        code: '113239000',
        from: { names: { kk: 'Азат ауылының әкімдігі', ru: 'с.а.Азат' }, kind: 'village_akimat' },
        to: { names: { kk: null, ru: 'Азатский с.о.' }, kind: 'rural_district' },
      },
    ]);
  });

  it('refuses a code that now names something of another kind, listing every conflict', () => {
    const first = merge([], tree(BASE), D2022).nodes;
    const next = tree([
      ...BASE.filter(([code]) => code !== '113243200' && code !== '113239000'),
      ['113239000', '113200000', 'г.Азат'], // an akimat's code now names a city
    ]);
    const r = mergeKatoSnapshot(first, next, D2024);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('KATO.CODE_REUSED');
    expect(conflicts(r)).toEqual([['113239000', 'kind_changed']]);
  });

  it('refuses a code that moved under another parent', () => {
    const first = merge([], tree([...BASE, ['113241000', '113200000', 'Карасайский с.о.']]), D2022).nodes;
    const next = tree([
      ...BASE.filter(([code]) => code !== '113243200'),
      ['113241000', '113200000', 'Карасайский с.о.'],
    ]);
    const moved = next.map((n) => (n.code === '113243000' ? { ...n, parentCode: '113241000' } : n));
    const r = mergeKatoSnapshot(first, moved, D2024);
    expect(!r.ok && r.error.code).toBe('KATO.CODE_REUSED');
    expect(conflicts(r)).toEqual([['113243000', 'parent_changed']]);
  });

  it('refuses a closed code that comes back', () => {
    const first = merge([], tree(BASE), D2022).nodes;
    const closed = merge(
      first,
      tree(BASE.filter(([code]) => code !== '113243200')),
      plainDate(2023, 1, 1),
    ).nodes;
    const r = mergeKatoSnapshot(closed, tree(BASE), D2024);
    expect(!r.ok && r.error.code).toBe('KATO.CODE_REUSED');
    expect(conflicts(r)).toEqual([['113243200', 'reappeared']]);
  });

  it('refuses a snapshot older than what is stored', () => {
    const first = merge([], tree(BASE), D2022).nodes;
    const later = merge(first, tree(BASE.slice(0, 4)), D2024).nodes;
    const r = mergeKatoSnapshot(later, tree(BASE), D2022);
    expect(!r.ok && r.error.code).toBe('KATO.SNAPSHOT_OUT_OF_ORDER');
  });

  it('refuses an incoming set that is not one tree', () => {
    const broken = tree(BASE).filter((n) => n.code !== '113200000');
    const r = mergeKatoSnapshot([], broken, D2022);
    expect(!r.ok && r.error.code).toBe('KATO.BAD_SNAPSHOT');
  });
});
