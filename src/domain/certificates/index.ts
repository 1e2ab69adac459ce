/** Issued documents (issue 5; ): the public surface of this folder. */
export { decodeBase64url, encodeBase64url } from './base64url';
export {
  type CertificateDocumentInput,
  certificateDocument,
  LAND_PURPOSE_NAMES,
  type Official,
  SERVICE_NAME,
} from './certificate-document';
export {
  type CertificateStatus,
  certificateStatus,
  type IssuedRecord,
  MAX_REASON_LENGTH,
  type Revocation,
  revokeCertificate,
  type StatusChange,
  type Supersession,
  supersedeCertificate,
  type VerificationStatus,
  verificationStatus,
} from './certificate-status';
export {
  type DocumentNumber,
  formatCertificateNumber,
  formatDocumentNumber,
  isOfficeId,
  MAX_SEQ,
  MAX_YEAR,
  MIN_YEAR,
  NUMBERED_KINDS,
  type NumberedKind,
  parseCertificateNumber,
  parseDocumentNumber,
} from './document-number';
export type {
  DocumentField,
  DocumentKind,
  DocumentLanguage,
  DocumentSection,
  DocumentTable,
  PrintableDocument,
} from './documents';
export {
  civilParts,
  formatArea,
  formatCount,
  formatDate,
  formatDateTime,
  formatDueBy,
  formatInitials,
  fullName,
  initialsOf,
  KK_MONTHS,
  kkDativeOfTime,
  type PersonName,
  RU_MONTHS_GENITIVE,
  ruPlural,
} from './format-text';
export {
  buildQrText,
  encodeQrPayload,
  MAX_QR_TEXT,
  makeQrFields,
  type ParsedQr,
  parseQrText,
  QR_PARAM,
  QR_VERSION,
  type QrFields,
  type QrVerifier,
  SIGNATURE_BYTES,
  validateQrFields,
  verifyPageUrl,
  verifyQrText,
} from './qr-payload';
export { type ReceiptDocumentInput, pscReceiptDocument } from './receipt-document';
export { type RefusalDocumentInput, refusalDocument } from './refusal-document';
export { type RefusalFacts, refusalFacts } from './refusal-text';
