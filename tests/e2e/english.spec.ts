import { expect, test } from '@playwright/test'
import { storedQuote } from './support/database'
import { enterSpend, proposalId, waitForConfigurator } from './support/pages'

test('a Google visitor goes from the English bundle page to an English proposal', async ({ page }) => {
  const landing = await page.goto('/en/bundles/evergreen?utm_source=google&gclid=abc')
  expect(landing?.status()).toBe(200)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Business Evergreen')
  await expect(page.getByRole('button', { name: 'Call me back' })).toBeVisible()

  await page.getByLabel('Your office building').fill('Jin Mao')
  await page.getByRole('button', { name: 'Check my building' }).click()
  await expect(page).toHaveURL(/\/en\/check\?/)
  await page.getByRole('link', { name: 'Choose Jin Mao Tower' }).click()

  const result = page.locator('section.result')
  await expect(result).toHaveAttribute('data-result', 'qualified')
  await expect(result.getByRole('status')).toHaveText('Good news: your building can get Business Evergreen.')
  await expect(result.locator('.manager')).toContainText('Your building manager: Wang Jing')
  await result.getByRole('link', { name: 'Configure a quote', exact: true }).click()

  await expect(page).toHaveURL(/\/en\/configure\/evergreen\?building=bld-jinmao-tower/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Configure your Business Evergreen')
  await waitForConfigurator(page)
  // It opens on the plan its "from" price is the price of; this visitor is growing fast and picks plan A.
  await expect(page.getByRole('radio', { name: 'Plan C' })).toBeChecked()
  const planA = page.getByRole('radio', { name: 'Plan A' })
  await planA.check()
  await expect(planA).toBeChecked()
  await enterSpend(page, ['8000', '8000', '8000'], ['11000'])

  await expect(page.getByTestId('monthly-bill')).toHaveText('¥8,800.00')
  await expect(page.getByTestId('savings-monthly')).toHaveText('¥2,200.00')
  const link = page.getByTestId('proposal-link')
  await expect(link).toHaveText('See your savings proposal')
  await expect(link).toHaveAttribute('href', /^\/en\/quotes\/[^/]+$/)
  const id = await proposalId(link)

  const proposal = page.waitForResponse((response) => new URL(response.url()).pathname === `/en/quotes/${id}` && response.request().isNavigationRequest())
  await link.click()
  expect((await proposal).status()).toBe(200)
  await expect(page).toHaveURL(new RegExp(`/en/quotes/${id}$`))
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.locator('h1')).toHaveCount(1)
  await expect(page.locator('main')).toContainText('¥2,200.00')

  const quote = storedQuote(id)
  expect(quote?.building_id).toBe('bld-jinmao-tower')
  expect(JSON.parse(quote?.attribution_json ?? 'null')).toEqual({ utm_source: 'google', gclid: 'abc' })
})
