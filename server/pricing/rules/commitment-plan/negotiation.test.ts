import { describe, expect, it } from 'vitest'
import { buildCatalog } from '../../catalog'
import { describeOffering } from '../../describe-offering'
import { negotiationLimits } from '../../negotiation'
import { negotiationBandOf } from '../registry'
import { type QuoteRequestInput } from '../../../schemas/quote-request'
import priceBook from '../../../../db/seed/price-book.json'
import { changedCopy } from '../../../../tests/support/changed-copy'
import { catalog, catalogWithRule, monthlyLines, quote, refusal, termsOf, wordsOf } from '../../testing'

/**
 * Assisted quotes: staff may agree X by hand within the offering's negotiation band (price-book data,
 * seed: 70 %–130 % of the declared average), and the quote's commitment line names that rule.
 */

type Prior = [number, number, number]
const evergreen = (prior: Prior | undefined, extra: Partial<QuoteRequestInput> = {}): QuoteRequestInput => ({
  offering: 'evergreen',
  termMonths: 12,
  options: { plan: 'A' },
  customer: prior ? { status: 'existing', priorMonthlySpend: prior } : { status: 'existing' },
  ...extra,
})
// The seed's case: ¥3,000 + ¥5,000 + ¥3,000 a month with three carriers, ¥11,000 a month declared.
const ELEVEN_THOUSAND: Prior = [1100000, 1100000, 1100000]

