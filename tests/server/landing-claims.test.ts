import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fromMonthlyPrice } from '../../server/pricing/from-price'
import { formatYuan, sum } from '../../server/pricing/money'
import { prepaidPerMonth } from '../../server/pricing/monthly-cost'
import { catalog, quote } from '../../server/pricing/testing'
import { listedOfferings } from '../../server/services/offering-presenter'
import { workedExamples } from '../../src/lib/worked-examples'
import { startServer, type RunningServer } from '../support/server-process'

/**
 * What the landing pages claim, read from the built server and checked against the engine's own
 * quote of each worked example (the server prices the same seed price book): savings only against
 * what the customer pays today, prepayments counted, "from" prices that say what they are.
 */
describe('landing-page claims (built server)', () => {
  let dir: string
  let server: RunningServer
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'storefront-claims-'))
    server = await startServer({ DATABASE_URL: `file:${join(dir, 'data', 'storefront.db')}` })
  })
  afterAll(async () => {
    await server?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  const langs = ['zh', 'en'] as const
  const pathOf = (lang: (typeof langs)[number], path: string) => (lang === 'zh' ? path : `/en${path}`)
  /** The page as a reader sees it: tags dropped, the entities Astro writes decoded, spaces collapsed. */
  const pageText = async (path: string) => {
    const response = await fetch(`${server.baseUrl}${path}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    const savings = html.match(/data-testid="example-savings"[^>]*>([\s\S]*?)<\/p>/)?.[1]
    const readable = (fragment: string) =>
      fragment
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ')
    return { text: readable(html), savings: savings === undefined ? undefined : readable(savings) }
  }
  const exampleQuote = (slug: string) => quote(workedExamples[slug].request)

  it.each(langs)('evergreen (%s): the firm pays today what it declared, and the page compares against that', async (lang) => {
    const example = workedExamples.evergreen
    const q = exampleQuote('evergreen')
    const today = example.request.customer.currentMonthlySpend!
    // Today's spend is the declared 3-month average, not a projection of growth.
    expect(today).toBe(q.x)
    expect(q.savings).toEqual({ monthly: today - q.monthly.estimatedBill, annual: 12 * today - sum(q.schedule.map((month) => month.bill)), currentMonthlySpend: today })

    const page = await pageText(pathOf(lang, '/bundles/evergreen'))
    expect(page.text).toContain(example.story(q)[lang])
    for (const amount of [today, q.monthly.commitment!, q.monthly.allowance!]) expect(page.text).toContain(formatYuan(amount, lang))
    expect(page.savings).toBeDefined()
    expect(page.savings).toContain(formatYuan(Math.abs(q.savings!.monthly), lang))
    expect(page.savings).toContain(formatYuan(Math.abs(q.savings!.annual), lang))
    // The plan costs more than today here: the page says so rather than claiming a saving.
    expect(q.savings!.monthly).toBeLessThan(0)
    expect(page.savings).toContain(lang === 'zh' ? '多付' : 'more')
    // The old claim measured against the projected usage: nothing on the page may say that.
    const projected = sum(Object.values(example.request.usage ?? {})) - q.monthly.estimatedBill
    expect(page.text).not.toContain(formatYuan(projected, lang))

    // The early-termination example on the page is the quote's own fee.
    const etf = q.earlyTermination.find((entry) => entry.afterMonths === Math.floor(q.termMonths / 3))!
    expect(page.text).toContain(formatYuan(etf.fee, lang))
  })

  it.each(langs)('bb-express (%s): a prepayment counts in the months it buys', async (lang) => {
    const example = workedExamples['bb-express']
    const q = exampleQuote('bb-express')
    const today = example.request.customer.currentMonthlySpend!
    const prepaid = q.prepaid!
    expect(q.savings).toEqual({
      monthly: today - (q.monthly.estimatedBill + prepaidPerMonth(prepaid)),
      annual: 12 * today - (sum(q.schedule.map((month) => month.bill)) + prepaid.amount),
      currentMonthlySpend: today,
    })

    const page = await pageText(pathOf(lang, '/bundles/bb-express'))
    expect(page.text).toContain(example.story(q)[lang])
    expect(page.text).toContain(formatYuan(prepaid.amount, lang))
    expect(page.savings).toContain(formatYuan(q.savings!.monthly, lang))
    expect(page.savings).toContain(formatYuan(q.savings!.annual, lang))
    // Not "the whole monthly price saved" because month 1's bill is ¥0.
    expect(page.savings).not.toContain(formatYuan(today - q.monthly.estimatedBill, lang))
  })

  it.each(langs)('"from" prices on the home page and landing heroes (%s) say what they are the price of', async (lang) => {
    const home = await pageText(pathOf(lang, '/'))
    for (const offering of listedOfferings(catalog)) {
      const from = fromMonthlyPrice(catalog, offering)!
      expect(home.text).toContain(`${formatYuan(from.monthly, lang)}`)
      expect(home.text).toContain(from.basis[lang])
      const landing = await pageText(pathOf(lang, `/bundles/${offering.slug}`))
      expect(landing.text).toContain(from.basis[lang])
      // Without a current spend an example makes no savings claim.
      if (workedExamples[offering.slug]?.request.customer.currentMonthlySpend === undefined) expect(landing.savings).toBeUndefined()
    }
    const bb = fromMonthlyPrice(catalog, catalog.offerings.get('bb-express')!)!
    expect(bb.prepaid).not.toBeNull()
    expect(bb.monthly).toBe(prepaidPerMonth(bb.prepaid))
  })
})
