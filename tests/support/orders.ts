import type { OrderRequestInput } from '../../server/schemas/order-request'
import type { QuoteRequestInput } from '../../server/schemas/quote-request'
import type { TestApi } from './test-api'

/** A published, valid unified social credit code (Alibaba (China) Co., Ltd.). */
export const VALID_CREDIT_CODE = '91330100716105852F'

/** 100M broadband paid monthly: ¥300 installation due today, one fibre port. */
export const broadbandQuote: QuoteRequestInput = {
  offering: 'bb-express',
  options: { payment: 'monthly' },
  termMonths: 0,
  items: { 'bb-100': 1 },
  customer: { status: 'new' },
}

export async function createQuote(api: TestApi, request: QuoteRequestInput = broadbandQuote): Promise<{ id: string; oneTime: { total: number } }> {
  const response = await api.postJson('/api/quotes', request)
  if (response.status !== 201) throw new Error(`quote refused: ${await response.text()}`)
  return response.json()
}

export function orderBody(quoteId: string, overrides: Partial<OrderRequestInput> = {}): OrderRequestInput {
  return {
    quoteId,
    company: { name: '上海示例科技有限公司', creditCode: VALID_CREDIT_CODE },
    contact: { name: '李雷', mobile: '13812345678', email: 'li.lei@example.com' },
    site: { buildingId: 'bld-jinmao-tower', floor: '18', unit: '1803' },
    installSlot: { date: '2026-11-24', slot: 'am' },
    payment: { method: 'invoice' },
    acceptTerms: true,
    ...overrides,
  }
}

/** `key: null` sends no Idempotency-Key header. */
export function postOrder(api: TestApi, body: unknown, key: string | null = crypto.randomUUID()) {
  return api.request('/api/orders', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === null ? {} : { 'Idempotency-Key': key }) },
    body: JSON.stringify(body),
  })
}
