/**
 * the signed QR payload a bank or a social office checks, offline with the published public key or online.
 *
 *   <base>/verify?c=Q1.<payload>.<signature>
 *
 * `payload` is base64url (no padding) of the UTF-8 text `number|iinLast4|initials|issuer|issuedOn|keyId`, e.g.
 * `113243-2026-000042|0017|СБҚ|113243000|2026-11-25|k202611-a1b2c3`; `signature` is base64url of the 64-byte
 * Ed25519 signature of the ASCII bytes `Q1.<payload>` — the version is signed with the data, as JWS signs its
 * header. Only the last four digits of the IIN and the initials travel; the full record is answered online
 * only to someone who also knows the IIN. The signing itself is the adapter's (node:crypto); this module is pure.
 */
import { type PlainDate, parsePlainDate } from '../shared/plain-date';
import { DomainInvariantError, err, ok, type Result } from '../shared/result';
import { isKatoCode } from '../territory/kato-code';
import { decodeBase64url, encodeBase64url } from './base64url';
import { isOfficeId, parseDocumentNumber } from './document-number';
import { initialsOf, type PersonName } from './format-text';

export const QR_VERSION = 'Q1';
/** The query parameter of the verification URL. */
export const QR_PARAM = 'c';
export const SIGNATURE_BYTES = 64;
/** Longer input is not a QR of ours; refusing it early bounds the work a hostile scan can cause. */
export const MAX_QR_TEXT = 2048;

export interface QrFields {
  /** The document number (`113243-2026-000042`). */
  readonly number: string;
  /** The last four digits of the applicant's IIN. */
  readonly iinLast4: string;
  /** Upper-case first letters of surname, name, patronymic (one to three; six allows for letters that upper-case to two). */
  readonly initials: string;
  /** The issuing akimat's nine-digit KATO code (or the office id of a PSC refusal at intake). */
  readonly issuer: string;
  readonly issuedOn: PlainDate;
  /** The signing key's id, as published at /.well-known/qosalqy/keys.json. */
  readonly keyId: string;
}

export interface ParsedQr {
  readonly fields: QrFields;
  readonly signature: Uint8Array;
  /** Exactly the bytes the signature covers. */
  readonly signedBytes: Uint8Array;
}

/** The adapter's Ed25519 check with the public key of `keyId` (false for an unknown key). */
export type QrVerifier = (bytes: Uint8Array, signature: Uint8Array, keyId: string) => boolean;

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const INITIALS = /^\p{L}{1,6}$/u;
const SEPARATOR = '|';

const bad = (reason: string) => err('QR.BAD_FORMAT', 'not a Qosalqy verification code', { reason });

/** Checks fields for internal consistency (the number's issuer is the issuer field). */
export function validateQrFields(fields: QrFields): Result<QrFields> {
  if (typeof fields !== 'object' || fields === null) return bad('fields');
  const { number, iinLast4, initials, issuer, issuedOn, keyId } = fields;
  const parsed = parseDocumentNumber(number);
  if (!parsed.ok || parsed.value.text !== number) return bad('number');
  if (typeof iinLast4 !== 'string' || !/^\d{4}$/.test(iinLast4)) return bad('iin');
  if (typeof initials !== 'string' || !INITIALS.test(initials)) return bad('initials');
  if (typeof issuer !== 'string' || !(isKatoCode(issuer) || isOfficeId(issuer))) return bad('issuer');
  if (parsed.value.issuer !== issuer) return bad('issuer');
  if (typeof issuedOn !== 'string' || !parsePlainDate(issuedOn).ok) return bad('issuedOn');
  if (Number(issuedOn.slice(0, 4)) !== parsed.value.year) return bad('issuedOn');
  if (typeof keyId !== 'string' || !KEY_ID.test(keyId)) return bad('keyId');
  return ok({ number, iinLast4, initials, issuer, issuedOn, keyId });
}

/** The fields of a document: the IIN is cut to its last four digits and the name to initials here. */
export function makeQrFields(input: {
  readonly number: string;
  readonly iin: string;
  readonly person: PersonName;
  readonly issuer: string;
  readonly issuedOn: PlainDate;
  readonly keyId: string;
}): Result<QrFields> {
  return validateQrFields({
    number: input.number,
    iinLast4: typeof input.iin === 'string' && /^\d{12}$/.test(input.iin) ? input.iin.slice(-4) : '',
    initials: initialsOf(input.person),
    issuer: input.issuer,
    issuedOn: input.issuedOn,
    keyId: input.keyId,
  });
}

