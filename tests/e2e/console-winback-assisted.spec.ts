import { expect, test, type Page } from '@playwright/test'
import { WIN_BACK_CODE_PATTERN } from '../../server/domain/win-back-code'
import { checkConsolePage, signInToConsole } from './support/console'
import { readDatabase } from './support/database'
import { chooseFirstMorning, fillCheckout, waitForCheckout, waitForConfigurator } from './support/pages'

/** The demo building manager (db/seed/demo-staff.ts): Wang Jing, whose buildings include Jin Mao Tower. */
const MANAGER = 'manager@example.com'
const JIN_MAO = 'bld-jinmao-tower'
const CREDIT_CODE = '91330100716105852F'

/** The mails of one kind to one address, as the outbox holds them (SMTP is off in the test run). */
const mailsTo = (kind: string, recipient: string) =>
  readDatabase((db) => db.prepare('select lang, payload_json from outbox where kind = ? and recipient = ?').all(kind, recipient) as { lang: string; payload_json: string }[]).map(
    (mail) => ({ lang: mail.lang, payload: JSON.parse(mail.payload_json) as Record<string, unknown> }),
  )

/** The assisted-quote form for the seed's case: ¥11,000 a month declared for each of 3 months, and the X to agree (yuan). */
async function fillAssistedQuote(page: Page, x: string) {
  await page.locator('#aq-building').selectOption(JIN_MAO)
  await page.getByLabel('公司名称').fill('上海三家运营商贸易有限公司')
  await page.getByLabel('统一社会信用代码').fill(CREDIT_CODE)
  await page.getByLabel('联系人', { exact: true }).fill('韩梅梅')
  await page.getByLabel('联系人邮箱').fill('han.meimei@example.com')
  for (const month of [1, 2, 3]) await page.locator(`#aq-prior${month}`).fill('11,000')
  await page.getByLabel('商定的 X（元/月）').fill(x)
  await page.getByLabel('商定理由').fill('核对三家运营商账单后商定')
}

