import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { expect, test, type Page } from '@playwright/test'
import { shanghaiDate } from '../../server/domain/working-days'
import { seriousAxeViolations } from './support/axe'
import { checkConsolePage, signInToConsole } from './support/console'
import { readDatabase } from './support/database'
import { createFixedBroadbandQuote, placeOrder } from './support/orders'

/** The demo building manager (db/seed/demo-staff.ts): Wang Jing, whose buildings include Jin Mao Tower. */
const MANAGER = 'manager@example.com'
const JIN_MAO = 'bld-jinmao-tower'
/** The server (cwd = the repository) writes each mail as data/outbox/<outbox id>.eml without SMTP_URL. */
const OUTBOX_DIR = fileURLToPath(new URL('../../data/outbox/', import.meta.url))

const run = Date.now().toString(36)
/** A carrier no other tenant has: the filter that picks this journey's three tenants. */
const CARRIER = `e2e-${run}`
const tenants = [1, 2, 3].map((n) => ({ id: `e2e-visit-${run}-${n}`, company: `上海邮件拜访测试${n}号有限公司`, email: `tenant${n}.${run}@visit.example` }))

/** Three tenants of Jin Mao Tower, written as an import would have (the run's database is the server's). */
function addTenants() {
  const db = new Database(process.env.E2E_DATABASE_PATH!)
  try {
    const insert = db.prepare(
      `insert into tenants (id, building_id, company, name_key, listed_name_key, credit_code, floor, unit, contact_name, mobile, email, staff_size, carrier, edited_fields, import_id, created_at, updated_at)
       values (?, ?, ?, ?, null, null, null, null, null, null, ?, 30, ?, '[]', null, ?, ?)`,
    )
    const at = new Date().toISOString()
    for (const tenant of tenants) insert.run(tenant.id, JIN_MAO, tenant.company, tenant.id, tenant.email, CARRIER, at, at)
  } finally {
    db.close()
  }
}

/** The visit mails to one address, newest first: their outbox ids (the .eml file names) and status. */
const visitMailsTo = (email: string) =>
  readDatabase((db) => db.prepare("select id, status from outbox where kind = 'email_visit' and recipient = ? order by created_at desc").all(email) as { id: string; status: string }[])

/** The .eml the outbox worker wrote for the newest visit mail to an address, once written. */
async function mailTo(email: string): Promise<string> {
  await expect.poll(() => visitMailsTo(email)[0]?.status, { message: `visit mail to ${email}`, timeout: 15_000 }).toBe('sent')
  const file = `${OUTBOX_DIR}${visitMailsTo(email)[0].id}.eml`
  expect(existsSync(file)).toBe(true)
  return readFileSync(file, 'latin1')
}

/** The header block with folded lines joined. */
const headersOf = (mail: string) => mail.slice(0, mail.indexOf('\n\n')).replace(/\r?\n[ \t]+/g, ' ')
/** The HTML part with quoted-printable soft line breaks joined: its links as the reader's mail client shows them. */
const htmlOf = (mail: string) => mail.slice(mail.indexOf('Content-Type: text/html')).replace(/=\r?\n/g, '')

const linkIn = (mail: string, pattern: RegExp) => {
  const found = pattern.exec(mail)
  expect(found, String(pattern)).not.toBeNull()
  return new URL(found![0]).pathname + new URL(found![0]).search
}

/** Fills the compose form for this run's tenants and previews it. */
async function compose(page: Page) {
  await page.getByLabel('现有运营商').fill(CARRIER)
  await page.getByLabel('邮件模板').selectOption('introduction')
  await page.getByRole('checkbox', { name: '网络快车', exact: true }).check()
  await page.getByRole('checkbox', { name: '固网宽带融合包', exact: true }).check()
  await page.getByRole('button', { name: '预览' }).click()
}

