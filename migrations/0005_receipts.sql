-- Issue 5: the PSC receipt (R-12) is an issued document too — numbered per PSC and year (psc-01-2026-P000115),
-- kept unchanged beside certificates and refusals so it can be printed again in kk or ru. It carries no QR and
-- is not a certificate: the verification API answers only for certificates (and refusals).

ALTER TABLE issued_documents DROP CONSTRAINT issued_documents_kind_check;
ALTER TABLE issued_documents ADD CONSTRAINT issued_documents_kind_check
  CHECK (kind IN ('certificate', 'refusal', 'receipt'));
COMMENT ON COLUMN issued_documents.kind IS 'certificate (R-5), refusal (R-6) or receipt (R-12, a PSC''s confirmation that the documents were received).';
COMMENT ON COLUMN issued_documents.content IS 'The input of the domain document builder (certificate-document, refusal-document, receipt-document) as JSON: the document is printed from it in kk or ru, and it never changes.';
COMMENT ON COLUMN issued_documents.qr_text IS 'The signed QR text (buildQrText: verification URL with Q1.<payload>.<signature>); null on a receipt.';
