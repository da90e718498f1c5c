import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { checkConsolePage, signInToConsole } from './support/console'
import { placeOrder } from './support/orders'

test('marketing reads the gift liability of a local-ld-gift order per month, in zh and en, and downloads the CSV', async ({ page, request }) => {
  test.setTimeout(90_000)
  // ¥600 of local calls a month: ¥75 of long-distance credit each month, owed at each month's end.
  const quote = await request.post('/api/quotes', {
    data: { offering: 'local-ld-gift', termMonths: 0, items: { 'fixed-line': 1 }, customer: { status: 'new' }, usage: { local_voice: 60000 } },
  })
  expect(quote.status(), await quote.text()).toBe(201)
  await placeOrder(request, ((await quote.json()) as { id: string }).id, { buildingId: 'bld-jinmao-tower', method: 'invoice' })

  await page.goto('/console/catalog/gift-liability')
  await signInToConsole(page, 'marketing@example.com')
  await expect(page).toHaveURL(/\/console\/catalog\/gift-liability$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('赠送负债')
  await expect(page.getByTestId('liability-estimate')).toContainText('申报的每月用量')
  await expect(page.getByTestId('liability-monthly').locator('tbody tr')).toHaveCount(12)
  const offering = page.getByTestId('liability-offerings').locator('tr[data-key="local-ld-gift"]')
  await expect(offering).toBeVisible()
  // The order is booked within the next days: the report's last month carries at least its ¥75.
  const closing = await offering.locator('td.liability-key').innerText()
  expect(Number(closing.replace(/[¥,]/g, ''))).toBeGreaterThanOrEqual(75)
  await checkConsolePage(page, 'gift-liability-zh')

  // A chosen range, with the form (no JavaScript needed).
  await page.getByLabel('月数（1–36）').fill('3')
  await page.getByRole('button', { name: '查看' }).click()
  await expect(page.getByTestId('liability-monthly').locator('tbody tr')).toHaveCount(3)

  const download = page.waitForEvent('download')
  await page.getByTestId('liability-csv').click()
  const csv = readFileSync((await (await download).path())!, 'utf8')
  expect(csv.charCodeAt(0)).toBe(0xfeff)
  expect(csv).toContain('月末结转负债（元）')
  expect(csv).toContain('打本地送长途')

  await page.goto('/en/console/catalog/gift-liability')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gift liability')
  await expect(page.getByTestId('liability-estimate')).toContainText('there is no billing data')
  await checkConsolePage(page, 'gift-liability-en')
})
