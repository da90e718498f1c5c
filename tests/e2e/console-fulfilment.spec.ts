import { expect, test, type Page } from '@playwright/test'
import { DEMO_STAFF_PASSWORD } from '../../db/seed/demo-staff'
import { checkConsolePage as checkPage } from './support/console'
import { createFixedBroadbandQuote, placeOrder } from './support/orders'

/** Submits one of the order page's action forms, ticking its confirmation first. */
async function act(page: Page, action: string, fill: (form: ReturnType<Page['locator']>) => Promise<unknown> = async () => {}) {
  const form = page.locator(`form[action$="/${action}"]`)
  await fill(form)
  await form.getByRole('checkbox').check()
  await form.getByRole('button').click()
}

test('an ops user finds a paid order in the queue, schedules it, marks it installing and active; the tracking page follows', async ({ page, request, browser }) => {
  const quoteId = await createFixedBroadbandQuote(request, 'bld-jinmao-tower')
  const placed = await placeOrder(request, quoteId, { buildingId: 'bld-jinmao-tower', method: 'invoice' })
  const customer = await browser.newPage()
  const trackingStatus = async () => {
    await customer.goto(placed.trackingUrl)
    return customer.getByTestId('order-status').textContent()
  }

  await page.goto('/console/orders')
  await page.locator('#email').fill('ops@example.com')
  await page.locator('#password').fill(DEMO_STAFF_PASSWORD)
  await page.locator('form[action="/api/console/session"] button[type=submit]').click()
  await expect(page).toHaveURL(/\/console\/orders$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('履约队列')

  // The transfer arrives: operations record it on the order's page.
  await page.getByLabel('搜索').fill(placed.number)
  await page.getByRole('button', { name: '筛选' }).click()
  await page.getByRole('link', { name: placed.number }).click()
  await act(page, 'record-transfer', (form) => form.getByLabel('到账金额（元）').fill(String(placed.payment.amountDue / 100)))
  await expect(page.getByRole('status')).toHaveText('已登记转账。')
  expect(await trackingStatus()).toBe('已付款，正在安排上门')

  // The paid order is in the queue of paid orders.
  await page.goto('/console/orders')
  await page.getByLabel('状态').selectOption('paid')
  await page.getByRole('button', { name: '筛选' }).click()
  await expect(page.locator(`tr[data-order="${placed.number}"]`)).toContainText('已付款')
  await checkPage(page, 'queue-zh')
  await page.getByRole('link', { name: placed.number }).click()
  await checkPage(page, 'order-paid-zh')

  await act(page, 'schedule', (form) => form.getByLabel('时段').selectOption('pm'))
  await expect(page.getByRole('status')).toHaveText('已预约安装。')
  await expect(page.getByTestId('order-status')).toHaveText('已预约安装')
  expect(await trackingStatus()).toBe('已预约上门')

  await act(page, 'start-install')
  await expect(page.getByRole('status')).toHaveText('已开始安装。')
  expect(await trackingStatus()).toBe('正在安装')

  await act(page, 'activate')
  await expect(page.getByRole('status')).toHaveText('已开通。')
  expect(await trackingStatus()).toBe('已开通')
  await expect(page.locator('#audit-heading + table')).toContainText('activate')

  // The same page in English.
  await page.goto(`/en/console/orders/${placed.number}`)
  await expect(page.getByTestId('order-status')).toHaveText('Active')
  await expect(page.getByText('Nothing can be done in this state.')).toBeVisible()
  await checkPage(page, 'order-active-en')
  await page.goto('/en/console/orders?state=active')
  await expect(page.locator(`tr[data-order="${placed.number}"]`)).toContainText('Active')
  await checkPage(page, 'queue-en')
})
