/**
 * R-11 (§11, §12): the documents each channel requires. The officer records every one as present or absent; a
 * missing one is refusal ground 1 (§16 (1)). Online the sign-in stands in for the identity card.
 */

export interface RequiredDocument {
  readonly code: DocumentCode;
  /** The standard's paragraph and item. */
  readonly basis: string;
  /** The same, as a printed refusal cites it. */
  readonly basisText: { readonly kk: string; readonly ru: string };
  readonly kk: string;
  readonly ru: string;
}

export const DOCUMENT_CODES = [
  'identity_document',
  'application',
  'identity_copy',
  'identity_original',
] as const;
export type DocumentCode = (typeof DOCUMENT_CODES)[number];

export const REQUIRED_DOCUMENTS = {
  /** §11: at the akimat the applicant asks orally, showing the identity card. */
  identity_document: {
    code: 'identity_document',
    basis: '§11',
    basisText: { kk: 'стандарттың 11-тармағы', ru: 'пункт 11 стандарта' },
    kk: 'Жеке куәлік',
    ru: 'Удостоверение личности',
  },
  /** §11 (1): a free-form application. */
  application: {
    code: 'application',
    basis: '§11 (1)',
    basisText: { kk: 'стандарттың 11-тармағының 1) тармақшасы', ru: 'подпункт 1) пункта 11 стандарта' },
    kk: 'Еркін нысандағы өтініш',
    ru: 'Заявление в произвольной форме',
  },
  /** §11 (2): a copy of the identity card… */
  identity_copy: {
    code: 'identity_copy',
    basis: '§11 (2)',
    basisText: { kk: 'стандарттың 11-тармағының 2) тармақшасы', ru: 'подпункт 2) пункта 11 стандарта' },
    kk: 'Жеке куәліктің көшірмесі',
    ru: 'Копия удостоверения личности',
  },
  /**
   * §11 (2): …with the original shown so that the copy can be checked against it. Recorded as absent when the
   * original is not shown or does not match the copy.
   */
  identity_original: {
    code: 'identity_original',
    basis: '§11 (2)',
    basisText: { kk: 'стандарттың 11-тармағының 2) тармақшасы', ru: 'подпункт 2) пункта 11 стандарта' },
    kk: 'Көшірмесін салыстырып тексеру үшін жеке куәліктің түпнұсқасы',
    ru: 'Оригинал удостоверения личности для сверки с копией',
  },
} as const satisfies Record<DocumentCode, RequiredDocument>;

/** Which documents each channel requires, in the order the checklist shows them. */
export const CHANNEL_DOCUMENTS = {
  akimat: ['identity_document'],
  psc: ['application', 'identity_copy', 'identity_original'],
  online: [],
} as const satisfies Record<'akimat' | 'psc' | 'online', readonly DocumentCode[]>;

/** The required documents of the channel that the checklist does not record as present (absent or unanswered). */
export function missingDocuments(
  channel: keyof typeof CHANNEL_DOCUMENTS,
  checklist: Readonly<Partial<Record<DocumentCode, boolean>>> | null,
): DocumentCode[] {
  const required: readonly DocumentCode[] = CHANNEL_DOCUMENTS[channel];
  return required.filter((code) => checklist?.[code] !== true);
}
