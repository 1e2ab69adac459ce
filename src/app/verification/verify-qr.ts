/**
 * check a scanned QR code — `POST /api/v1/verify/qr`. The signature is checked against every published
 * key (a key rotated in by another instance is loaded on first sight); a code whose signature fails is
 * `invalid_signature` whatever the database holds; a good one is answered with the document's status.
 */
import { parseQrText, verifyQrText } from '../../domain/certificates/qr-payload';
import { answerForQr, INVALID_SIGNATURE_ANSWER, qrFailureKind } from '../../domain/certificates/verification';
import type { Result } from '../../domain/shared/result';
import { ok } from '../../domain/shared/result';
import type { Deps } from '../ports';
import {
  auditVerification,
  type VerificationResult,
  type Verifier,
  withIssuerName,
} from './verification-result';

export async function verifyQr(
  deps: Deps,
  input: { readonly text: unknown; readonly who: Verifier },
): Promise<Result<VerificationResult>> {
  const parsed = parseQrText(input.text);
  if (!parsed.ok && qrFailureKind(parsed.error) === 'not_our_code') return parsed;
  const keyId = parsed.ok ? parsed.value.fields.keyId : null;
  if (keyId !== null && !deps.verificationKeys.has(keyId)) await deps.verificationKeys.refresh();
  const verified = verifyQrText(input.text, (bytes, signature, id) =>
    deps.verificationKeys.verify(bytes, signature, id),
  );
  const answer = await deps.uow.run(async (repos) => {
    if (!verified.ok) {
      const number = parsed.ok ? parsed.value.fields.number : null;
      return auditVerification(repos, INVALID_SIGNATURE_ANSWER, { via: 'qr', number, who: input.who });
    }
    const fields = verified.value;
    const doc = await repos.documentLookup.byNumber(fields.number);
    return auditVerification(repos, answerForQr(fields, doc), {
      via: 'qr',
      number: fields.number,
      who: input.who,
    });
  });
  return ok(await withIssuerName(deps, answer));
}
