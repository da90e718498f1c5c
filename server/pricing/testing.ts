import { expect } from 'vitest'
import priceBook from '../../db/seed/price-book.json'
import { changedCopy } from '../../tests/support/changed-copy'
import type { PricedQuote } from '../schemas/quote'
import { quoteRequestSchema, type QuoteRequestInput } from '../schemas/quote-request'
import { buildCatalog, type Catalog } from './catalog'
import type { PriceBookInput } from './catalog-schema'
import { priceQuote, type PricingResult } from './engine'
import type { Text } from './labels'
import type { NegotiatedX } from './negotiation'
import type { PricingError } from './pricing-error'
import type { RuleDescription } from './rules/rule-kind'

/** Test helpers for the pricing core: the seed catalog and requests priced through the schema. */

export const catalog = buildCatalog('test', priceBook as PriceBookInput)

export function price(input: QuoteRequestInput, within: Catalog = catalog, negotiated?: NegotiatedX): PricingResult {
  const request = quoteRequestSchema.parse(input)
  return priceQuote(within, within.offerings.get(request.offering)!, request, negotiated)
}

export function quote(input: QuoteRequestInput, within: Catalog = catalog, negotiated?: NegotiatedX): PricedQuote {
  const result = price(input, within, negotiated)
  if (!result.ok) throw new Error(`expected a quote for ${JSON.stringify(input)}, got ${JSON.stringify(result.error)}`)
  return result.quote
}

export function refusal(input: QuoteRequestInput, within: Catalog = catalog, negotiated?: NegotiatedX): PricingError {
  const result = price(input, within, negotiated)
  if (result.ok) throw new Error('expected a pricing error, got a quote')
  return result.error
}

/**
 * The seed price book with one offering's rule args changed, as a catalog: a price, a description
 * and a quote's terms must all follow the data, never a number written in code.
 */
export function catalogWithRule(slug: string, change: (rule: any) => void): Catalog {
  return buildCatalog(
    'changed',
    changedCopy(priceBook, (book) => change(book.offerings.find((offering: { slug: string }) => offering.slug === slug).rule)),
  )
}

/** The seed price book with one component changed, as a catalog (see catalogWithRule). */
export function catalogWithComponent(code: string, change: (component: any) => void): Catalog {
  return buildCatalog(
    'changed',
    changedCopy(priceBook, (book) => change(book.components.find((component: { code: string }) => component.code === code))),
  )
}

/** Every one-time line as [code, amount, waived, rule]: tests state each line with its rule code. */
export function oneTimeLines(q: PricedQuote): [string, number, boolean, string][] {
  return q.oneTime.lines.map((line) => [line.code, line.amount, line.waived, line.rule])
}

/** Every line of month 1 as [code, amount, rule]. */
export function monthlyLines(q: PricedQuote): [string, number, string][] {
  return q.monthly.lines.map((line) => [line.code, line.amount, line.rule])
}

/** A description's selling points, price sentences, terms and FAQ (questions and answers) in one language, each part as one string. */
export function wordsOf(description: RuleDescription, lang: 'zh' | 'en'): { highlights: string; price: string; terms: string; faq: string } {
  const joined = (texts: Text[]) => texts.map((sentence) => sentence[lang]).join('\n')
  return {
    highlights: joined(description.highlights),
    price: joined(description.price),
    terms: joined(description.terms),
    faq: joined(description.faq.flatMap((entry) => [entry.question, entry.answer])),
  }
}

/** No amount runs into a digit after it ("¥200.009折"): a customer must read the number the data says. */
export function expectReadableAmounts(description: RuleDescription): void {
  for (const lang of ['zh', 'en'] as const) {
    for (const part of Object.values(wordsOf(description, lang))) expect(part).not.toMatch(/¥[\d,]+\.\d\d\d/)
  }
}

/** A quote's contract terms in one language, as one string. */
export function termsOf(q: PricedQuote, lang: 'zh' | 'en'): string {
  return q.terms.map((term) => term[lang]).join('\n')
}
