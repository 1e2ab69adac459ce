import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCertificateNumber,
  formatDocumentNumber,
  NUMBERED_KINDS,
  parseCertificateNumber,
  parseDocumentNumber,
} from './document-number';

// R-5 / issue 5: one printed form per (issuer, kind, year, sequence), and back.
describe('document numbers', () => {
  it.each([
    ['certificate', '113243000', 2026, 42, '113243-2026-000042'],
    ['certificate', '113243100', 2026, 1, '1132431-2026-000001'],
    ['certificate', '751710000', 2027, 999_999, '751710-2027-999999'],
    ['certificate', '113243000', 2026, 1_000_000, '113243-2026-1000000'],
    ['refusal', '113243000', 2026, 7, '113243-2026-R000007'],
    ['refusal', 'psc-01', 2026, 3, 'psc-01-2026-R000003'],
    ['refusal', 'online', 2026, 1, 'online-2026-R000001'],
    ['receipt', 'psc-01', 2026, 115, 'psc-01-2026-P000115'],
  ] as const)('%s of %s, %s, #%s → %s', (kind, issuer, year, seq, text) => {
    expect(formatDocumentNumber(kind, issuer, year, seq)).toBe(text);
    expect(parseDocumentNumber(text)).toEqual({ ok: true, value: { kind, issuer, year, seq, text } });
  });

  it('formats a certificate number from the akimat KATO', () => {
    expect(formatCertificateNumber('113243000', 2026, 42)).toBe('113243-2026-000042');
    expect(() => formatCertificateNumber('psc-01', 2026, 1)).toThrow();
  });

  it.each([
    [' 113243-2026-000042 ', '113243-2026-000042'],
    ['113243-2026-r000007', '113243-2026-R000007'],
    ['PSC-01-2026-P000115', 'psc-01-2026-P000115'],
  ])('reads %j as typed → %s', (typed, text) => {
    const r = parseDocumentNumber(typed);
    expect(r.ok && r.value.text).toBe(text);
  });

  it.each([
    [''],
    ['113243-2026-42'],
    ['113243-2026-0000042'], // two spellings of one number
    ['113243000-2026-000042'], // the full code is not the printed prefix
    ['11324-2026-000042'], // five digits cut a group
    ['113200-2026-000042'], // 113200000's significant prefix is 1132
    ['113243-1999-000042'],
    ['113243-2026-000000'],
    ['113243-2026-X000001'],
    ['-2026-000001'],
    ['psc--01-2026-R000001'],
    ['1psc-2026-R000001'],
    ['113243_2026_000042'],
    [42],
    [null],
    ['113243-2026-000042'.repeat(5)],
  ])('rejects %j', (text) => {
    const r = parseDocumentNumber(text);
    expect(!r.ok && r.error.code).toBe('CERTIFICATE.BAD_NUMBER');
  });

  it('parseCertificateNumber accepts certificates only', () => {
    expect(parseCertificateNumber('113243-2026-000042')).toEqual({
      ok: true,
      value: { akimatKato: '113243000', year: 2026, seq: 42, text: '113243-2026-000042' },
    });
    const refusal = parseCertificateNumber('113243-2026-R000007');
    expect(!refusal.ok && refusal.error.code).toBe('CERTIFICATE.BAD_NUMBER');
  });

  it.each([
    ['certificate', '000000000', 2026, 1],
    ['certificate', '11324300', 2026, 1],
    ['certificate', '113243000', 1999, 1],
    ['certificate', '113243000', 2026, 0],
    ['certificate', '113243000', 2026, 1.5],
    ['certificate', '113243000', 2026, 10_000_000],
    ['refusal', 'ЦОН-1', 2026, 1],
  ] as const)('will not format %s %s %s #%s', (kind, issuer, year, seq) => {
    expect(() => formatDocumentNumber(kind, issuer, year, seq)).toThrow();
  });

  it('round-trips every number it formats, and distinct parts give distinct numbers', () => {
    const kato = fc
      .tuple(
        fc.integer({ min: 10, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 99 }),
      )
      .map((g) => g.map((n, i) => String(n).padStart(i === 3 ? 1 : 2, '0')).join(''));
    const office = fc.constantFrom('psc-01', 'psc-24', 'online', 'psc-branch-7');
    fc.assert(
      fc.property(
        fc.constantFrom(...NUMBERED_KINDS),
        fc.oneof(kato, office),
        fc.integer({ min: 2000, max: 2999 }),
        fc.integer({ min: 1, max: 9_999_999 }),
        (kind, issuer, year, seq) => {
          const text = formatDocumentNumber(kind, issuer, year, seq);
          expect(parseDocumentNumber(text)).toEqual({ ok: true, value: { kind, issuer, year, seq, text } });
        },
      ),
      { numRuns: 2000 },
    );
  });
});
