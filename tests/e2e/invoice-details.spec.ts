import { expect, test } from '@playwright/test'
import { createFixedBroadbandQuote, placeOrder } from './support/orders'
import { fillCheckout, waitForCheckout } from './support/pages'
import { viewports } from './support/viewports'
import { reviewScreenshot } from './support/review-screenshot'

const words = {
  zh: { special: '增值税专用发票', general: '增值税普通发票', account: '银行账号为 8 至 30 位数字。', address: '开具专用发票需填写注册地址', accept: /我已阅读并同意/ },
  en: { special: 'Special VAT invoice', general: 'General VAT invoice', account: 'A bank account number has 8 to 30 digits.', address: 'A special invoice needs the registered address', accept: /I have read and accept/ },
}

for (const { name: screen, viewport } of viewports) {
  for (const lang of ['zh', 'en'] as const) {
    const prefix = lang === 'zh' ? '' : '/en'
    const w = words[lang]

    test.describe(`VAT invoice details (${screen}, ${lang})`, () => {
      test.use({ viewport })

      test('a special invoice asks for the registered details; mistakes are shown by their fields, focus on the first, nothing sent', async ({ page, request }) => {
        const quoteId = await createFixedBroadbandQuote(request, 'bld-jinmao-tower')
        let posts = 0
        page.on('request', (sent) => {
          if (sent.method() === 'POST' && new URL(sent.url()).pathname === '/api/orders') posts += 1
        })
        await page.goto(`${prefix}/checkout/${quoteId}`)
        await waitForCheckout(page)
        const invoice = page.getByTestId('invoice-fields')
        await expect(invoice.getByRole('radio', { name: w.general })).toBeChecked()
        await expect(page.locator('[id="checkout-invoice.account"]')).toHaveCount(0)
        await fillCheckout(page, { companyName: '上海示例科技有限公司', creditCode: '91330100716105852F', contactName: '李雷', mobile: '13812345678', email: 'li.lei@example.com', floor: '18', unit: '1803' })
        await invoice.getByRole('radio', { name: w.special }).check()
        await page.locator('[id="checkout-invoice.phone"]').fill('021-5047 8888')
        await page.locator('[id="checkout-invoice.bank"]').fill('招商银行上海分行')
        await page.locator('[id="checkout-invoice.account"]').fill('6222-abc')
        await page.getByLabel(w.accept).check()
        await page.locator('form.checkout button[type="submit"]').click()

        await expect(page.locator('[id="checkout-invoice.address-error"]')).toContainText(w.address)
        await expect(page.locator('[id="checkout-invoice.account-error"]')).toHaveText(w.account)
        await expect(page.locator('[id="checkout-invoice.address"]')).toBeFocused()
        // What was typed stays.
        await expect(page.locator('[id="checkout-invoice.bank"]')).toHaveValue('招商银行上海分行')
        await expect(page.locator('[id="checkout-invoice.account"]')).toHaveValue('6222-abc')
        expect(posts).toBe(0)
        await reviewScreenshot(page, { path: `test-results/screenshots/checkout-invoice-errors-${lang}-${screen}.png`, fullPage: true })
        // A corrected field stops saying it is wrong at once; the field not yet corrected still says so.
        await page.locator('[id="checkout-invoice.account"]').fill('6222 0210 0112 3456')
        await expect(page.locator('[id="checkout-invoice.account-error"]')).toHaveCount(0)
        await expect(page.locator('[id="checkout-invoice.account"]')).toHaveAttribute('aria-invalid', 'false')
        await expect(page.locator('[id="checkout-invoice.address-error"]')).toContainText(w.address)
      })

      test('the tracking page shows the invoice the order was placed with', async ({ page, request }) => {
        const quoteId = await createFixedBroadbandQuote(request, 'bld-jinmao-tower')
        const order = await placeOrder(request, quoteId, { buildingId: 'bld-jinmao-tower', method: 'invoice', lang })
        await page.goto(new URL(order.trackingUrl).pathname + new URL(order.trackingUrl).search)
        const details = page.getByTestId('invoice-details')
        await expect(details).toContainText(w.general)
        await expect(details).toContainText('上海测试科技有限公司')
        await expect(details).toContainText('91330100716105852F')
        await reviewScreenshot(page, { path: `test-results/screenshots/tracking-invoice-${lang}-${screen}.png`, fullPage: true })
      })

      test('the tracking page of an order with a special invoice does not offer to change to one', async ({ page, request }) => {
        const quoteId = await createFixedBroadbandQuote(request, 'bld-jinmao-tower')
        const invoice = { kind: 'special' as const, title: '上海测试科技有限公司', taxpayerId: '91330100716105852F', address: '上海市浦东新区世纪大道88号', phone: '021-12345678', bank: '招商银行上海分行', account: '6222021234567890' }
        const order = await placeOrder(request, quoteId, { buildingId: 'bld-jinmao-tower', method: 'invoice', lang, invoice })
        await page.goto(new URL(order.trackingUrl).pathname + new URL(order.trackingUrl).search)
        await expect(page.getByTestId('invoice-details')).toContainText(w.special)
        await expect(page.getByText(lang === 'zh' ? '需改开专用发票' : 'need a special invoice')).toHaveCount(0)
        await expect(page.getByText(lang === 'zh' ? '发票信息有误，请联系您的楼宇经理' : 'Something wrong? Tell your building manager')).toBeVisible()
      })
    })
  }
}
