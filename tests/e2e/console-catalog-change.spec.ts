import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { DEMO_STAFF_PASSWORD } from '../../db/seed/demo-staff'
import { quoteReference } from '../../server/domain/quote-reference'
import { ordersForQuote } from './support/database'
import { checkConsolePage, consoleUser, signInToConsole } from './support/console'
import { chooseFirstMorning, enterSpend, fillCheckout, waitForCheckout, waitForConfigurator } from './support/pages'
import { reviewScreenshot } from './support/review-screenshot'

/**
 * Issue 14's journey: an evergreen plan B price change goes from a draft to live in the browser, with
 * its impact preview and a second pair of eyes, while a quote made before it still orders at its price.
 *
 * The e2e server's database is shared by every spec of the run and others price evergreen plan B at
 * today's 1X / 1.3X (console-catalog-editor reads 100 % / 130 % in a new draft, console-catalog-impact
 * compares 1.05X with today's 1X): the journey ends by publishing a rollback to the version it found,
 * through the same approval, and afterAll does it through the API if the journey stopped half-way.
 * While the change is live every other journey would see it: this spec runs alone, after the others
 * (playwright.config.ts).
 */

/**
 * The customer's declared spend: X, the three months' average (yuan). Below console-catalog-impact's
 * ¥1,000 so its plan B quotes stay the preview's largest movers (it finds them among the run's by id).
 */
