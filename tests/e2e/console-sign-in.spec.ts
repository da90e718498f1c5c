import { expect, test, type Page } from '@playwright/test'
import { DEMO_STAFF_PASSWORD } from '../../db/seed/demo-staff'
import { act, checkConsolePage as checkPage } from './support/console'
import { createFixedBroadbandQuote, placeOrder } from './support/orders'

async function signIn(page: Page, email: string, password: string) {
  await page.locator('#email').fill(email)
  await page.locator('#password').fill(password)
  await page.locator('form[action="/api/console/session"] button[type=submit]').click()
}

test('an admin opens an ops account (zh); the ops user signs in (en) and may not manage accounts', async ({ page }) => {
  // Seven pages, each checked by axe and photographed at two sizes: over 30 s on a busy 2-core machine.
  test.slow()
  const opsEmail = `e2e-ops-${Date.now()}@example.com`

  // Not signed in: the console sends the browser to sign in, and back afterwards.
  const first = await page.goto('/console')
  expect(page.url()).toMatch(/\/console\/sign-in\?next=%2Fconsole$/)
  expect(first?.headers()['cache-control']).toBe('no-store')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('登录运营后台')
  await checkPage(page, 'sign-in-zh')

  await signIn(page, 'admin@example.com', 'not the demo password')
  await expect(page.getByRole('alert')).toHaveText('邮箱或密码不正确。')
  await signIn(page, 'admin@example.com', DEMO_STAFF_PASSWORD)
  await expect(page).toHaveURL(/\/console$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('您好')
  const nav = page.getByRole('navigation', { name: '后台导航' })
  await expect(nav.getByRole('link', { name: '员工账号' })).toBeVisible()
  await expect(nav.getByRole('link', { name: '订单' })).toBeVisible()
  await expect(nav.getByRole('link', { name: '线索' })).toBeVisible()
  await expect(nav.getByRole('link', { name: '推广活动' })).toBeVisible()
  await expect(nav.getByRole('link', { name: '价目管理' })).toBeVisible()
  await checkPage(page, 'home-zh')

  await nav.getByRole('link', { name: '员工账号' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('员工账号')
  const create = page.locator('form[action="/api/console/users"]')
  await create.getByLabel('邮箱').fill(opsEmail)
  await create.getByLabel('姓名').fill('李运营')
  await create.getByRole('checkbox', { name: '运营' }).check()
  const password = await create.getByLabel('初始密码').inputValue()
  expect(password.length).toBeGreaterThanOrEqual(15)
  await create.getByRole('button', { name: '开通账号' }).click()
  await expect(page.getByRole('status')).toHaveText('账号已开通。')
  await expect(page.locator(`tr[data-user="${opsEmail}"]`)).toContainText('运营')
  await checkPage(page, 'users-zh')

  await page.getByRole('button', { name: '退出登录' }).click()
  await expect(page).toHaveURL(/\/console\/sign-in\?done=signed_out$/)
  await expect(page.getByRole('status')).toHaveText('您已退出登录。')
  await page.goto('/console/users')
  await expect(page).toHaveURL(/\/console\/sign-in\?next=%2Fconsole%2Fusers$/)

  // The ops user, in English.
  await page.goto('/en/console/sign-in')
  await checkPage(page, 'sign-in-en')
  await signIn(page, opsEmail, password)
  await expect(page).toHaveURL(/\/en\/console$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, 李运营')
  const enNav = page.getByRole('navigation', { name: 'Console' })
  await expect(enNav.getByRole('link', { name: 'Orders' })).toBeVisible()
  await expect(enNav).not.toContainText('Staff accounts')
  await expect(enNav).not.toContainText('Campaigns')
  await checkPage(page, 'home-en')

  const refused = await page.goto('/en/console/users')
  expect(refused?.status()).toBe(403)
  expect(refused?.headers()['cache-control']).toBe('no-store')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not allowed')
  await expect(page.locator('form[action="/api/console/users"]')).toHaveCount(0)
  await checkPage(page, 'forbidden-en')
})

test('a form sent after the session ended: the sign-in page says it was not saved, and the page after signing in does not repeat the refusal', async ({ page, request }) => {
  const quoteId = await createFixedBroadbandQuote(request, 'bld-raffles-city')
  const placed = await placeOrder(request, quoteId, { buildingId: 'bld-raffles-city', method: 'invoice', lang: 'en' })
  await page.goto(`/en/console/orders/${placed.number}`)
  await signIn(page, 'ops@example.com', DEMO_STAFF_PASSWORD)
  await expect(page.getByTestId('order-status')).toHaveText('Awaiting bank transfer')

  // The session ends (idle, signed out elsewhere) while the form is being filled.
  await page.context().clearCookies()
  await act(page, 'cancel', (form) => form.getByLabel('Reason').fill('the customer moved out'))
  await expect(page).toHaveURL(/\/en\/console\/sign-in\?.*expired=1/)
  await expect(page.getByRole('alert')).toHaveText('Your session had ended, so what you just submitted was not saved. Sign in and do it again.')

  await signIn(page, 'ops@example.com', DEMO_STAFF_PASSWORD)
  await expect(page).toHaveURL(new RegExp(`/en/console/orders/${placed.number}$`))
  await expect(page.getByTestId('order-status')).toHaveText('Awaiting bank transfer')
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('a manager opening an order of a building that is not theirs is told so in the console, not sent to the storefront', async ({ page, request }) => {
  const quoteId = await createFixedBroadbandQuote(request, 'bld-raffles-city')
  const placed = await placeOrder(request, quoteId, { buildingId: 'bld-raffles-city', method: 'invoice' })
  await page.goto('/console')
  await signIn(page, 'manager@example.com', DEMO_STAFF_PASSWORD)
  await expect(page).toHaveURL(/\/console$/)
  const response = await page.goto(`/console/orders/${placed.number}`)
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('没有找到')
  await expect(page.getByText('没有这条记录，或它不在您负责的楼宇范围内。')).toBeVisible()
  await expect(page.getByRole('navigation', { name: '后台导航' })).toBeVisible()
  // Not signed in, an unknown console address is the storefront's not-found page.
  await page.context().clearCookies()
  expect((await page.goto('/console/no-such-page'))?.status()).toBe(404)
})
