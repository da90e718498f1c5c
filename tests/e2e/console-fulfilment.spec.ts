import { expect, test } from '@playwright/test'
import { DEMO_STAFF_PASSWORD } from '../../db/seed/demo-staff'
import { act, checkConsolePage as checkPage, signInToConsole } from './support/console'
import { orderMails } from './support/database'
import { createFixedBroadbandQuote, placeOrder } from './support/orders'

/** The customer's mails about an order, as kind (and `moved` for a booking), each checked for recipient and language. */
function customerMails(number: string, lang: 'zh' | 'en') {
  const mails = orderMails(number).filter((mail) => mail.recipient === 'zhang.san@example.com')
  for (const mail of mails) expect(mail.lang, `${mail.kind} of ${number}`).toBe(lang)
  return mails.map((mail) => (mail.kind === 'installation_scheduled' ? `${mail.kind}${mail.payload.moved ? ' (moved)' : ''}` : mail.kind))
}

/** Every step operations take is mailed to the customer, in the order's language. */
const stepMails = ['order_confirmation', 'payment_received', 'installation_scheduled', 'installation_scheduled (moved)', 'installation_started', 'service_active']

test('an ops user finds a paid order in the queue, schedules it, marks it installing and active; the tracking page follows', async ({ page, request, browser }) => {
  test.setTimeout(90_000) // every step, the tracking page after each, and six axe runs
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
  await expect(customer.getByTestId('install-slot-label')).toHaveText('上门时间')

  // The customer asks for the morning instead: the visit moves, with why.
  await act(page, 'reschedule', async (form) => {
    await form.getByLabel('时段').selectOption('am')
    await form.getByLabel('原因').fill('客户来电改到上午')
  })
  await expect(page.getByRole('status')).toHaveText('已改约。')
  await expect(page.locator('#audit-heading + table')).toContainText('客户来电改到上午')

  await act(page, 'start-install')
  await expect(page.getByRole('status')).toHaveText('已开始安装。')
  expect(await trackingStatus()).toBe('正在安装')

  await act(page, 'activate')
  await expect(page.getByRole('status')).toHaveText('已开通。')
  expect(await trackingStatus()).toBe('已开通')
  await expect(page.locator('#audit-heading + table')).toContainText('确认开通')
  expect(customerMails(placed.number, 'zh')).toEqual(stepMails)

  // The same page in English.
  await page.goto(`/en/console/orders/${placed.number}`)
  await expect(page.getByTestId('order-status')).toHaveText('Active')
  await expect(page.getByText('Nothing can be done in this state.')).toBeVisible()
  await checkPage(page, 'order-active-en')
  await page.goto('/en/console/orders?state=active')
  await expect(page.locator(`tr[data-order="${placed.number}"]`)).toContainText('Active')
  await checkPage(page, 'queue-en')
})

test('an English order: operations work it in the English console and the customer gets every step in English', async ({ page, request }) => {
  const quoteId = await createFixedBroadbandQuote(request, 'bld-jinmao-tower')
  const placed = await placeOrder(request, quoteId, { buildingId: 'bld-jinmao-tower', method: 'invoice', lang: 'en' })

  await page.goto(`/en/console/orders/${placed.number}`)
  await signInToConsole(page, 'ops@example.com')
  await expect(page).toHaveURL(new RegExp(`/en/console/orders/${placed.number}$`))
  // The quote's own words, as the customer saw them (the page added its own "× 1" after a label that counts already).
  await expect(page.getByTestId('order-item')).toHaveText([
    /^Monthly baseline: /,
    'Business fixed line (counts toward actual charges)',
    'Network Express 100 Mbps (counts toward actual charges)',
    'Business fixed line (installation)',
    'Network Express 100 Mbps (installation)',
  ])
  await act(page, 'record-transfer', (form) => form.getByLabel('Amount received (yuan)').fill(String(placed.payment.amountDue / 100)))
  await expect(page.getByRole('status')).toHaveText('Transfer recorded.')
  await act(page, 'schedule', (form) => form.getByLabel('Slot').selectOption('pm'))
  await expect(page.getByRole('status')).toHaveText('Installation scheduled.')
  await act(page, 'reschedule', async (form) => {
    await form.getByLabel('Slot').selectOption('am')
    await form.getByLabel('Reason').fill('The customer asked for the morning')
  })
  await expect(page.getByRole('status')).toHaveText('Rescheduled.')
  await act(page, 'start-install')
  await expect(page.getByRole('status')).toHaveText('Installation started.')
  await act(page, 'activate')
  await expect(page.getByRole('status')).toHaveText('Service active.')
  await expect(page.getByTestId('order-status')).toHaveText('Active')

  expect(customerMails(placed.number, 'en')).toEqual(stepMails)
  const moved = orderMails(placed.number).find((mail) => mail.kind === 'installation_scheduled' && mail.payload.moved)
  expect(moved?.payload).toMatchObject({ installSlot: 'am', trackingUrl: expect.stringContaining(`/en/orders/${placed.number}`) })
})

// Found trying the console: an order that owed nothing showed "Bank transfer" as its payment method,
// and operations might wait for a transfer that never comes.
test('an order with nothing to pay says so where the payment method would be', async ({ page, request }) => {
  const quote = await request.post('/api/quotes', { data: { offering: 'shangjiale', termMonths: 12, customer: { status: 'new' }, buildingId: 'bld-raffles-city' } })
  expect(quote.status(), await quote.text()).toBe(201)
  const placed = await placeOrder(request, ((await quote.json()) as { id: string }).id, { buildingId: 'bld-raffles-city', method: 'invoice', lang: 'en' })
  expect(placed.payment.amountDue).toBe(0)
  await page.goto(`/en/console/orders/${placed.number}`)
  await signInToConsole(page, 'ops@example.com')
  await expect(page.getByTestId('payment-method')).toHaveText('Nothing to pay')
  // Found trying the console: a contact name ending right-to-left pulled the mobile number into it; what customers typed is isolated.
  await expect(page.getByTestId('order-contact').locator('bdi')).toHaveText(['张三', 'zhang.san@example.com'])
  await page.goto(`/console/orders/${placed.number}`)
  await expect(page.getByTestId('payment-method')).toHaveText('无需付款')
})