const X_YUAN = 800
const TERM_MONTHS = 12
/** Plan B's multipliers today (the seed) and after the change, in percent as the editor shows them. */
const BEFORE = { commitment: 100, allowance: 130 }
const AFTER = { commitment: 105, allowance: 135 }
const yuan = (value: number) => `¥${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
/** "1.05" as the terms write a multiplier (server/pricing/labels.ts multiplier). */
const times = (percent: number) => String(percent / 100)

const customer = {
  companyName: '上海常青测试有限公司',
  creditCode: '91330100716105852F',
  contactName: '韩梅梅',
  mobile: '13812345678',
  email: 'han.meimei@example.com',
  floor: '20',
  unit: '2001',
}

/** The current minute in Beijing as a datetime-local field takes it ("2026-05-01T14:07"): due at once. */
const beijingMinuteNow = () => new Date(Date.now() + 8 * 60 * 60_000).toISOString().slice(0, 16)

/** A customer configures evergreen plan B at Jin Mao for a 12-month term; returns the stored quote's id and monthly bill. */
async function configurePlanB(page: Page, prefix: '' | '/en'): Promise<{ id: string; bill: string }> {
  await page.goto(`${prefix}/configure/evergreen?building=bld-jinmao-tower`)
  await waitForConfigurator(page)
  await page.getByRole('radio', { name: prefix ? 'Plan B' : 'B 计划' }).check()
  await page.locator('#cfg-term').selectOption(String(TERM_MONTHS))
  // A new customer's order holds at least one service: a fixed line (its rental counts toward the allowance).
  await page.locator('[id="cfg-items.fixed-line"]').fill('1')
  await enterSpend(page, [String(X_YUAN), String(X_YUAN), String(X_YUAN)], [String(X_YUAN + 200)])
  await expect(page.locator('.configurator__result')).not.toHaveClass(/is-stale/)
  const link = page.getByTestId('checkout-link')
  await expect(link).toHaveAttribute('href', new RegExp(`^${prefix}/checkout/[^/]+$`))
  const id = (await link.getAttribute('href'))!.split('/').at(-1)!
  return { id, bill: (await page.getByTestId('monthly-bill').textContent())!.trim() }
}

/** Through the API, when the browser journey could not finish: a rollback draft to `version`, submitted and approved now. */
async function rollBackThroughApi(baseURL: string, version: string) {
  const { request } = await import('@playwright/test')
  const signIn = async (email: string): Promise<APIRequestContext> => {
    const context = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } })
    const response = await context.post('/api/console/session', { data: { email, password: DEMO_STAFF_PASSWORD } })
    expect(response.ok(), await response.text()).toBe(true)
    return context
  }
  const marketing = await signIn('marketing@example.com')
  const approver = await signIn('approver@example.com')
  const created = await marketing.post('/api/console/catalog/drafts', { data: { title: `E2E rollback to ${version}`, fromVersion: version } })
  expect(created.status(), await created.text()).toBe(201)
  const { id } = (await created.json()) as { id: string }
  expect((await marketing.post(`/api/console/catalog/drafts/${id}/submit`)).ok()).toBe(true)
  expect((await approver.post(`/api/console/catalog/drafts/${id}/approve`, { data: {} })).ok()).toBe(true)
  await marketing.dispose()
  await approver.dispose()
}

/** The catalog version in force everywhere when the journey started, and whether the change is live now. */
let versionBefore: string | undefined
let changeLive = false

test.afterAll(async ({ baseURL }) => {
  if (changeLive && versionBefore) await rollBackThroughApi(baseURL!, versionBefore)
})

test('an evergreen plan B price change: drafted, previewed, submitted, approved live; landing and new quotes change, an older quote orders at its price; then rolled back', async ({ page, browser }) => {
  test.setTimeout(300_000)
  const stamp = Date.now()
  const title = `常青 B 计划 ${times(AFTER.commitment)} 倍 E2E ${stamp}`

  // 1. Before the change, a customer (this test's own browser context) quotes plan B at Jin Mao.
  const older = await configurePlanB(page, '')
  expect(older.bill).toBe(yuan((X_YUAN * BEFORE.commitment) / 100))

  // 2. Marketing drafts from the catalog page, edits plan B in the generated form, previews, submits.
  const marketing = await consoleUser(browser, 'marketing@example.com', '/console/catalog')
  versionBefore = (await marketing.getByTestId('in-force').locator('dd code').first().textContent())!.trim()
  const newDraft = marketing.getByTestId('new-draft')
  await newDraft.getByLabel('标题').fill(title)
  await newDraft.getByRole('button', { name: '新建草稿' }).click()
  await expect(marketing).toHaveURL(/\/console\/catalog\/drafts\/[^/?]+\?done=draft_created$/)
  const draftPath = new URL(marketing.url()).pathname
  await expect(marketing.getByRole('status')).toHaveText('草稿已建立。')
  await expect(marketing.getByRole('heading', { level: 1 })).toHaveText(title)

  await marketing.getByRole('link', { name: '编辑 商务常青', exact: true }).click()
  await expect(marketing.getByRole('heading', { level: 1 })).toHaveText('编辑方案：商务常青')
  const planB = marketing.getByRole('group', { name: '档位方案 第 2 项', exact: true })
  const commitment = planB.getByLabel('承诺额比例')
  const allowance = planB.getByLabel('可用额度比例')
  await expect(commitment).toHaveValue(String(BEFORE.commitment))
  await expect(allowance).toHaveValue(String(BEFORE.allowance))
  await commitment.fill(String(AFTER.commitment))
  await allowance.fill(String(AFTER.allowance))
  await marketing.getByRole('button', { name: '保存' }).first().click()
  await expect(marketing).toHaveURL(/done=saved/)
  await expect(commitment).toHaveValue(String(AFTER.commitment))
  await expect(allowance).toHaveValue(String(AFTER.allowance))

  await marketing.goto(draftPath)
  await expect(marketing.getByTestId('draft-changes')).toContainText('商务常青')
  await marketing.getByTestId('impact-link').click()
  await expect(marketing.getByRole('heading', { level: 1 })).toHaveText(`影响预览：${title}`)
  // The older quote is among the plan B quotes that move up: 5 % more of X for each of the 12 months.
  const olderRow = marketing.getByTestId('impact-recent-increases').locator('tbody tr', { hasText: quoteReference(older.id) })
  await expect(olderRow.locator('td.impact-change')).toHaveText(`+${yuan(((X_YUAN * (AFTER.commitment - BEFORE.commitment)) / 100) * TERM_MONTHS)}`)
  await expect(marketing.getByTestId('impact-recent-decreases')).toHaveCount(0)
  await expect(marketing.getByTestId('impact-offering-evergreen-differs').locator('tr[data-part="price"] td[data-side="draft"] ins')).toHaveText(
    `B 计划：每月承诺 ${times(AFTER.commitment)}X，可使用 ${times(AFTER.allowance)}X 的服务。`,
  )
  await reviewScreenshot(marketing, { path: `test-results/screenshots/console-catalog-change-impact-zh.png`, fullPage: true })

  await marketing.getByRole('link', { name: '返回草稿' }).click()
  await expect(marketing).toHaveURL(new RegExp(`${draftPath}$`))
  const submit = marketing.getByTestId('submit-draft')
  await submit.getByRole('checkbox', { name: '我已查看影响预览' }).check()
  await submit.getByRole('button', { name: '提交审批' }).click()
  await expect(marketing.getByRole('status')).toHaveText('已提交审批。')
  await expect(marketing.getByTestId('draft-status')).toHaveText('待审批')
  // Submitted, the draft is no longer edited or submitted again.
  await expect(marketing.getByTestId('submit-draft')).toHaveCount(0)
  await expect(marketing.getByRole('link', { name: '编辑 商务常青', exact: true })).toHaveCount(0)

  // 3. The approver opens it: marketing is the author; publishes it this minute, Beijing time.
  const approver = await consoleUser(browser, 'approver@example.com', draftPath)
  await expect(approver.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(approver.getByTestId('draft-facts')).toContainText('演示市场 Demo marketing')
  await checkConsolePage(approver, 'catalog-change-draft-submitted-zh')
  const approve = approver.getByTestId('approve-draft')
  await approve.getByLabel('生效时间（北京时间，留空为立即）').fill(beijingMinuteNow())
  await approve.getByRole('checkbox', { name: '我已查看影响预览和合同条款' }).check()
  await approve.getByRole('button', { name: '批准' }).click()
  await expect(approver.getByRole('status')).toHaveText('已批准，将在所选时间生效。')
  changeLive = true
  await expect(approver.getByTestId('draft-status')).toHaveText('已批准')
  const newVersion = (await approver.getByTestId('draft-facts').locator('dd code').last().textContent())!.trim()
  expect(newVersion).not.toBe(versionBefore)
  // The approval log in words: statuses by name, what was saved, when and where it publishes.
  const log = approver.locator('#audit-heading + table')
  for (const fact of ['状态：已批准', `生成的版本：${newVersion}`, '范围：全市', '套餐：修改 evergreen']) await expect(log).toContainText(fact)
  await expect(log).not.toContainText(/status:|publishAt|"offerings"/)
  await checkConsolePage(approver, 'catalog-change-draft-approved-zh')

  await approver.goto('/console/catalog')
  await expect(approver.getByTestId('in-force').locator('dd code').first()).toHaveText(newVersion)
  const release = approver.getByTestId('catalog-releases').locator('tr', { has: approver.getByRole('link', { name: title }) })
  await expect(release).toHaveAttribute('data-state', 'live')
  await expect(release.locator('.release-state')).toHaveText('生效中')
  await expect(release).toContainText('演示审批 Demo approver')
  await checkConsolePage(approver, 'catalog-change-index-zh')

  // 4. After it: the landing pages show plan B's new terms, and a new quote commits 1.05 X.
  const customerPage = await (await browser.newContext()).newPage()
  await customerPage.goto('/bundles/evergreen')
  await expect(customerPage.locator('main')).toContainText(`B 计划：每月承诺 ${times(AFTER.commitment)}X，可使用 ${times(AFTER.allowance)}X 的服务。`)
  await expect(customerPage.locator('main')).not.toContainText(`B 计划：每月承诺 ${times(BEFORE.commitment)}X`)
  await customerPage.goto('/en/bundles/evergreen')
  await expect(customerPage.locator('main')).toContainText(`Plan B: commit to ${times(AFTER.commitment)}X a month and use services worth up to ${times(AFTER.allowance)}X.`)
  const newer = await configurePlanB(customerPage, '')
  expect(newer.id).not.toBe(older.id)
  expect(newer.bill).toBe(yuan((X_YUAN * AFTER.commitment) / 100))
  await expect(customerPage.locator('.summary__lines tr[data-rule="commitment_plan.commitment"] th')).toContainText(`${times(AFTER.commitment)} × X`)
  const newerEn = await configurePlanB(customerPage, '/en')
  expect(newerEn.bill).toBe(yuan((X_YUAN * AFTER.commitment) / 100))
  await expect(customerPage.locator('.summary__lines tr[data-rule="commitment_plan.commitment"] th')).toContainText(`Monthly commitment ${times(AFTER.commitment)} × X`)

  // ...while the older quote still orders at its old price, through checkout like any order.
  await page.goto(`/checkout/${older.id}`)
  await waitForCheckout(page)
  await expect(page.locator('main')).toContainText(older.bill)
  await expect(page.locator('main')).not.toContainText(newer.bill)
  await fillCheckout(page, customer)
  await chooseFirstMorning(page, /^上午/)
  // Nothing may be due today (evergreen waives installations): then checkout asks for no payment method.
  const transfer = page.getByRole('radio', { name: /^对公转账/ })
  if ((await transfer.count()) > 0) await transfer.check()
  await page.getByLabel(/我已阅读并同意上述合约条款/).check()
  await page.getByRole('button', { name: /提交订单/ }).click()
  await expect(page).toHaveURL(/\/orders\/SO/)
  const [order] = ordersForQuote(older.id)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`订单 ${order.number}`)
  const monthly = page.locator('dl.facts > div', { has: page.locator('dt', { hasText: '月费' }) }).locator('dd')
  await expect(monthly).toHaveText(older.bill)
  await reviewScreenshot(page, { path: `test-results/screenshots/console-catalog-change-older-order-zh.png`, fullPage: true })
  await page.goto(new URL(page.url()).pathname.replace(/^/, '/en') + new URL(page.url()).search)
  await expect(page.locator('dl.facts > div', { has: page.locator('dt', { hasText: 'Monthly' }) }).locator('dd')).toHaveText(older.bill)

  // Then back to the version found, through the same approval (a rollback draft from the catalog page).
  await marketing.goto('/console/catalog')
  const rollback = marketing.getByTestId('rollback-draft')
  await rollback.getByLabel('版本').selectOption(versionBefore)
  await rollback.getByLabel('标题').fill(`E2E 回滚到 ${versionBefore} ${stamp}`)
  await rollback.getByRole('button', { name: '新建回滚草稿' }).click()
  await expect(marketing.getByRole('status')).toHaveText('草稿已建立。')
  const rollbackPath = new URL(marketing.url()).pathname
  await marketing.getByTestId('submit-draft').getByRole('checkbox').check()
  await marketing.getByTestId('submit-draft').getByRole('button').click()
  await expect(marketing.getByTestId('draft-status')).toHaveText('待审批')
  await approver.goto(rollbackPath)
  await approver.getByTestId('approve-draft').getByRole('checkbox', { name: '我已查看影响预览和合同条款' }).check()
  await approver.getByTestId('approve-draft').getByRole('button', { name: '批准' }).click()
  await expect(approver.getByTestId('draft-status')).toHaveText('已批准')
  changeLive = false
  await customerPage.goto('/bundles/evergreen')
  await expect(customerPage.locator('main')).toContainText(`B 计划：每月承诺 ${times(BEFORE.commitment)}X，可使用 ${times(BEFORE.allowance)}X 的服务。`)
  for (const context of [marketing.context(), approver.context(), customerPage.context()]) await context.close()
})
