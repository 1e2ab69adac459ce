import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forbiddenStringPath, jsonDepth } from './json-body';

// Issue 10 item 2: the body parser's own refusals — too deep, or text no column can hold as sent.
describe('jsonDepth', () => {
  it.each([
    ['1', 0],
    ['{}', 1],
    ['[[1],[2,[3]]]', 3],
    ['{"a":"[[[{{{"}', 1],
    ['{"a":"\\"[[["}', 1],
    ['['.repeat(10_000) + ']'.repeat(10_000), 10_000],
  ])('%s is %i deep', (text, depth) => {
    expect(jsonDepth(text)).toBe(depth);
  });

  it('agrees with the parsed document on generated JSON', () => {
    const depthOf = (v: unknown): number =>
      Array.isArray(v)
        ? 1 + Math.max(0, ...v.map(depthOf))
        : v !== null && typeof v === 'object'
          ? 1 + Math.max(0, ...Object.values(v).map(depthOf))
          : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        expect(jsonDepth(JSON.stringify(v))).toBe(depthOf(v));
      }),
      { seed: 10, numRuns: 500 },
    );
  });
});

describe('forbiddenStringPath', () => {
  it.each([
    [{ name: 'Ахметова\tГүлнар\r\n' }, null],
    [{ name: 'Әли 😀' }, null],
    [{ name: 'a\u0000b' }, 'body.name'],
    [{ list: ['ok', 'x\u001by'] }, 'body.list.1'],
    [{ nested: { deep: 'lone \ud800 surrogate' } }, 'body.nested.deep'],
    [{ 'key\u0007': 1 }, 'body'],
    [{ n: 1, b: true, z: null }, null],
  ])('%j → %s', (value, path) => {
    expect(forbiddenStringPath(value)).toBe(path);
  });
});
