/** A plain-language document (service agreement, privacy policy): headed sections of paragraphs or lists. */
export interface LegalDocument {
  title: string
  description: string
  /** ISO calendar day from which this version applies. */
  effective: string
  intro: string
  sections: { heading: string; paragraphs?: string[]; list?: string[] }[]
}

/** This version of both documents applies from this day; a change gets a new day and is announced. */
export const LEGAL_DOCUMENTS_EFFECTIVE = '2026-12-01'
