/**
 * Issuing a document inside the deciding transaction (issue 5; ): the next number of the
 * issuer's sequence, the signed QR (Ed25519 through `deps.signer`), and the stored row whose `content` is the
 * input of the domain's document builder, so it prints the same in kk and ru for ever.
 */
import type { Applicant } from '../../domain/applications';
import {
  buildQrText,
  type CertificateDocumentInput,
  encodeQrPayload,
  formatDocumentNumber,
  makeQrFields,
  type ReceiptDocumentInput,
  type RefusalDocumentInput,
  verifyPageUrl,
} from '../../domain/certificates';
import { unwrap } from '../../domain/shared/result';
import type { Deps, IssuedDocument, IssuedDocumentKind, Repositories } from '../ports';
import type { Moment } from './context';

export interface TakenNumber {
  readonly kind: IssuedDocumentKind;
  readonly issuer: string;
  readonly year: number;
  readonly seq: number;
  readonly number: string;
}

/** The next number of (issuer, kind, year): unique and gapless, given back if the transaction rolls back. */
export async function takeNumber(
  repos: Repositories,
  kind: IssuedDocumentKind,
  issuer: string,
  at: Moment,
): Promise<TakenNumber> {
  const seq = await repos.documents.nextSeq(issuer, kind, at.year);
  return { kind, issuer, year: at.year, seq, number: formatDocumentNumber(kind, issuer, at.year, seq) };
}

export interface SignedQr {
  readonly text: string;
  readonly verifyUrl: string;
  readonly keyId: string;
}

/** number, IIN's last 4 digits, initials, issuer, issue date and key id, signed, in the verification URL. */
export function signQr(deps: Deps, n: TakenNumber, applicant: Applicant, at: Moment): SignedQr {
  const fields = unwrap(
    makeQrFields({
      number: n.number,
      iin: applicant.iin,
      person: applicant,
      issuer: n.issuer,
      issuedOn: at.date,
      keyId: deps.signer.activeKeyId,
    }),
  );
  const signature = deps.signer.sign(encodeQrPayload(fields));
  return {
    text: buildQrText(fields, signature, deps.publicBaseUrl),
    verifyUrl: verifyPageUrl(deps.publicBaseUrl),
    keyId: fields.keyId,
  };
}

export type DocumentContent = CertificateDocumentInput | RefusalDocumentInput | ReceiptDocumentInput;

export async function storeDocument(
  deps: Deps,
  repos: Repositories,
  input: {
    readonly number: TakenNumber;
    readonly applicationId: string;
    readonly applicantIin: string;
    readonly at: Moment;
    readonly issuedBy: string;
    readonly content: DocumentContent;
    readonly qr: SignedQr | null;
  },
): Promise<IssuedDocument> {
  const doc: IssuedDocument = {
    id: deps.ids.uuid(),
    kind: input.number.kind,
    number: input.number.number,
    issuer: input.number.issuer,
    year: input.number.year,
    seq: input.number.seq,
    applicationId: input.applicationId,
    applicantIin: input.applicantIin,
    issuedAt: input.at.iso,
    issuedBy: input.issuedBy,
    content: JSON.parse(JSON.stringify(input.content)) as Record<string, unknown>,
    keyId: input.qr?.keyId ?? null,
    qrText: input.qr?.text ?? null,
    status: 'valid',
    supersededBy: null,
    revokedAt: null,
    revokeReason: null,
  };
  await repos.documents.insert(doc);
  return doc;
}
