#!/usr/bin/env node
// Checks a Qosalqy certificate's QR code offline, with only Node's built-ins: node:crypto checks the
// Ed25519 signature, node:fs reads the saved public keys. See docs/verify-offline.md.
//
//   node verify-offline.mjs keys.json '<scanned QR text>' [holder IIN]
//
// keys.json is https://<site>/.well-known/qosalqy/keys.json saved once (retired keys included: they still verify
// the certificates they signed). Exit code 0: the signature is genuine (and the IIN's last four digits match, if
// given); 1: it is not; 2: wrong usage or not a Qosalqy code.
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [keysFile, scanned, holderIin] = process.argv.slice(2);
if (!keysFile || !scanned) {
  console.error("usage: node verify-offline.mjs keys.json '<scanned QR text>' [holder IIN]");
  process.exit(2);
}

// The QR holds `<site>/verify?c=Q1.<payload>.<signature>`; the bare `Q1.….…` value works too.
const code = /^Q\d/.test(scanned.trim()) ? scanned.trim() : /[?&]c=([^&#\s]*)/.exec(scanned)?.[1];
const parts = /^Q1\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(code ?? '');
if (!parts) {
  console.error('not a Qosalqy verification code (version Q1)');
  process.exit(2);
}
const [, payload, signature] = parts;

// The payload: base64url of UTF-8 `number|iinLast4|initials|issuer|issuedOn|keyId`.
const fields = Buffer.from(payload, 'base64url').toString('utf8').split('|');
if (fields.length !== 6) {
  console.error('not a Qosalqy verification code (payload)');
  process.exit(2);
}
const [number, iinLast4, initials, issuer, issuedOn, keyId] = fields;

// The signature covers the ASCII bytes of `Q1.<payload>`: version and data together.
const jwk = JSON.parse(readFileSync(keysFile, 'utf8')).keys.find((k) => k.kid === keyId);
const genuine =
  jwk !== undefined &&
  verify(
    null,
    Buffer.from(`Q1.${payload}`, 'ascii'),
    createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' }),
    Buffer.from(signature, 'base64url'),
  );
const holderMatches = holderIin === undefined ? null : holderIin.trim().slice(-4) === iinLast4;

console.log(
  JSON.stringify(
    {
      signature: genuine ? 'valid' : jwk === undefined ? 'unknown_key' : 'invalid',
      holderMatches,
      number,
      iinLast4,
      initials,
      issuer,
      issuedOn,
      keyId,
    },
    null,
    2,
  ),
);
process.exit(genuine && holderMatches !== false ? 0 : 1);