test('a manager sends an e-mail visit to three tenants; one unsubscribes through the mail’s link and the next visit skips them; a click that ends in an order counts for the visit, and in the report of the campaign marketing then makes of its tag (by keyword and building, chart, CSV)', async ({ page, browser }) => {
  test.setTimeout(150_000)
  addTenants()
  await page.goto('/console/email-visits')
  await signInToConsole(page, MANAGER)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('邮件拜访')

  await compose(page)
  await expect(page.getByTestId('visit-counts')).toHaveText('符合条件的企业 3 家：将发送 3 封；无邮箱或邮箱重复 0 家；已退订 0 家。')
  await expect(page.getByTestId('visit-subject')).toContainText('上海邮件拜访测试')
  await page.getByLabel('活动标签（utm_campaign）').fill('e2e-visit')
  await page.getByRole('button', { name: '安排发送' }).click()
  await expect(page.getByRole('status')).toHaveText('邮件拜访已安排。')
  const first = page.locator('tbody tr').first()
  const visitId = (await first.getAttribute('data-visit'))!
  await checkConsolePage(page, 'email-visits-zh')

  // Each tenant's mail leaves the outbox as an .eml with its one-click unsubscribe headers.
  const mails = await Promise.all(tenants.map((tenant) => mailTo(tenant.email)))
  for (const mail of mails) {
    expect(headersOf(mail)).toMatch(/^List-Unsubscribe: <http:\/\/127\.0\.0\.1:\d+\/api\/email-visits\/unsubscribe\/[\w-]+>$/m)
    expect(headersOf(mail)).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m)
  }

  // The first tenant follows the unsubscribe link of the mail: the page asks, the button unsubscribes.
  const readerContext = await browser.newContext()
  const reader = await readerContext.newPage()
  await reader.goto(linkIn(htmlOf(mails[0]), /http:\/\/127\.0\.0\.1:\d+\/unsubscribe\/[\w-]+/))
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('退订邮件')
  expect(await seriousAxeViolations(reader)).toEqual([])
  await reader.getByRole('button', { name: '确认退订' }).click()
  await expect(reader.getByRole('status')).toHaveText('已退订。此邮箱不会再收到推荐邮件。')
  // Back to the page (or the mail's link again): it says they are unsubscribed instead of asking again.
  await reader.goBack()
  await reader.reload()
  await expect(reader.getByRole('status')).toHaveText('已退订。此邮箱不会再收到推荐邮件。')
  await expect(reader.getByRole('button', { name: '确认退订' })).toHaveCount(0)
  await readerContext.close()

  // A second visit to the same tenants skips them.
  await page.goto('/console/email-visits')
  await compose(page)
  await expect(page.getByTestId('visit-counts')).toHaveText('符合条件的企业 3 家：将发送 2 封；无邮箱或邮箱重复 0 家；已退订 1 家。')
  await page.getByLabel('活动标签（utm_campaign）').fill('e2e-visit-2')
  await page.getByRole('button', { name: '安排发送' }).click()
  await expect(page.getByRole('status')).toHaveText('邮件拜访已安排。')
  await expect(page.locator('tbody tr').first().getByTestId('visit-skipped')).toHaveText('1')
  expect(visitMailsTo(tenants[0].email)).toHaveLength(1)
  await expect.poll(() => visitMailsTo(tenants[1].email).length).toBe(2)

  // The second tenant clicks a bundle of the first mail and orders: the order is the visit's.
  const customer = await browser.newPage()
  await customer.goto(linkIn(htmlOf(mails[1]), /http:\/\/127\.0\.0\.1:\d+\/api\/email-visits\/go\/[\w-]+\/fixed-broadband/))
  await expect(customer).toHaveURL(new RegExp(`/bundles/fixed-broadband\\?utm_source=email_visit&utm_medium=email&utm_campaign=e2e-visit&utm_term=fixed-broadband&utm_content=${visitId}$`))
  // The page's own request context shares the browser's cookies, as the checkout's requests do; the quote
  // carries the landing's first-touch attribution, as the configurator sends it.
  const attribution = Object.fromEntries([...new URL(customer.url()).searchParams].filter(([key]) => key.startsWith('utm_')))
  const quoteId = await createFixedBroadbandQuote(customer.request, JIN_MAO, attribution)
  const order = await placeOrder(customer.request, quoteId, { buildingId: JIN_MAO, method: 'invoice' })
  const attributed = readDatabase(
    (db) =>
      db
        .prepare('select r.email from orders o join email_visit_recipients r on r.id = o.email_visit_recipient_id where o.number = ?')
        .get(order.number) as { email: string } | undefined,
  )
  expect(attributed?.email).toBe(tenants[1].email)

  await page.goto('/en/console/email-visits')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('E-mail visits')
  const row = page.locator(`tr[data-visit="${visitId}"]`)
  await expect(row.getByTestId('visit-sent')).toHaveText('3')
  await expect(row.getByTestId('visit-clicks')).toHaveText('1 / 1')
  await expect(row.getByTestId('visit-orders')).toHaveText('1')
  await checkConsolePage(page, 'email-visits-en')

  // The visit's page lists each recipient: the one who ordered, the one who unsubscribed later.
  await row.getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recipients of an e-mail visit')
  const recipient = (n: number) => page.getByTestId('visit-recipients').locator('tbody tr').filter({ hasText: tenants[n].company })
  await expect(recipient(1).getByTestId('recipient-orders')).toHaveText('1')
  await expect(recipient(1).getByTestId('recipient-clicks')).toContainText('1 (first')
  await expect(recipient(0).getByTestId('recipient-status')).toContainText('Sent')
  await expect(recipient(2).getByTestId('recipient-orders')).toHaveText('0')
  await checkConsolePage(page, 'email-visit-recipients-en')

  // Marketing makes the visit's tag a campaign afterwards: its report counts the click's landing view,
  // the quote and the order, by keyword (the bundle clicked) and by building, with the chart and the CSV.
  const marketingContext = await browser.newContext()
  const marketing = await marketingContext.newPage()
  await marketing.goto('/console/campaigns/new')
  await signInToConsole(marketing, 'marketing@example.com')
  await expect(marketing).toHaveURL(/\/console\/campaigns\/new$/)
  await marketing.getByLabel('名称', { exact: true }).fill('金茂大厦邮件拜访（E2E）')
  await marketing.getByLabel('渠道').selectOption('email_visit')
  await marketing.getByLabel('utm_campaign（链接参数）').fill('e2e-visit')
  await marketing.getByRole('checkbox', { name: '固网宽带融合包' }).check()
  await marketing.getByLabel('区', { exact: true }).selectOption('pudong')
  await marketing.getByLabel('楼宇名称').fill('金茂')
  await marketing.getByRole('button', { name: '查找楼宇' }).click()
  await marketing.getByTestId('campaign-buildings-found').getByRole('checkbox', { name: '金茂大厦' }).check()
  const day = (offsetDays: number) => shanghaiDate(new Date(Date.now() + offsetDays * 86_400_000))
  await marketing.getByLabel('开始日期').fill(day(-1))
  await marketing.getByLabel('结束日期').fill(day(7))
  await marketing.getByRole('button', { name: '创建推广活动' }).click()
  await expect(marketing.getByRole('status')).toHaveText('推广活动已创建。')
  const byKeyword = marketing.getByTestId('campaign-by-term').locator('tr[data-key="fixed-broadband"]')
  // A landing view reaches the database within a second (counted in memory, added each second).
  await expect(async () => {
    await marketing.reload()
    await expect(byKeyword.locator('td').nth(0)).toHaveText('1', { timeout: 250 })
  }).toPass({ timeout: 10_000 })
  // Landing views, quotes, leads, orders.
  await expect(byKeyword.locator('td').nth(0)).toHaveText('1')
  await expect(byKeyword.locator('td').nth(1)).toHaveText('1')
  await expect(byKeyword.locator('td').nth(3)).toHaveText('1')
  await expect(marketing.getByTestId('campaign-by-building').locator(`tr[data-key="${JIN_MAO}"] td`).nth(2)).toHaveText('1')
  await expect(marketing.getByTestId('campaign-chart-days')).toBeVisible()
  const download = marketing.waitForEvent('download')
  await marketing.getByTestId('campaign-csv').click()
  const csv = readFileSync(await (await download).path(), 'utf8')
  expect(csv).toContain('搜索关键词,fixed-broadband,1,1,0,1')
  expect(csv).toContain('楼宇,金茂大厦,,1,0,1')
  await marketingContext.close()
})

