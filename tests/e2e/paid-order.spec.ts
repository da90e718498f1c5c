import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { orderRecords, storedOrder } from './support/database'
import { checkBuildingFromLanding, chooseFirstMorning, fillCheckout, waitForCheckout, waitForConfigurator } from './support/pages'
import { formatDate } from '../../server/format-date'

/** The server (cwd = the repository) writes each notification as data/outbox/<outbox id>.eml without SMTP_URL. */
const OUTBOX_DIR = fileURLToPath(new URL('../../data/outbox/', import.meta.url))

test('a Baidu visitor orders broadband, pays online on Stripe and lands on the paid order', async ({ page }) => {
  // Landing page from a Baidu ad, then the building check on it.
  const result = await checkBuildingFromLanding(page, '/bundles/bb-express?utm_source=baidu&utm_campaign=broadband', '网络快车')
  await result.getByRole('link', { name: '开始配置报价' }).click()

  // Configure: pay monthly, so the ¥300 installation is due today.
  await expect(page).toHaveURL(/\/configure\/bb-express\?building=bld-jinmao-tower/)
  await waitForConfigurator(page)
  const monthly = page.getByRole('radio', { name: '按月付费' })
  await monthly.check()
  await expect(monthly).toBeChecked()
  await expect(page.locator('.summary__total .money')).toHaveText('¥300.00')
  await expect(page.locator('.configurator__result')).not.toHaveClass(/is-stale/)
  const order = page.getByTestId('checkout-link')
  await expect(order).toHaveText('下单')
  await expect(order).toHaveAttribute('href', /^\/checkout\/[^/]+$/)
  await order.click()

  // Checkout: the building comes preselected from the quote.
  await expect(page).toHaveURL(/\/checkout\/[^/?#]+$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('确认订单')
  await waitForCheckout(page)
  await expect(page.locator('#checkout-building option:checked')).toHaveText('金茂大厦')
  await expect(page.locator('.checkout__due')).toContainText('¥300.00')
  await fillCheckout(page, {
    companyName: '上海示例科技有限公司',
    creditCode: '91330100716105852F',
    contactName: '李雷',
    mobile: '13812345678',
    email: 'li.lei@example.com',
    floor: '18',
    unit: '1808',
  })
  const firstDate = await chooseFirstMorning(page, /^上午/)
  await page.getByRole('radio', { name: /^在线支付/ }).check()
  await page.getByLabel(/我已阅读并同意上述合约条款/).check()
  await page.getByRole('button', { name: '提交订单并去支付' }).click()

  // Stripe's hosted page (the fake): the amount due today, then pay.
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/pay\/cs_test_/)
  await expect(page).toHaveTitle('Fake Stripe Checkout')
  await expect(page.locator('#amount')).toHaveText('¥300.00')
  await expect(page.locator('.line-item')).toContainText('上海示例科技有限公司')
  await page.locator('#pay').click()

  // Back on the tracking page, confirmed.
  await expect(page).toHaveURL(/\/orders\/SO\d{6}-[0-9A-Z]{6}\?token=[^&]+&session_id=cs_test_/)
  const number = new URL(page.url()).pathname.split('/').at(-1)!
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`订单 ${number}`)
  const status = page.getByTestId('order-status')
  await expect(status).toHaveAttribute('data-status', 'paid')
  await expect(status).toHaveText('已付款，正在安排上门')
  await expect(page.getByTestId('pay-link')).toHaveCount(0)
  const fact = (term: string) => page.locator('dl.facts > div', { has: page.locator('dt', { hasText: term }) }).locator('dd')
  await expect(page.getByTestId('install-slot')).toHaveText(`${formatDate(firstDate, 'zh', { weekday: true })} 上午`)
  await expect(fact('安装地址')).toHaveText('金茂大厦 · 18 / 1808')
  await expect(fact('您的楼宇经理')).toContainText('王静')
  await expect(fact('您的楼宇经理').getByRole('link', { name: '13816620451' })).toHaveAttribute('href', 'tel:13816620451')

  // The success page confirms from the session again on every visit: a reload changes nothing.
  await page.reload()
  await expect(status).toHaveAttribute('data-status', 'paid')

  // What the server stored.
  const stored = storedOrder(number)
  expect(stored, `order ${number} in the database`).toBeDefined()
  expect(stored).toMatchObject({
    status: 'paid',
    payment_method: 'online',
    amount_due_fen: 30000,
    company_name: '上海示例科技有限公司',
    credit_code: '91330100716105852F',
    building_id: 'bld-jinmao-tower',
    install_date: firstDate,
    install_slot: 'am',
    manager_id: 'mgr-lujiazui-wang',
    flagged_reason: null,
  })
  expect(stored!.stripe_session_id).toMatch(/^cs_test_/)
  expect(JSON.parse(stored!.attribution_json ?? 'null')).toMatchObject({ utm_source: 'baidu', utm_campaign: 'broadband' })

  const records = orderRecords(stored!.id, number)
  expect(records.workOrders).toEqual([
    { kind: 'site_installation', status: 'open', manager_id: 'mgr-lujiazui-wang', scheduled_date: firstDate, scheduled_slot: 'am' },
  ])
  // Both confirm: the webhook (the fake posts it before redirecting) and the success page's own check,
  // twice with the reload. The order moves to paid once, from one Stripe event.
  expect(records.events.map((event) => event.status)).toEqual(['awaiting_payment', 'paid'])
  expect(records.stripeEvents).toEqual([{ id: expect.stringMatching(/^evt_test_/), type: 'checkout.session.completed', outcome: 'confirmed' }])
  expect(records.outbox.map((message) => message.kind).sort()).toEqual(['manager_new_order', 'order_confirmation', 'payment_received'])
  expect(records.outbox.find((message) => message.kind === 'manager_new_order')?.recipient).toBe('wang.jing@example-telecom.cn')

  // The outbox worker (every 2 s) writes the payment receipt as an .eml file.
  const receipt = records.outbox.find((message) => message.kind === 'payment_received')!
  expect(receipt.recipient).toBe('li.lei@example.com')
  await expect.poll(() => existsSync(`${OUTBOX_DIR}${receipt.id}.eml`), { message: `data/outbox/${receipt.id}.eml`, timeout: 15_000 }).toBe(true)
})
