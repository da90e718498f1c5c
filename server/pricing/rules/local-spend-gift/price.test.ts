import { describe, it, expect } from 'vitest'
import { type QuoteRequestInput } from '../../../schemas/quote-request'
import { monthlyLines, oneTimeLines, quote, refusal } from '../../testing'

/**
 * PRICING.md §4, local-ld-gift (local_spend_gift), v2: the highest tier reached earns its threshold
 * × its rate — ¥1,000 × 20 % = ¥200, ¥500 × 15 % = ¥75, ¥200 × 10 % = ¥20 — whatever is spent above it.
 */

const gift = (local_voice: number, extra: QuoteRequestInput['usage'] = {}, lines = 2): QuoteRequestInput => ({
  offering: 'local-ld-gift',
  termMonths: 0,
  items: { 'fixed-line': lines },
  customer: { status: 'new' },
  usage: { local_voice, ...extra },
})
const giftsOf = (q: ReturnType<typeof quote>) => q.gifts.map(({ kind, amount }) => ({ kind, amount }))

describe('local-ld-gift (local_spend_gift)', () => {
  it.each([
    [0, null],
    [19999, null], // one fen below the ¥200 threshold
    [20000, 2000], // ¥200 × 10 %
    [20001, 2000],
    [49999, 2000], // one fen below ¥500: still the ¥200 tier
    [50000, 7500], // ¥500 × 15 %
    [50003, 7500],
    [99999, 7500], // one fen below ¥1,000: still the ¥500 tier
    [100000, 20000], // ¥1,000 × 20 %
    [100003, 20000],
    [5_000_000, 20000], // the gift does not grow with the spend above the threshold
  ])('local_voice %i → gift %s', (local, amount) => {
    const q = quote(gift(local))
    expect(giftsOf(q)).toEqual(amount === null ? [] : [{ kind: 'long_distance_credit', amount }])
  })

  it('lists only the usage categories the customer uses, like every other kind', () => {
    expect(monthlyLines(quote(gift(30000)))).toEqual([
      ['fixed-line', 5000, 'local_spend_gift.standard_monthly'],
      ['usage:local_voice', 30000, 'local_spend_gift.usage_at_standard_tariff'],
    ])
  })

  it('the gift label works the credit out as threshold × rate, never as a share of all local calls', () => {
    expect(quote(gift(60000)).gifts[0].label.en).toContain('¥500.00 × 15% = ¥75.00')
  })

  it('the gift label says when the credit lapses (giftLapsesAfterMonths, 1 in the seed)', () => {
    const [credit] = quote(gift(50000)).gifts
    expect(credit.label.zh).toMatch(/= ¥75\.00 次月长途额度，当月不用作废$/)
    expect(credit.label.en).toMatch(/= ¥75\.00 of long-distance credit next month; lapses if unused$/)
  })

  it('the gift label states the tier, its rate and the credit', () => {
    const [credit] = quote(gift(50000)).gifts
    expect(credit.label.en).toContain('¥500.00')
    expect(credit.label.en).toContain('15%')
    expect(credit.label.en).toContain('¥75.00')
    expect(credit.label.zh).toContain('¥75.00')
  })

  it('bill = 25 × lines + local + long distance (mobile ignored); the gift does not reduce it', () => {
    const q = quote(gift(60000, { long_distance: 5000, mobile: 9999 }))
    expect(monthlyLines(q)).toEqual([
      ['fixed-line', 5000, 'local_spend_gift.standard_monthly'],
      ['usage:local_voice', 60000, 'local_spend_gift.usage_at_standard_tariff'],
      ['usage:long_distance', 5000, 'local_spend_gift.usage_at_standard_tariff'],
    ])
    expect(oneTimeLines(q)).toEqual([['fixed-line:install', 40000, false, 'local_spend_gift.standard_install']])
    expect(q.monthly.estimatedBill).toBe(5000 + 60000 + 5000)
    expect(q.schedule.every((month) => month.bill === 70000)).toBe(true)
    expect(giftsOf(q)).toEqual([{ kind: 'long_distance_credit', amount: 7500 }])
    expect(q.monthly.commitment).toBeNull()
    expect(q.monthly.allowance).toBeNull()
    expect(q.monthly.careCredit).toBe(0)
    expect(q.oneTime.total).toBe(40000)
    expect(q.oneTime.waived).toBe(0)
    expect(q.earlyTermination).toEqual([])
    expect(q.firstYearTotal).toBe(40000 + 12 * 70000)
  })

  it('the gift applies to the local amount only, not to long distance', () => {
    expect(quote(gift(19999, { long_distance: 500000 })).gifts).toEqual([])
  })

  it('refuses 0 or 5 lines and a term', () => {
    expect(refusal(gift(0, {}, 5))).toMatchObject({ code: 'invalid_configuration', field: 'items.fixed-line' })
    expect(refusal(gift(0, {}, 0))).toMatchObject({ code: 'invalid_configuration', field: 'items.fixed-line' })
    expect(refusal({ ...gift(0), termMonths: 12 })).toMatchObject({ code: 'invalid_term' })
  })
})
