import { expect } from 'vitest'
import priceBook from '../../../db/seed/price-book.json'
import { changedCopy } from '../../../tests/support/changed-copy'
import { priceBookSchema, type PriceBookInput } from '../catalog-schema'
import { checkGuardrails, schemaGuardrailCode, type GuardrailCode, type GuardrailViolation } from '.'

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

/**
 * One way to break each guardrail in the seed, on one offering (path from the offering): the unit
 * tests and the HTTP tests of draft saves refuse each of them with its code at its path.
 */
export const guardrailBreaks: { code: GuardrailCode; slug: string; path: (string | number)[]; change: (offering: any) => void }[] = [
  { code: 'offering_categories_limit', slug: 'business-plus', path: ['categories'], change: (offering) => offering.categories.push('mobile') },
  { code: 'gift_lapses_monthly', slug: 'local-ld-gift', path: ['rule', 'giftLapsesAfterMonths'], change: (offering) => (offering.rule.giftLapsesAfterMonths = 2) },
  // prepay-12 of 100M: 12 × 333 = ¥3,996, the whole prepayment
  { code: 'prepay_bonus_below_prepayment', slug: 'bb-express', path: ['rule', 'payments', 2, 'bonusCredit'], change: (offering) => (offering.rule.payments[2].bonusCredit = 399600) },
  { code: 'existing_baseline_at_prior_spend', slug: 'fixed-broadband', path: ['rule', 'floorBaselineAtPriorSpendFor'], change: (offering) => (offering.rule.floorBaselineAtPriorSpendFor = []) },
  { code: 'early_termination_on_term', slug: 'fixed-mobile', path: ['earlyTermination'], change: (offering) => (offering.earlyTermination = null) },
  { code: 'target_segments_named', slug: 'shangjiale', path: ['segments'], change: (offering) => (offering.segments = []) },
]

/** What a save refuses a book for, as book-check does: the schema's issues that are guardrails, else the guardrails broken. */
export function guardrailRefusals(book: unknown): { code: GuardrailCode | undefined; path: (string | number)[] }[] {
  const parsed = priceBookSchema.safeParse(book)
  if (!parsed.success) return parsed.error.issues.map((issue) => ({ code: schemaGuardrailCode(issue), path: issue.path as (string | number)[] }))
  return checkGuardrails(parsed.data).map(({ code, path }) => ({ code, path }))
}
