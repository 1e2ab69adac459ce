import { generateKeyPairSync, sign, verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, FUZZ_SEED, fuzzOptions } from '../shared/fuzz.test-support';
import type { PlainDate } from '../shared/plain-date';
import { encodeBase64url } from './base64url';
import { formatDocumentNumber } from './document-number';
import {
  buildQrText,
  encodeQrPayload,
  parseQrText,
  type QrFields,
  type QrVerifier,
  verifyQrText,
} from './qr-payload';
import { answerForQr, type StoredDocument } from './verification';

// Issue 10 item 3: QR verification fuzzed with real Ed25519 keys (the adapter's algorithm; the domain
// only receives a verifier) — FUZZ_RUNS cases per property, 10,000 by default. A code that was changed in any
// way never verifies as anything but what was signed, and a verified code that does not match the stored
// document is never answered "valid". (qr-payload.test.ts has the examples and the "never throws" property.)

const keys = new Map([
  ['k2026-a', generateKeyPairSync('ed25519')],
  ['k2026-b', generateKeyPairSync('ed25519')],
]);
const signWith = (keyId: string, bytes: Uint8Array) =>
  new Uint8Array(sign(null, bytes, keys.get(keyId)!.privateKey));
const ed25519: QrVerifier = (bytes, signature, keyId) => {
  const pair = keys.get(keyId);
  return pair !== undefined && verify(null, bytes, pair.publicKey, signature);
};

const fieldsArb: fc.Arbitrary<QrFields> = fc
  .record({
    akimat: fc.integer({ min: 100_000, max: 999_999 }).map((n) => `${n}000`),
    year: fc.integer({ min: 2000, max: 2999 }),
    seq: fc.integer({ min: 1, max: 999_999 }),
    iinLast4: fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
    initials: fc
      .array(fc.constantFrom(...'АӘБВГҒДЕЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЫІЭЮЯ'), { minLength: 1, maxLength: 3 })
      .map((a) => a.join('')),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    keyId: fc.constantFrom(...keys.keys()),
  })
  .map((g) => ({
    number: formatDocumentNumber('certificate', g.akimat, g.year, g.seq),
    iinLast4: g.iinLast4,
    initials: g.initials,
    issuer: g.akimat,
    issuedOn: `${g.year}-${String(g.month).padStart(2, '0')}-${String(g.day).padStart(2, '0')}` as PlainDate,
    keyId: g.keyId,
  }));

const BASE = 'https://qosalqy.kz';
const signedText = (f: QrFields) => buildQrText(f, signWith(f.keyId, encodeQrPayload(f)), BASE);
const signedPool = fc
  .sample(fieldsArb, { seed: FUZZ_SEED, numRuns: 300 })
  .map((f) => [f, signedText(f)] as const);

/** Edits of a text: characters replaced, inserted or deleted at any place, one to four of them. */
const edits = fc.array(
  fc.record({
    at: fc.nat(),
    drop: fc.nat(2),
    insert: fc.oneof(
      fc.constantFrom('', 'A', 'Q', '_', '-', '.', '0', '=', '%', ' ', '|'),
      fc.string({ maxLength: 2 }),
    ),
  }),
  { minLength: 1, maxLength: 4 },
);
function applyEdits(
  text: string,
  list: readonly { at: number; drop: number; insert: string }[],
  from: number,
) {
  let t = text;
  for (const e of list) {
    const at = from + (e.at % Math.max(1, t.length - from));
    t = t.slice(0, at) + e.insert + t.slice(at + e.drop);
  }
  return t;
}

