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

/**
 * The issuer's name. Called outside any transaction: the territory index may (re)load itself through the
 * database, and PGlite's one connection would wait forever behind a transaction that waits for it.
 */
async function issuerName(deps: Deps, issuer: string): Promise<LocalizedText | null> {
  if (isKatoCode(issuer)) {
    const node = (await deps.territory.index()).find(issuer);
    return node ? { kk: node.names.kk ?? node.names.ru, ru: node.names.ru } : null;
  }
  const office = await deps.uow.read((repos) => repos.offices.findById(issuer));
  return office ? office.name : null;
}

/** Appends the audit row of an answered verification, inside the caller's transaction (no IIN in it). */
export async function auditVerification(
  repos: Repositories,
  answer: VerificationAnswer,
  audit: { readonly via: 'qr' | 'number'; readonly number: string | null; readonly who: Verifier },
): Promise<VerificationAnswer> {
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
  return answer;
}

/** The answer with the issuer's name added; after the transaction. */
export async function withIssuerName(deps: Deps, answer: VerificationAnswer): Promise<VerificationResult> {
  const doc = answer.document;
  if (doc === null) return { status: answer.status, certificate: null };
  return { status: answer.status, certificate: { ...doc, issuerName: await issuerName(deps, doc.issuer) } };
}
