import { expect, test, type Page } from '@playwright/test'

/** Console errors and CSP violations of a page, collected from before it loads. */
function watchProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  return problems
}

test.describe('the callback form on a landing page', () => {
  test('lets a mobile typed in full-width digits through to the server, which checks it in the page’s language, with no console error or CSP violation', async ({ page }) => {
    const problems = watchProblems(page)
    // Not Baidu: the landing journey counts the Baidu views of this page.
    await page.goto('/bundles/evergreen?utm_source=sogou&utm_campaign=lujiazui')
    const mobile = page.locator('#callback-mobile')
    // A pattern would refuse a Chinese input method's digits, in the browser's words and language.
    await expect(mobile).not.toHaveAttribute('pattern')
    await mobile.fill('１３８１２３４５６７８')
    expect(await mobile.evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(true)
    expect(problems).toEqual([])
  })

  test('the configurator island hydrates under the Content-Security-Policy without a violation', async ({ page }) => {
    const problems = watchProblems(page)
    await page.goto('/configure/evergreen')
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0) // Astro drops `ssr` once an island has hydrated
    expect(problems).toEqual([])
  })

  test('a refused post comes back with the error and what was typed, but nothing personal in the address', async ({ page }) => {
    const problems = watchProblems(page)
    await page.goto('/en/bundles/evergreen')
    const form = page.locator('#callback')
    await form.locator('#callback-company').fill('Refused Test Ltd')
    await form.locator('#callback-name').fill('Han Meimei')
    await form.locator('#callback-mobile').fill('12345678901')
    await form.getByRole('button', { name: 'Call me back' }).click()
    await expect(form.locator('#callback-mobile-error')).toHaveText('Enter an 11-digit mainland mobile number, e.g. 13812345678')
    await expect(form.locator('#callback-company')).toHaveValue('Refused Test Ltd')
    await expect(form.locator('#callback-mobile')).toHaveValue('12345678901')
    expect(page.url()).not.toMatch(/Refused|Han|12345678901/)
    expect(new URL(page.url()).searchParams.has('lead_form')).toBe(true)
    expect(problems).toEqual([])
  })
})
