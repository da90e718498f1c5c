import { expect, test } from '@playwright/test'
import { act, actionForm, signInToConsole } from './support/console'
import { buildingPorts, storedOrder } from './support/database'
import { createFixedBroadbandQuote, placeOrder } from './support/orders'

/** Fully booked on fibre (seed): an order with broadband there waits for a site survey. */
const BUILDING = 'bld-shanghai-tower'

test('operations record a site survey: the order that waited for it reserves the ports the survey added and asks for the transfer', async ({ page, request }) => {
  const quoteId = await createFixedBroadbandQuote(request, BUILDING)
  const placed = await placeOrder(request, quoteId, { buildingId: BUILDING, method: 'invoice' })
  expect(placed.status).toBe('survey_required')
  const before = buildingPorts(BUILDING)

  await page.goto(`/console/orders/${placed.number}`)
  await signInToConsole(page, 'ops@example.com')
  await expect(page.getByTestId('order-status')).toHaveText('待勘查')
  // Prefilled with what the building lacks for the order: its fibre port, no voice port (it has them).
  const survey = actionForm(page, 'complete-survey')
  await expect(survey.getByLabel('新增光纤端口')).toHaveValue('1')
  await expect(survey.getByLabel('新增语音端口')).toHaveValue('0')

  // The survey found nothing after all: the order keeps waiting, and the page says why.
  await act(page, 'complete-survey', (form) => form.getByLabel('新增光纤端口').fill('０'))
  await expect(page.getByRole('alert')).toHaveText('加上登记的新增端口，楼宇的空闲端口仍不够本订单使用：请按勘察结果填写新增端口数。')
  await expect(page.getByTestId('order-status')).toHaveText('待勘查')

  await act(page, 'complete-survey', (form) => form.getByLabel('备注').fill('新拉一路光纤'))
  await expect(page.getByRole('status')).toHaveText('已登记勘察结果，订单已预留端口。')
  await expect(page.getByTestId('order-status')).toHaveText('待对公转账')
  const order = storedOrder(placed.number)!
  expect(order.fibre_ports_reserved).toBe(1)
  expect(order.amount_due_fen).toBeGreaterThan(0)
  // The port the survey added is the one the order holds.
  expect(buildingPorts(BUILDING)).toEqual({ free_fibre_ports: before.free_fibre_ports, free_voice_ports: before.free_voice_ports - order.voice_ports_reserved })
})
