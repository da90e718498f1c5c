import { expect } from 'vitest'
import priceBook from '../../../db/seed/price-book.json'
import { changedCopy } from '../../../tests/support/changed-copy'
import { priceBookSchema, type PriceBookInput } from '../catalog-schema'
import { checkGuardrails, type GuardrailViolation } from '.'

/** Test helpers for the guardrails: the seed price book, and copies of it broken in one way. */

export const seedPriceBook = priceBook as PriceBookInput

/** Where an offering of the seed sits in the book (violation paths start with its index). */
export function offeringIndex(slug: string): number {
  return seedPriceBook.offerings.findIndex((offering) => offering.slug === slug)
}

/** A copy of the seed with one offering changed, unparsed (for the schema's own refusals). */
export function seedWithOffering(slug: string, change: (offering: any) => void): unknown {
  return changedCopy(priceBook, (book) => change(book.offerings[offeringIndex(slug)]))
}

/** The guardrails a changed copy of the seed breaks (the copy must parse). */
export function guardrailsWith(change: (book: any) => void): GuardrailViolation[] {
  return checkGuardrails(priceBookSchema.parse(changedCopy(priceBook, change)))
}

/** The guardrails a copy of the seed with one offering changed breaks (the copy must parse). */
export function guardrailsWithOffering(slug: string, change: (offering: any) => void): GuardrailViolation[] {
  return guardrailsWith((book) => change(book.offerings[offeringIndex(slug)]))
}

/** Exactly one violation, of that code at that path, with a message in both languages. */
export function only(code: GuardrailViolation['code'], path: GuardrailViolation['path']) {
  return [{ code, path, message: { zh: expect.any(String), en: expect.any(String) } }]
}
