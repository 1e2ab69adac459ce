import { describe, expect, it } from 'vitest';
import {
  certificateStatus,
  type IssuedRecord,
  revokeCertificate,
  supersedeCertificate,
  verificationStatus,
} from './certificate-status';

const issued: IssuedRecord = {
  number: '113243-2026-000042',
  issuedAt: '2026-11-25T10:05:00+05:00',
  supersedes: null,
  supersededBy: null,
  revocation: null,
};
const correction: IssuedRecord = {
  ...issued,
  number: '113243-2026-000043',
  issuedAt: '2026-11-26T09:30:00+05:00',
};
const change = {
  at: '2026-11-26T09:30:00+05:00',
  by: 'u-akimat',
  reason: 'Жер учаскесінің ауданы қате жазылған',
};

// R-23, issue 5: an issued certificate never changes; corrections supersede, revocations record their reason.
describe('certificate status (R-23)', () => {
  it('valid → revoked', () => {
    const r = revokeCertificate(issued, change);
    expect(r).toEqual({
      ok: true,
      value: { ...issued, revocation: { at: change.at, by: 'u-akimat', reason: change.reason } },
    });
    expect(certificateStatus(issued)).toBe('valid');
    expect(r.ok && certificateStatus(r.value)).toBe('revoked');
  });

  it('a correction is a new certificate that supersedes the old one', () => {
    const r = supersedeCertificate(issued, correction, change);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.old.supersededBy).toEqual({
      number: '113243-2026-000043',
      at: change.at,
      by: 'u-akimat',
      reason: change.reason,
    });
    expect(r.value.replacement.supersedes).toBe('113243-2026-000042');
    expect(certificateStatus(r.value.old)).toBe('superseded');
    expect(certificateStatus(r.value.replacement)).toBe('valid');
    // The old content is untouched: only the supersession was added.
    expect({ ...r.value.old, supersededBy: null }).toEqual(issued);
  });

  it.each([
    [
      'revoke a revoked one',
      () => revokeCertificate({ ...issued, revocation: { at: 'x', by: 'u', reason: 'r' } }, change),
      'CERTIFICATE.ALREADY_REVOKED',
    ],
    [
      'revoke a superseded one',
      () =>
        revokeCertificate(
          { ...issued, supersededBy: { number: 'n', at: 'x', by: 'u', reason: 'r' } },
          change,
        ),
      'CERTIFICATE.ALREADY_SUPERSEDED',
    ],
    [
      'revoke without a reason',
      () => revokeCertificate(issued, { ...change, reason: '  ' }),
      'CERTIFICATE.REASON_REQUIRED',
    ],
    [
      'revoke with a 1001-character reason',
      () => revokeCertificate(issued, { ...change, reason: 'а'.repeat(1001) }),
      'CERTIFICATE.REASON_REQUIRED',
    ],
    [
      'revoke at no valid time',
      () => revokeCertificate(issued, { ...change, at: 'yesterday' }),
      'CALENDAR.BAD_INSTANT',
    ],
    ['supersede by itself', () => supersedeCertificate(issued, issued, change), 'CERTIFICATE.SAME_NUMBER'],
    [
      'supersede by a correction of another',
      () => supersedeCertificate(issued, { ...correction, supersedes: '113243-2026-000001' }, change),
      'CERTIFICATE.BAD_INPUT',
    ],
  ] as const)('cannot %s', (_, run, code) => {
    const r = run();
    expect(!r.ok && r.error.code).toBe(code);
  });

  it('a revocation outranks a supersession', () => {
    expect(
      certificateStatus({
        revocation: { at: 'x', by: 'u', reason: 'r' },
        supersededBy: { number: 'n', at: 'x', by: 'u', reason: 'r' },
      }),
    ).toBe('revoked');
  });

  it.each([
    [false, issued, 'invalid_signature'],
    [false, undefined, 'invalid_signature'],
    [true, undefined, 'unknown'],
    [true, issued, 'valid'],
    [true, { ...issued, revocation: { at: 'x', by: 'u', reason: 'r' } }, 'revoked'],
    [true, { ...issued, supersededBy: { number: 'n', at: 'x', by: 'u', reason: 'r' } }, 'superseded'],
  ] as const)('verification: signature %s, record %j → %s', (signature, record, status) => {
    expect(verificationStatus(signature, record)).toBe(status);
  });
});
