import { expect, test, type Page } from '@playwright/test'
import { checkoutText } from '../../src/lib/checkout-text'
import { createFixedBroadbandQuote } from './support/orders'
import { waitForCheckout, verifyCheckoutEmail } from './support/pages'
import { viewports } from './support/viewports'
import { reviewScreenshot } from './support/review-screenshot'

/** The seven text fields, as a customer types them: a mobile number with spaces and a full-width credit code (an input method's). */
const typed = {
  companyName: '上海示例贸易有限公司',
  creditCode: '９１３３０１００７１６１０５８５２Ｆ',
  contactName: '李文',
  mobile: '138 1234 5678',
  email: 'li.wen@example.com',
  floor: '21',
  unit: '2105',
}
/** A special invoice's registered details (their fields exist only once that kind is chosen). */
const registered = {
  'invoice.address': '上海市静安区南京西路1号',
  'invoice.phone': '021-61234567',
  'invoice.bank': '招商银行上海分行',
  'invoice.account': '1234567890123456',
}
const wrongCheckCharacter = '91330100716105852A'

async function typeAll(page: Page, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) await page.locator(`[id="checkout-${name}"]`).fill(value)
}

async function expectValuesKept(page: Page, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) await expect(page.locator(`[id="checkout-${name}"]`), name).toHaveValue(value)
}

