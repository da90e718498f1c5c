import { expect, test, type APIRequestContext } from '@playwright/test'
import { DEMO_STAFF_PASSWORD } from '../../db/seed/demo-staff'
import { defaultOrderPolicy } from '../../server/domain/order-policy'
import { installDays } from '../../server/domain/install-slots'
import { createFixedBroadbandQuote, placeOrder } from './support/orders'
import { waitForCheckout } from './support/pages'

const JINMAO = 'bld-jinmao-tower' // Pudong
const PLAZA_66 = 'bld-plaza-66' // Jing'an: other crews

/** The slots the public API offers at the building on that date (none when the day is gone). */
async function slotsOn(request: APIRequestContext, buildingId: string, date: string): Promise<string[]> {
  const response = await request.get(`/api/buildings/${buildingId}/install-days`)
  expect(response.status()).toBe(200)
  const { days } = (await response.json()) as { days: { date: string; slots: string[] }[] }
  return days.find((day) => day.date === date)?.slots ?? []
}

test('checkout does not offer an afternoon the district’s crews are fully booked for', async ({ page, request }) => {
  test.slow() // operations book a whole afternoon first
  // A working day two weeks out, away from the first mornings the other journeys order for.
  const date = installDays(new Date(), false)[9].date
  const signedIn = await request.post('/api/console/session', { data: { email: 'ops@example.com', password: DEMO_STAFF_PASSWORD } })
  expect(signedIn.status()).toBe(200)
  // Operations book Pudong's afternoon until it is full (whatever the run booked there already counts).
  for (let booked = 0; booked < defaultOrderPolicy.installCapacityPerHalfDay && (await slotsOn(request, JINMAO, date)).includes('pm'); booked += 1) {
    const order = await placeOrder(request, await createFixedBroadbandQuote(request, JINMAO), { buildingId: JINMAO, method: 'invoice' })
    const paid = await request.post(`/api/console/orders/${order.number}/record-transfer`, { data: { amountYuan: (order.payment.amountDue / 100).toFixed(2) } })
    expect(paid.status(), await paid.text()).toBe(200)
    const scheduled = await request.post(`/api/console/orders/${order.number}/schedule`, { data: { date, slot: 'pm' } })
    expect(scheduled.status(), await scheduled.text()).toBe(200)
  }
  expect(await slotsOn(request, JINMAO, date)).toEqual(['am'])

  await page.goto(`/checkout/${await createFixedBroadbandQuote(request, JINMAO)}`)
  // A date chosen before the island hydrates never reaches Solid, which then shows the first day's slots.
  await waitForCheckout(page)
  await page.locator('#checkout-date').selectOption(date)
  await expect(page.getByRole('radio', { name: /上午/ })).toBeChecked()
  await expect(page.getByRole('radio', { name: /下午/ })).toHaveCount(0)
  // Another district's crews are free that afternoon: choosing a building there offers it.
  await page.locator('#checkout-building').selectOption(PLAZA_66)
  await expect(page.getByRole('radio', { name: /下午/ })).toHaveCount(1)
  await expect(page.locator('#checkout-date')).toHaveValue(date)
})
