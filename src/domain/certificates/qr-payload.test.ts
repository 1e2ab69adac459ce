import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../shared/plain-date';
import { decodeBase64url, encodeBase64url } from './base64url';
import { formatDocumentNumber } from './document-number';
import {
  buildQrText,
  encodeQrPayload,
  makeQrFields,
  parseQrText,
  type QrFields,
  type QrVerifier,
  verifyQrText,
} from './qr-payload';

/**
 * A stand-in for Ed25519 (the domain may not import node:crypto): 64 bytes of keyed FNV-1a hashes. Any change to
 * the bytes or the key changes the signature, which is all these tests need.
 */
function fakeSign(bytes: Uint8Array, keyId: string): Uint8Array {
  const out = new Uint8Array(64);
  const key = new TextEncoder().encode(keyId);
  for (let block = 0; block < 16; block++) {
    let h = (0x811c9dc5 ^ (block * 0x9e3779b1)) >>> 0;
    for (const b of [...key, 0, ...bytes]) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    out.set([h >>> 24, (h >>> 16) & 255, (h >>> 8) & 255, h & 255], block * 4);
  }
  return out;
}
const fakeVerify: QrVerifier = (bytes, signature, keyId) =>
  keyId.startsWith('k') && fakeSign(bytes, keyId).every((b, i) => b === signature[i]);

const BASE = 'https://qosalqy.kz';
const fields: QrFields = {
  number: '113243-2026-000042',
  iinLast4: '0017',
  initials: 'СБҚ',
  issuer: '113243000',
  issuedOn: '2026-11-25' as PlainDate,
  keyId: 'k202611-a1b2c3',
};
const signed = (f: QrFields) => buildQrText(f, fakeSign(encodeQrPayload(f), f.keyId), BASE);

describe('base64url', () => {
  it('matches the standard encoding and decodes only canonical text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = encodeBase64url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(decodeBase64url(text)).toEqual(bytes);
      }),
      { numRuns: 1000 },
    );
    expect(decodeBase64url('QQ')).toEqual(new Uint8Array([65]));
    expect(decodeBase64url('QR')).toBeUndefined(); // non-zero spare bits: a second spelling of "A"
    expect(decodeBase64url('Q')).toBeUndefined();
    expect(decodeBase64url('QQ==')).toBeUndefined();
    expect(decodeBase64url('Q+/A')).toBeUndefined();
  });
});

