import { expect, test } from '@playwright/test'
import { defaultOperator } from '../../server/domain/operator'
import { createFixedBroadbandQuote } from './support/orders'
import { waitForCheckout } from './support/pages'
import { viewports } from './support/viewports'
import { reviewScreenshot } from './support/review-screenshot'

const words = {
  zh: { agreement: '企业融合套餐服务协议', privacy: '隐私政策', agreementLink: '服务协议', privacyLink: '隐私政策', hotline: '企业客户热线', effective: '2026年12月1日' },
  en: { agreement: 'Service agreement for business bundles', privacy: 'Privacy policy', agreementLink: 'Service agreement', privacyLink: 'Privacy policy', hotline: 'Business hotline', effective: '1 Dec 2026' },
}

for (const { name: screen, viewport } of viewports) {
  for (const lang of ['zh', 'en'] as const) {
    const prefix = lang === 'zh' ? '' : '/en'
    const w = words[lang]

    test.describe(`agreement, privacy policy and footer (${screen}, ${lang})`, () => {
      test.use({ viewport })

      test('every page’s footer names the operator, its hotline and ICP filing, and links both documents', async ({ page }) => {
        await page.goto(`${prefix}/`)
        const footer = page.locator('footer.site-footer')
        await expect(footer.getByTestId('footer-operator')).toHaveText(`${defaultOperator.name[lang]} · ${w.hotline} ${defaultOperator.hotline}`)
        await expect(footer.getByTestId('icp-licence')).toHaveText(defaultOperator.icpLicence)
        await footer.getByRole('link', { name: w.agreementLink }).click()
        await expect(page).toHaveURL(new RegExp(`${prefix}/agreement$`))
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.agreement)
        await expect(page.locator('main')).toContainText(w.effective)
        await expect(page.locator('main')).toContainText(defaultOperator.hotline)
        await reviewScreenshot(page, { path: `test-results/screenshots/agreement-${lang}-${screen}.png`, fullPage: true })
        await page.locator('footer.site-footer').getByRole('link', { name: w.privacyLink }).click()
        await expect(page).toHaveURL(new RegExp(`${prefix}/privacy$`))
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.privacy)
        await expect(page.locator('main')).toContainText(defaultOperator.privacyEmail)
        await reviewScreenshot(page, { path: `test-results/screenshots/privacy-${lang}-${screen}.png`, fullPage: true })
      })

      test('the checkout links both documents where the terms are accepted, opening beside the form', async ({ page, request }) => {
        const quoteId = await createFixedBroadbandQuote(request)
        await page.goto(`${prefix}/checkout/${quoteId}`)
        await waitForCheckout(page)
        const accept = page.locator('label.checkout__accept')
        await expect(accept.getByRole('link', { name: w.agreementLink })).toHaveAttribute('href', `${prefix}/agreement`)
        await expect(accept.getByRole('link', { name: w.privacyLink })).toHaveAttribute('href', `${prefix}/privacy`)
        await expect(accept.getByRole('link', { name: w.agreementLink })).toHaveAttribute('target', '_blank')
      })
    })
  }
}
