import { expect, test } from '@playwright/test'
import { waitForConfigurator } from './support/pages'
import { viewports } from './support/viewports'
import { reviewScreenshot } from './support/review-screenshot'

/** The seed's win-back code (db/seed/seed.ts): evergreen-winback for one company at one building. */
const CODE = 'WB-TEST-0001'

const words = {
  zh: { title: '使用优惠码', unknown: '没有找到这个优惠码', offer: '您的专属套餐', configure: '配置并下单', haveCode: '有楼宇经理给的优惠码？' },
  en: { title: 'Use an offer code', unknown: 'We could not find this offer code', offer: 'Your offer', configure: 'Configure and order', haveCode: 'Have an offer code from your building manager?' },
}

for (const { name: screen, viewport } of viewports) {
  for (const lang of ['zh', 'en'] as const) {
    const prefix = lang === 'zh' ? '' : '/en'
    const w = words[lang]

    test.describe(`offer codes (${screen}, ${lang})`, () => {
      test.use({ viewport })

      test('without a code the win-back offering does not exist', async ({ page }) => {
        expect((await page.goto(`${prefix}/bundles/evergreen-winback`))?.status()).toBe(404)
        expect((await page.goto(`${prefix}/configure/evergreen-winback`))?.status()).toBe(404)
        expect((await page.goto(`${prefix}/configure/evergreen-winback?code=WB-NOPE-0000`))?.status()).toBe(404)
        const home = await page.goto(`${prefix}/`)
        expect(home?.status()).toBe(200)
        await expect(page.locator('a[href*="evergreen-winback"]')).toHaveCount(0)
      })

      test('a wrong code is refused with a sentence saying what to do, next to the field, with what was typed', async ({ page }) => {
        await page.goto(`${prefix}/offer`)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.title)
        await page.getByLabel(lang === 'zh' ? '优惠码' : 'Offer code').fill('wb-wrong-1234')
        await page.getByRole('button', { name: lang === 'zh' ? '查看专属套餐' : 'See my offer' }).click()
        await expect(page).toHaveURL(/\/offer\?code=wb-wrong-1234$/)
        await expect(page.getByTestId('offer-code-error')).toContainText(w.unknown)
        await expect(page.locator('#offer-code')).toHaveValue('wb-wrong-1234')
        await expect(page.locator('#offer-code')).toHaveAttribute('aria-invalid', 'true')
        await reviewScreenshot(page, { path: `test-results/screenshots/offer-code-refused-${lang}-${screen}.png`, fullPage: true })
      })

      test('the code (typed in the configurator, lower case) opens the offering, priced with the code, at its building', async ({ page }) => {
        await page.goto(`${prefix}/configure/evergreen`)
        await waitForConfigurator(page)
        const form = page.getByRole('form', { name: w.haveCode })
        await form.getByRole('textbox').fill(CODE.toLowerCase())
        await form.getByRole('button').click()
        await expect(page).toHaveURL(new RegExp(`/offer\\?code=${CODE.toLowerCase()}$`))
        const offer = page.getByTestId('offer')
        await expect(offer).toContainText(w.offer)
        await expect(offer).toContainText('上海示例贸易有限公司')
        await reviewScreenshot(page, { path: `test-results/screenshots/offer-code-offer-${lang}-${screen}.png`, fullPage: true })

        await offer.getByRole('link', { name: w.configure }).click()
        await expect(page).toHaveURL(new RegExp(`${prefix}/configure/evergreen-winback\\?code=${CODE}&building=`))
        await waitForConfigurator(page)
        // The live quote is stored with the code (no alternatives to compare: one term, one plan).
        const quoted = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/quotes' && response.request().postDataJSON()?.offerCode === CODE)
        await page.locator('#cfg-prior input').first().fill('9000')
        expect((await quoted).status()).toBe(201)
        await expect(page.getByTestId('checkout-link')).toHaveAttribute('href', /\/checkout\//)
      })
    })
  }
}
