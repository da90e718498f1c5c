import { expect, test, type Page } from '@playwright/test'
import { seriousAxeViolations } from './support/axe'
import { createFixedBroadbandQuote, placeOrder } from './support/orders'
import { enterSpend, waitForCheckout, waitForConfigurator } from './support/pages'
import { viewports } from './support/viewports'

/**
 * Every main page of the storefront, in both languages, on a phone and a laptop: no serious or
 * critical axe violation (WCAG 2.1 A/AA, colour contrast included), also in the error states.
 */
async function expectAccessible(page: Page, what: string) {
  expect(await seriousAxeViolations(page), what).toEqual([])
}

for (const { name: screen, viewport } of viewports) {
  for (const lang of ['zh', 'en'] as const) {
    const prefix = lang === 'zh' ? '' : '/en'

    test.describe(`accessibility of every main page (${screen}, ${lang})`, () => {
      test.use({ viewport })

      // Two lists rather than one: eleven axe runs in one test came close to its 30 s with two journeys running.
      for (const [pages, paths] of [
        ['home, landing, building check', ['/', '/?need=voice_broadband', '/bundles/evergreen', '/check', '/check?q=金茂', '/check?building=bld-jinmao-tower']],
        ['agreement, privacy, offer code (empty, refused, valid)', ['/agreement', '/privacy', '/offer', '/offer?code=WB-WRONG-0000', '/offer?code=WB-TEST-0001']],
      ] as const) {
        test(pages, async ({ page }) => {
          for (const path of paths) {
            const response = await page.goto(`${prefix}${path}`)
            expect(response?.status(), path).toBeLessThan(500)
            await expectAccessible(page, path)
          }
        })
      }

      test('configurator without and with errors, and the win-back configurator', async ({ page }) => {
        await page.goto(`${prefix}/configure/evergreen`)
        await waitForConfigurator(page)
        await expectAccessible(page, 'configurator')
        await enterSpend(page, ['12.345', '8000', '8000'], ['abc'])
        await expect(page.locator('#cfg-prior-error')).toBeVisible()
        await expectAccessible(page, 'configurator with errors')
        await page.goto(`${prefix}/configure/evergreen-winback?code=WB-TEST-0001&building=bld-jinmao-tower`)
        await waitForConfigurator(page)
        await expectAccessible(page, 'win-back configurator')
      })

      test('proposal and checkout with errors', async ({ page, request }) => {
        const quoteId = await createFixedBroadbandQuote(request, 'bld-jinmao-tower')
        await page.goto(`${prefix}/quotes/${quoteId}`)
        await expectAccessible(page, 'proposal')

        await page.goto(`${prefix}/checkout/${quoteId}`)
        await waitForCheckout(page)
        await page.getByTestId('invoice-fields').getByRole('radio').nth(1).check()
        await page.locator('#checkout-creditCode').fill('91330100716105852A')
        await page.locator('form.checkout button[type="submit"]').click()
        await expect(page.locator('#checkout-creditCode-error')).toBeVisible()
        await expect(page.locator('[id="checkout-invoice.account-error"]')).toBeVisible()
        await expectAccessible(page, 'checkout with errors')
      })

      test('tracking and lead confirmation', async ({ page, request }) => {
        const quoteId = await createFixedBroadbandQuote(request, 'bld-jinmao-tower')
        const order = await placeOrder(request, quoteId, { buildingId: 'bld-jinmao-tower', method: 'invoice', lang })
        const tracking = new URL(order.trackingUrl)
        await page.goto(`${tracking.pathname}${tracking.search}`)
        await expect(page.getByTestId('invoice-details')).toBeVisible()
        await expectAccessible(page, 'tracking')

        const lead = await request.post('/api/leads', { data: { company: '上海测试科技有限公司', contact: { name: '张三', mobile: '13812345678' }, buildingId: 'bld-jinmao-tower', lang } })
        expect(lead.status(), await lead.text()).toBe(201)
        await page.goto(`${prefix}/leads/${((await lead.json()) as { id: string }).id}`)
        await expectAccessible(page, 'lead confirmation')
      })
    })
  }
}
