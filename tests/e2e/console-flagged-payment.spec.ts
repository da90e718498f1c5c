import { expect, test } from '@playwright/test'
import { act, actionForm, checkConsolePage as checkPage, signInToConsole } from './support/console'
import { orderMails, storedOrder } from './support/database'
import { createFixedBroadbandQuote, placeOrder } from './support/orders'
import { reportStripePayment } from './support/stripe'
import { formatYuan } from '../../server/pricing/money'

/** The audit log's row for one action (its label as the page shows it). */
const auditRow = (page: import('@playwright/test').Page, label: string) => page.locator('#audit-heading + table tbody tr').filter({ hasText: label })

test('Stripe reports a payment of another amount: the order is flagged, operations accept the payment with a reason and the order moves on', async ({ page, request, browser }) => {
  test.setTimeout(60_000)
  const quoteId = await createFixedBroadbandQuote(request, 'bld-jinmao-tower')
  const placed = await placeOrder(request, quoteId, { buildingId: 'bld-jinmao-tower', method: 'online' })
  const customer = await browser.newPage()
  // The customer opens Stripe's page (the fake); Stripe then reports ¥1 less than is due.
  await customer.goto(placed.payment.url!)
  await expect(customer).toHaveURL(/\/pay\/cs_test_/)
  const order = storedOrder(placed.number)!
  await reportStripePayment(request, { id: order.id, number: placed.number, stripeSessionId: order.stripe_session_id! }, { amountFen: placed.payment.amountDue - 100 })
  expect(storedOrder(placed.number)).toMatchObject({ status: 'awaiting_payment', flagged_reason: expect.stringContaining('"kind":"amount_mismatch"') })
  expect(orderMails(placed.number).filter((mail) => mail.kind === 'ops_payment_flagged')).toEqual([
    expect.objectContaining({ recipient: 'operations@example-telecom.cn', lang: 'zh' }),
  ])

  // Operations find it in the queue, flagged.
  await page.goto('/console/orders?state=awaiting_payment')
  await signInToConsole(page, 'ops@example.com')
  await expect(page).toHaveURL(/\/console\/orders\?state=awaiting_payment$/)
  await expect(page.locator(`tr[data-order="${placed.number}"]`)).toContainText('付款异常')
  await page.getByRole('link', { name: placed.number }).click()
  await expect(page.getByTestId('order-status')).toHaveText('待在线支付')
  const resolve = actionForm(page, 'resolve-flag')
  // Why, in Chinese and in yuan: never the stored data or a sum in fen.
  await expect(resolve).toContainText(`Stripe 报告实付 ${formatYuan(placed.payment.amountDue - 100)}，应付 ${formatYuan(placed.payment.amountDue)}，金额不符`)
  await checkPage(page, 'order-flagged-zh')

  // Without the confirmation ticked the browser does not send it.
  await resolve.getByLabel('原因').fill('客户经理确认差额 1 元已减免')
  await resolve.getByRole('button').click()
  await expect(page).not.toHaveURL(/done=/)
  await act(page, 'resolve-flag', (form) => form.getByLabel('处理付款异常', { exact: true }).selectOption('accept_payment'))
  await expect(page.getByRole('status')).toHaveText('付款异常已处理。')
  await expect(page.getByTestId('order-status')).toHaveText('已付款')
  await expect(actionForm(page, 'resolve-flag')).toHaveCount(0)

  // The audit log says who did what, and why.
  const resolved = auditRow(page, '处理付款异常')
  await expect(resolved).toHaveCount(1)
  await expect(resolved.getByTestId('audit-actor')).toHaveText('员工 · 演示运营 Demo ops')
  await expect(resolved).toContainText('客户经理确认差额 1 元已减免')
  // The payment taken says how: a flagged payment operations accepted, with their reason.
  const paid = auditRow(page, '确认收款').filter({ hasNotText: '处理付款异常' })
  await expect(paid).toContainText('付款方式：确认异常付款')
  await expect(paid).toContainText('客户经理确认差额 1 元已减免')
  await expect(page.getByTestId('timeline').locator('li').last()).toContainText('已付款 · 确认异常付款 · 原因：客户经理确认差额 1 元已减免')
  await expect(auditRow(page, '付款异常').filter({ hasNotText: '处理' }).getByTestId('audit-actor')).toHaveText('Stripe')
  expect(storedOrder(placed.number)).toMatchObject({ status: 'paid', flagged_reason: null })
  expect(orderMails(placed.number).map((mail) => mail.kind)).toContain('payment_received')

  // The order moves on: operations book the visit and the customer sees it.
  await act(page, 'schedule', (form) => form.getByLabel('时段').selectOption('pm'))
  await expect(page.getByRole('status')).toHaveText('已预约安装。')
  await customer.goto(placed.trackingUrl)
  await expect(customer.getByTestId('order-status')).toHaveText('已预约上门')
})

test('a payment after the order was cancelled is flagged; operations record the refund and the order stays cancelled', async ({ page, request, browser }) => {
  const quoteId = await createFixedBroadbandQuote(request, 'bld-jinmao-tower')
  const placed = await placeOrder(request, quoteId, { buildingId: 'bld-jinmao-tower', method: 'online', lang: 'en' })
  const customer = await browser.newPage()
  await customer.goto(placed.payment.url!)
  await expect(customer).toHaveURL(/\/pay\/cs_test_/)

  // Meanwhile operations cancel the order (the customer phoned to withdraw)…
  await page.goto(`/en/console/orders/${placed.number}`)
  await signInToConsole(page, 'ops@example.com')
  await act(page, 'cancel', (form) => form.getByLabel('Reason').fill('Customer phoned to withdraw'))
  await expect(page.getByRole('status')).toHaveText('Order cancelled.')

  // …and the customer, still on Stripe's page, pays.
  await customer.locator('#pay').click()
  await expect(customer.getByTestId('order-status')).toHaveText('Cancelled')
  expect(storedOrder(placed.number)?.flagged_reason).toContain('"kind":"paid_after_cancellation"')

  await page.goto(`/en/console/orders?${new URLSearchParams({ q: placed.number })}`)
  await expect(page.locator(`tr[data-order="${placed.number}"]`)).toContainText('Payment flagged')
  await page.getByRole('link', { name: placed.number }).click()
  await expect(actionForm(page, 'resolve-flag')).toContainText('Paid after the order was cancelled (Stripe cs_test_')
  await checkPage(page, 'order-flagged-cancelled-en')
  await act(page, 'resolve-flag', async (form) => {
    await form.getByLabel('Resolve flagged payment', { exact: true }).selectOption('refunded')
    await form.getByLabel('Reason').fill('Refunded in full through Stripe')
  })
  await expect(page.getByRole('status')).toHaveText('Flagged payment resolved.')
  await expect(page.getByTestId('order-status')).toHaveText('Cancelled')
  const resolved = auditRow(page, 'Flagged payment resolved')
  await expect(resolved.getByTestId('audit-actor')).toHaveText('Staff · 演示运营 Demo ops')
  await expect(resolved).toContainText('Refunded in full through Stripe')
  await expect(resolved).toContainText('Settled as: Refunded')
  expect(storedOrder(placed.number)).toMatchObject({ status: 'cancelled', flagged_reason: null })
})