test('a building manager issues a win-back code, the customer enters it in the storefront and orders, and the code shows as used', async ({ page, browser }) => {
  test.setTimeout(120_000)
  await page.goto('/console/offer-codes')
  await signInToConsole(page, MANAGER)
  await expect(page).toHaveURL(/\/console\/offer-codes$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('回归优惠码')

  await page.getByLabel('公司名称').fill('上海回归测试有限公司')
  await page.getByLabel('统一社会信用代码').fill(CREDIT_CODE)
  await page.locator('#code-building').selectOption(JIN_MAO)
  await page.getByLabel('客户联系人邮箱（可选）').fill('returning@example.com')
  await page.getByRole('button', { name: '发放优惠码' }).click()
  await expect(page.getByRole('status')).toHaveText('优惠码已发放，见列表第一行。')
  const issued = page.locator('tbody tr').first()
  await expect(issued).toHaveAttribute('data-state', 'sent')
  const code = (await issued.getAttribute('data-code'))!
  expect(code).toMatch(WIN_BACK_CODE_PATTERN)
  expect(mailsTo('win_back_offer', 'returning@example.com').map((mail) => mail.payload.code)).toEqual([code])
  await checkConsolePage(page, 'offer-codes-zh')

  // The customer types the code from the mail into the storefront, configures the offer and orders it.
  const customer = await browser.newPage()
  await customer.goto('/offer')
  await customer.getByLabel('优惠码').fill(code.toLowerCase())
  await customer.getByRole('button', { name: '查看专属套餐' }).click()
  const offer = customer.getByTestId('offer')
  await expect(offer).toContainText('上海回归测试有限公司')
  await offer.getByRole('link', { name: '配置并下单' }).click()
  await waitForConfigurator(customer)
  // A returning customer keeps the services they have: the plan needs no new line.
  await customer.locator('#cfg-status input[value="existing"]').check()
  const quoted = customer.waitForResponse((response) => new URL(response.url()).pathname === '/api/quotes' && response.request().postDataJSON()?.offerCode === code)
  for (const input of await customer.locator('#cfg-prior input').all()) await input.fill('9000')
  expect((await quoted).status()).toBe(201)
  await expect(customer.locator('.configurator__result')).not.toHaveClass(/is-stale/)
  await customer.getByTestId('checkout-link').click()
  await waitForCheckout(customer)
  await fillCheckout(customer, { companyName: '上海回归测试有限公司', creditCode: CREDIT_CODE, contactName: '赵六', mobile: '13812345678', email: 'returning@example.com', buildingId: JIN_MAO, floor: '30', unit: '3001' })
  await chooseFirstMorning(customer, /^上午/)
  const transfer = customer.getByRole('radio', { name: /^对公转账/ })
  if ((await transfer.count()) > 0) await transfer.check()
  await customer.getByLabel(/我已阅读并同意上述合约条款/).check()
  await customer.getByRole('button', { name: /^提交订单/ }).click()
  await expect(customer).toHaveURL(/\/orders\/SO\d{6}-[0-9A-Z]{6}\?token=/)
  const number = new URL(customer.url()).pathname.split('/').at(-1)!

  // Back in the console: the code is used, by that order; it can no longer be revoked.
  await page.goto('/console/offer-codes?state=used')
  const used = page.locator(`tr[data-code="${code}"]`)
  await expect(used).toHaveAttribute('data-state', 'used')
  await expect(used.getByTestId('code-state')).toHaveText('已使用')
  await expect(used.getByRole('link', { name: number })).toBeVisible()
  await expect(used.getByRole('button')).toHaveCount(0)

  // A second code, revoked with a reason: the storefront says it was withdrawn.
  await page.goto('/en/console/offer-codes')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Win-back codes')
  await page.getByLabel('Company name').fill('Shanghai Second Chance Ltd.')
  await page.getByLabel('Unified social credit code').fill(CREDIT_CODE)
  await page.getByRole('button', { name: 'Issue code' }).click()
  const second = page.locator('tbody tr').first()
  const secondCode = (await second.getAttribute('data-code'))!
  await second.getByLabel('Why it is revoked').fill('The customer renewed with their carrier')
  await second.getByRole('button', { name: 'Revoke code' }).click()
  await expect(page.getByRole('status')).toHaveText('The code is revoked; the customer can no longer use it.')
  await expect(page.locator(`tr[data-code="${secondCode}"]`)).toHaveAttribute('data-state', 'revoked')
  await checkConsolePage(page, 'offer-codes-en')
  await customer.goto(`/en/offer?code=${secondCode}`)
  await expect(customer.getByTestId('offer-code-error')).toContainText('withdrawn by your building manager')
})

test('a building manager makes an assisted quote with a negotiated X; the proposal link is mailed to the customer', async ({ page, browser }) => {
  test.setTimeout(60_000)
  await page.goto('/console/assisted-quotes')
  await signInToConsole(page, MANAGER)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('协商报价')
  // The band is the price book's, said from its data.
  await expect(page.getByTestId('band').first()).toContainText('±30%')

  // ¥3,000 + ¥5,000 + ¥3,000 a month with three carriers: ¥11,000 declared; first an X too low.
  await fillAssistedQuote(page, '7000')
  await page.getByRole('button', { name: '保存报价并发送给客户' }).click()
  // ¥7,000 is below 70 % of ¥11,000: refused, nothing sent.
  await expect(page.getByRole('alert')).toContainText('协商的 X 超出了允许范围')
  expect(mailsTo('assisted_quote_proposal', 'han.meimei@example.com')).toEqual([])

  await fillAssistedQuote(page, '8000')
  await page.getByRole('button', { name: '保存报价并发送给客户' }).click()
  await expect(page.getByRole('status')).toContainText('报价已保存')
  const row = page.locator('tbody tr').first()
  await expect(row).toContainText('申报 ¥11,000.00 → 商定 ¥8,000.00')
  await expect(row).toContainText('王静 Wang Jing')
  await expect(row).toContainText('核对三家运营商账单后商定')
  const quoteId = (await row.getAttribute('data-quote'))!
  await checkConsolePage(page, 'assisted-quotes-zh')

  // The mail to the customer carries the proposal link.
  const [mail] = mailsTo('assisted_quote_proposal', 'han.meimei@example.com')
  expect(mail.lang).toBe('zh')
  expect(mail.payload.proposalUrl).toMatch(new RegExp(`/quotes/${quoteId}$`))
  expect(mail.payload).toMatchObject({ x: 800000, monthly: 880000 })

  // Staff see on the proposal who set X and why; the customer sees the agreed X, not the note.
  await page.getByTestId('proposal-link').first().click()
  await expect(page.getByTestId('assisted-note')).toContainText('核对三家运营商账单后商定')
  const customer = await browser.newPage()
  const proposal = await customer.goto(new URL(mail.payload.proposalUrl as string).pathname)
  expect(proposal?.status()).toBe(200)
  await expect(customer.locator('main')).toContainText('¥8,000.00')
  await expect(customer.getByTestId('assisted-note')).toHaveCount(0)

  await page.goto('/en/console/assisted-quotes')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Assisted quotes')
  await expect(page.locator(`tr[data-quote="${quoteId}"]`)).toContainText('declared ¥11,000.00 → agreed ¥8,000.00')
})

test('a refused win-back code form comes back as typed with the wrong field named; a full-width credit code is taken', async ({ page }) => {
  await page.goto('/console/offer-codes')
  await signInToConsole(page, 'marketing@example.com')
  const form = page.locator('form[action="/api/console/offer-codes"]')
  await form.getByLabel('公司名称').fill('上海退回测试有限公司')
  // The last character does not check the others.
  await form.getByLabel('统一社会信用代码').fill('91330100716105852A')
  await form.locator('#code-building').selectOption(JIN_MAO)
  await form.getByLabel('客户联系人邮箱（可选）').fill('back.test@example.com')
  await form.getByRole('button', { name: '发放优惠码' }).click()

  await expect(page.getByRole('alert')).toHaveText('统一社会信用代码为 18 位，最后一位是校验码，这个代码校验不通过。请对照营业执照核对。')
  await expect(form.getByLabel('统一社会信用代码')).toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByLabel('公司名称')).toHaveValue('上海退回测试有限公司')
  await expect(form.getByLabel('统一社会信用代码')).toHaveValue('91330100716105852A')
  await expect(form.locator('#code-building')).toHaveValue(JIN_MAO)
  await expect(form.getByLabel('客户联系人邮箱（可选）')).toHaveValue('back.test@example.com')
  expect(page.url()).not.toMatch(/退回|back\.test|852A/)

  await form.getByLabel('统一社会信用代码').fill('９１３３０１００７１６１０５８５２Ｆ')
  await form.getByRole('button', { name: '发放优惠码' }).click()
  await expect(page.getByRole('status')).toBeVisible()
  await expect(page.locator('tbody tr').filter({ hasText: '上海退回测试有限公司' })).toHaveCount(1)
})
