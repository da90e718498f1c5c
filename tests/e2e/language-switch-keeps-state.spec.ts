import { expect, test } from '@playwright/test'
import { createFixedBroadbandQuote, placeOrder } from './support/orders'
import { waitForConfigurator } from './support/pages'
import { viewports } from './support/viewports'
import { reviewScreenshot } from './support/review-screenshot'

for (const { name, viewport } of viewports) {
  test.describe(`the language switch keeps the page's state (${name})`, () => {
    test.use({ viewport })

    test('the tracking page keeps its token in the other language', async ({ page }) => {
      const quoteId = await createFixedBroadbandQuote(page.request, 'bld-jinmao-tower')
      const order = await placeOrder(page.request, quoteId, { buildingId: 'bld-jinmao-tower', method: 'invoice' })
      const tracking = new URL(order.trackingUrl)
      await page.goto(`${tracking.pathname}${tracking.search}`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`订单 ${order.number}`)

      const switched = page.waitForResponse((response) => response.request().isNavigationRequest())
      await page.getByRole('link', { name: 'English' }).click()
      expect((await switched).status()).toBe(200)
      await expect(page).toHaveURL(`/en/orders/${order.number}${tracking.search}`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Order ${order.number}`)
      await page.getByRole('link', { name: '中文' }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`订单 ${order.number}`)
    })

    test('the building check keeps the building and the search', async ({ page }) => {
      await page.goto('/check?q=%E9%87%91%E8%8C%82')
      await page.getByRole('link', { name: 'English' }).click()
      await expect(page).toHaveURL(/\/en\/check\?q=%E9%87%91%E8%8C%82$/)
      await expect(page.getByRole('link', { name: 'Choose Jin Mao Tower' })).toBeVisible()
      await page.getByRole('link', { name: 'Choose Jin Mao Tower' }).click()
      await page.getByRole('link', { name: '中文' }).click()
      await expect(page).toHaveURL(/\/check\?building=bld-jinmao-tower$/)
      await expect(page.locator('section.result h2')).toHaveText('金茂大厦')
    })

    test('the configurator keeps the configuration the visitor made and the building', async ({ page }) => {
      await page.goto('/configure/evergreen?building=bld-jinmao-tower')
      await waitForConfigurator(page)
      await page.getByRole('radio', { name: 'A 计划' }).check()
      await page.locator('#cfg-prior input').first().fill('9000')
      await page.locator('#cfg-current input').first().fill('12000')
      const switchLink = page.getByRole('link', { name: 'English' })
      await expect(switchLink).toHaveAttribute('href', /plan=A/)
      await switchLink.click()

      await expect(page).toHaveURL(/\/en\/configure\/evergreen\?/)
      await waitForConfigurator(page)
      await expect(page.locator('.configure__building')).toContainText('Jin Mao Tower')
      await expect(page.getByRole('radio', { name: /^Plan A/ })).toBeChecked()
      await expect(page.locator('#cfg-prior input').first()).toHaveValue('9000')
      await expect(page.locator('#cfg-current input').first()).toHaveValue('12000')
      await reviewScreenshot(page, { path: `test-results/screenshots/language-switch-configurator-en-${name}.png` })
    })
  })
}
