import Database from 'better-sqlite3'
import { expect, test } from '@playwright/test'
import { createFixedBroadbandQuote } from './support/orders'
import { proposalId, waitForCheckout, waitForConfigurator } from './support/pages'
import { viewports } from './support/viewports'

/** Makes a stored quote expire (the server never rewrites quotes, so the test does it in the run's database). */
function expireQuote(id: string) {
  const db = new Database(process.env.E2E_DATABASE_PATH!, { fileMustExist: true })
  try {
    const past = new Date(Date.now() - 60_000).toISOString()
    const { quote_json } = db.prepare('select quote_json from quotes where id = ?').get(id) as { quote_json: string }
    db.prepare('update quotes set expires_at = ?, quote_json = ? where id = ?').run(past, JSON.stringify({ ...JSON.parse(quote_json), expiresAt: past }), id)
  } finally {
    db.close()
  }
}

for (const { name, viewport } of viewports) {
  test.describe(`the configuration lives in the URL (${name})`, () => {
    test.use({ viewport })

    test('Back from checkout and Reload keep the configuration, without a history entry per keystroke', async ({ page }) => {
      await page.goto('/configure/fixed-broadband')
      await waitForConfigurator(page)
      const entries = await page.evaluate(() => history.length)
      await page.locator('[id="cfg-items.fixed-line"]').fill('3')
      await page.getByRole('radio', { name: '网络快车 300M' }).check()
      await page.locator('#cfg-term').selectOption('24')
      await expect(page).toHaveURL(/[?&]items=[^&]*fixed-line%3A3/)
      await expect(page).toHaveURL(/[?&]term=24/)
      expect(await page.evaluate(() => history.length)).toBe(entries)

      await expect(page.locator('.configurator__result')).not.toHaveClass(/is-stale/)
      await page.getByTestId('checkout-link').click()
      await waitForCheckout(page)
      await page.goBack()
      await waitForConfigurator(page)
      await expect(page.locator('[id="cfg-items.fixed-line"]')).toHaveValue('3')
      await expect(page.getByRole('radio', { name: '网络快车 300M' })).toBeChecked()
      await expect(page.locator('#cfg-term')).toHaveValue('24')

      await page.reload()
      await waitForConfigurator(page)
      await expect(page.locator('[id="cfg-items.fixed-line"]')).toHaveValue('3')
      await expect(page.getByRole('radio', { name: '网络快车 300M' })).toBeChecked()
      await expect(page.locator('#cfg-term')).toHaveValue('24')
    })

    test('the proposal configures again with its configuration and building; a shared proposal orders the same quote', async ({ page, browser }) => {
      await page.goto('/configure/evergreen?building=bld-jinmao-tower')
      await waitForConfigurator(page)
      await page.getByRole('radio', { name: 'A 计划' }).check()
      for (const input of await page.locator('#cfg-prior input').all()) await input.fill('8000')
      await page.locator('#cfg-current input').first().fill('11000')
      await expect(page.getByTestId('monthly-bill')).toHaveText('¥8,800.00')
      const id = await proposalId(page.getByTestId('proposal-link'))
      await page.getByTestId('proposal-link').click()
      await expect(page).toHaveURL(new RegExp(`/quotes/${id}$`))

      await page.getByRole('link', { name: '重新配置方案' }).first().click()
      await expect(page).toHaveURL(/\/configure\/evergreen\?.*building=bld-jinmao-tower/)
      await waitForConfigurator(page)
      await expect(page.locator('.configure__building')).toContainText('金茂大厦')
      await expect(page.getByRole('radio', { name: 'A 计划' })).toBeChecked()
      await expect(page.locator('#cfg-prior input').first()).toHaveValue('8000')
      await expect(page.locator('#cfg-current input').first()).toHaveValue('11000')
      await expect(page.getByTestId('monthly-bill')).toHaveText('¥8,800.00')

      // Shared by link and opened in a fresh browser: "Order this" goes to checkout for the same quote.
      const fresh = await browser.newContext({ viewport })
      const other = await fresh.newPage()
      await other.goto(`/en/quotes/${id}`)
      await other.getByTestId('order-this').click()
      await expect(other).toHaveURL(new RegExp(`/en/checkout/${id}$`))
      await waitForCheckout(other)
      await expect(other.locator('#checkout-building option:checked')).toHaveText('Jin Mao Tower')
      await fresh.close()
    })

    test('an expired shared proposal orders by pricing the same configuration afresh', async ({ page }) => {
      const id = await createFixedBroadbandQuote(page.request, 'bld-jinmao-tower')
      expireQuote(id)
      const response = await page.goto(`/en/quotes/${id}`)
      expect(response?.status()).toBe(410)
      await page.getByTestId('order-this').click()
      await expect(page).toHaveURL(/\/en\/configure\/fixed-broadband\?.*building=bld-jinmao-tower/)
      await waitForConfigurator(page)
      await expect(page.locator('[id="cfg-items.fixed-line"]')).toHaveValue('1')
      await expect(page.getByRole('radio', { name: 'Network Express 100 Mbps' })).toBeChecked()
      await expect(page.locator('#cfg-term')).toHaveValue('12')
    })

    test('bad or hostile values in the URL fall back to the defaults', async ({ page }) => {
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      const response = await page.goto(
        '/configure/evergreen?plan=%3Cscript%3Ealert(1)%3C/script%3E&term=abc&status=boss&size=huge&items=bb-300:99999,fixed-line:-1,%3Cx%3E&prior=1,2&current=a,b&usage=1e9,NaN,0',
      )
      expect(response?.status()).toBe(200)
      await waitForConfigurator(page)
      await expect(page.getByRole('radio', { name: 'C 计划' })).toBeChecked()
      await expect(page.locator('#cfg-prior input').first()).toHaveValue('3000')
      await expect(page.getByTestId('monthly-bill')).toBeVisible()
      await expect(page.getByTestId('quote-error')).toHaveCount(0)
      expect(errors).toEqual([])
    })
  })
}