test('a manager’s mistakes while composing cost nothing already chosen, and scheduling the same preview again (Back, then Schedule) mails nobody twice', async ({ page }) => {
  test.setTimeout(60_000)
  const carrier = `${CARRIER}-b`
  const db = new Database(process.env.E2E_DATABASE_PATH!)
  try {
    const at = new Date().toISOString()
    const insert = db.prepare(
      `insert into tenants (id, building_id, company, name_key, listed_name_key, credit_code, floor, unit, contact_name, mobile, email, staff_size, carrier, edited_fields, import_id, created_at, updated_at)
       values (?, ?, ?, ?, null, null, null, null, null, null, ?, ?, ?, '[]', null, ?, ?)`,
    )
    for (const n of [1, 2]) insert.run(`e2e-visit-b-${run}-${n}`, JIN_MAO, `上海改错测试${n}号有限公司`, `e2e-visit-b-${run}-${n}`, `fix${n}.${run}@visit.example`, 30 * n, carrier, at, at)
  } finally {
    db.close()
  }
  await page.goto('/console/email-visits')
  await signInToConsole(page, MANAGER)

  // A staff range the wrong way round: the page says which field, and keeps what was typed and ticked.
  await page.getByLabel('现有运营商').fill(carrier)
  await page.getByLabel('员工人数不少于').fill('50')
  await page.getByLabel('员工人数不多于').fill('20')
  await page.getByLabel('邮件模板').selectOption('savings')
  await page.getByRole('checkbox', { name: '网络快车', exact: true }).check()
  await page.getByRole('button', { name: '预览' }).click()
  await expect(page.getByTestId('visit-preview').getByRole('alert')).toHaveText('员工人数上限请填写整数，且不小于下限。')
  await expect(page.getByLabel('现有运营商')).toHaveValue(carrier)
  await expect(page.getByLabel('员工人数不多于')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('邮件模板')).toHaveValue('savings')
  await expect(page.getByRole('checkbox', { name: '网络快车', exact: true })).toBeChecked()
  await page.getByLabel('员工人数不少于').fill('')
  await page.getByLabel('员工人数不多于').fill('100')
  await page.getByRole('button', { name: '预览' }).click()
  await expect(page.getByTestId('visit-counts')).toHaveText('符合条件的企业 2 家：将发送 2 封；无邮箱或邮箱重复 0 家；已退订 0 家。')
  await checkConsolePage(page, 'email-visits-preview-zh')
  // The same preview from a saved link, without its draft: it is given one, which its scheduling form
  // names, so Back-then-Schedule below is refused from such a link too.
  const savedLink = new URL(page.url())
  savedLink.searchParams.delete('draft')
  await page.goto(`${savedLink.pathname}${savedLink.search}`)
  await expect(page).toHaveURL(/[?&]draft=[0-9a-f-]{36}(&|$)/)
  await expect(page.locator('input[name="visitId"]')).toHaveValue(new URL(page.url()).searchParams.get('draft')!)

  // The browser checks the campaign tag before sending it.
  const tag = page.getByLabel('活动标签（utm_campaign）')
  await tag.fill('winter 2026')
  expect(await tag.evaluate((input: HTMLInputElement) => input.validity.patternMismatch)).toBe(true)
  // A browser that does not check: the refusal comes back to this preview with what was chosen.
  await page.locator('form[action="/api/console/email-visits"]').evaluate((form: HTMLFormElement) => void (form.noValidate = true))
  await page.getByRole('button', { name: '安排发送' }).click()
  await expect(page.getByRole('alert').first()).toHaveText('活动标签只能包含字母、数字、- _ .，最多 60 个字符。')
  await expect(page.getByTestId('visit-counts')).toHaveText('符合条件的企业 2 家：将发送 2 封；无邮箱或邮箱重复 0 家；已退订 0 家。')
  await expect(page.getByLabel('现有运营商')).toHaveValue(carrier)
  // Found trying the console: the refused tag and time came back empty, and an empty time means "send now".
  await expect(tag).toHaveValue('winter 2026')
  await expect(tag).toHaveAttribute('aria-invalid', 'true')

  // A time in the past is refused too, and comes back with the tag as typed.
  await tag.fill('e2e-fix')
  const sendAt = page.getByLabel('发送时间（北京时间）')
  await sendAt.evaluate((input: HTMLInputElement) => input.removeAttribute('min'))
  await sendAt.fill('2020-01-01T10:00')
  await page.getByRole('button', { name: '安排发送' }).click()
  await expect(page.getByRole('alert').first()).toBeVisible()
  await expect(tag).toHaveValue('e2e-fix')
  await expect(sendAt).toHaveValue('2020-01-01T10:00')

  // Tomorrow at 09:30 in Beijing: a visit that has not gone yet, so it can be cancelled below.
  const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10)
  await sendAt.fill(`${tomorrow}T09:30`)
  await page.getByRole('button', { name: '安排发送' }).click()
  await expect(page.getByRole('status')).toHaveText('邮件拜访已安排。')
  await expect(page.getByRole('button', { name: '安排发送' })).toHaveCount(0)
  await expect(page.locator('tbody tr').filter({ hasText: 'e2e-fix' })).toHaveCount(1)

  // Back to the preview and Schedule again: refused, and each tenant has one mail.
  await page.goBack()
  await page.getByLabel('活动标签（utm_campaign）').fill('e2e-fix')
  await page.getByRole('button', { name: '安排发送' }).click()
  await expect(page.getByRole('alert').first()).toHaveText('这次邮件拜访已经安排过了（见下方列表），没有再发一次。')
  await expect(page.getByRole('button', { name: '安排发送' })).toHaveCount(0)
  await expect(page.locator('tbody tr').filter({ hasText: 'e2e-fix' })).toHaveCount(1)
  for (const n of [1, 2]) expect(visitMailsTo(`fix${n}.${run}@visit.example`)).toHaveLength(1)

  // Cancelled before it goes: its mails are skipped and the list says so.
  const row = page.locator('tbody tr').filter({ hasText: 'e2e-fix' })
  // Found trying the console: the English list read "0 (+2 Queued)"; each language has its own phrase.
  await expect(row.getByTestId('visit-sent')).toHaveText('0（另有 2 封待发送）')
  await row.getByRole('checkbox', { name: '确认取消' }).check()
  await row.getByRole('button', { name: '取消未发出的邮件' }).click()
  await expect(page.getByRole('status')).toHaveText('尚未发出的邮件已取消。')
  await expect(row.getByTestId('visit-cancelled')).toHaveText('（2 封已取消）')
  await page.getByRole('link', { name: 'English' }).click()
  await expect(page.locator('tbody tr').filter({ hasText: 'e2e-fix' }).getByTestId('visit-cancelled')).toHaveText(' (2 cancelled)')
  await page.getByRole('link', { name: '中文' }).click()
  await expect(row.getByRole('button', { name: '取消未发出的邮件' })).toHaveCount(0)
  for (const n of [1, 2]) expect(visitMailsTo(`fix${n}.${run}@visit.example`).map((mail) => mail.status)).toEqual(['skipped'])
  await checkConsolePage(page, 'email-visits-cancelled-zh')
})