describe('QR verification fuzzed with Ed25519 (issue 10 item 3)', () => {
  // Signing costs: the genuine codes and the forgeries run a tenth and a fifth of FUZZ_RUNS.
  it(`a genuine code verifies to exactly its fields (${FUZZ_RUNS / 10} codes)`, () => {
    fc.assert(
      fc.property(fieldsArb, (f) => {
        expect(verifyQrText(signedText(f), ed25519)).toEqual({ ok: true, value: f });
      }),
      fuzzOptions(10),
    );
  });

  it(`an edited code never verifies as anything but what was signed (${FUZZ_RUNS} edits)`, () => {
    fc.assert(
      // Signed once: a pool of genuine codes to damage.
      fc.property(fc.constantFrom(...signedPool), edits, ([f, qr], list) => {
        const tampered = applyEdits(qr, list, qr.indexOf('Q1.'));
        const r = verifyQrText(tampered, ed25519);
        // Only an edit that changed nothing that matters (e.g. `Q1.…` cut out of its URL) may still verify.
        if (r.ok) expect(r.value).toEqual(f);
        if (r.ok) expect(parseQrText(tampered).ok && parseQrText(tampered)).toEqual(parseQrText(qr));
      }),
      fuzzOptions(),
    );
  });

  it(`other fields under a genuine signature, or another key's signature, never verify (${(FUZZ_RUNS / 5) * 3} forgeries)`, () => {
    fc.assert(
      fc.property(fieldsArb, fieldsArb, fc.nat(63), fc.integer({ min: 1, max: 255 }), (f, g, at, xor) => {
        fc.pre(JSON.stringify(f) !== JSON.stringify(g));
        const signature = signWith(f.keyId, encodeQrPayload(f));
        const payload = new TextDecoder().decode(encodeQrPayload(g));
        // g's payload with f's signature: well formed, never signed.
        expect(verifyQrText(`${payload}.${encodeBase64url(signature)}`, ed25519).ok).toBe(false);
        // f's payload with one bit pattern of its signature changed.
        const flipped = signature.slice();
        flipped[at] = (flipped[at] ?? 0) ^ xor;
        const own = new TextDecoder().decode(encodeQrPayload(f));
        expect(verifyQrText(`${own}.${encodeBase64url(flipped)}`, ed25519).ok).toBe(false);
        // f's payload signed with the other key but naming its own key id.
        const otherKey = [...keys.keys()].find((k) => k !== f.keyId)!;
        const wrong = signWith(otherKey, encodeQrPayload(f));
        expect(verifyQrText(`${own}.${encodeBase64url(wrong)}`, ed25519).ok).toBe(false);
      }),
      fuzzOptions(5),
    );
  });

  it(`a verified code is "valid" only for the very document it names (${FUZZ_RUNS} documents)`, () => {
    const stored = (f: QrFields, iin: string): StoredDocument => ({
      kind: 'certificate',
      number: f.number,
      issuer: f.issuer,
      issuedAt: Date.parse(`${f.issuedOn}T10:00:00+05:00`),
      applicantIin: iin,
      applicantName: 'Сәрсенбаева Бибігүл Қайратқызы',
      qrFields: f,
      status: 'valid',
      revokedAt: null,
      revokeReason: null,
      supersededBy: null,
    });
    fc.assert(
      fc.property(
        fieldsArb,
        fieldsArb,
        fc.stringMatching(/^\d{8}$/),
        fc.constantFrom('number', 'issuer', 'iin'),
        (f, g, head, change) => {
          const doc = stored(f, `${head}${f.iinLast4}`);
          expect(answerForQr(f, doc).status).toBe('valid');
          const other =
            change === 'number'
              ? { ...doc, number: g.number }
              : change === 'issuer'
                ? { ...doc, issuer: g.issuer }
                : { ...doc, applicantIin: `${head}${g.iinLast4}` };
          const same =
            change === 'number'
              ? g.number === f.number
              : change === 'issuer'
                ? g.issuer === f.issuer
                : g.iinLast4 === f.iinLast4;
          expect(answerForQr(f, other).status).toBe(same ? 'valid' : 'unknown');
          expect(answerForQr(f, undefined).status).toBe('unknown');
        },
      ),
      fuzzOptions(),
    );
  });
});
