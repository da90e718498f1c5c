import { expect, test } from '@playwright/test'
import { reviewScreenshot } from './support/review-screenshot'

/** Pages of a PDF, from its page objects (`/Type /Page`, not `/Type /Pages`); Chromium writes them uncompressed. */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0
}

for (const lang of ['zh', 'en'] as const) {
  test(`a 24-month proposal prints on one A4 page (${lang})`, async ({ page }) => {
    const response = await page.request.post('/api/quotes', {
      data: {
        offering: 'fixed-broadband',
        termMonths: 24,
        items: { 'fixed-line': 2, 'bb-300': 1, 'static-ip': 1 },
        customer: { status: 'new', employees: 30, currentMonthlySpend: 120000 },
        usage: { local_voice: 40000, long_distance: 30000, mobile: 60000 },
        buildingId: 'bld-jinmao-tower',
      },
    })
    expect(response.status(), await response.text()).toBe(201)
    const { id } = (await response.json()) as { id: string }
    await page.goto(`${lang === 'en' ? '/en' : ''}/quotes/${id}`)
    await expect(page.locator('#proposal-title')).toBeVisible()
    await page.emulateMedia({ media: 'print' })
    await reviewScreenshot(page, { path: `test-results/screenshots/proposal-print-24-${lang}.png`, fullPage: true })
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true })
    expect(pdfPageCount(pdf)).toBe(1)
  })
}

test('the print button opens the print dialog, under the pages’ script policy', async ({ page }) => {
  const response = await page.request.post('/api/quotes', { data: { offering: 'bb-express', options: { payment: 'monthly' }, termMonths: 0, items: { 'bb-100': 1 }, customer: { status: 'new' } } })
  expect(response.status(), await response.text()).toBe(201)
  const { id } = (await response.json()) as { id: string }
  const refused: string[] = []
  page.on('console', (message) => void (/Content Security Policy/i.test(message.text()) && refused.push(message.text())))
  // Counts the dialogs instead of opening one (a headless browser has nothing to show it on).
  await page.addInitScript(() => {
    ;(window as unknown as { printed: number }).printed = 0
    window.print = () => void (window as unknown as { printed: number }).printed++
  })
  await page.goto(`/en/quotes/${id}`)
  await page.getByRole('button', { name: 'Print proposal' }).click()
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)
  expect(refused).toEqual([])
})
