import { describe, expect, it } from 'vitest';
import { randomIds } from './system';

describe('randomIds', () => {
  it('makes random v4 UUIDs', () => {
    const a = randomIds.uuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(randomIds.uuid()).not.toBe(a);
  });

  it('makes time-ordered v7 UUIDs that sort in the order they were made (household keys grow at one end)', () => {
    const made = Array.from({ length: 2000 }, () => randomIds.timeOrderedUuid());
    for (const id of made)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(made).size).toBe(made.length);
    // Text order is PostgreSQL's uuid order (byte order) for lower-case hex.
    expect([...made].sort()).toEqual(made);
    // The first 48 bits are the Unix time in milliseconds.
    const ms = Number.parseInt(made[0]!.replace(/-/g, '').slice(0, 12), 16);
    expect(Math.abs(ms - Date.now())).toBeLessThan(60_000);
  });

  it('makes URL-safe tokens of 256 bits', () => {
    expect(randomIds.token()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
