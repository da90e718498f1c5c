import { expect, test, type Page } from '@playwright/test'
import { checkConsolePage, signInToConsole } from './support/console'

/** The page fits its width: nothing scrolls sideways on a phone or a laptop. */
async function fitsAt390And1280(page: Page) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 800 })
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `at ${width}px`).toBeLessThanOrEqual(width)
  }
}

/** A new draft of the catalog in force, made by the signed-in marketing user through the drafts API. */
async function newDraft(page: Page, title: string): Promise<string> {
  const response = await page.request.post('/api/console/catalog/drafts', { data: { title } })
  expect(response.status()).toBe(201)
  return ((await response.json()) as { id: string }).id
}

const words = {
  zh: { title: '编辑方案：商务常青', planB: '档位方案 第 2 项', commitment: '承诺额比例', allowance: '可用额度比例', save: '保存', saved: '已保存。', problems: '有 1 处需要修改', notANumber: '请填写数字（如 1,234.50）', addRow: '添加一行：档位方案', removeRow4: '删除 档位方案 第 4 项' },
  en: { title: 'Edit offering: Business Evergreen', planB: 'Plans No. 2', commitment: 'Commitment', allowance: 'Allowance', save: 'Save', saved: 'Saved.', problems: '1 field to correct', notANumber: 'Enter a number (e.g. 1,234.50)', addRow: 'Add row: Plans', removeRow4: 'Remove Plans No. 4' },
} as const

for (const lang of ['zh', 'en'] as const) {
  test(`marketing edits evergreen plan B in a draft's generated form, a bad value refused beside its field and fixed (${lang})`, async ({ page }) => {
    // Pages checked with axe at two sizes and several saves: longer than one journey.
    test.setTimeout(120_000)
    const text = words[lang]
    const prefix = lang === 'en' ? '/en' : ''
    await page.goto(`${prefix}/console/sign-in`)
    await signInToConsole(page, 'marketing@example.com')
    await expect(page).toHaveURL(new RegExp(`${prefix}/console$`))
    const id = await newDraft(page, `E2E editor ${lang}`)
    const path = `${prefix}/console/catalog/drafts/${id}/offerings/evergreen`
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.title)
    const planB = page.getByRole('group', { name: text.planB, exact: true })
    const commitment = planB.getByLabel(text.commitment)
    const allowance = planB.getByLabel(text.allowance)
    // Plan B commits 1.0X: shown as 100 %.
    await expect(commitment).toHaveValue('100')
    await expect(allowance).toHaveValue('130')
    await checkConsolePage(page, `catalog-editor-${lang}`)

    // Changed and saved: back on the form with the saved values.
    await commitment.fill('105')
    await allowance.fill('１４０')
    await page.getByRole('button', { name: text.save }).first().click()
    await expect(page).toHaveURL(/done=saved/)
    await expect(page.getByRole('status')).toHaveText(text.saved)
    await expect(commitment).toHaveValue('105')
    await expect(allowance).toHaveValue('140')

    // A row added and removed again without saving, the typed value kept.
    await commitment.fill('106')
    await page.getByRole('button', { name: text.addRow }).click()
    await expect(page.getByRole('button', { name: text.removeRow4 })).toBeVisible()
    await expect(commitment).toHaveValue('106')
    await page.getByRole('button', { name: text.removeRow4 }).click()
    await expect(page.getByRole('button', { name: text.removeRow4 })).toHaveCount(0)
    await expect(commitment).toHaveValue('106')

    // A value that is not a number: refused, listed at the top and named beside the field, as typed.
    await commitment.fill('1o5')
    await page.getByRole('button', { name: text.save }).first().click()
    await expect(page).toHaveURL(/error=invalid_request/)
    const summary = page.getByRole('alert')
    await expect(summary.getByRole('heading')).toHaveText(text.problems)
    await expect(commitment).toHaveValue('1o5')
    await expect(commitment).toHaveAttribute('aria-invalid', 'true')
    await expect(commitment).toHaveAccessibleDescription(new RegExp(text.notANumber.replace(/[().]/g, '\\$&')))
    await checkConsolePage(page, `catalog-editor-refused-${lang}`)
    await fitsAt390And1280(page)
    // The summary's link goes to the field.
    await summary.getByRole('link').click()
    await expect(page).toHaveURL(/#f-rule\.plans\.1\.commitmentBp$/)

    // Fixed: saved.
    await commitment.fill('110')
    await page.getByRole('button', { name: text.save }).first().click()
    await expect(page).toHaveURL(/done=saved/)
    await expect(commitment).toHaveValue('110')
    await expect(commitment).not.toHaveAttribute('aria-invalid', 'true')
    await expect(allowance).toHaveValue('140')
  })
}

