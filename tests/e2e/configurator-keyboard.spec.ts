import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { formatYuan } from '../../server/pricing/money'
import { configuratorText, fill } from '../../src/lib/configurator-text'
import type { OfferingDetail } from '../../src/islands/configurator/configuration'
import { enterSpend, waitForConfigurator } from './support/pages'
import { viewports } from './support/viewports'
import { reviewScreenshot } from './support/review-screenshot'

/** The offering as the API describes it: limits in the expected sentences come from here, never from the test. */
async function offeringDetail(request: APIRequestContext, slug: string): Promise<OfferingDetail> {
  const response = await request.get(`/api/offerings/${slug}`)
  expect(response.status()).toBe(200)
  return (await response.json()) as OfferingDetail
}

/** The quote on screen is current again: priced for what the form says, and orderable. */
async function expectOrderable(page: Page) {
  await expect(page.getByTestId('quote-result')).not.toHaveClass(/is-stale/, { timeout: 15_000 })
  await expect(page.getByTestId('checkout-link')).toHaveAttribute('href', /\/checkout\//)
  await expect(page.getByTestId('checkout-link')).not.toHaveAttribute('aria-disabled', 'true')
}

for (const { name: screen, viewport } of viewports) {
  for (const lang of ['zh', 'en'] as const) {
    const t = configuratorText(lang)
    const prefix = lang === 'zh' ? '' : '/en'

    test.describe(`the configurator by keyboard alone (${screen}, ${lang})`, () => {
      test.use({ viewport })

      test('a count takes several keys, Backspace and the arrows, keeps its focus, and names the offering’s limits', async ({ page, request }) => {
        const detail = await offeringDetail(request, 'fixed-broadband')
        const fixedLine = detail.components.find((component) => component.code === 'fixed-line')!
        await page.goto(`${prefix}/configure/fixed-broadband`)
        await waitForConfigurator(page)
        const lines = page.locator('[id="cfg-items.fixed-line"]')
        const error = page.locator('[id="cfg-items.fixed-line-error"]')
        const order = page.getByTestId('checkout-link')
        await expectOrderable(page)

        await lines.focus()
        await page.keyboard.press('ControlOrMeta+a')
        await page.keyboard.type('12')
        await expect(lines).toHaveValue('12')
        await expect(lines).toBeFocused()
        await expect(error).toHaveText(fill(t.limits.countRange, { name: fixedLine.name[lang], min: fixedLine.min, max: fixedLine.max }))
        await expect(lines).toBeFocused()
        await expect(lines).toHaveAttribute('aria-invalid', 'true')
        await expect(lines).toHaveAttribute('aria-describedby', /cfg-items\.fixed-line-error/)

        // The last quote is out of date and cannot be ordered; the reason is what the link is described by.
        await expect(page.getByTestId('quote-result')).toHaveClass(/is-stale/)
        await expect(order).toHaveAttribute('aria-disabled', 'true')
        await expect(order).not.toHaveAttribute('href', /./)
        await expect(order).toHaveAttribute('aria-describedby', 'quote-stale')
        await expect(page.locator('#quote-stale')).toContainText(t.staleInvalid)
        const bar = page.getByTestId('quote-bar')
        if (screen === 'phone') {
          await expect(bar).toBeVisible()
          await expect(bar).toHaveAttribute('aria-disabled', 'true')
          await expect(bar).not.toHaveAttribute('href', /./)
          await expect(bar).toHaveAttribute('aria-describedby', 'quote-stale')
          await expect(bar).toContainText(t.staleBar)
        }
        await reviewScreenshot(page, { path: `test-results/screenshots/configurator-count-limit-${lang}-${screen}.png`, fullPage: screen === 'desktop' })
        if (screen === 'phone') {
          await page.locator('[id="cfg-items.fixed-line"]').scrollIntoViewIfNeeded()
          await reviewScreenshot(page, { path: `test-results/screenshots/configurator-count-limit-field-${lang}-${screen}.png` })
        }

        if (screen === 'phone') {
          // Found trying the configurator on a phone: a field reached by the keyboard stayed under the
          // quote bar, its error hidden. With the field scrolled down to the bar, leaving and coming back by
          // Tab brings it and its error above the bar.
          await lines.evaluate((field) => window.scrollBy(0, field.getBoundingClientRect().bottom - window.innerHeight + 10))
          await page.keyboard.press('Shift+Tab')
          await page.keyboard.press('Tab')
          await expect(lines).toBeFocused()
          const barTop = (await bar.boundingBox())!.y
          const errorBox = (await error.boundingBox())!
          expect(errorBox.y + errorBox.height).toBeLessThanOrEqual(barTop)
          // Tab selected the count: the caret goes back to its end.
          await page.keyboard.press('End')
        }

        await page.keyboard.press('Backspace')
        await expect(lines).toHaveValue('1')
        await expect(error).toHaveCount(0)
        await expectOrderable(page)
        await expect(lines).toBeFocused()
        if (screen === 'phone') await expect(bar).toHaveAttribute('href', '#quote-heading')

        await page.keyboard.press('ArrowUp')
        await page.keyboard.press('ArrowUp')
        await expect(lines).toHaveValue('3')
        await page.keyboard.press('ArrowDown')
        await expect(lines).toHaveValue('2')
        await expectOrderable(page)
        await expect(lines).toBeFocused()
        await expect(lines).toHaveAttribute('aria-valuenow', '2')

        // Full-width digits from a Chinese input method are a count like any other.
        await page.keyboard.press('ControlOrMeta+a')
        await page.keyboard.insertText('４')
        await expect(lines).toHaveValue('４')
        await expect(lines).toHaveAttribute('aria-valuenow', '4')
        await expectOrderable(page)
        await expect(error).toHaveCount(0)

        // The term by keyboard: the select keeps focus while the quote follows.
        const term = page.locator('#cfg-term')
        const before = await term.inputValue()
        await term.focus()
        await page.keyboard.press(before === String(Math.max(...detail.terms)) ? 'ArrowUp' : 'ArrowDown')
        await expect(term).not.toHaveValue(before)
        await expectOrderable(page)
        await expect(term).toBeFocused()
      })

      test('amounts take full-width digits and separators; a third decimal and a spend below the minimum say why', async ({ page, request }) => {
        const detail = await offeringDetail(request, 'evergreen')
        await page.goto(`${prefix}/configure/evergreen`)
        await waitForConfigurator(page)
        const prior = page.locator('#cfg-prior input')
        const error = page.locator('#cfg-prior-error')

        await enterSpend(page, ['１２００', '1,200', '1 200'], ['１，０００'])
        await expectOrderable(page)
        await expect(page.locator('#cfg-current-error')).toHaveCount(0)
        await expect(error).toHaveCount(0)

        await prior.nth(2).focus()
        await page.keyboard.press('ControlOrMeta+a')
        await page.keyboard.type('12.345')
        await expect(prior.nth(2)).toHaveValue('12.345')
        await expect(prior.nth(2)).toBeFocused()
        await expect(error).toHaveText(t.typed.amount.too_many_decimals)
        await expect(prior.nth(2)).toHaveAttribute('aria-describedby', 'cfg-prior-error')
        await expect(page.getByTestId('checkout-link')).toHaveAttribute('aria-disabled', 'true')

        // Below the plan's minimum: the sentence names the minimum (from the offering) and links to bundles that fit.
        await enterSpend(page, ['400', '400', '400'], [''])
        const minimum = detail.averageSpend!.min
        await expect(error).toContainText(fill(t.limits.belowMinimum, { min: formatYuan(minimum, lang), x: formatYuan(40000, lang) }))
        const links = error.locator('a')
        expect(await links.count()).toBeGreaterThan(0)
        for (const href of await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')))) {
          expect(href).toMatch(new RegExp(`^${prefix}/bundles/[a-z0-9-]+$`))
        }
        await expect(page.getByTestId('checkout-link')).toHaveAttribute('aria-disabled', 'true')
        await error.scrollIntoViewIfNeeded()
        await reviewScreenshot(page, { path: `test-results/screenshots/configurator-below-minimum-${lang}-${screen}.png` })
        // Its first link leads to a bundle page that exists.
        const first = await links.first().getAttribute('href')
        expect((await request.get(first!)).status()).toBe(200)
      })
    })
  }
}
