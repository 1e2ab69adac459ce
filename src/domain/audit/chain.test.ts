import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  type ChainedAuditEntry,
  chainText,
  chainTextAroundSeq,
  GENESIS_HASH,
  verifyChain,
} from './chain';

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

describe('chainTextAroundSeq (R-14: the append learns seq and the previous hash inside the database)', () => {
  const text = fc.option(fc.string({ unit: 'binary' }), { nil: null });
  const entry = fc.record({
    seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    at: fc.constant('2026-12-01T10:00:00.000Z'),
    actorId: text,
    actorRole: text,
    action: fc.string({ unit: 'binary' }),
    subjectType: text,
    subjectId: text,
    ip: text,
    outcome: fc.constantFrom('success' as const, 'denied' as const, 'failure' as const),
    details: fc.dictionary(fc.oneof(fc.constant('seq'), fc.string()), fc.jsonValue()),
  });

  it('puts the seq back exactly where chainText has it, whatever the details hold', () => {
    fc.assert(
      fc.property(
        entry,
        fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
        (e, prev) => {
          const { seq, ...rest } = e;
          const { prefix, suffix } = chainTextAroundSeq(rest);
          expect(`${prev}\n${prefix}${seq}${suffix}`).toBe(chainText(e, prev));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('splits at the top-level seq when details has a key "seq" with the value 0', () => {
    const e: AuditEntry = { ...chain(1)[0]!, details: { seq: 0, subjectId: 'x' } };
    const { seq, ...rest } = e;
    const { prefix, suffix } = chainTextAroundSeq(rest);
    expect(`${GENESIS_HASH}\n${prefix}${seq}${suffix}`).toBe(chainText(e, GENESIS_HASH));
  });
});
