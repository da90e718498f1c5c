import { expect, test } from '@playwright/test'
import { createFixedBroadbandQuote, placeOrder } from './support/orders'
import { waitForCheckout, waitForConfigurator } from './support/pages'
import { viewports } from './support/viewports'

const UNAMBIGUOUS_DATE = /\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec) \d{4}(?!\d)/
const NUMERIC_DATE = /\b\d{1,2}\/\d{1,2}(\/\d{2,4})?\b/

for (const { name: screen, viewport } of viewports) {
  test.describe(`English copy (${screen})`, () => {
    test.use({ viewport })

    test('dates read "Mon 24 Nov" at checkout and "7 Dec 2026" in the configurator, never 11/24', async ({ page, request }) => {
      const quoteId = await createFixedBroadbandQuote(request, 'bld-jinmao-tower')
      await page.goto(`/en/checkout/${quoteId}`)
      await waitForCheckout(page)
      const firstDay = await page.locator('#checkout-date option').first().textContent()
      expect(firstDay).toMatch(/^(Mon|Tue|Wed|Thu|Fri) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$/)

      await page.goto('/en/configure/fixed-broadband')
      await waitForConfigurator(page)
      await expect(page.locator('.configurator__quote')).toContainText(UNAMBIGUOUS_DATE)
    })

    test('dates read "24 Nov 2026" on the tracking page', async ({ page, request }) => {
      const order = await placeOrder(request, await createFixedBroadbandQuote(request, 'bld-jinmao-tower'), { buildingId: 'bld-jinmao-tower', method: 'invoice', lang: 'en' })
      const tracking = new URL(order.trackingUrl)
      expect(tracking.pathname).toMatch(/^\/en\/orders\//)
      await page.goto(`${tracking.pathname}${tracking.search}`)
      await expect(page.getByTestId('install-slot')).toHaveText(new RegExp(`^(Mon|Tue|Wed|Thu|Fri) ${UNAMBIGUOUS_DATE.source} morning$`))
      // Found trying the tracking page: before payment it read as a booked visit.
      await expect(page.getByTestId('install-slot-label')).toHaveText('Your preferred visit (we confirm the booking)')
      await expect(page.locator('.timeline__at').first()).toHaveText(new RegExp(`^${UNAMBIGUOUS_DATE.source}, \\d{2}:\\d{2}$`))
      expect(await page.locator('main').textContent()).not.toMatch(NUMERIC_DATE)
    })

    test('counts take their plural: "after 1 month", "after 3 months"', async ({ page }) => {
      await page.goto('/en/configure/fixed-broadband')
      await waitForConfigurator(page)
      const quote = page.locator('.configurator__quote')
      await expect(quote).toContainText('after 1 month ')
      await expect(quote).not.toContainText(/\b1 months/)
    })

    // Found trying the checkout: its early-termination table said "Leaving after 1 months".
    test('the checkout\'s early-termination table takes the plural too', async ({ page, request }) => {
      await page.goto(`/en/checkout/${await createFixedBroadbandQuote(request, 'bld-jinmao-tower')}`)
      await waitForCheckout(page)
      await expect(page.locator('main')).toContainText('Leaving after 1 month')
      await expect(page.locator('main')).not.toContainText(/\b1 months/)
    })

    test('the broadband-only bundle asks for no call spend', async ({ page }) => {
      await page.goto('/en/configure/bb-express')
      await waitForConfigurator(page)
      await expect(page.locator('[id="cfg-usage.local_voice"]')).toHaveCount(0)
      await page.goto('/en/configure/fixed-broadband')
      await waitForConfigurator(page)
      await expect(page.locator('[id="cfg-usage.local_voice"]')).toHaveCount(1)
    })

    test('the phone + broadband filter lists only bundles with both, and no page shows an internal formula', async ({ page }) => {
      await page.goto('/en/?need=voice_broadband')
      const cards = page.locator('main a[href*="/en/bundles/"]')
      const slugs = [...new Set((await cards.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname.split('/').at(-1)!))))]
      expect(slugs.sort()).toEqual(['business-plus', 'fixed-broadband'])
      for (const path of ['/en/', '/en/bundles/fixed-broadband', '/en/configure/fixed-broadband', '/bundles/fixed-broadband']) {
        await page.goto(path)
        expect(await page.locator('main').textContent(), path).not.toMatch(/\b[A-Z] = [A-Z] \+ [A-Z]\b/)
      }
    })
  })
}
