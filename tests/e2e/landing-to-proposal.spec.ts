import { expect, test } from '@playwright/test'
import { landingViews, storedQuote } from './support/database'
import { checkBuildingFromLanding, enterSpend, proposalId, waitForConfigurator } from './support/pages'

test('a Baidu visitor goes from the bundle page through the building check and configurator to a proposal', async ({ page }) => {
  // The building check on the landing page keeps the bundle.
  const result = await checkBuildingFromLanding(page, '/bundles/evergreen?utm_source=baidu&utm_medium=cpc&utm_campaign=sme-evergreen&bd_vid=test123', '商务常青')
  await expect(result.getByRole('heading', { level: 2 })).toHaveText('金茂大厦')
  await expect(result.getByRole('status')).toContainText('好消息：本楼可以办理「商务常青」')
  await expect(result.locator('.manager')).toContainText('您的楼宇经理')
  await expect(result.locator('.manager')).toContainText('王静')
  await result.getByRole('link', { name: '开始配置报价' }).click()

  await expect(page).toHaveURL(/\/configure\/evergreen\?building=bld-jinmao-tower/)
  await expect(page.locator('.configure__building')).toContainText('金茂大厦')
  await waitForConfigurator(page)
  // It opens on the plan its "from" price is the price of; this visitor is growing fast and picks plan A.
  await expect(page.getByRole('radio', { name: 'C 计划' })).toBeChecked()
  const planA = page.getByRole('radio', { name: 'A 计划' })
  await planA.check()
  await expect(planA).toBeChecked()
  await enterSpend(page, ['8000', '8000', '8000'], ['11000'])

  await expect(page.getByTestId('monthly-bill')).toHaveText('¥8,800.00')
  await expect(page.getByTestId('savings-monthly')).toHaveText('¥2,200.00')
  const link = page.getByTestId('proposal-link')
  await expect(link).toHaveAttribute('href', /^\/quotes\/[^/]+$/)
  const id = await proposalId(link)

  const proposal = page.waitForResponse((response) => new URL(response.url()).pathname === `/quotes/${id}` && response.request().isNavigationRequest())
  await link.click()
  expect((await proposal).status()).toBe(200)
  await expect(page).toHaveURL(new RegExp(`/quotes/${id}$`))
  await expect(page.locator('h1')).toHaveCount(1)
  await expect(page.locator('main')).toContainText('¥2,200.00')

  // What the server stored: the quote with its first-touch attribution and building, and the landing view.
  const quote = storedQuote(id)
  expect(quote, `quote ${id} in the database`).toBeDefined()
  expect(quote!.offering_slug).toBe('evergreen')
  expect(quote!.building_id).toBe('bld-jinmao-tower')
  expect(JSON.parse(quote!.attribution_json ?? 'null')).toMatchObject({ utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'sme-evergreen', bd_vid: 'test123' })

  const baiduViews = () => landingViews('/bundles/evergreen').filter((row) => row.utm_source === 'baidu')
  // A landing view reaches the database within a second (counted in memory, added each second).
  await expect.poll(() => baiduViews().length).toBe(1)
  const views = baiduViews()
  expect(views[0]).toMatchObject({ utm_medium: 'cpc', utm_campaign: 'sme-evergreen' })
  expect(Number(views[0].views)).toBeGreaterThanOrEqual(1)
})
