import { expect, test } from '@playwright/test'
import { seriousAxeViolations as seriousViolations } from './support/axe'
import { createFixedBroadbandQuote } from './support/orders'
import { enterSpend, waitForCheckout, waitForConfigurator } from './support/pages'
import { viewports } from './support/viewports'
import { reviewScreenshot } from './support/review-screenshot'

for (const { name: screen, viewport } of viewports) {
  for (const lang of ['zh', 'en'] as const) {
    const prefix = lang === 'zh' ? '' : '/en'

    test.describe(`no serious accessibility violation in the error states (${screen}, ${lang})`, () => {
      test.use({ viewport })

      test('the configurator, before and with errors (the out-of-date quote keeps AA contrast)', async ({ page }) => {
        await page.goto(`${prefix}/configure/evergreen`)
        await waitForConfigurator(page)
        await expect(page.getByTestId('checkout-link')).toHaveAttribute('href', /\/checkout\//)
        expect(await seriousViolations(page), 'configurator').toEqual([])

        await page.locator('[id="cfg-items.fixed-line"]').fill('999')
        await enterSpend(page, ['12.345', '8000', '8000'], ['abc'])
        await expect(page.getByTestId('quote-result')).toHaveClass(/is-stale/)
        await expect(page.locator('#cfg-prior-error')).toBeVisible()
        await expect(page.getByTestId('checkout-link')).toHaveAttribute('aria-disabled', 'true')
        expect(await seriousViolations(page), 'configurator with typing errors').toEqual([])

        // A refusal from the API (a count above the offering's limit), the last quote shown out of date.
        await enterSpend(page, ['8000', '8000', '8000'], [''])
        await expect(page.locator('[id="cfg-items.fixed-line-error"]')).toBeVisible()
        await expect(page.getByTestId('quote-stale')).toBeVisible()
        expect(await seriousViolations(page), 'configurator with a refusal').toEqual([])
        await reviewScreenshot(page, { path: `test-results/screenshots/configurator-stale-quote-${lang}-${screen}.png`, fullPage: true })
      })

      test('the checkout with errors', async ({ page, request }) => {
        const quoteId = await createFixedBroadbandQuote(request)
        await page.goto(`${prefix}/checkout/${quoteId}`)
        await waitForCheckout(page)
        await page.locator('#checkout-creditCode').fill('91330100716105852A')
        await page.locator('#checkout-mobile').fill('123')
        await page.locator('form.checkout button[type="submit"]').click()
        await expect(page.locator('#checkout-companyName-error')).toBeVisible()
        await expect(page.locator('#checkout-creditCode-error')).toBeVisible()
        // Found trying the checkout by keyboard: the terms' error was not tied to its checkbox.
        await expect(page.locator('#checkout-acceptTerms')).toHaveAttribute('aria-describedby', 'checkout-acceptTerms-error')
        await expect(page.locator('#checkout-acceptTerms-error')).toBeVisible()
        expect(await seriousViolations(page), 'checkout with errors').toEqual([])
      })
    })
  }
}
