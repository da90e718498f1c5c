import { expect, test } from '@playwright/test'
import { act, actionForm, checkConsolePage as checkPage, signInToConsole } from './support/console'
import { buildingPorts, orderMails, storedOrder } from './support/database'
import { createFixedBroadbandQuote, placeOrder } from './support/orders'
import { formatDate } from '../../server/format-date'

const PHONE = { width: 390, height: 844 }
/** A building no other journey orders at: its free ports are compared before and after while others run. */
const BUILDING = 'bld-grand-gateway'

/** The order's timeline on the console page, one entry a line. */
const timeline = (page: import('@playwright/test').Page) => page.getByTestId('timeline').locator('li')
/** What a reader must never see on a page: a stored timestamp or day, or a code. */
const MACHINE = /\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}|\b[a-z]+_[a-z_]+\b/
/** The visit the order was placed for, as the customer's pages write it. */
const visitOf = (order: { install_date: string; install_slot: string }, lang: 'zh' | 'en') =>
  `${formatDate(order.install_date, lang, { weekday: true })} ${{ zh: { am: '上午', pm: '下午' }, en: { am: 'morning', pm: 'afternoon' } }[lang][order.install_slot as 'am' | 'pm']}`

/** The page is no wider than the screen: nothing typed pushes it sideways. */
const pageWidth = (page: import('@playwright/test').Page) => page.evaluate(() => document.documentElement.scrollWidth)

test('operations cancel an order on a phone with a reason: the ports come back, the tracking page says why, the customer is mailed', async ({ page, request, browser }) => {
  test.setTimeout(60_000)
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`)
  })
  const before = buildingPorts(BUILDING)
  const quoteId = await createFixedBroadbandQuote(request, BUILDING)
  const placed = await placeOrder(request, quoteId, { buildingId: BUILDING, method: 'invoice' })
  const held = storedOrder(placed.number)!
  expect(held.fibre_ports_reserved + held.voice_ports_reserved).toBeGreaterThan(0)
  expect(buildingPorts(BUILDING)).toEqual({
    free_fibre_ports: before.free_fibre_ports - held.fibre_ports_reserved,
    free_voice_ports: before.free_voice_ports - held.voice_ports_reserved,
  })

  await page.setViewportSize(PHONE)
  await page.goto(`/console/orders/${placed.number}`)
  await signInToConsole(page, 'ops@example.com')
  await expect(page.getByTestId('order-status')).toHaveText('待对公转账')

  // First more time to pay (a transfer on its way): the timeline says so in Chinese, in Beijing time.
  const day = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10)
  await act(page, 'extend-deadline', async (form) => {
    await form.getByLabel('新截止时间').fill(`${day}T18:00`)
    await form.getByLabel('原因').fill('客户说转账在途')
  })
  await expect(page.getByRole('status')).toHaveText('付款期限已延长。')
  await expect(timeline(page).last()).toContainText(`付款期限延长至 ${formatDate(`${day}T10:00:00.000Z`, 'zh', { time: true })}（北京时间） · 原因：客户说转账在途`)

  // A reason of spaces only passes the browser's own check (required, 3 long) but is no reason.
  await act(page, 'cancel', (form) => form.getByLabel('原因').fill('   '))
  await expect(page.getByRole('alert')).toHaveText('请填写原因：至少 3 个字，不能只有空格或含控制字符。')
  await expect(page.getByTestId('order-status')).toHaveText('待对公转账')

  // The reason as operations paste it from a chat: markup and a long unbroken reference are only text.
  const reference = `REF${'0123456789'.repeat(12)}`
  const reason = `客户搬迁 <script>alert(1)</script> ${reference}`
  await act(page, 'cancel', (form) => form.getByLabel('原因').fill(reason))
  await expect(page.getByRole('status')).toHaveText('订单已取消。')
  await expect(page.getByTestId('order-status')).toHaveText('已取消')
  await expect(actionForm(page, 'cancel')).toHaveCount(0)
  await expect(page.locator('#audit-heading + table')).toContainText(reason)
  await expect(timeline(page).last()).toContainText(`已取消 · 取消订单 · 原因：${reason}`)
  await expect(page.getByTestId('install-slot')).toContainText('已取消，不会上门')
  // Neither the timeline nor the audit log shows a stored timestamp or a code (the reason is the staff's own text).
  for (const text of [await page.getByTestId('timeline').innerText(), (await page.locator('#audit-heading + table').innerText()).replace(reason, '')]) expect(text).not.toMatch(MACHINE)
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width)
  await checkPage(page, 'order-cancelled-zh')

  // Reloading the answer does not cancel twice.
  await page.reload()
  await expect(page.getByRole('status')).toHaveText('订单已取消。')
  await expect(page.locator('#audit-heading + table tbody tr').filter({ hasText: '取消订单' })).toHaveCount(1)

  // The building has its ports back.
  expect(buildingPorts(BUILDING)).toEqual(before)

  // The customer's tracking page: cancelled, by operations, with their reason (on a phone too).
  const customer = await browser.newPage({ viewport: PHONE })
  customer.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`)
  })
  await customer.goto(placed.trackingUrl)
  await expect(customer.getByTestId('order-status')).toHaveText('已取消')
  const cancellation = customer.getByTestId('cancellation')
  await expect(cancellation).toContainText('订单由我们的运营团队取消。')
  await expect(cancellation).toContainText(`原因：${reason}`)
  // The visit will not happen: the page says so rather than listing it as booked.
  await expect(customer.getByTestId('install-slot')).toHaveText(`已取消，不会上门（原定 ${visitOf(held, 'zh')}）`)
  expect(await pageWidth(customer)).toBeLessThanOrEqual(PHONE.width)

  // The cancellation mail, in Chinese, to the contact, with the reason; the outbox delivers it.
  const cancelled = () => orderMails(placed.number).filter((mail) => mail.kind === 'order_cancelled')
  expect(cancelled()).toEqual([
    expect.objectContaining({ recipient: 'zhang.san@example.com', lang: 'zh', payload: expect.objectContaining({ reason: 'by_operations', note: reason }) }),
  ])
  await expect.poll(() => cancelled()[0].status, { timeout: 15_000 }).toBe('sent')
})

