import { randomUUID } from 'node:crypto'
import { expect, type APIRequestContext } from '@playwright/test'
import { installDays } from '../../../server/domain/install-slots'

/** A stored fixed + broadband quote (one line, 100M; a new customer), as the configurator would make it. */
export async function createFixedBroadbandQuote(request: APIRequestContext, buildingId?: string): Promise<string> {
  const response = await request.post('/api/quotes', {
    data: {
      offering: 'fixed-broadband',
      termMonths: 12,
      items: { 'fixed-line': 1, 'bb-100': 1 },
      customer: { status: 'new' },
      ...(buildingId ? { buildingId } : {}),
    },
  })
  expect(response.status(), await response.text()).toBe(201)
  return ((await response.json()) as { id: string }).id
}

export interface PlacedOrder {
  number: string
  status: string
  trackingUrl: string
  payment: { method: 'online' | 'invoice'; amountDue: number; url?: string }
}

/** Places an order for a quote through the API (a morning visit on the first day that has one). */
export async function placeOrder(
  request: APIRequestContext,
  quoteId: string,
  { buildingId, method, lang = 'zh' }: { buildingId: string; method: 'online' | 'invoice'; lang?: 'zh' | 'en' },
): Promise<PlacedOrder> {
  const day = installDays(new Date(), false).find((candidate) => candidate.slots.includes('am'))!
  const response = await request.post('/api/orders', {
    headers: { 'Idempotency-Key': randomUUID() },
    data: {
      quoteId,
      company: { name: '上海测试科技有限公司', creditCode: '91330100716105852F' },
      contact: { name: '张三', mobile: '13812345678', email: 'zhang.san@example.com' },
      site: { buildingId, floor: '12', unit: '1203' },
      installSlot: { date: day.date, slot: 'am' },
      payment: { method },
      acceptTerms: true,
      lang,
    },
  })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()) as PlacedOrder
}