test('an approver sees a draft’s offering and components forms read-only', async ({ page, browser }) => {
  await page.goto('/console/sign-in')
  await signInToConsole(page, 'marketing@example.com')
  await expect(page).toHaveURL(/\/console$/)
  const id = await newDraft(page, 'E2E editor read-only')
  const context = await browser.newContext()
  const approver = await context.newPage()
  await approver.goto(`/console/catalog/drafts/${id}/offerings/evergreen`)
  await signInToConsole(approver, 'approver@example.com')
  await expect(approver.getByRole('heading', { level: 1 })).toHaveText(words.zh.title)
  await expect(approver.getByText('此草稿只读')).toBeVisible()
  await expect(approver.getByRole('button', { name: words.zh.save })).toHaveCount(0)
  await expect(approver.getByRole('group', { name: words.zh.planB, exact: true }).getByLabel(words.zh.commitment)).toBeDisabled()
  // The components and their term prices likewise (a term price in yuan).
  await approver.getByRole('link', { name: '组件与合约价' }).click()
  await expect(approver.getByRole('heading', { level: 1 })).toHaveText('编辑组件与合约价')
  await expect(approver.getByRole('group', { name: '组件 第 3 项', exact: true }).getByRole('group', { name: '合约价 第 1 项' }).getByLabel('月费')).toHaveValue('465.00')
  await checkConsolePage(approver, 'catalog-editor-components-zh')
  await context.close()
})

/**
 * Where each yuan field's "¥" prefix ends and where the input's text starts, in page pixels: the prefix
 * is a ::before of the field's wrapper (no element to take a box of), so its box is the wrapper's left
 * plus the pseudo-element's left, and its width the glyph's width in the pseudo-element's font.
 */
async function yuanPrefixes(page: Page) {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d')!
    return Array.from(document.querySelectorAll<HTMLElement>('.editor-input--yuan')).map((wrapper) => {
      const input = wrapper.querySelector('input')!
      const before = getComputedStyle(wrapper, '::before')
      canvas.font = before.font
      const prefixLeft = wrapper.getBoundingClientRect().left + parseFloat(before.left)
      const prefixRight = prefixLeft + canvas.measureText(before.content.replace(/^["']|["']$/g, '')).width
      const style = getComputedStyle(input)
      const textLeft = input.getBoundingClientRect().left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft)
      return { name: input.name, content: before.content, prefixRight, textLeft }
    })
  })
}

test('the ¥ before every yuan field ends before the typed amount starts (offering and components forms, 390 and 1280 px)', async ({ page }) => {
  await page.goto('/console/sign-in')
  await signInToConsole(page, 'marketing@example.com')
  await expect(page).toHaveURL(/\/console$/)
  const id = await newDraft(page, 'E2E editor yuan prefix')
  for (const path of [`/console/catalog/drafts/${id}/offerings/evergreen`, `/console/catalog/drafts/${id}/components`]) {
    await page.goto(path)
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 800 })
      const fields = await yuanPrefixes(page)
      expect(fields.length, `${path} has yuan fields`).toBeGreaterThan(0)
      for (const field of fields) {
        expect(field.content, field.name).toBe('"¥"')
        expect(field.prefixRight, `${path} ${field.name} at ${width}px`).toBeLessThanOrEqual(field.textLeft)
      }
    }
  }
})
