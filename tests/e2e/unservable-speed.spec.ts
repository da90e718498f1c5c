import { expect, test } from '@playwright/test'
import { ordersForQuote } from './support/database'
import { chooseFirstMorning, fillCheckout, waitForCheckout, waitForConfigurator } from './support/pages'
import { reviewScreenshot } from './support/review-screenshot'

/** Lujiazui Business Plaza: free ports and a manager, but its riser carries at most 300 Mbps. */
const SLOW_BUILDING = 'bld-lujiazui-business-plaza'

test.describe('only what the building can deliver is offered and sold', () => {
  test('the configurator shows 1000M disabled with the reason and starts on the fastest speed the building carries', async ({ page }) => {
    // A large company asking for 1000M would start on it anywhere else.
    const response = await page.goto(`/configure/bb-express?building=${SLOW_BUILDING}&size=gt200&broadband=bb-1000`)
    expect(response?.status()).toBe(200)
    await waitForConfigurator(page)
    await expect(page.locator('.configure__building')).toContainText('陆家嘴商务广场')

    const gigabit = page.getByRole('radio', { name: /1000M/ })
    await expect(gigabit).toBeDisabled()
    await expect(gigabit).not.toBeChecked()
    await expect(page.locator('.choice', { has: gigabit })).toContainText('您的楼宇暂不能提供（最高 300M）')
    await expect(gigabit).toHaveAccessibleDescription('您的楼宇暂不能提供（最高 300M）')
    await expect(page.getByRole('radio', { name: /300M/ })).toBeChecked()
    await expect(page.getByRole('radio', { name: /100M/ })).toBeEnabled()

    // A click on the disabled choice changes nothing; the quote stays the 300M one, without an error.
    await page.locator('.choice', { has: gigabit }).click({ force: true })
    await expect(gigabit).not.toBeChecked()
    await expect(page.locator('.configurator__result')).not.toHaveClass(/is-stale/)
    await expect(page.getByTestId('quote-error')).toHaveCount(0)
    await expect(page.locator('.configurator__result')).toContainText('网络快车 300M（安装费）')
    await expect(page.getByTestId('checkout-link')).toBeVisible()

    await reviewScreenshot(page.locator('#cfg-group\\.0'), { path: 'test-results/screenshots/unservable-speed-zh.png' })
  })

  test('in English the reason is in English', async ({ page }) => {
    await page.goto(`/en/configure/bb-express?building=${SLOW_BUILDING}&size=gt200`)
    await waitForConfigurator(page)
    const gigabit = page.getByRole('radio', { name: /1 ?Gbps|1000/ })
    await expect(gigabit).toBeDisabled()
    await expect(gigabit).toHaveAccessibleDescription('Not available in your building (up to 300 Mbps)')
    await expect(page.getByRole('radio', { name: /300/ })).toBeChecked()
    await reviewScreenshot(page.locator('#cfg-group\\.0'), { path: 'test-results/screenshots/unservable-speed-en.png' })
  })

  test('a 1000M quote made without a building cannot be ordered there: the checkout names the alternative', async ({ page }) => {
    const quoted = await page.request.post('/api/quotes', {
      data: { offering: 'bb-express', options: { payment: 'monthly' }, termMonths: 0, items: { 'bb-1000': 1 }, customer: { status: 'new' } },
    })
    expect(quoted.status(), await quoted.text()).toBe(201)
    const quoteId = ((await quoted.json()) as { id: string }).id

    await page.goto(`/checkout/${quoteId}`)
    await waitForCheckout(page)
    await fillCheckout(page, {
      companyName: '上海测试科技有限公司',
      creditCode: '91330100716105852F',
      contactName: '张三',
      mobile: '13812345678',
      email: 'zhang.san@example.com',
      buildingId: SLOW_BUILDING,
      floor: '8',
      unit: '801',
    })
    await chooseFirstMorning(page, /^上午/)
    await page.getByRole('radio', { name: /^对公转账/ }).check()
    await page.getByLabel(/我已阅读并同意/).check()
    await page.getByRole('button', { name: '提交订单' }).click()

    const failure = page.getByTestId('checkout-error')
    await expect(failure).toContainText('您所在的楼宇暂时无法提供所选的服务')
    await expect(failure).toContainText('可改选网络快车 300M（每月 ¥880.00）')
    await expect(page).toHaveURL(new RegExp(`/checkout/${quoteId}$`))
    expect(ordersForQuote(quoteId)).toEqual([])
  })
})
