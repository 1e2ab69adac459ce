import { describe, expect, it } from 'vitest';
import { StatementNames } from './prepared-statements';

describe('StatementNames (ADR 0009)', () => {
  it('names a text on its second use and keeps that name', () => {
    const names = new StatementNames();
    expect(names.nameFor('select $1')).toBeUndefined();
    const name = names.nameFor('select $1');
    expect(name).toBe('qosalqy_1');
    expect(names.nameFor('select $1')).toBe(name);
    expect(names.nameFor('select $1::int')).toBeUndefined();
    expect(names.nameFor('select $1::int')).toBe('qosalqy_2');
  });

  it('names no more than its limit, and never a very long text', () => {
    const names = new StatementNames(3);
    for (let i = 0; i < 10; i++) {
      names.nameFor(`select ${i}`);
      names.nameFor(`select ${i}`);
    }
    expect(names.size).toBe(3);
    expect(names.nameFor('select 0')).toBe('qosalqy_1');
    expect(names.nameFor('select 9')).toBeUndefined();
    const long = `select ${'x'.repeat(9000)}`;
    const wide = new StatementNames();
    wide.nameFor(long);
    expect(wide.nameFor(long)).toBeUndefined();
  });

  it('gives a text a new name when its prepared statement went stale', () => {
    const names = new StatementNames();
    names.nameFor('select * from t');
    expect(names.nameFor('select * from t')).toBe('qosalqy_1');
    expect(names.renew('select * from t')).toBe('qosalqy_r1');
    expect(names.nameFor('select * from t')).toBe('qosalqy_r1');
    names.nameFor('select 2');
    expect(names.nameFor('select 2')).toBe('qosalqy_2');
  });
});
