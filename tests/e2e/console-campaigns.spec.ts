import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { shanghaiDate } from '../../server/domain/working-days'
import { checkConsolePage, signInToConsole } from './support/console'
import { placeOrder } from './support/orders'

const JIN_MAO = 'bld-jinmao-tower'

test('marketing creates a campaign and sees a visitor’s order in its report, by keyword and by building, with the chart and the CSV', async ({ page, browser }) => {
  // Three pages checked with axe at two sizes, a visitor's order and a download: longer than one journey.
  test.setTimeout(120_000)
  // A campaign value of this run only, so the report counts exactly this visitor.
  const campaign = `e2e-${Date.now().toString(36)}`
  const keyword = '写字楼宽带'
  const today = new Date()
  const firstDay = shanghaiDate(new Date(today.getTime() - 86_400_000))
  const lastDay = shanghaiDate(new Date(today.getTime() + 7 * 86_400_000))

  await page.goto('/console/campaigns')
  await signInToConsole(page, 'marketing@example.com')
  await expect(page).toHaveURL(/\/console\/campaigns$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('推广活动')
  await page.getByRole('link', { name: '新建推广活动' }).click()
  await page.getByLabel('名称', { exact: true }).fill('陆家嘴写字楼搜索广告（E2E）')
  await page.getByLabel('渠道').selectOption('search_ads')
  await page.getByLabel('utm_campaign（链接参数）').fill(campaign)
  await page.getByRole('checkbox', { name: '网络快车' }).check()
  // Target buildings are found by district and name; the search keeps what is typed.
  await page.getByLabel('区', { exact: true }).selectOption('pudong')
  await page.getByLabel('楼宇名称').fill('金茂')
  await page.getByRole('button', { name: '查找楼宇' }).click()
  await expect(page.getByLabel('名称', { exact: true })).toHaveValue('陆家嘴写字楼搜索广告（E2E）')
  await expect(page.getByRole('checkbox', { name: '网络快车' })).toBeChecked()
  await page.getByTestId('campaign-buildings-found').getByRole('checkbox', { name: '金茂大厦' }).check()
  // A last day before the first is refused, naming the field.
  await page.getByLabel('开始日期').fill(firstDay)
  await page.getByLabel('结束日期').fill('2000-01-01')
  await page.getByRole('button', { name: '创建推广活动' }).click()
  await expect(page.getByRole('alert')).toHaveText('结束日期不能早于开始日期。')
  await expect(page.locator('#campaign-ends')).toHaveAttribute('aria-invalid', 'true')
  await checkConsolePage(page, 'campaign-form-zh')
  // What was typed comes back: only the named field needs correcting.
  await expect(page.getByLabel('名称', { exact: true })).toHaveValue('陆家嘴写字楼搜索广告（E2E）')
  await expect(page.getByLabel('渠道')).toHaveValue('search_ads')
  await expect(page.getByLabel('utm_campaign（链接参数）')).toHaveValue(campaign)
  await expect(page.getByRole('checkbox', { name: '网络快车' })).toBeChecked()
  await expect(page.getByTestId('campaign-buildings-chosen').getByRole('checkbox', { name: '金茂大厦' })).toBeChecked()
  await expect(page.getByLabel('开始日期')).toHaveValue(firstDay)
  await expect(page.getByLabel('结束日期')).toHaveValue('2000-01-01')

  await page.getByLabel('结束日期').fill(lastDay)
  await page.getByRole('button', { name: '创建推广活动' }).click()
  await expect(page.getByRole('status')).toHaveText('推广活动已创建。')
  const report = page.url()

  // A visitor comes from a search ad with the campaign and keyword in the link, gets a quote and orders.
  const visitor = await browser.newContext()
  const landing = await visitor.newPage()
  const ad = { utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: campaign, utm_term: keyword }
  expect((await landing.goto(`/bundles/bb-express?${new URLSearchParams(ad)}`))!.status()).toBe(200)
  // The quote as the configurator sends it, with the first-touch attribution of the landing.
  const quoted = await visitor.request.post('/api/quotes', {
    data: { offering: 'bb-express', options: { payment: 'monthly' }, termMonths: 0, items: { 'bb-100': 1 }, customer: { status: 'new' }, buildingId: JIN_MAO, attribution: ad },
  })
  expect(quoted.status(), await quoted.text()).toBe(201)
  const quote = (await quoted.json()) as { id: string; firstYearTotal: number }
  const order = await placeOrder(visitor.request, quote.id, { buildingId: JIN_MAO, method: 'invoice' })
  expect(order.number).toBeTruthy()
  await visitor.close()

  const byTerm = page.getByTestId('campaign-by-term').locator(`tr[data-key="${keyword}"]`)
  // A landing view reaches the database within a second (counted in memory, added each second): the
  // report is opened again until it is there.
  await expect(async () => {
    await page.goto(report)
    await expect(byTerm.locator('td').nth(0)).toHaveText('1', { timeout: 250 })
  }).toPass({ timeout: 10_000 })
  const totals = page.getByTestId('campaign-totals')
  await expect(totals.locator('tbody tr')).toContainText('1')
  await expect(byTerm.locator('th')).toHaveText(keyword)
  // Landing views, quotes, leads, orders.
  await expect(byTerm.locator('td').nth(0)).toHaveText('1')
  await expect(byTerm.locator('td').nth(1)).toHaveText('1')
  await expect(byTerm.locator('td').nth(3)).toHaveText('1')
  const byBuilding = page.getByTestId('campaign-by-building').locator(`tr[data-key="${JIN_MAO}"]`)
  await expect(byBuilding.locator('th')).toHaveText('金茂大厦')
  await expect(byBuilding.locator('td').nth(2)).toHaveText('1')
  const chart = page.getByTestId('campaign-chart-days')
  await expect(chart).toBeVisible()
  await expect(chart.locator('title').first()).toHaveText('每日报价、线索和订单')
  await expect(page.getByTestId('campaign-chart-funnel')).toBeVisible()
  await checkConsolePage(page, 'campaign-report-zh')
  // The totals' line is the campaign; at 1280 px every table fits its card (its last column shown).
  await expect(totals.locator('thead th').first()).toHaveText('推广活动')
  await expect(totals.locator('tbody th')).toHaveText('陆家嘴写字楼搜索广告（E2E）')
  await page.setViewportSize({ width: 1280, height: 800 })
  for (const wrap of await page.locator('.campaign-table-wrap:visible').all()) {
    expect(await wrap.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0)
  }
  // The days' table is folded under a summary (the chart shows the days); opened, it lists each day.
  const dayFold = page.getByTestId('campaign-by-day-fold')
  await expect(dayFold).not.toHaveAttribute('open')
  await expect(page.getByTestId('campaign-by-day')).toBeHidden()
  await dayFold.locator('summary').click()
  await expect(page.getByTestId('campaign-by-day')).toBeVisible()

  const download = page.waitForEvent('download')
  await page.getByTestId('campaign-csv').click()
  const file = await (await download).path()
  const csv = readFileSync(file, 'utf8')
  expect(csv).toContain('分组,项目,落地页浏览,报价,线索,订单')
  expect(csv).toContain(`搜索关键词,${keyword},1,1,0,1`)
  expect(csv).toContain('楼宇,金茂大厦,,1,0,1')

  // The same report in English.
  await page.goto(report.replace('/console/', '/en/console/'))
  await expect(page.getByTestId('campaign-by-building').locator(`tr[data-key="${JIN_MAO}"] th`)).toHaveText('Jin Mao Tower')
  await checkConsolePage(page, 'campaign-report-en')
  for (const wrap of await page.locator('.campaign-table-wrap:visible').all()) {
    expect(await wrap.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0)
  }
})

test('the browser checks the campaign tag as typed: a space in it is flagged before the form is sent', async ({ page }) => {
  await page.goto('/console/campaigns/new')
  await signInToConsole(page, 'marketing@example.com')
  await expect(page).toHaveURL(/\/console\/campaigns\/new$/)
  const tag = page.getByLabel('utm_campaign（链接参数）')
  await tag.fill('a b')
  expect(await tag.evaluate((input: HTMLInputElement) => input.validity.patternMismatch)).toBe(true)
  await tag.fill('Spring-EN_2027.v2')
  expect(await tag.evaluate((input: HTMLInputElement) => input.validity.patternMismatch)).toBe(false)
})

test('a tag already in use is said so, at the top and beside the tag, not as a format problem', async ({ page }) => {
  await page.goto('/en/console/campaigns/new')
  await signInToConsole(page, 'marketing@example.com')
  await expect(page).toHaveURL(/\/en\/console\/campaigns\/new$/)
  await page.goto('/en/console/campaigns/new?error=campaign_taken&field=utmCampaign')
  const taken = 'Another campaign already uses this utm_campaign value; please choose another.'
  await expect(page.getByRole('alert')).toHaveText(taken)
  await expect(page.locator('#campaign-utmCampaign-error')).toHaveText(taken)
  // A malformed tag still gets the format.
  await page.goto('/en/console/campaigns/new?error=invalid_request&field=utmCampaign')
  await expect(page.getByRole('alert')).toHaveText('utm_campaign may hold letters, digits, - _ . only, at most 60 characters.')
})

test('target buildings are picked on a phone without JavaScript: found by district and name, the chosen ones kept through each search', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
  const page = await context.newPage()
  await page.goto('/en/console/campaigns/new')
  await signInToConsole(page, 'marketing@example.com')
  await expect(page).toHaveURL(/\/en\/console\/campaigns\/new$/)
  await expect(page.getByText('Hold Ctrl')).toHaveCount(0)
  await page.getByLabel('Name', { exact: true }).fill('Pudong towers')
  await page.getByLabel('District').selectOption('pudong')
  await page.getByRole('button', { name: 'Find buildings' }).click()
  const found = page.getByTestId('campaign-buildings-found')
  await found.getByRole('checkbox', { name: 'Jin Mao Tower' }).check()
  // A second search by name elsewhere keeps Jin Mao Tower chosen and lists the new matches beside it.
  await page.getByLabel('District').selectOption('')
  await page.getByLabel('Building name').fill('plaza 66')
  await page.getByRole('button', { name: 'Find buildings' }).click()
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Pudong towers')
  await expect(page.getByTestId('campaign-buildings-chosen').getByRole('checkbox', { name: 'Jin Mao Tower' })).toBeChecked()
  await expect(found.getByRole('checkbox')).toHaveCount(1)
  await expect(found.getByRole('checkbox', { name: 'Plaza 66' })).not.toBeChecked()
  await context.close()
})
