import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../shared/plain-date';
import type { QrFields } from './qr-payload';
import { parseQrText } from './qr-payload';
import {
  answerForNumber,
  answerForQr,
  initialsOfFullName,
  publicDocument,
  qrFailureKind,
  type StoredDocument,
} from './verification';

const IIN = '900101400017';
const doc: StoredDocument = {
  kind: 'certificate',
  number: '113243-2026-000042',
  issuer: '113243000',
  // 23:30 in Almaty (18:30Z): still the 25th.
  issuedAt: Date.parse('2026-11-25T23:30:00+05:00'),
  applicantIin: IIN,
  applicantName: 'Әбдіғалиева Гүлнұр Құрманғазықызы',
  qrFields: null,
  status: 'valid',
  revokedAt: null,
  revokeReason: null,
  supersededBy: null,
};
const fields: QrFields = {
  number: doc.number,
  iinLast4: '0017',
  initials: 'ӘГҚ',
  issuer: '113243000',
  issuedOn: '2026-11-25' as PlainDate,
  keyId: 'k202611-a1b2c3',
};

// a verifier learns the status and minimal facts, never the full IIN.
describe('verification answers (R-23)', () => {
  it('shows the minimal view: masked IIN, initials, civil date of issue in Almaty', () => {
    expect(publicDocument(doc)).toEqual({
      number: '113243-2026-000042',
      kind: 'certificate',
      issuedOn: '2026-11-25',
      issuer: '113243000',
      initials: 'ӘГҚ',
      iinMasked: '********0017',
      status: 'valid',
      revoked: null,
      supersededBy: null,
    });
    // 20:00Z is 01:00 the next day in Almaty (UTC+5).
    expect(publicDocument({ ...doc, issuedAt: Date.parse('2026-11-25T20:00:00Z') }).issuedOn).toBe(
      '2026-11-26',
    );
  });

  it('takes the initials printed in the QR when the document has one', () => {
    expect(publicDocument({ ...doc, qrFields: { ...fields, initials: 'ӘГ' } }).initials).toBe('ӘГ');
  });

  it.each([
    ['Әбдіғалиева Гүлнұр Құрманғазықызы', 'ӘГҚ'],
    ['  Иванов   Пётр ', 'ИП'],
    ['Ким Ольга Сергеевна', 'КОС'],
    ['Сейтқали Нұрлан Болат ұлы', 'СНБ'],
  ])('initials of %s → %s', (name, initials) => {
    expect(initialsOfFullName(name)).toBe(initials);
  });

  it('states revocation (date and reason) and supersession (the new number)', () => {
    const revoked = publicDocument({
      ...doc,
      status: 'revoked',
      revokedAt: Date.parse('2026-11-27T09:00:00+05:00'),
      revokeReason: 'қате',
    });
    expect(revoked.revoked).toEqual({ on: '2026-11-27', reason: 'қате' });
    const superseded = publicDocument({
      ...doc,
      status: 'superseded',
      supersededBy: { number: '113243-2026-000043', issuedAt: Date.parse('2026-11-28T10:00:00+05:00') },
    });
    expect(superseded.supersededBy).toEqual({ number: '113243-2026-000043', issuedOn: '2026-11-28' });
    expect(superseded.revoked).toBeNull();
  });

  it('answers a QR with the document status only when the signed fields match the record', () => {
    expect(answerForQr(fields, doc).status).toBe('valid');
    expect(answerForQr(fields, { ...doc, status: 'revoked' }).status).toBe('revoked');
    expect(answerForQr(fields, undefined)).toEqual({ status: 'unknown', document: null });
    expect(answerForQr({ ...fields, iinLast4: '0018' }, doc)).toEqual({ status: 'unknown', document: null });
    expect(answerForQr({ ...fields, issuer: '113243100' }, doc).status).toBe('unknown');
  });

  it('answers number + IIN only when both match', () => {
    expect(answerForNumber(doc.number, IIN, doc).status).toBe('valid');
    expect(answerForNumber(doc.number, '900101400025', doc).status).toBe('unknown');
    expect(answerForNumber(doc.number, IIN, undefined).status).toBe('unknown');
  });

  it('never puts the full IIN into an answer (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{12}$/),
        fc.constantFrom('valid', 'revoked', 'superseded') as fc.Arbitrary<StoredDocument['status']>,
        (iin, status) => {
          const stored = { ...doc, applicantIin: iin, status, revokedAt: doc.issuedAt, revokeReason: 'x' };
          const text = JSON.stringify(answerForNumber(doc.number, iin, stored));
          expect(text).not.toContain(iin);
          expect(text).toContain(`********${iin.slice(-4)}`);
        },
      ),
    );
  });

  it.each([
    ['https://example.com/menu', 'not_our_code'],
    ['hello', 'not_our_code'],
    ['Q2.AAAA.BBBB', 'not_our_code'],
    ['Q1.AAAA.BBBB', 'invalid_signature'],
    ['http://x/verify?c=Q1.QUJD.AAAA', 'invalid_signature'],
  ] as const)('a failed parse of %s is %s', (text, kind) => {
    const parsed = parseQrText(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(qrFailureKind(parsed.error)).toBe(kind);
  });
});
