import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type AuditEntry, type ChainedAuditEntry, chainText, GENESIS_HASH, verifyChain } from './chain';

const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');

function chain(n: number): ChainedAuditEntry[] {
  const rows: ChainedAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const entry: AuditEntry = {
      seq,
      at: `2026-01-0${1 + (seq % 9)}T10:00:00.000Z`,
      actorId: null,
      actorRole: 'admin',
      action: `test.${seq}`,
      subjectType: 'user',
      subjectId: String(seq),
      ip: '127.0.0.1',
      outcome: 'success',
      details: { b: 2, a: [1, { y: 1, x: 0 }] },
    };
    const hash = sha256(chainText(entry, prev));
    rows.push({ ...entry, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('verifyChain (R-14 audit)', () => {
  it('accepts an intact chain', () => {
    expect(verifyChain(chain(5), sha256)).toMatchObject({ ok: true, rows: 5 });
  });

  it('names a modified row', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, action: 'forged' };
    expect(verifyChain(rows, sha256)).toMatchObject({ ok: false, problem: { kind: 'modified', seq: 3 } });
  });

  it('names the first deleted row', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyChain(rows, sha256)).toMatchObject({ ok: false, problem: { kind: 'deleted', seq: 2 } });
  });

  it('a row slipped in between (rows after it renumbered) breaks the chain right after it', () => {
    const rows = chain(4);
    const { prevHash: _p, hash: _h, ...entry } = rows[1]!;
    const slipped = { ...entry, seq: 3, action: 'slipped-in' };
    const slippedRow = {
      ...slipped,
      prevHash: rows[1]!.hash,
      hash: sha256(chainText(slipped, rows[1]!.hash)),
    };
    const tampered = [rows[0]!, rows[1]!, slippedRow, { ...rows[2]!, seq: 4 }, { ...rows[3]!, seq: 5 }];
    expect(verifyChain(tampered, sha256)).toMatchObject({ ok: false, problem: { kind: 'modified', seq: 4 } });
  });

  it('names a self-consistent row that does not link to its predecessor as inserted', () => {
    const rows = chain(3);
    const { prevHash: _p, hash: _h, ...entry } = rows[2]!;
    const foreign = { ...entry, action: 'foreign' };
    rows[2] = { ...foreign, prevHash: GENESIS_HASH, hash: sha256(chainText(foreign, GENESIS_HASH)) };
    expect(verifyChain(rows, sha256)).toMatchObject({ ok: false, problem: { kind: 'inserted', seq: 3 } });
  });

  it('key order inside details does not matter', () => {
    const rows = chain(2);
    const reordered = rows.map((r) => ({ ...r, details: { a: [1, { x: 0, y: 1 }], b: 2 } }));
    expect(verifyChain(reordered, sha256).ok).toBe(true);
  });
});
