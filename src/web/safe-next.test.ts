import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
  it.each([
    [null, '/home'],
    ['', '/home'],
    ['/home', '/home'],
    ['/complaints?status=open', '/complaints?status=open'],
    ['https://evil.example/', '/home'],
    ['//evil.example/', '/home'],
    ['/\\evil.example/', '/home'],
    ['javascript:alert(1)', '/home'],
    ['/login', '/home'],
    ['/login?next=/home', '/home'],
    ['/loginhelp', '/loginhelp'],
  ])('%s → %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
