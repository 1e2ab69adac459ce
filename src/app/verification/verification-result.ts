/**
 * the answer of both verification use cases, with the issuing office's name added to the domain's minimal
 * view, and the audit row every answered verification appends (no IIN in it: R-14).
 */
import type { VerificationStatus } from '../../domain/certificates/certificate-status';
import type { PublicDocument, VerificationAnswer } from '../../domain/certificates/verification';
import { isKatoCode } from '../../domain/territory/kato-code';
import type { Deps, LocalizedText, Repositories } from '../ports';

export interface VerifiedCertificate extends PublicDocument {
  /** The issuing akimat's (or PSC's) name, when the reference data knows it. */
  readonly issuerName: LocalizedText | null;
}

export interface VerificationResult {
  readonly status: VerificationStatus;
  readonly certificate: VerifiedCertificate | null;
}

/** Who asked: anyone (null), or the signed-in user. */
export interface Verifier {
  readonly userId: string | null;
  readonly role: string | null;
  readonly ip: string | null;
}

async function issuerName(deps: Deps, repos: Repositories, issuer: string): Promise<LocalizedText | null> {
  if (isKatoCode(issuer)) {
    const node = (await deps.territory.index()).find(issuer);
    return node ? { kk: node.names.kk ?? node.names.ru, ru: node.names.ru } : null;
  }
  const office = await repos.offices.findById(issuer);
  return office ? office.name : null;
}

/** Adds the issuer's name and appends the audit row, inside the caller's transaction. */
export async function finishVerification(
  deps: Deps,
  repos: Repositories,
  answer: VerificationAnswer,
  audit: { readonly via: 'qr' | 'number'; readonly number: string | null; readonly who: Verifier },
): Promise<VerificationResult> {
  const doc = answer.document;
  await repos.audit.append({
    actorId: audit.who.userId,
    actorRole: audit.who.role,
    action: 'certificate.verify',
    subjectType: 'issued_document',
    subjectId: audit.number,
    ip: audit.who.ip,
    outcome: 'success',
    details: { via: audit.via, status: answer.status },
  });
  if (doc === null) return { status: answer.status, certificate: null };
  return {
    status: answer.status,
    certificate: { ...doc, issuerName: await issuerName(deps, repos, doc.issuer) },
  };
}
