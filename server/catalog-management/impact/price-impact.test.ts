import { describe, expect, it } from 'vitest'
import priceBook from '../../../db/seed/price-book.json'
import { changedCopy } from '../../../tests/support/changed-copy'
import { buildCatalog } from '../../pricing/catalog'
import type { PriceBookInput } from '../../pricing/catalog-schema'
import { pct } from '../../pricing/money'
import { quoteRequestSchema, type QuoteRequestInput } from '../../schemas/quote-request'
import { compareRequests, emptyDistribution, offeringNames, summarizeImpact, type ImpactRequest } from './price-impact'
import { referenceRequests } from './reference-requests'

const today = buildCatalog('today', priceBook as PriceBookInput)
const offeringOf = (book: any, slug: string) => book.offerings.find((offering: { slug: string }) => offering.slug === slug)
const draftOf = (change: (book: any) => void) => buildCatalog('draft', changedCopy(priceBook, change))

const evergreen = (plan: string, x: number): QuoteRequestInput => ({
  offering: 'evergreen',
  termMonths: 12,
  options: { plan },
  customer: { status: 'new', priorMonthlySpend: [x, x, x] },
})
const asked = (inputs: QuoteRequestInput[]): ImpactRequest[] =>
  inputs.map((input, index) => ({ ref: { source: 'quote', id: `q${index}`, createdAt: '2026-11-20T00:00:00.000Z' }, request: quoteRequestSchema.parse(input) }))

// Plan B at several averages (one rounding), beside plans A and C and other offerings at the same averages.
const planB = [50_000, 100_001, 333_333, 800_000, 2_000_000].map((x) => evergreen('B', x))
const others: QuoteRequestInput[] = [
  evergreen('A', 800_000),
  evergreen('C', 333_333),
  { offering: 'bb-express', termMonths: 0, options: { payment: 'monthly' }, items: { 'bb-100': 1 }, customer: { status: 'new' } },
  { offering: 'shangjiale', termMonths: 12, customer: { status: 'new' }, usage: { local_voice: 10_000 } },
]
const requests = asked([...planB, ...others])

