import { expect, test } from '@playwright/test'
import { formatYuan } from '../../server/pricing/money'
import { MAX_DECLARED_AMOUNT } from '../../server/schemas/quote-request'
import { configuratorText, fill } from '../../src/lib/configurator-text'
import { enterSpend, unlabelledControls, waitForConfigurator } from './support/pages'

const t = configuratorText('zh')

test.describe('the configurator shows a refused configuration next to the field that caused it', () => {
  test('too many mobile lines: the error sits on the count field, names the limit, and goes away when corrected', async ({ page, request }) => {
    const detail = await (await request.get('/api/offerings/fixed-mobile')).json()
    const mobile = detail.components.find((component: { code: string }) => component.code === 'mobile-line')
    const response = await page.goto('/configure/fixed-mobile')
    expect(response?.status()).toBe(200)
    await waitForConfigurator(page)
    const lines = page.locator('[id="cfg-items.mobile-line"]')
    const field = page.locator('.field', { has: lines })
    const error = field.locator('.error')
    const result = page.locator('.configurator__result')
    await expect(page.getByTestId('monthly-bill')).toBeVisible()

    await lines.fill('6')
    await expect(error).toBeVisible()
    await expect(error).toHaveText(fill(t.limits.countRange, { name: mobile.name.zh, min: mobile.min, max: mobile.max }))
    await expect(lines).toHaveAttribute('aria-invalid', 'true')
    await expect(lines).toHaveAttribute('aria-describedby', /cfg-items\.mobile-line-error/)
    await expect(result).toHaveClass(/is-stale/)
    await expect(page.getByTestId('quote-error')).toHaveCount(0) // not repeated above the quote

    await lines.fill('3')
    await expect(error).toHaveCount(0)
    await expect(lines).toHaveAttribute('aria-invalid', 'false')
    await expect(result).not.toHaveClass(/is-stale/)
    await expect(page.getByTestId('monthly-bill')).toBeVisible()
    await expect(page.getByTestId('proposal-link')).toBeVisible()
  })

  test('a prior spend below the plan minimum is explained next to the prior-spend fields, naming the minimum', async ({ page, request }) => {
    const detail = await (await request.get('/api/offerings/evergreen')).json()
    await page.goto('/configure/evergreen')
    await waitForConfigurator(page)
    const prior = page.locator('#cfg-prior')
    await enterSpend(page, ['400', '400', '400'], ['400'])
    await expect(prior.locator('.error')).toBeVisible()
    await expect(prior.locator('.error')).toContainText(formatYuan(detail.averageSpend.min, 'zh'))
    for (const input of await prior.locator('input').all()) await expect(input).toHaveAttribute('aria-invalid', 'true')
  })

  test('an amount too large for any quote is named beside its field, and the quote recovers once it is corrected', async ({ page }) => {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto('/configure/evergreen?building=bld-jinmao-tower')
    await waitForConfigurator(page)
    const prior = page.locator('#cfg-prior')
    const first = prior.locator('input').first()
    const result = page.locator('.configurator__result')
    await expect(page.getByTestId('monthly-bill')).toBeVisible()

    await first.fill('99999999999999999')
    await expect(prior.locator('.error')).toHaveText(fill(t.typed.amount.too_large, { max: formatYuan(MAX_DECLARED_AMOUNT, 'zh') }))
    await expect(first).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByTestId('quote-stale')).toBeVisible()

    await first.fill('3000')
    await expect(prior.locator('.error')).toHaveCount(0)
    await expect(result).not.toHaveClass(/is-stale/)
    await expect(page.locator('#quote-status')).toHaveText('')
    await expect(page.getByTestId('proposal-link')).toBeVisible()
    expect(errors).toEqual([])
  })

  test('every visible control of the configurator and of the callback form has an accessible name', async ({ page }) => {
    for (const path of ['/configure/evergreen', '/en/configure/evergreen', '/configure/fixed-mobile']) {
      await page.goto(path)
      await waitForConfigurator(page)
      await expect(page.locator('#callback form')).toBeVisible()
      expect(await unlabelledControls(page.locator('.configurator__form')), `${path} configurator`).toEqual([])
      expect(await unlabelledControls(page.locator('#callback')), `${path} callback form`).toEqual([])
    }
    // The labels a visitor (or a screen reader) finds them by.
    await page.goto('/configure/evergreen')
    await waitForConfigurator(page)
    await expect(page.getByLabel('合约期')).toBeVisible()
    await expect(page.getByLabel('商务固话')).toBeVisible()
    await expect(page.getByLabel('前 3 个月')).toBeVisible()
    await expect(page.getByLabel('电信')).toBeVisible()
    await expect(page.getByLabel('本地通话')).toBeVisible()
    await expect(page.getByLabel('公司名称')).toBeVisible()
    await expect(page.getByLabel('手机号码')).toBeVisible()
    await expect(page.getByLabel('备注（选填）')).toBeVisible()
  })
})
