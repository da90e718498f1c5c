import { describe, it, expect } from 'vitest'
import { priceBookSchema } from '../catalog-schema'
import { checkGuardrails, guardrailCodes, schemaGuardrailCode } from '.'
import { guardrailBreaks, guardrailRefusals, guardrailsWithOffering, offeringIndex, only, seedPriceBook, seedWithOffering } from './testing'

/**
 * Issue 14's catalog guardrails over a whole price book. The rule kinds' own guardrails are tested in
 * their folders (local-spend-gift, broadband-payment, fixed-monthly-package); here the seed, the schema's
 * two and the early-termination one.
 */

function schemaIssues(book: unknown) {
  const result = priceBookSchema.safeParse(book)
  if (result.success) throw new Error('expected the schema to refuse the book')
  return result.error.issues.map((issue) => ({ path: issue.path, code: issue.code, guardrail: schemaGuardrailCode(issue) }))
}

describe('catalog guardrails', () => {
  it('the seed price book keeps every guardrail', () => {
    expect(checkGuardrails(priceBookSchema.parse(seedPriceBook))).toEqual([])
  })

  it('the seed broken in one way for each guardrail is refused for that guardrail only, at its path', () => {
    expect(guardrailBreaks.map((broken) => broken.code).sort()).toEqual([...guardrailCodes].sort())
    for (const { code, slug, path, change } of guardrailBreaks) {
      expect(guardrailRefusals(seedWithOffering(slug, change)), code).toEqual([{ code, path: ['offerings', offeringIndex(slug), ...path] }])
    }
    expect(guardrailRefusals(seedPriceBook)).toEqual([])
  })

  describe('offering_categories_limit (the schema’s)', () => {
    it('an offering of 4 element categories does not parse, at its categories', () => {
      const book = seedWithOffering('business-plus', (offering) => offering.categories.push('mobile'))
      expect(schemaIssues(book)).toEqual([
        { path: ['offerings', offeringIndex('business-plus'), 'categories'], code: 'too_big', guardrail: 'offering_categories_limit' },
      ])
    })
  })

  describe('target_segments_named (the schema’s)', () => {
    it('an offering naming no segment does not parse, at its segments', () => {
      const book = seedWithOffering('shangjiale', (offering) => (offering.segments = []))
      expect(schemaIssues(book)).toEqual([
        { path: ['offerings', offeringIndex('shangjiale'), 'segments'], code: 'too_small', guardrail: 'target_segments_named' },
      ])
    })
  })

  it('other schema issues name no guardrail', () => {
    expect(schemaGuardrailCode({ code: 'too_small', path: ['offerings', 0, 'categories'] })).toBeUndefined()
    expect(schemaGuardrailCode({ code: 'too_big', path: ['offerings', 0, 'segments', 0] })).toBeUndefined()
    expect(schemaGuardrailCode({ code: 'too_big', path: ['components', 0, 'categories'] })).toBeUndefined()
  })

  describe('early_termination_on_term', () => {
    const at = (slug: string) => only('early_termination_on_term', ['offerings', offeringIndex(slug), 'earlyTermination'])

    it('refuses a contract term with no early-termination rule', () => {
      expect(guardrailsWithOffering('fixed-mobile', (offering) => (offering.earlyTermination = null))).toEqual(at('fixed-mobile'))
    })

    it('refuses a rule that charges nothing (every part zero or off)', () => {
      expect(guardrailsWithOffering('evergreen', (offering) => (offering.earlyTermination = {}))).toEqual(at('evergreen'))
      expect(
        guardrailsWithOffering('fixed-broadband', (offering) => {
          offering.earlyTermination = { perRemainingMonth: 0, commitmentShareBp: 0, broadbandDiscount: false, proRataWaivedOneTime: false }
        }),
      ).toEqual(at('fixed-broadband'))
    })

    it('any one charging part is enough', () => {
      for (const rule of [{ perRemainingMonth: 1 }, { commitmentShareBp: 1 }, { broadbandDiscount: true }, { proRataWaivedOneTime: true }]) {
        expect(guardrailsWithOffering('fixed-mobile', (offering) => (offering.earlyTermination = rule))).toEqual([])
      }
    })

    it('an offering with a term among no-term choices still needs one; without any term it needs none', () => {
      expect(
        guardrailsWithOffering('local-ld-gift', (offering) => {
          offering.terms = [0, 12]
        }),
      ).toEqual(at('local-ld-gift'))
      expect(guardrailsWithOffering('local-ld-gift', (offering) => (offering.earlyTermination = null))).toEqual([])
    })

    it('names the term in both languages', () => {
      const [violation] = guardrailsWithOffering('fixed-mobile', (offering) => (offering.earlyTermination = null))
      expect(violation.message.zh).toContain('12个月')
      expect(violation.message.en).toContain('12-month')
    })
  })
})