function payloadText(f: QrFields): string {
  return [f.number, f.iinLast4, f.initials, f.issuer, f.issuedOn, f.keyId].join(SEPARATOR);
}

function token(fields: QrFields): string {
  return `${QR_VERSION}.${encodeBase64url(new TextEncoder().encode(payloadText(fields)))}`;
}

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The exact bytes to sign (ASCII of `Q1.<payload>`). Throws on fields `validateQrFields` rejects. */
export function encodeQrPayload(fields: QrFields): Uint8Array {
  const valid = validateQrFields(fields);
  if (!valid.ok) {
    throw new DomainInvariantError(valid.error.code, valid.error.message, { ...valid.error.details });
  }
  return ascii(token(valid.value));
}

/** `<base>/verify?c=Q1.<payload>.<signature>`; `baseUrl` is the public origin, e.g. https://qosalqy.kz. */
export function buildQrText(fields: QrFields, signature: Uint8Array, baseUrl: string): string {
  if (!(signature instanceof Uint8Array) || signature.length !== SIGNATURE_BYTES) {
    throw new DomainInvariantError('QR.BAD_SIGNATURE', 'an Ed25519 signature is 64 bytes');
  }
  const signed = new TextDecoder().decode(encodeQrPayload(fields));
  return `${verifyPageUrl(baseUrl)}?${QR_PARAM}=${signed}.${encodeBase64url(signature)}`;
}

/** The public verification page, printed under the QR ("Тексеру: …"). */
export function verifyPageUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/verify`;
}

/**
 * Reads a scanned QR text — the whole URL, or just its `Q1.….…` value — into fields, signature and the signed
 * bytes. Never throws: anything that is not exactly what `buildQrText` writes is `QR.BAD_FORMAT`, another version
 * `QR.UNSUPPORTED_VERSION`. It does not check the signature: `verifyQrText` does.
 */
export function parseQrText(text: unknown): Result<ParsedQr> {
  if (typeof text !== 'string') return bad('not text');
  if (text.length > MAX_QR_TEXT) return bad('too long');
  const trimmed = text.trim();
  const value = /^Q\d/.test(trimmed) ? trimmed : new RegExp(`[?&]${QR_PARAM}=([^&#\\s]*)`).exec(trimmed)?.[1];
  if (value === undefined) return bad('no code in the text');
  const m = /^Q(\d{1,3})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(value);
  if (!m) return bad('shape');
  if (`Q${m[1]}` !== QR_VERSION) {
    return err('QR.UNSUPPORTED_VERSION', 'a verification code of an unknown version', {
      version: `Q${m[1]}`,
    });
  }
  const payloadB64 = m[2] ?? '';
  const payload = decodeBase64url(payloadB64);
  const signature = decodeBase64url(m[3] ?? '');
  if (payload === undefined || signature === undefined) return bad('base64url');
  if (signature.length !== SIGNATURE_BYTES) return bad('signature length');
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(payload);
  } catch {
    return bad('utf-8');
  }
  const parts = decoded.split(SEPARATOR);
  if (parts.length !== 6) return bad('fields');
  const [number = '', iinLast4 = '', initials = '', issuer = '', issuedOn = '', keyId = ''] = parts;
  const fields = validateQrFields({
    number,
    iinLast4,
    initials,
    issuer,
    issuedOn: issuedOn as PlainDate,
    keyId,
  });
  if (!fields.ok) return fields;
  const signedText = `${QR_VERSION}.${payloadB64}`;
  // One payload, one spelling: what we would sign for these fields must be what was received.
  if (token(fields.value) !== signedText) return bad('not canonical');
  return ok({ fields: fields.value, signature, signedBytes: ascii(signedText) });
}

/**
 * Parse and check the signature with the adapter's verifier. `QR.INVALID_SIGNATURE` when it fails (a tampered
 * payload, an unknown or wrong key); a verifier that throws counts as a failure.
 */
export function verifyQrText(text: unknown, verify: QrVerifier): Result<QrFields> {
  const parsed = parseQrText(text);
  if (!parsed.ok) return parsed;
  const { fields, signature, signedBytes } = parsed.value;
  let valid = false;
  try {
    valid = verify(signedBytes, signature, fields.keyId) === true;
  } catch {
    valid = false;
  }
  return valid
    ? ok(fields)
    : err('QR.INVALID_SIGNATURE', 'the signature does not match the payload', { keyId: fields.keyId });
}