describe('pricing requests under today and a draft', () => {
  it('moves exactly the plan B requests up when plan B commits to 1.05X instead of 1X, by 12 months of 0.05X', () => {
    const draft = draftOf((book) => (offeringOf(book, 'evergreen').rule.plans.find((plan: { id: string }) => plan.id === 'B').commitmentBp = 10_500))
    const rows = compareRequests(today, draft, requests)
    planB.forEach((input, index) => {
      const x = input.customer.priorMonthlySpend![0]
      const monthly = pct(x, 10_500) - pct(x, 10_000)
      expect(rows[index]).toMatchObject({ outcome: 'more', month1Change: monthly, firstYearChange: 12 * monthly, asked: { offering: 'evergreen', options: { plan: 'B' }, x } })
    })
    expect(rows.slice(planB.length).map((row) => [row.outcome, row.firstYearChange])).toEqual(others.map(() => ['same', 0]))

    const summary = summarizeImpact(rows, offeringNames(today, draft), 3)
    expect(summary.outcomes).toEqual({ more: 5, less: 0, same: 4, now_refused: 0, now_priced: 0, refused_both: 0 })
    expect(summary.firstYearChange).toBe(rows.reduce((total, row) => total + row.firstYearChange!, 0))
    expect(summary.firstYearAfter - summary.firstYearBefore).toBe(summary.firstYearChange)
    // The largest increase first: the largest average.
    expect(summary.increases.map((row) => row.ref)).toEqual([requests[4]!.ref, requests[3]!.ref, requests[2]!.ref])
    expect(summary.decreases).toEqual([])
    // 0.05 × ¥500 × 12 = ¥300; 0.05 × ~¥1,000 × 12 = ¥600; 0.05 × ¥3,333.33 × 12 ≈ ¥2,000; ¥4,800; ¥12,000.
    const more = summary.distribution.filter((bucket) => bucket.direction === 'more').map((bucket) => bucket.count)
    expect(more).toEqual([0, 2, 2, 1])
    expect(summary.distribution.find((bucket) => bucket.direction === 'same')!.count).toBe(4)
    const evergreenTotals = summary.byOffering.find((totals) => totals.offering === 'evergreen')!
    expect(evergreenTotals).toMatchObject({ count: 7, outcomes: { more: 5, same: 2 }, name: { en: 'Business Evergreen' } })
    expect(evergreenTotals.firstYearAfter - evergreenTotals.firstYearBefore).toBe(summary.firstYearChange)
    expect(summary.byOffering.find((totals) => totals.offering === 'shangjiale')).toMatchObject({ count: 1, outcomes: { same: 1 }, firstYearChange: 0 })
  })

  it('moves only the public vector on plan B, by the same rule', () => {
    const draft = draftOf((book) => (offeringOf(book, 'evergreen').rule.plans.find((plan: { id: string }) => plan.id === 'B').commitmentBp = 10_500))
    const rows = compareRequests(today, draft, referenceRequests)
    const moved = rows.filter((row) => row.outcome !== 'same' && row.outcome !== 'refused_both')
    expect(moved.map((row) => row.asked.options)).toEqual([{ plan: 'B' }])
    const x = moved[0]!.asked.x!
    expect(moved[0]!.firstYearChange).toBe(12 * (pct(x, 10_500) - pct(x, 10_000)))
  })

  it('shows the requests of an offering the draft removes as no longer priced, and a cheaper one as less', () => {
    const draft = draftOf((book) => {
      book.offerings = book.offerings.filter((offering: { slug: string }) => offering.slug !== 'shangjiale')
      offeringOf(book, 'evergreen').rule.plans.find((plan: { id: string }) => plan.id === 'C').commitmentBp = 8_500
    })
    const rows = compareRequests(today, draft, requests)
    const shangjiale = rows.find((row) => row.asked.offering === 'shangjiale')!
    expect(shangjiale).toMatchObject({ outcome: 'now_refused', after: { ok: false, code: 'offering_not_found' }, firstYearChange: null })
    expect(shangjiale.before.ok).toBe(true)
    const planC = rows.find((row) => row.asked.options.plan === 'C')!
    expect(planC.outcome).toBe('less')
    expect(planC.firstYearChange).toBe(12 * (pct(333_333, 8_500) - pct(333_333, 9_000)))

    const summary = summarizeImpact(rows, offeringNames(today, draft))
    expect(summary.nowRefused).toEqual([shangjiale])
    expect(summary.decreases).toEqual([planC])
    // The removed offering keeps today's name; its requests are added up apart, not in the compared totals.
    const totals = summary.byOffering.find((line) => line.offering === 'shangjiale')!
    expect(totals).toMatchObject({ name: { en: today.offerings.get('shangjiale')!.name.en }, outcomes: { now_refused: 1 }, firstYearBefore: 0, firstYearAfter: 0, firstYearChange: 0, nowPricedFirstYear: 0 })
    expect(totals.nowRefusedFirstYear).toBe(shangjiale.before.ok ? shangjiale.before.firstYear : NaN)
  })

  it('compares like with like: the totals before and after cover the same requests, so their difference is the change (QA 14 #5)', () => {
    // Plan B dearer, shangjiale gone (its requests priced only today), a new offering (priced only by the draft).
    const draft = draftOf((book) => {
      offeringOf(book, 'evergreen').rule.plans.find((plan: { id: string }) => plan.id === 'B').commitmentBp = 10_500
      book.offerings.push({ ...structuredClone(offeringOf(book, 'shangjiale')), slug: 'shangjiale-plus' })
      book.offerings = book.offerings.filter((offering: { slug: string }) => offering.slug !== 'shangjiale')
    })
    const rows = compareRequests(today, draft, [...requests, ...asked([{ offering: 'shangjiale-plus', termMonths: 12, customer: { status: 'new' } }])])
    const summary = summarizeImpact(rows, offeringNames(today, draft))
    expect(summary.outcomes).toMatchObject({ more: 5, same: 3, now_refused: 1, now_priced: 1 })
    const both = rows.filter((row) => row.before.ok && row.after.ok)
    const sum = (list: typeof rows, side: 'before' | 'after') => list.reduce((total, row) => total + (row[side].ok ? row[side].firstYear : 0), 0)
    expect(summary.firstYearChange).toBeGreaterThan(0)
    expect(summary).toMatchObject({
      firstYearBefore: sum(both, 'before'),
      firstYearAfter: sum(both, 'after'),
      firstYearChange: sum(both, 'after') - sum(both, 'before'),
      nowRefusedFirstYear: sum(rows.filter((row) => row.outcome === 'now_refused'), 'before'),
      nowPricedFirstYear: sum(rows.filter((row) => row.outcome === 'now_priced'), 'after'),
    })
    expect(summary.nowRefusedFirstYear).toBeGreaterThan(0)
    expect(summary.nowPricedFirstYear).toBeGreaterThan(0)
    // Every offering's line adds up the same way, and the lines add up to the whole.
    for (const line of summary.byOffering) expect(line.firstYearAfter - line.firstYearBefore, line.offering).toBe(line.firstYearChange)
    for (const key of ['firstYearBefore', 'firstYearAfter', 'firstYearChange', 'nowRefusedFirstYear', 'nowPricedFirstYear'] as const) {
      expect(summary.byOffering.reduce((total, line) => total + line[key], 0), key).toBe(summary[key])
    }
  })

  it('shows requests of a new offering as newly priced, and an unlisted one asked without a code as not offered', () => {
    const draft = draftOf((book) => book.offerings.push({ ...structuredClone(offeringOf(book, 'shangjiale')), slug: 'shangjiale-plus' }))
    const rows = compareRequests(today, draft, asked([
      { offering: 'shangjiale-plus', termMonths: 12, customer: { status: 'new' } },
      { ...evergreen('A', 800_000), offering: 'evergreen-winback', termMonths: 12, options: {} },
    ]))
    expect(rows.map((row) => [row.outcome, row.before.ok ? null : row.before.code])).toEqual([
      ['now_priced', 'offering_not_found'],
      ['refused_both', 'offering_not_found'],
    ])
  })

  it('prices an assisted quote at the X staff agreed, on both sides', () => {
    const draft = draftOf((book) => (offeringOf(book, 'evergreen').rule.plans.find((plan: { id: string }) => plan.id === 'B').commitmentBp = 10_500))
    const [item] = asked([evergreen('B', 800_000)])
    const [row] = compareRequests(today, draft, [{ ...item!, negotiated: { x: 700_000 } }])
    expect(row).toMatchObject({ asked: { x: 700_000, negotiated: true }, before: { month1: 700_000 }, after: { month1: 735_000 }, month1Change: 35_000 })
  })

  it('finds every request the same under an unchanged catalog', () => {
    const rows = compareRequests(today, buildCatalog('copy', structuredClone(priceBook) as PriceBookInput), [...requests, ...referenceRequests])
    expect(new Set(rows.map((row) => row.outcome))).toEqual(new Set(['same', 'refused_both']))
    const summary = summarizeImpact(rows, offeringNames(today, today))
    expect(summary.firstYearChange).toBe(0)
    expect(summary.firstYearBefore).toBe(summary.firstYearAfter)
    expect(summary.distribution.filter((bucket) => bucket.count > 0).map((bucket) => bucket.direction)).toEqual(['same'])
    expect(summary.increases.length + summary.decreases.length + summary.nowRefused.length).toBe(0)
  })

  it('covers every change with exactly one bucket, edges included', () => {
    const buckets = emptyDistribution()
    expect(buckets.map((bucket) => `${bucket.direction} ${bucket.over}-${bucket.upTo}`)).toEqual([
      'less 1000000-null',
      'less 100000-1000000',
      'less 10000-100000',
      'less 0-10000',
      'same 0-0',
      'more 0-10000',
      'more 10000-100000',
      'more 100000-1000000',
      'more 1000000-null',
    ])
    const rowOf = (change: number) => ({ ...compareRequests(today, today, requests.slice(0, 1))[0]!, outcome: change > 0 ? ('more' as const) : change < 0 ? ('less' as const) : ('same' as const), firstYearChange: change })
    const changes = [-1_000_001, -1_000_000, -100_001, -100_000, -10_001, -10_000, -1, 0, 1, 10_000, 10_001, 100_000, 100_001, 1_000_000, 1_000_001]
    const summary = summarizeImpact(changes.map(rowOf), () => null)
    expect(summary.distribution.map((bucket) => bucket.count)).toEqual([1, 2, 2, 2, 1, 2, 2, 2, 1])
    expect(summary.distribution.reduce((total, bucket) => total + bucket.change, 0)).toBe(changes.reduce((a, b) => a + b, 0))
  })
})
