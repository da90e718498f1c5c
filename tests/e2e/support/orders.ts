import { randomUUID } from 'node:crypto'
import { expect, type APIRequestContext } from '@playwright/test'
import type { InstallDay } from '../../../server/domain/install-slots'
import { mailedCode } from './database'
import type { InvoiceDetailsInput } from '../../../server/schemas/invoice-details'

/** A stored fixed + broadband quote (one line, 100M; a new customer), as the configurator would make it. */
export async function createFixedBroadbandQuote(request: APIRequestContext, buildingId?: string, attribution?: Record<string, string>): Promise<string> {
  const response = await request.post('/api/quotes', {
    data: {
      offering: 'fixed-broadband',
      termMonths: 12,
      items: { 'fixed-line': 1, 'bb-100': 1 },
      customer: { status: 'new' },
      ...(buildingId ? { buildingId } : {}),
      ...(attribution ? { attribution } : {}),
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

/** Places an order for a quote through the API (a morning visit on the first day with a crew free then, as checkout offers it). */
export async function placeOrder(
  request: APIRequestContext,
  quoteId: string,
  { buildingId, method, lang = 'zh', invoice }: { buildingId: string; method: 'online' | 'invoice'; lang?: 'zh' | 'en'; invoice?: InvoiceDetailsInput },
): Promise<PlacedOrder> {
  // The run's journeys share Jin Mao's district: its first mornings fill up (INSTALL_CAPACITY_PER_HALF_DAY).
  const offered = await request.get(`/api/buildings/${buildingId}/install-days`)
  expect(offered.status(), await offered.text()).toBe(200)
  const day = ((await offered.json()) as { days: InstallDay[] }).days.find((candidate) => candidate.slots.includes('am'))!
  const email = 'zhang.san@example.com'
  // The contact e-mail is verified first, with the code read from the mail (the outbox).
  const asked = await request.post('/api/verifications', { data: { email, lang } })
  expect(asked.status(), await asked.text()).toBe(202)
  const { id } = (await asked.json()) as { id: string }
  const response = await request.post('/api/orders', {
    headers: { 'Idempotency-Key': randomUUID() },
    data: {
      quoteId,
      company: { name: '上海测试科技有限公司', creditCode: '91330100716105852F' },
      contact: { name: '张三', mobile: '13812345678', email },
      verification: { id, code: mailedCode(id) },
      site: { buildingId, floor: '12', unit: '1203' },
      installSlot: { date: day.date, slot: 'am' },
      payment: { method },
      acceptTerms: true,
      lang,
      ...(invoice ? { invoice } : {}),
    },
  })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()) as PlacedOrder
}