describe('negotiated X (assisted quotes)', () => {
  it('prices the seed’s negotiated X = ¥8,000 for a firm declaring ¥11,000, on a line naming the negotiated rule', () => {
    const q = quote(evergreen(ELEVEN_THOUSAND), catalog, { x: 800000 })
    expect(q.x).toBe(800000)
    expect(q.monthly).toMatchObject({ commitment: 880000, allowance: 1200000, estimatedBill: 880000 })
    expect(monthlyLines(q)).toEqual([['commitment', 880000, 'commitment_plan.negotiated_x']])
    const line = q.monthly.lines[0].label
    expect(line.en).toContain('¥8,000.00 as agreed with your building manager')
    expect(line.en).toContain('declared average ¥11,000.00')
    expect(line.zh).toContain('经楼宇经理协商确定')
    expect(line.zh).toContain('¥11,000.00')
    // Everything that follows X follows the agreed one: the ETF is 10 % of 1.1 × ¥8,000 per month left.
    expect(q.earlyTermination[0]).toEqual({ afterMonths: 1, fee: 11 * 88000 })
  })

  it('without an agreed X the declared average is priced, on the plain commitment rule', () => {
    const q = quote(evergreen(ELEVEN_THOUSAND))
    expect(q.x).toBe(1100000)
    expect(monthlyLines(q)).toEqual([['commitment', 1210000, 'commitment_plan.commitment']])
  })

  it('accepts both edges of the band (70 % and 130 % of ¥11,000) and refuses one fen beyond either', () => {
    expect(negotiationLimits(negotiationBandOf(catalog.offerings.get('evergreen')!.rule)!, 1100000)).toEqual({ min: 770000, max: 1430000 })
    expect(quote(evergreen(ELEVEN_THOUSAND), catalog, { x: 770000 }).monthly.commitment).toBe(847000)
    expect(quote(evergreen(ELEVEN_THOUSAND), catalog, { x: 1430000 }).x).toBe(1430000)
    for (const x of [769999, 1430001, 0]) {
      expect(refusal(evergreen(ELEVEN_THOUSAND), catalog, { x })).toMatchObject({ code: 'negotiated_x_out_of_band', field: 'negotiatedX' })
    }
    expect(refusal(evergreen(ELEVEN_THOUSAND), catalog, { x: 769999 }).message).toContain('¥7,700.00 and ¥14,300.00')
  })

  it('rounds each bound half up on its own: a declared ¥1,000.01 allows ¥700.01 to ¥1,300.01', () => {
    const prior: Prior = [100001, 100001, 100001]
    // 100001 × 0.7 = 70000.7 → 70001; 100001 × 1.3 = 130001.3 → 130001
    expect(refusal(evergreen(prior), catalog, { x: 70000 })).toMatchObject({ code: 'negotiated_x_out_of_band' })
    expect(quote(evergreen(prior), catalog, { x: 70001 }).x).toBe(70001)
    expect(quote(evergreen(prior), catalog, { x: 130001 }).x).toBe(130001)
    expect(refusal(evergreen(prior), catalog, { x: 130002 })).toMatchObject({ code: 'negotiated_x_out_of_band' })
  })

  it('holds an agreed X to the plan’s minimum and maximum too, naming the agreed X', () => {
    // declared ¥600: the band reaches down to ¥420, below the ¥500 minimum
    expect(refusal(evergreen([60000, 60000, 60000]), catalog, { x: 45000 })).toMatchObject({ code: 'below_minimum', field: 'negotiatedX' })
    expect(quote(evergreen([60000, 60000, 60000]), catalog, { x: 50000 }).x).toBe(50000)
    // declared ¥200,000 (the maximum): the band reaches above it
    expect(refusal(evergreen([20000000, 20000000, 20000000]), catalog, { x: 21000000 })).toMatchObject({ code: 'refer_to_manager', field: 'negotiatedX' })
  })

  it('keeps the order of refusals: a wrong term, then missing prior spend, win over the agreed X', () => {
    expect(refusal(evergreen(ELEVEN_THOUSAND, { termMonths: 24 }), catalog, { x: 1 })).toMatchObject({ code: 'invalid_term' })
    expect(refusal(evergreen(undefined), catalog, { x: 800000 })).toMatchObject({ code: 'prior_spend_required' })
  })

  it('is refused on an offering whose data has no band (win-back, fixed + broadband) and when the band is taken out of the data', () => {
    const winback: QuoteRequestInput = { offering: 'evergreen-winback', termMonths: 12, customer: { status: 'existing', priorMonthlySpend: ELEVEN_THOUSAND } }
    expect(refusal(winback, catalog, { x: 1100000 })).toMatchObject({ code: 'invalid_configuration', field: 'negotiatedX' })
    const fixedBroadband: QuoteRequestInput = { offering: 'fixed-broadband', termMonths: 12, items: { 'fixed-line': 1, 'bb-100': 1 }, customer: { status: 'existing', priorMonthlySpend: ELEVEN_THOUSAND } }
    expect(refusal(fixedBroadband, catalog, { x: 1100000 })).toMatchObject({ code: 'invalid_configuration', field: 'negotiatedX' })
    const withoutBand = catalogWithRule('evergreen', (rule) => delete rule.negotiation)
    expect(refusal(evergreen(ELEVEN_THOUSAND), withoutBand, { x: 1100000 })).toMatchObject({ code: 'invalid_configuration', field: 'negotiatedX' })
  })

  it('follows the band of the price book (±30 % → −20 %/+10 %): limits, refusals and words', () => {
    const narrower = catalogWithRule('evergreen', (rule) => {
      rule.negotiation = { minBp: 8000, maxBp: 11000 }
    })
    expect(refusal(evergreen(ELEVEN_THOUSAND), narrower, { x: 800000 })).toMatchObject({ code: 'negotiated_x_out_of_band' })
    expect(quote(evergreen(ELEVEN_THOUSAND), narrower, { x: 880000 }).x).toBe(880000)
    expect(refusal(evergreen(ELEVEN_THOUSAND), narrower, { x: 1210001 })).toMatchObject({ code: 'negotiated_x_out_of_band' })
    for (const lang of ['zh', 'en'] as const) {
      const words = wordsOf(describeOffering(narrower, narrower.offerings.get('evergreen')!), lang)
      expect(words.terms).toContain(lang === 'zh' ? '−20%至+10%' : '−20% to +10%')
      expect(words.terms).not.toContain('30%')
    }
  })

  it.each(['zh', 'en'] as const)('%s: the terms and FAQ state the seed band from its data, and a quote’s terms carry it', (lang) => {
    const words = wordsOf(describeOffering(catalog, catalog.offerings.get('evergreen')!), lang)
    expect(words.terms).toContain('±30%')
    expect(words.faq).toContain(lang === 'zh' ? 'X 可以协商吗？' : 'Can X be negotiated?')
    expect(termsOf(quote(evergreen(ELEVEN_THOUSAND), catalog, { x: 800000 }), lang)).toContain('±30%')
    // the win-back offer has no band, so says nothing of one
    expect(wordsOf(describeOffering(catalog, catalog.offerings.get('evergreen-winback')!), lang).terms).not.toContain('±')
  })

  it('the catalog refuses a band that leaves out the declared average', () => {
    for (const negotiation of [{ minBp: 10500, maxBp: 13000 }, { minBp: 7000, maxBp: 9000 }]) {
      const book = changedCopy(priceBook, (changed: any) => {
        changed.offerings.find((offering: { slug: string }) => offering.slug === 'evergreen').rule.negotiation = negotiation
      })
      expect(() => buildCatalog('bad', book)).toThrow(/declared average/)
    }
  })
})
