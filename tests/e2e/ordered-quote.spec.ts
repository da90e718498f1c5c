import { expect, test } from '@playwright/test'
import { ordersForQuote } from './support/database'
import { createFixedBroadbandQuote } from './support/orders'
import { chooseFirstMorning, fillCheckout, waitForCheckout, type CheckoutDetails } from './support/pages'
import { viewports } from './support/viewports'
import { reviewScreenshot } from './support/review-screenshot'

const customer: CheckoutDetails = {
  companyName: '上海示例科技有限公司',
  creditCode: '91330100716105852F',
  contactName: '李雷',
  mobile: '13812345678',
  email: 'li.lei@example.com',
  floor: '18',
  unit: '1808',
}

for (const { name, viewport } of viewports) {
  test.describe(`a quote that became an order shows that order, only to whoever placed it (${name})`, () => {
    test.use({ viewport })

    test('Back from the payment page shows the order with links to it and to payment; a stranger only learns it was ordered', async ({ page, browser }) => {
      const quoteId = await createFixedBroadbandQuote(page.request, 'bld-jinmao-tower')
      await page.goto(`/checkout/${quoteId}`)
      await waitForCheckout(page)
      await fillCheckout(page, customer)
      await chooseFirstMorning(page, /^上午/)
      await page.getByRole('radio', { name: /^在线支付/ }).check()
      await page.getByLabel(/我已阅读并同意上述合约条款/).check()
      await page.getByRole('button', { name: '提交订单并去支付' }).click()
      await expect(page).toHaveURL(/\/pay\/cs_test_/)

      await page.goBack()
      await expect(page).toHaveURL(new RegExp(`/checkout/${quoteId}$`))
      const [order] = ordersForQuote(quoteId)
      const placed = page.getByTestId('placed-order')
      await expect(placed).toContainText(`您已为这份报价下单，订单号 ${order.number}。`)
      await expect(placed.getByRole('link', { name: '查看订单' })).toHaveAttribute('href', new RegExp(`/orders/${order.number}\\?token=`))
      await expect(placed.getByRole('link', { name: '去支付' })).toHaveAttribute('href', new RegExp(`/api/orders/${order.number}/checkout\\?token=`))
      await expect(page.locator('form.checkout')).toHaveCount(0)
      await reviewScreenshot(page, { path: `test-results/screenshots/checkout-placed-order-zh-${name}.png` })
      await placed.getByRole('link', { name: '查看订单' }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`订单 ${order.number}`)

      // Someone else with the link: no order number, no token, a way to order the same configuration.
      const stranger = await browser.newContext({ viewport })
      const other = await stranger.newPage()
      await other.goto(`/en/checkout/${quoteId}`)
      await expect(other.getByTestId('already-ordered')).toContainText('This quote has already been ordered.')
      await expect(other.locator('main')).not.toContainText(order.number)
      await expect(other.locator(`a[href*="token="]`)).toHaveCount(0)
      await expect(other.locator('form.checkout')).toHaveCount(0)
      await other.getByRole('link', { name: 'Get a fresh quote for the same configuration' }).click()
      await expect(other).toHaveURL(/\/en\/configure\/fixed-broadband\?.*building=bld-jinmao-tower/)
      await stranger.close()
    })

    test('re-submitting a quote ordered in another tab shows the existing order', async ({ page, context }) => {
      const quoteId = await createFixedBroadbandQuote(page.request, 'bld-jinmao-tower')
      await page.goto(`/en/checkout/${quoteId}`)
      await waitForCheckout(page)
      const second = await context.newPage()
      await second.goto(`/en/checkout/${quoteId}`)
      await waitForCheckout(second)
      for (const tab of [second, page]) {
        await fillCheckout(tab, customer)
        await chooseFirstMorning(tab, /^Morning/)
        await tab.getByRole('radio', { name: /^Bank transfer/ }).check()
        await tab.getByLabel(/I have read and accept the contract terms/).check()
      }
      await second.getByRole('button', { name: 'Place order' }).click()
      await expect(second).toHaveURL(/\/en\/orders\/SO/)

      await page.getByRole('button', { name: 'Place order' }).click()
      const [order] = ordersForQuote(quoteId)
      await expect(page.getByTestId('placed-order')).toContainText(`You have ordered this quote: order ${order.number}.`)
      await expect(page.getByTestId('placed-order').getByRole('link', { name: 'See your order' })).toBeVisible()
      await expect(page.getByTestId('placed-order').getByRole('link', { name: 'Pay now' })).toHaveCount(0) // a bank transfer is not paid online
      expect(ordersForQuote(quoteId)).toHaveLength(1)
    })
  })
}