test('an English order cancelled in the English console: the tracking page and the mail are in English', async ({ page, request, browser }) => {
  const quoteId = await createFixedBroadbandQuote(request, BUILDING)
  const placed = await placeOrder(request, quoteId, { buildingId: BUILDING, method: 'invoice', lang: 'en' })
  await page.goto(`/en/console/orders/${placed.number}`)
  await signInToConsole(page, 'ops@example.com')
  await act(page, 'cancel', (form) => form.getByLabel('Reason').fill('The site cannot be served'))
  await expect(page.getByRole('status')).toHaveText('Order cancelled.')
  await expect(timeline(page).last()).toContainText('Cancelled · Cancelled by operations · Reason: The site cannot be served')
  await expect(page.getByTestId('install-slot')).toContainText('Cancelled: no visit')
  await checkPage(page, 'order-cancelled-en')

  const customer = await browser.newPage()
  await customer.goto(placed.trackingUrl)
  await expect(customer.getByTestId('order-status')).toHaveText('Cancelled')
  await expect(customer.getByTestId('cancellation')).toContainText('Our operations team cancelled the order.')
  await expect(customer.getByTestId('cancellation')).toContainText('Reason: The site cannot be served')
  await expect(customer.getByTestId('install-slot')).toHaveText(`Cancelled: no visit (was ${visitOf(storedOrder(placed.number)!, 'en')})`)
  expect(orderMails(placed.number).filter((mail) => mail.kind === 'order_cancelled')).toEqual([
    expect.objectContaining({ recipient: 'zhang.san@example.com', lang: 'en', payload: expect.objectContaining({ note: 'The site cannot be served' }) }),
  ])
})
