import { expect, test, type Page } from '@playwright/test'
import { quoteReference } from '../../server/domain/quote-reference'
import { checkConsolePage, signInToConsole } from './support/console'

const evergreen = (plan: string, x: number) => ({ offering: 'evergreen', termMonths: 12, options: { plan }, customer: { status: 'new', priorMonthlySpend: [x, x, x] } })

/** No table runs past its card: at 1280 px each scroll region fits without scrolling; at 390 px the page does not scroll sideways. */
async function expectNoOverflow(page: Page) {
  const wide = await page.evaluate(() => [...document.querySelectorAll('.impact-wrap, .impact-texts')].filter((element) => element.scrollWidth > element.clientWidth + 1).map((element) => element.getAttribute('aria-labelledby') ?? element.getAttribute('data-testid')))
  expect(wide).toEqual([])
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
}

test("marketing previews a draft's impact: plan B at 1.05X moves the plan B quotes up, the evergreen's words side by side, in zh and en", async ({ page, baseURL }) => {
  test.setTimeout(90_000)
  const ids: string[] = []
  for (const request of [evergreen('B', 800_000), evergreen('B', 100_000), evergreen('A', 800_000)]) {
    const quote = await page.request.post('/api/quotes', { data: request })
    expect(quote.status(), await quote.text()).toBe(201)
    ids.push(((await quote.json()) as { id: string }).id)
  }

  await page.goto('/console')
  await signInToConsole(page, 'marketing@example.com')
  const headers = { origin: baseURL! }
  const created = await page.request.post('/api/console/catalog/drafts', { data: { title: '常青 B 计划 1.05 倍' }, headers })
  expect(created.status(), await created.text()).toBe(201)
  const draft = (await created.json()) as { id: string; revision: number; book: any }
  draft.book.offerings.find((offering: { slug: string }) => offering.slug === 'evergreen').rule.plans.find((plan: { id: string }) => plan.id === 'B').commitmentBp = 10_500
  const saved = await page.request.put(`/api/console/catalog/drafts/${draft.id}`, { data: { book: draft.book, revision: draft.revision }, headers })
  expect(saved.status(), await saved.text()).toBe(200)

  await page.goto(`/console/catalog/drafts/${draft.id}/impact`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('影响预览：常青 B 计划 1.05 倍')
  // The run's database is shared: other journeys (console-catalog-change) store evergreen plan B quotes
  // too, so this test's own quotes are found by their id (a row shows its first 8 characters).
  const increases = page.getByTestId('impact-recent-increases').locator('tbody tr')
  const row = (id: string) => increases.filter({ hasText: quoteReference(id) })
  // 0.05 × ¥8,000 × 12 months, then 0.05 × ¥1,000 × 12; plan A does not move.
  await expect(row(ids[0]).locator('td.impact-change')).toHaveText('+¥4,800.00')
  await expect(row(ids[1]).locator('td.impact-change')).toHaveText('+¥600.00')
  await expect(row(ids[2])).toHaveCount(0)
  await expect(page.getByTestId('impact-recent-decreases')).toHaveCount(0)
  expect(Number(await page.getByTestId('impact-recent-offerings').locator('tr[data-offering="evergreen"] td').nth(1).textContent())).toBeGreaterThanOrEqual(3)
  await expect(page.getByTestId('impact-recent-distribution-chart')).toBeVisible()
  const texts = page.getByTestId('impact-offering-evergreen-differs')
  await expect(texts.locator('tr[data-part="price"] td[data-side="today"] del')).toHaveText('B 计划：每月承诺 1X，可使用 1.3X 的服务。')
  await expect(texts.locator('tr[data-part="price"] td[data-side="draft"] ins')).toHaveText('B 计划：每月承诺 1.05X，可使用 1.3X 的服务。')
  await expect(page.getByTestId('impact-vectors-rows').locator('tbody tr')).toHaveCount(21)
  await checkConsolePage(page, 'catalog-impact-zh')
  await expectNoOverflow(page)
  await page.setViewportSize({ width: 390, height: 844 })
  await expectNoOverflow(page)
  await page.setViewportSize({ width: 1280, height: 800 })

  await page.goto(`/en/console/catalog/drafts/${draft.id}/impact`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Impact preview: 常青 B 计划 1.05 倍')
  await expect(page.getByTestId('impact-offering-evergreen-differs').locator('tr[data-part="terms"] td[data-side="draft"] ins')).toHaveText('Plan B: commit to 1.05X a month and use services worth up to 1.3X.')
  await checkConsolePage(page, 'catalog-impact-en')
  await expectNoOverflow(page)
  await page.setViewportSize({ width: 390, height: 844 })
  await expectNoOverflow(page)
})
