import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { createFixedBroadbandQuote, placeOrder } from './support/orders'
import { reviewScreenshot } from './support/review-screenshot'

/** A phone and a laptop. */
const viewports = [{ width: 390, height: 844 }, { width: 1280, height: 800 }]

const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))

/** The tracking page says what an order is holding: in review (nothing yet), or ports until a payment deadline. */
test.describe('the tracking page of an order in review and of an unpaid order', () => {
  for (const lang of ['zh', 'en'] as const) {
    test(`says an order is in review and when an unpaid one must be paid (${lang})`, async ({ page, request }) => {
      const quote = await request.post('/api/quotes', {
        data: {
          offering: 'evergreen',
          termMonths: 12,
          options: { plan: 'A' },
          items: { 'fixed-line': 50, 'centrex-ext': 110 },
          customer: { status: 'new', priorMonthlySpend: [800000, 800000, 800000] },
          usage: { local_voice: 300000 },
        },
      })
      expect(quote.status(), await quote.text()).toBe(201)
      const inReview = await placeOrder(request, ((await quote.json()) as { id: string }).id, { buildingId: 'bld-pudong-software-park', method: 'invoice', lang })
      expect(inReview.status).toBe('pending_review')
      const unpaid = await placeOrder(request, await createFixedBroadbandQuote(request), { buildingId: 'bld-raffles-city', method: 'invoice', lang })
      expect(unpaid.status).toBe('awaiting_transfer')

      for (const viewport of viewports) {
        await page.setViewportSize(viewport)
        await page.goto(new URL(inReview.trackingUrl).pathname + new URL(inReview.trackingUrl).search)
        await expect(page.getByTestId('order-status')).toHaveText(lang === 'zh' ? '等待运营审核' : 'Being reviewed by our operations team')
        await expect(page.getByTestId('next-step')).toContainText(lang === 'zh' ? '目前无需付款' : 'nothing is due until then')
        await reviewScreenshot(page, { path: `${SCREENSHOTS}order-in-review-${lang}-${viewport.width}.png`, fullPage: true, animations: 'disabled' })

        await page.goto(new URL(unpaid.trackingUrl).pathname + new URL(unpaid.trackingUrl).search)
        await expect(page.getByTestId('payment-deadline')).toContainText(lang === 'zh' ? '（北京时间）前付款' : '(Beijing time); unpaid by then')
        await reviewScreenshot(page, { path: `${SCREENSHOTS}order-unpaid-deadline-${lang}-${viewport.width}.png`, fullPage: true, animations: 'disabled' })
      }
    })
  }
})
