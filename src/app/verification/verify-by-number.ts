/**
 * check a certificate by its number and the holder's IIN — `GET /api/v1/verify?number=&iin=`. Both must
 * match one issued document; anything else is `unknown`, so guessing numbers learns nothing about anyone.
 */
import { parseDocumentNumber } from '../../domain/certificates/document-number';
import { answerForNumber } from '../../domain/certificates/verification';
import { parseIin } from '../../domain/iin/iin';
import { ok, type Result } from '../../domain/shared/result';
import type { Deps } from '../ports';
import {
  auditVerification,
  type VerificationResult,
  type Verifier,
  withIssuerName,
} from './verification-result';

export async function verifyByNumber(
  deps: Deps,
  input: { readonly number: string; readonly iin: string; readonly who: Verifier },
): Promise<Result<VerificationResult>> {
  const number = parseDocumentNumber(input.number);
  if (!number.ok) return number;
  const iin = parseIin(input.iin.trim());
  if (!iin.ok) return iin;
  const canonical = number.value.text;
  const holder = iin.value.iin;
  const answer = await deps.uow.run(async (repos) => {
    const doc = await repos.documentLookup.byNumberAndIin(canonical, holder);
    return auditVerification(repos, answerForNumber(canonical, holder, doc), {
      via: 'number',
      number: canonical,
      who: input.who,
    });
  });
  return ok(await withIssuerName(deps, answer));
}