// the signed payload — its exact bytes, the URL, and the parser that never trusts its input.
describe('QR payload (R-23)', () => {
  it('signs the ASCII of Q1.<base64url of the fields>', () => {
    const bytes = encodeQrPayload(fields);
    const text = new TextDecoder().decode(bytes);
    expect(text).toBe(
      `Q1.${Buffer.from('113243-2026-000042|0017|СБҚ|113243000|2026-11-25|k202611-a1b2c3').toString('base64url')}`,
    );
    const qr = signed(fields);
    expect(qr).toBe(
      `${BASE}/verify?c=${text}.${Buffer.from(fakeSign(bytes, fields.keyId)).toString('base64url')}`,
    );
  });

  it('makes the fields from the full IIN and the name, keeping only the last four digits and initials', () => {
    expect(
      makeQrFields({
        number: '113243-2026-000042',
        iin: '900101300017',
        person: { surname: 'Сейітов', name: 'Бауыржан', patronymic: 'Қанатұлы' },
        issuer: '113243000',
        issuedOn: '2026-11-25' as PlainDate,
        keyId: 'k202611-a1b2c3',
      }),
    ).toEqual({ ok: true, value: fields });
  });

  it.each([
    ['a number of another akimat', { number: '113245-2026-000042' }],
    ['a number of another year', { issuedOn: '2027-01-02' as PlainDate }],
    ['a non-canonical number', { number: '113243-2026-0000042' }],
    ['five IIN digits', { iinLast4: '00017' }],
    ['no initials', { initials: '' }],
    ['a separator in the initials', { initials: 'С|Б' }],
    ['a key id with a space', { keyId: 'k 1' }],
    ['no such day', { issuedOn: '2026-02-30' as PlainDate }],
  ] as const)('will not encode %s', (_, change) => {
    expect(() => encodeQrPayload({ ...fields, ...change })).toThrow();
  });

  it('fits a QR at error correction M with a generous base URL', () => {
    const longest: QrFields = {
      number: formatDocumentNumber('refusal', 'psc-branch-office-12345', 2999, 9_999_999),
      iinLast4: '9999',
      initials: 'ӘҒҚ',
      issuer: 'psc-branch-office-12345',
      issuedOn: '2999-12-31' as PlainDate,
      keyId: 'k'.repeat(32),
    };
    const text = buildQrText(
      longest,
      fakeSign(encodeQrPayload(longest), longest.keyId),
      'https://qosalqy.example.gov.kz',
    );
    expect(text.length).toBeLessThan(300);
    expect(signed(fields).length).toBeLessThan(220);
  });

  it('reads the whole URL or the bare code, and verifies it', () => {
    const qr = signed(fields);
    const parsed = parseQrText(qr);
    if (!parsed.ok) throw new Error(parsed.error.code);
    expect(parsed.value.fields).toEqual(fields);
    expect(parsed.value.signedBytes).toEqual(encodeQrPayload(fields));
    expect(parseQrText(qr.slice(qr.indexOf('Q1.')))).toEqual(parsed);
    expect(parseQrText(`  ${qr}\n`)).toEqual(parsed);
    expect(verifyQrText(qr, fakeVerify)).toEqual({ ok: true, value: fields });
  });

  it('round-trips any valid fields', () => {
    const field = fc.record({
      akimat: fc.integer({ min: 100_000, max: 999_999 }).map((n) => `${n}000`),
      year: fc.integer({ min: 2000, max: 2999 }),
      seq: fc.integer({ min: 1, max: 9_999_999 }),
      iinLast4: fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
      initials: fc
        .array(fc.constantFrom(...'АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЫІЭЮЯABC'), {
          minLength: 1,
          maxLength: 3,
        })
        .map((a) => a.join('')),
      day: fc.integer({ min: 1, max: 28 }),
      keyId: fc.stringMatching(/^[A-Za-z0-9_-]{1,32}$/),
    });
    fc.assert(
      fc.property(field, (g) => {
        const f: QrFields = {
          number: formatDocumentNumber('certificate', g.akimat, g.year, g.seq),
          iinLast4: g.iinLast4,
          initials: g.initials,
          issuer: g.akimat,
          issuedOn: `${g.year}-03-${String(g.day).padStart(2, '0')}` as PlainDate,
          keyId: g.keyId,
        };
        const qr = buildQrText(f, fakeSign(encodeQrPayload(f), f.keyId), BASE);
        expect(
          parseQrText(qr).ok && verifyQrText(qr, (b, s, k) => fakeSign(b, k).every((x, i) => x === s[i])),
        ).toEqual({
          ok: true,
          value: f,
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws, whatever it is given (10,000 runs)', () => {
    const qr = signed(fields);
    const mutated = fc
      .tuple(fc.nat(qr.length - 1), fc.string({ maxLength: 3 }), fc.nat(3))
      .map(([at, insert, drop]) => qr.slice(0, at) + insert + qr.slice(at + drop));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
          mutated,
          fc.anything({ maxDepth: 1 }),
        ),
        (input) => {
          const r = parseQrText(input);
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) expect(['QR.BAD_FORMAT', 'QR.UNSUPPORTED_VERSION']).toContain(r.error.code);
          const v = verifyQrText(input, fakeVerify);
          if (v.ok) expect(input).toContain(qr.slice(qr.indexOf('Q1.')));
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('fails verification for a tampered payload, a wrong key or a throwing verifier', () => {
    const qr = signed(fields);
    const signature = qr.slice(qr.lastIndexOf('.') + 1);
    // Another number re-encoded with the original signature: a well-formed code that was never signed.
    const forged = `${BASE}/verify?c=${new TextDecoder().decode(encodeQrPayload({ ...fields, number: '113243-2026-000043' }))}.${signature}`;
    expect(parseQrText(forged).ok).toBe(true);
    const r = verifyQrText(forged, fakeVerify);
    expect(!r.ok && r.error.code).toBe('QR.INVALID_SIGNATURE');
    const otherKey = `${BASE}/verify?c=${new TextDecoder().decode(encodeQrPayload({ ...fields, keyId: 'k-other' }))}.${signature}`;
    expect(!verifyQrText(otherKey, fakeVerify).ok).toBe(true);
    const throwing = verifyQrText(qr, () => {
      throw new Error('unknown key');
    });
    expect(!throwing.ok && throwing.error.code).toBe('QR.INVALID_SIGNATURE');
  });

  it('any single changed character of the code fails', () => {
    const qr = signed(fields);
    const start = qr.indexOf('Q1.') + 3;
    fc.assert(
      fc.property(
        fc.integer({ min: start, max: qr.length - 1 }),
        fc.constantFrom(...'AQgw-_09zZ'),
        (at, ch) => {
          fc.pre(qr[at] !== ch);
          const tampered = qr.slice(0, at) + ch + qr.slice(at + 1);
          expect(verifyQrText(tampered, fakeVerify).ok).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['Q2.AAAA.AAAA', 'QR.UNSUPPORTED_VERSION'],
    ['https://qosalqy.kz/verify?x=1', 'QR.BAD_FORMAT'],
    ['https://qosalqy.kz/verify?c=Q1.AAAA', 'QR.BAD_FORMAT'],
    [`Q1.${'A'.repeat(3000)}.AA`, 'QR.BAD_FORMAT'],
    [`Q1.${Buffer.from('a|b|c').toString('base64url')}.${'A'.repeat(86)}`, 'QR.BAD_FORMAT'],
    [`Q1.${Buffer.from([0xff, 0xfe]).toString('base64url')}.${'A'.repeat(86)}`, 'QR.BAD_FORMAT'],
  ])('rejects %s', (text, code) => {
    const r = parseQrText(text);
    expect(!r.ok && r.error.code).toBe(code);
  });
});
