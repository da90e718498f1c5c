import { expect, test } from '@playwright/test'
import { act, checkConsolePage as checkPage, signInToConsole } from './support/console'
import { readDatabase } from './support/database'
import { createFixedBroadbandQuote, placeOrder } from './support/orders'
import { waitForCheckout } from './support/pages'

/** A mobile no other journey uses, so no order of theirs wins this lead. */
const uniqueMobile = () => `139${String(Date.now()).slice(-8)}`

test('a building manager works a callback lead from new to won, in zh and en', async ({ page, request }) => {
  test.setTimeout(120_000) // every step, and ten axe runs
  const response = await request.post('/api/leads', {
    data: { company: '上海浦江贸易有限公司', contact: { name: '韩梅梅', mobile: uniqueMobile() }, buildingId: 'bld-jinmao-tower', note: '想了解宽带和固话\n工作日下午方便' },
  })
  expect(response.status(), await response.text()).toBe(201)
  const { id } = (await response.json()) as { id: string }
  // The company orders under another contact's mobile: the manager links the order by hand.
  const placed = await placeOrder(request, await createFixedBroadbandQuote(request, 'bld-jinmao-tower'), { buildingId: 'bld-jinmao-tower', method: 'invoice' })

  await page.goto('/console/leads')
  await signInToConsole(page, 'manager@example.com')
  await expect(page).toHaveURL(/\/console\/leads$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的线索')
  await page.getByLabel('状态').selectOption('new')
  await page.getByRole('button', { name: '筛选' }).click()
  await expect(page.locator(`tr[data-lead="${id}"]`)).toContainText('新线索')
  await checkPage(page, 'leads-zh')
  await page.locator(`tr[data-lead="${id}"] a`).click()
  await expect(page.getByTestId('lead-status')).toHaveText('新线索')
  await expect(page.getByTestId('respond-by')).toBeVisible()
  await checkPage(page, 'lead-new-zh')

  await act(page, 'contact')
  await expect(page.getByRole('status')).toHaveText('已标记为已联系。')
  await expect(page.getByTestId('lead-status')).toHaveText('已联系')
  await page.getByLabel('记录内容').fill('已致电：需要 100M 宽带 + 1 条固话\n周三上门看机房')
  await page.getByRole('button', { name: '添加跟进记录' }).click()
  await expect(page.getByRole('status')).toHaveText('已添加跟进记录。')
  await expect(page.locator('.lead-notes')).toContainText('周三上门看机房')
  await page.getByLabel('跟进日期').fill('2099-01-15')
  await page.getByRole('button', { name: '设置跟进日期' }).click()
  await expect(page.getByTestId('follow-up')).toHaveText('2099年1月15日')

  await act(page, 'qualify')
  await expect(page.getByTestId('lead-status')).toHaveText('已确认需求')
  // A wrong number is refused at its field; the right one wins the lead.
  await act(page, 'won', (form) => form.getByLabel('订单号').fill('SO000000-NOSUCH'))
  await expect(page.getByRole('alert')).toContainText('没有找到这个订单')
  await expect(page.getByTestId('lead-status')).toHaveText('已确认需求')
  await act(page, 'won', (form) => form.getByLabel('订单号').fill(placed.number.toLowerCase()))
  await expect(page.getByRole('status')).toHaveText('已标记成交。')
  await expect(page.getByTestId('lead-status')).toHaveText('已成交')
  await expect(page.getByTestId('won-order')).toHaveText(placed.number)
  await expect(page.locator('#audit-heading + table')).toContainText('标记成交')
  // The log is in words: statuses by name, the order by its number, dates as dates, a note's id never.
  const log = page.locator('#audit-heading + table')
  for (const fact of ['状态：已确认需求', `订单：${placed.number}`, '跟进日期：2099年1月15日']) await expect(log).toContainText(fact)
  await expect(log).not.toContainText(/noteId|status:|followUpOn/)
  await expect(page.getByTestId('audit-actor').first()).toContainText('王静')
  await checkPage(page, 'lead-won-zh')

  // The same lead in English: closed, its history kept.
  await page.goto(`/en/console/leads/${id}`)
  await expect(page.getByTestId('lead-status')).toHaveText('Won')
  await expect(page.getByText('This lead is closed: nothing more can be done.')).toBeVisible()
  await checkPage(page, 'lead-won-en')
  await page.goto('/en/console/leads?status=won')
  await expect(page.locator(`tr[data-lead="${id}"]`)).toContainText('Won')
  await checkPage(page, 'leads-en')
  expect(readDatabase((db) => db.prepare('select status from leads where id = ?').get(id))).toEqual({ status: 'won' })
})

test('the checkout asks for consent to be called about the quote, and keeps the details only with it', async ({ page, request }) => {
  const quoteId = await createFixedBroadbandQuote(request, 'bld-jinmao-tower')
  await page.goto(`/en/checkout/${quoteId}`)
  await waitForCheckout(page)
  await page.locator('#checkout-companyName').fill('Shanghai Example Trading Co., Ltd.')
  await page.locator('#checkout-contactName').fill('Han Meimei')
  await page.locator('#checkout-mobile').fill('１３９ １２３４ ５６７８')
  await page.locator('#checkout-email').fill('han.meimei@example.com')
  await page.getByLabel(/my building manager may contact me about this quote/).check()
  const [sent] = await Promise.all([
    page.waitForResponse((answer) => new URL(answer.url()).pathname === '/api/verifications' && answer.request().method() === 'POST'),
    page.getByTestId('send-code').click(),
  ])
  expect(sent.status()).toBe(202)
  const { id } = (await sent.json()) as { id: string }
  const stored = readDatabase((db) => db.prepare('select follow_up_consent, quote_id, follow_up_json from email_verifications where id = ?').get(id)) as {
    follow_up_consent: number
    quote_id: string
    follow_up_json: string
  }
  expect(stored).toMatchObject({ follow_up_consent: 1, quote_id: quoteId })
  expect(JSON.parse(stored.follow_up_json)).toMatchObject({ company: 'Shanghai Example Trading Co., Ltd.', contactName: 'Han Meimei', mobile: '13912345678', lang: 'en' })
})
