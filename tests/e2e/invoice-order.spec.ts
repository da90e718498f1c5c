import { expect, test, type Page } from '@playwright/test'
import { orderRecords, ordersForQuote, storedOrder } from './support/database'
import { createFixedBroadbandQuote } from './support/orders'
import { chooseFirstMorning, fillCheckout, waitForCheckout, waitForConfigurator, type CheckoutDetails } from './support/pages'

const customer: CheckoutDetails = {
  companyName: 'Shanghai Example Trading Co., Ltd.',
  creditCode: '91330100716105852F',
  contactName: 'Emma Li',
  mobile: '13812345678',
  email: 'emma.li@example.com',
  buildingId: 'bld-raffles-city',
  floor: '21',
  unit: '2105',
}

/** Counts the order submissions a page makes (the client-side checks must stop a bad form before any). */
function countOrderPosts(page: Page): () => number {
  let posts = 0
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/orders') posts += 1
  })
  return () => posts
}

test.describe('an English visitor orders and pays by bank transfer', () => {
  test('fixed + broadband ordered by bank transfer: the tracking page shows the transfer instructions', async ({ page }) => {
    const response = await page.goto('/en/configure/fixed-broadband')
    expect(response?.status()).toBe(200)
    await waitForConfigurator(page)
    // One business line: its installation (¥200) is due today; broadband installation is free for new customers.
    await page.locator('[id="cfg-items.fixed-line"]').fill('1')
    await expect(page.locator('.summary__total .money')).toHaveText('¥200.00')
    await expect(page.locator('.configurator__result')).not.toHaveClass(/is-stale/)
    const order = page.getByTestId('checkout-link')
    await expect(order).toHaveText('Order')
    await expect(order).toHaveAttribute('href', /^\/en\/checkout\/[^/]+$/)
    await order.click()

    await expect(page).toHaveURL(/\/en\/checkout\/[^/?#]+$/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your order')
    await waitForCheckout(page)
    await expect(page.locator('.checkout__due')).toContainText('¥200.00')
    // No building came with the quote: the customer chooses one.
    await expect(page.locator('#checkout-building')).toHaveValue('')
    await fillCheckout(page, customer)
    const slotDate = await chooseFirstMorning(page, /^Morning/)
    await page.getByRole('radio', { name: /^Bank transfer/ }).check()
    await page.getByLabel(/I have read and accept the contract terms/).check()
    const submit = page.getByRole('button', { name: 'Place order' })
    await expect(submit).toHaveText('Place order') // not "Place order and pay": nothing is paid online
    await submit.click()

    await expect(page).toHaveURL(/\/en\/orders\/SO\d{6}-[0-9A-Z]{6}\?token=[^&]+$/)
    const number = new URL(page.url()).pathname.split('/').at(-1)!
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Order ${number}`)
    const status = page.getByTestId('order-status')
    await expect(status).toHaveAttribute('data-status', 'awaiting_transfer')
    await expect(status).toHaveText('Waiting for your bank transfer')
    const instructions = page.getByTestId('transfer-instructions')
    await expect(instructions).toContainText('Please transfer it to the account below with the order number as the reference.')
    await expect(instructions.locator('.transfer__amount')).toHaveText('Amount to transfer ¥200.00')
    await expect(instructions).toContainText('¥200.00')
    await expect(instructions).toContainText('Account: 1001 2345 6789 0123 456')
    await expect(instructions).toContainText(`Reference: ${number}`)
    await expect(page.getByTestId('pay-link')).toHaveCount(0)

    const stored = storedOrder(number)
    expect(stored, `order ${number} in the database`).toBeDefined()
    expect(stored).toMatchObject({
      status: 'awaiting_transfer',
      payment_method: 'invoice',
      amount_due_fen: 20000,
      lang: 'en',
      company_name: customer.companyName,
      building_id: 'bld-raffles-city',
      manager_id: 'mgr-huangpu-zhang',
      install_date: slotDate,
      install_slot: 'am',
      stripe_session_id: null,
    })
    const records = orderRecords(stored!.id, number)
    expect(records.events.map((event) => event.status)).toEqual(['awaiting_transfer'])
    expect(records.workOrders.map((work) => [work.kind, work.status])).toEqual([['site_installation', 'waiting_for_payment']])
    expect(records.stripeEvents).toEqual([])
    expect(records.outbox.map((message) => message.kind).sort()).toEqual(['manager_new_order', 'order_confirmation'])
  })
})

test.describe('the checkout form refuses a bad submission next to the field and stays on the page', () => {
  test('a credit code with a wrong check character', async ({ page }) => {
    const quoteId = await createFixedBroadbandQuote(page.request)
    await page.goto(`/en/checkout/${quoteId}`)
    await waitForCheckout(page)
    const posts = countOrderPosts(page)
    await fillCheckout(page, { ...customer, creditCode: '91330100716105852G' })
    await page.getByLabel(/I have read and accept the contract terms/).check()
    await page.getByRole('button', { name: 'Place order and pay' }).click()

    const creditCode = page.locator('#checkout-creditCode')
    const field = page.locator('.field', { has: creditCode })
    await expect(field.locator('.error')).toHaveText('Please check: 18 characters, and the last (check) character does not match')
    await expect(creditCode).toHaveAttribute('aria-invalid', 'true')
    await expect(creditCode).toBeFocused()
    await expect(page.locator('form.checkout .error')).toHaveCount(1) // only this field
    await expect(page).toHaveURL(new RegExp(`/en/checkout/${quoteId}$`))
    expect(posts()).toBe(0)
    expect(ordersForQuote(quoteId)).toEqual([])

    // Corrected, the error goes on the next submission.
    await creditCode.fill('91330100716105852F')
    await page.getByRole('radio', { name: /^Bank transfer/ }).check()
    await page.getByLabel(/I have read and accept the contract terms/).uncheck()
    await page.getByRole('button', { name: 'Place order' }).click()
    await expect(field.locator('.error')).toHaveCount(0)
    await expect(creditCode).toHaveAttribute('aria-invalid', 'false')
  })

  test('the contract terms not accepted', async ({ page }) => {
    const quoteId = await createFixedBroadbandQuote(page.request)
    await page.goto(`/en/checkout/${quoteId}`)
    await waitForCheckout(page)
    const posts = countOrderPosts(page)
    await fillCheckout(page, customer)
    await page.getByRole('radio', { name: /^Bank transfer/ }).check()
    await page.getByRole('button', { name: 'Place order' }).click()

    const accept = page.locator('#checkout-acceptTerms')
    const field = page.locator('.field', { has: accept })
    await expect(field.getByRole('alert')).toHaveText('Please read and accept the contract terms')
    await expect(accept).toHaveAttribute('aria-invalid', 'true')
    await expect(accept).toBeFocused()
    await expect(page.locator('form.checkout .error')).toHaveCount(1)
    await expect(page).toHaveURL(new RegExp(`/en/checkout/${quoteId}$`))
    expect(posts()).toBe(0)
    expect(ordersForQuote(quoteId)).toEqual([])
  })
})
