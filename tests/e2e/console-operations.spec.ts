import { expect, test, type Page } from '@playwright/test'
import { act, actionForm, signInToConsole } from './support/console'
import { createFixedBroadbandQuote, placeOrder, type PlacedOrder } from './support/orders'

/**
 * The console as operations staff use it: what they paste into the search, paging and going Back, a
 * page gone stale while someone else acted, amounts copied off a bank statement, the keyboard alone.
 * Each check here was a defect found by using it.
 */

const BUILDING = 'bld-jinmao-tower'
const rows = (page: Page) => page.locator('tr[data-order]').evaluateAll((found) => found.map((row) => row.getAttribute('data-order')))
const fullWidth = (text: string) => text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0))

async function placeInvoiceOrders(request: Parameters<typeof createFixedBroadbandQuote>[0], count: number): Promise<PlacedOrder[]> {
  const placed: PlacedOrder[] = []
  for (let index = 0; index < count; index++) placed.push(await placeOrder(request, await createFixedBroadbandQuote(request, BUILDING), { buildingId: BUILDING, method: 'invoice' }))
  return placed
}

async function search(page: Page, text: string) {
  await page.getByLabel('搜索').fill(text)
  await page.getByRole('button', { name: '筛选' }).click()
}

test('the queue finds what staff paste or type, and pages forward and Back', async ({ page, request }) => {
  const [older, newer] = await placeInvoiceOrders(request, 2)
  await page.goto('/console/orders')
  await signInToConsole(page, 'ops@example.com')

  // Copied from a spreadsheet cell (a tab and spaces around it): the order, and the field shows what was looked for.
  await search(page, ` ${newer.number}\t`)
  expect(await rows(page)).toEqual([newer.number])
  await expect(page.getByLabel('搜索')).toHaveValue(newer.number)
  // Read out over the phone and typed with a space, or on a full-width (Chinese) keyboard.
  await search(page, newer.number.replace('-', ' '))
  expect(await rows(page)).toEqual([newer.number])
  await search(page, fullWidth(older.number))
  expect(await rows(page)).toEqual([older.number])
  // The customer's mobile as people write it.
  for (const mobile of [fullWidth('13812345678'), '138 1234 5678', '+86 138-1234-5678']) {
    await search(page, mobile)
    expect(await rows(page), mobile).toEqual(expect.arrayContaining([older.number, newer.number]))
  }
  // Still only a search: a wildcard sign finds nothing.
  await search(page, '%')
  await expect(page.getByText('没有符合条件的订单。')).toBeVisible()

  // One order a page, newest first: forward, Back, forward again; the filter stays set.
  await page.goto('/console/orders?state=awaiting_transfer&limit=1')
  expect(await rows(page)).toEqual([newer.number])
  await page.getByRole('link', { name: '下一页' }).click()
  expect(await rows(page)).toEqual([older.number])
  await expect(page.getByLabel('状态')).toHaveValue('awaiting_transfer')
  await page.goBack()
  expect(await rows(page)).toEqual([newer.number])
  await page.goForward()
  expect(await rows(page)).toEqual([older.number])
})

