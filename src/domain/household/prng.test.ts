import { describe, expect, it } from 'vitest';
import { createRng, hashText, mix32 } from './prng';

// Issue 4: synthetic data is deterministic from its seed (the domain has no Math.random).
describe('createRng', () => {
  it('gives the same sequence for the same seed, a different one for another', () => {
    const take = (seed: number | string) => {
      const rng = createRng(seed);
      return Array.from({ length: 8 }, () => rng.uint32());
    };
    expect(take(42)).toEqual(take(42));
    expect(take('demo')).toEqual(take('demo'));
    expect(take(42)).not.toEqual(take(43));
    expect(take('42')).not.toEqual(take('43'));
  });

  it('stays in range and is roughly uniform', () => {
    const rng = createRng(7);
    const buckets = new Array(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.next();
      if (!(x >= 0 && x < 1)) outside++;
      buckets[Math.floor(x * 10)]++;
    }
    expect(outside).toBe(0);
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.int(3, 5));
    expect([...seen].sort()).toEqual([3, 4, 5]);
  });

  it('picks by weight', () => {
    const rng = createRng(1);
    let a = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        rng.weighted([
          ['a', 9],
          ['b', 1],
        ] as const) === 'a'
      )
        a++;
    expect(a).toBeGreaterThan(8800);
    expect(a).toBeLessThan(9200);
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('hashes are 32-bit unsigned and spread', () => {
    expect(mix32(0)).not.toBe(mix32(1));
    expect(hashText('a')).not.toBe(hashText('b'));
    for (const x of [0, 1, -1, 2 ** 31]) {
      expect(Number.isInteger(mix32(x)) && mix32(x) >= 0 && mix32(x) < 2 ** 32).toBe(true);
    }
  });
});
