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

/** Nothing due today and 35 voice ports: above the review share, so its order waits in pending_review. */
export const reviewedEvergreenQuote: QuoteRequestInput = {
  offering: 'evergreen',
  termMonths: 12,
  options: { plan: 'A' },
  items: { 'fixed-line': 30, 'centrex-ext': 5 },
  customer: { status: 'new', priorMonthlySpend: [800000, 800000, 800000] },
  usage: { local_voice: 300000 },
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

/** The code mailed for a verification, read from the outbox the way the customer reads their mail. */
export async function mailedCode(api: TestApi, verificationId: string): Promise<string> {
  const mails = await api.services.db.selectFrom('outbox').select('payload_json').where('kind', '=', 'email_verification').execute()
  const payloads = mails.map((mail) => JSON.parse(mail.payload_json) as { verificationId: string; code: string })
  const mail = payloads.find((payload) => payload.verificationId === verificationId)
  if (!mail) throw new Error(`no verification mail for ${verificationId}`)
  return mail.code
}

/** Asks for a code for the address (POST /api/verifications); answers the id and the mailed code. */
export async function verifyEmail(api: TestApi, email: string): Promise<{ id: string; code: string }> {
  const response = await api.postJson('/api/verifications', { email })
  if (response.status !== 202) throw new Error(`verification refused: ${await response.text()}`)
  const { id } = (await response.json()) as { id: string }
  return { id, code: await mailedCode(api, id) }
}

/**
 * `key: null` sends no Idempotency-Key header. A body whose contact e-mail is not yet verified is
 * sent with a fresh verification of it, as the checkout does; `verify: false` sends it as it is.
 */
export async function postOrder(api: TestApi, body: unknown, key: string | null = crypto.randomUUID(), { verify = true } = {}) {
  return api.request('/api/orders', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === null ? {} : { 'Idempotency-Key': key }) },
    body: JSON.stringify(verify ? await withVerification(api, body) : body),
  })
}

async function withVerification(api: TestApi, body: unknown): Promise<unknown> {
  if (typeof body !== 'object' || body === null || 'verification' in body) return body
  const email = (body as { contact?: { email?: unknown } }).contact?.email
  // A body with no usable address is sent as it is, to be refused for that.
  if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return body
  return { ...body, verification: await verifyEmail(api, email) }
}