for (const { name: screen, viewport } of viewports) {
  for (const lang of ['zh', 'en'] as const) {
    const t = checkoutText(lang)
    const prefix = lang === 'zh' ? '' : '/en'

    test.describe(`checkout errors keep what was typed (${screen}, ${lang})`, () => {
      test.use({ viewport })

      // The choices came back as the page's defaults (found trying the checkout): a customer who did
      // not look again was booked on the first day, and lost a special invoice's details.
      test('switching language, Reload and Back keep what was typed and chosen', async ({ page, request }) => {
        const quoteId = await createFixedBroadbandQuote(request, 'bld-raffles-city')
        await page.goto(`${prefix}/checkout/${quoteId}`)
        await waitForCheckout(page)
        await typeAll(page, typed)
        const day = page.locator('#checkout-date')
        const secondDay = (await day.locator('option').nth(1).getAttribute('value'))!
        await day.selectOption(secondDay)
        await page.locator('input[name="slot"][value="pm"]').check()
        await page.locator('input[name="invoice.kind"][value="special"]').check()
        await typeAll(page, registered)
        const expectAllKept = async () => {
          await expectValuesKept(page, { ...typed, ...registered })
          await expect(day).toHaveValue(secondDay)
          await expect(page.locator('input[name="slot"][value="pm"]')).toBeChecked()
          await expect(page.locator('input[name="invoice.kind"][value="special"]')).toBeChecked()
        }
        await page.getByRole('link', { name: lang === 'zh' ? 'English' : '中文' }).click()
        await expect(page).toHaveURL(new RegExp(`${lang === 'zh' ? '/en' : ''}/checkout/${quoteId}`))
        await waitForCheckout(page)
        await expectAllKept()
        await page.reload()
        await waitForCheckout(page)
        await expectAllKept()
        await page.goBack()
        await waitForCheckout(page)
        await expectAllKept()
      })

      // Found trying the checkout: a code pasted in groups was cut at 18 characters, spaces counted, then called wrong.
      test('a credit code typed or pasted in groups of four is kept whole', async ({ page, request }) => {
        await page.goto(`${prefix}/checkout/${await createFixedBroadbandQuote(request, 'bld-raffles-city')}`)
        await waitForCheckout(page)
        const creditCode = page.locator('#checkout-creditCode')
        await creditCode.pressSequentially('9133 0100 7161 0585 2F')
        await expect(creditCode).toHaveValue('9133 0100 7161 0585 2F')
        await page.locator('form.checkout button[type="submit"]').click()
        await expect(page.locator('#checkout-creditCode-error')).toHaveCount(0)
      })

      test('ordering before the e-mail is verified says so at the address; verifying it answers that, and the keyboard goes on from the next control', async ({ page, request }) => {
        const quoteId = await createFixedBroadbandQuote(request, 'bld-raffles-city')
        await page.goto(`${prefix}/checkout/${quoteId}`)
        await waitForCheckout(page)
        await typeAll(page, typed)
        await page.locator('#checkout-acceptTerms').check()
        await page.locator('form.checkout button[type="submit"]').click()
        const email = page.locator('#checkout-email')
        await expect(page.locator('#checkout-email-error')).toHaveText(t.verification.verifyFirst)
        await expect(email).toBeFocused()

        await verifyCheckoutEmail(page)
        await expect(page.locator('#checkout-email-error')).toHaveCount(0)
        await expect(email).toHaveAttribute('aria-invalid', 'false')
        await expect(page.getByTestId('follow-up-consent')).toBeFocused()
      })

      test('a wrong check character, a field the server refuses and a 409: values stay, the error sits at its field, focus goes there', async ({ page, request }) => {
        const quoteId = await createFixedBroadbandQuote(request, 'bld-raffles-city')
        await page.goto(`${prefix}/checkout/${quoteId}`)
        await waitForCheckout(page)
        await typeAll(page, { ...typed, creditCode: wrongCheckCharacter })
        await verifyCheckoutEmail(page)
        await page.locator('#checkout-acceptTerms').check()
        const submit = page.locator('form.checkout button[type="submit"]')

        // 1. The client's own check: only the credit code is wrong.
        await submit.click()
        const creditCode = page.locator('#checkout-creditCode')
        await expect(page.locator('#checkout-creditCode-error')).toHaveText(t.badCreditCode)
        await expect(creditCode).toBeFocused()
        await expect(creditCode).toHaveAttribute('aria-invalid', 'true')
        await expect(creditCode).toHaveAttribute('aria-describedby', /checkout-creditCode-error/)
        await expectValuesKept(page, { ...typed, creditCode: wrongCheckCharacter })
        await expect(page.locator('.field .error')).toHaveCount(1)
        await reviewScreenshot(page, { path: `test-results/screenshots/checkout-error-credit-code-${lang}-${screen}.png`, fullPage: true })

        // 2. The server refuses a field: it is shown there, and focus moves to it.
        await creditCode.fill(typed.creditCode)
        const sent: Record<string, unknown>[] = []
        await page.route('**/api/orders', async (route) => {
          sent.push(route.request().postDataJSON() as Record<string, unknown>)
          await route.fulfill({
            status: 400,
            json: { error: { code: 'invalid_request', message: 'Invalid request', issues: [{ path: 'contact.email', message: 'Invalid email' }] } },
          })
        })
        await submit.click()
        const email = page.locator('#checkout-email')
        await expect(page.locator('#checkout-email-error')).toHaveText(t.badEmail)
        await expect(email).toBeFocused()
        await expectValuesKept(page, typed)
        // What the input method typed is sent as the ASCII the server checks.
        expect(sent[0]).toMatchObject({ company: { creditCode: '91330100716105852F' }, contact: { mobile: '13812345678' } })

        // 3. A 409 (the submission conflicts with an earlier one): the notice says so and takes the focus; nothing is emptied.
        await page.unroute('**/api/orders')
        await page.route('**/api/orders', (route) =>
          route.fulfill({ status: 409, json: { error: { code: 'idempotency_conflict', message: 'Conflict' } } }),
        )
        await submit.click()
        const notice = page.getByTestId('checkout-error')
        await expect(notice).toHaveText(t.errors.idempotency_conflict)
        await expect(notice).toBeFocused()
        await expect(page.locator('.field .error')).toHaveCount(0)
        await expectValuesKept(page, typed)
        await expect(page.locator('#checkout-acceptTerms')).toBeChecked()
        await reviewScreenshot(page, { path: `test-results/screenshots/checkout-error-409-${lang}-${screen}.png`, fullPage: true })
      })
    })
  }
}