test('a transfer as the bank statement writes it is recorded; another amount and a stale page are told apart', async ({ page, request }) => {
  const [first, second] = await placeInvoiceOrders(request, 2)
  const due = first.payment.amountDue / 100
  await page.goto(`/console/orders/${first.number}`)
  await signInToConsole(page, 'ops@example.com')

  // ¥1 short: refused, saying what the amount must be (not "check the fields marked red" with none marked).
  await act(page, 'record-transfer', (form) => form.getByLabel('到账金额（元）').fill(String(due - 1)))
  await expect(page.getByRole('alert')).toContainText(`到账金额须等于应付金额 ¥${due.toFixed(2)}`)
  await expect(page.getByTestId('order-status')).toHaveText('待对公转账')
  // Copied off the statement: full-width digits, the currency sign and 元.
  await act(page, 'record-transfer', (form) => form.getByLabel('到账金额（元）').fill(` ￥${fullWidth(due.toFixed(2))}元 `))
  await expect(page.getByRole('status')).toHaveText('已登记转账。')
  await expect(page.getByTestId('order-status')).toHaveText('已付款')

  // Two staff on the same order: one cancels it while the other's page still offers the transfer.
  await page.goto(`/console/orders/${second.number}`)
  const colleague = await page.context().newPage()
  await colleague.goto(`/console/orders/${second.number}`)
  await act(colleague, 'cancel', (form) => form.getByLabel('原因').fill('客户撤单'))
  await expect(colleague.getByRole('status')).toHaveText('订单已取消。')
  await act(page, 'record-transfer', (form) => form.getByLabel('到账金额（元）').fill(String(due)))
  await expect(page.getByRole('alert')).toHaveText('订单的状态已经变了（可能刚被处理过），这个操作不再适用。下面显示的是订单现在的状态。')
  await expect(page.getByTestId('order-status')).toHaveText('已取消')
  await expect(actionForm(page, 'record-transfer')).toHaveCount(0)

  // The same in English.
  await page.goto(`/en/console/orders/${second.number}?error=invalid_request&field=order`)
  await expect(page.getByRole('alert')).toContainText('The order has changed')
})

test('an order is scheduled with the keyboard alone, focus always visible', async ({ page, request }) => {
  const [placed] = await placeInvoiceOrders(request, 1)
  await page.goto(`/console/orders/${placed.number}`)
  await signInToConsole(page, 'ops@example.com')
  await act(page, 'record-transfer', (form) => form.getByLabel('到账金额（元）').fill(String(placed.payment.amountDue / 100)))
  await expect(page.getByTestId('order-status')).toHaveText('已付款')

  /** Tabs forward until the element with `id` has focus, checking each stop shows its focus. */
  const tabTo = async (id: string) => {
    for (let stop = 0; stop < 60; stop++) {
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement
        return { id: element.id, outline: getComputedStyle(element).outlineStyle }
      })
      expect(focused.outline, `focus on #${focused.id}`).not.toBe('none')
      if (focused.id === id) return
    }
    throw new Error(`#${id} never took the focus`)
  }
  await page.locator('body').focus()
  await tabTo('schedule-slot')
  await page.keyboard.press('ArrowDown') // morning → afternoon
  await page.keyboard.press('Tab')
  await page.keyboard.press('Space') // the confirmation
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status')).toHaveText('已预约安装。')
  await expect(page.getByTestId('order-status')).toHaveText('已预约安装')
})

test('an admin opens accounts on a phone: a pasted name, a long one, and a form without a role', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/console/users')
  await signInToConsole(page, 'admin@example.com')
  const create = page.locator('form[action="/api/console/users"]')
  const open = async (email: string, name: string, role?: string) => {
    await create.getByLabel('邮箱').fill(email)
    await create.getByLabel('姓名').fill(name)
    if (role) await create.getByRole('checkbox', { name: role }).check()
    await create.getByRole('button', { name: '开通账号' }).click()
  }
  const stamp = Date.now()

  // Copied from a spreadsheet: the tab between the names is a space, not a refusal.
  await open(`pasted-${stamp}@example.com`, '李\t运营', '运营')
  await expect(page.getByRole('status')).toHaveText('账号已开通。')
  await expect(page.locator(`tr[data-user="pasted-${stamp}@example.com"] strong`)).toHaveText('李 运营')

  // A long unbroken name wraps in its card instead of widening the page.
  await open(`long-${stamp}@example.com`, 'N'.repeat(80), '运营')
  await expect(page.getByRole('status')).toHaveText('账号已开通。')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

  // No role ticked: the refusal says so (nothing on the page is marked red).
  await open(`no-role-${stamp}@example.com`, '王五')
  await expect(page.getByRole('alert')).toHaveText('请至少选择一个角色。')
  await expect(page.locator(`tr[data-user="no-role-${stamp}@example.com"]`)).toHaveCount(0)
})
