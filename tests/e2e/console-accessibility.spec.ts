import { expect, test } from '@playwright/test'
import { checkConsolePage as checkPage, signInToConsole } from './support/console'
import { createFixedBroadbandQuote, placeOrder } from './support/orders'

/**
 * Every console screen operations use, in Chinese and English, on a phone (390×844) and a laptop:
 * no serious or critical axe violation (checkConsolePage), a screenshot of each to look at.
 */
for (const lang of ['zh', 'en'] as const) {
  const prefix = lang === 'zh' ? '' : '/en'
  const t = {
    zh: { search: '搜索', state: '状态', payment: '付款方式', late: '仅显示超时', filter: '筛选', wrong: '邮箱或密码不正确。', amount: '到账金额（元）' },
    en: { search: 'Search', state: 'State', payment: 'Payment', late: 'Late only', filter: 'Filter', wrong: 'The e-mail address or password is not right.', amount: 'Amount received (yuan)' },
  }[lang]

  test(`console screens pass axe on a phone and a laptop (${lang})`, async ({ page, request }) => {
    test.setTimeout(150_000) // fourteen axe runs
    const quoteId = await createFixedBroadbandQuote(request, 'bld-jinmao-tower')
    const placed = await placeOrder(request, quoteId, { buildingId: 'bld-jinmao-tower', method: 'invoice', lang })

    // Sign-in, as it first shows and after a wrong password.
    await page.goto(`${prefix}/console/sign-in`)
    await checkPage(page, `a11y-sign-in-${lang}`)
    await signInToConsole(page, 'admin@example.com', 'not the password')
    await expect(page.getByRole('alert')).toHaveText(t.wrong)
    await checkPage(page, `a11y-sign-in-refused-${lang}`)
    await signInToConsole(page, 'admin@example.com')
    await expect(page).toHaveURL(new RegExp(`${prefix}/console$`))

    // The queue with its filters set.
    await page.goto(`${prefix}/console/orders`)
    await page.getByLabel(t.search).fill(placed.number)
    await page.getByLabel(t.state).selectOption('awaiting_transfer')
    await page.getByLabel(t.payment).selectOption('invoice')
    await page.getByRole('button', { name: t.filter }).click()
    await expect(page.locator(`tr[data-order="${placed.number}"]`)).toHaveCount(1)
    await checkPage(page, `a11y-queue-filtered-${lang}`)
    await page.getByLabel(t.late).check()
    await page.getByRole('button', { name: t.filter }).click()
    await expect(page.locator('tr[data-order]')).toHaveCount(0)
    await checkPage(page, `a11y-queue-none-${lang}`)

    // An order's page, and the same page answering a refused form.
    await page.goto(`${prefix}/console/orders/${placed.number}`)
    await checkPage(page, `a11y-order-${lang}`)
    const transfer = page.locator('form[action$="/record-transfer"]')
    await transfer.getByLabel(t.amount).fill('1')
    await transfer.getByRole('checkbox').check()
    await transfer.getByRole('button').click()
    await expect(page.getByRole('alert')).toBeVisible()
    await checkPage(page, `a11y-order-refused-${lang}`)

    // Staff accounts (admins).
    await page.goto(`${prefix}/console/users`)
    await checkPage(page, `a11y-users-${lang}`)
  })
}
