/**
 * Validates a Checkout Session create request the way Stripe does (the parameters the app sends) and builds
 * the session it would return. Storing it, idempotency and authentication are the API's part (checkout-api).
 */
import { invalid, missing } from './api-error'
import type { FormObject, FormValue } from './form'
import { nowSeconds, randomId } from './ids'
import type { FakeLineItem, FakeSession } from './types'

const asString = (value: FormValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined)
const asObject = (value: FormValue | undefined): FormObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}
const asList = (value: FormValue | undefined): FormValue[] => (Array.isArray(value) ? value : [])
function asInteger(value: FormValue | undefined, param: string, min: number): number {
  const text = asString(value)
  if (text === undefined) throw missing(param)
  if (!/^\d+$/.test(text) || Number(text) < min) throw invalid(`Invalid integer: ${text}`, param)
  return Number(text)
}

/** API versions from 2026-09-30 (endive, the SDK v23 default) reject `payment_method_types` on Checkout Sessions. */
const ENDIVE = '2026-09-30'

function paymentMethods(params: FormObject, apiVersion: string): string[] {
  const list = (value: FormValue | undefined) => asList(value).map((m) => asString(m) ?? '')
  if (params.payment_method_types !== undefined) {
    if (apiVersion >= ENDIVE) {
      throw invalid(
        `payment_method_types is no longer supported on Checkout Sessions as of API version ${ENDIVE}.endive (this request: ${apiVersion}). ` +
          'Use allowed_payment_method_types, excluded_payment_method_types or dynamic payment methods.',
        'payment_method_types',
        'payment_method_types_no_longer_supported',
      )
    }
    return list(params.payment_method_types)
  }
  if (params.allowed_payment_method_types !== undefined && params.excluded_payment_method_types !== undefined) {
    throw invalid('allowed_payment_method_types and excluded_payment_method_types cannot be used together.', 'allowed_payment_method_types')
  }
  return list(params.allowed_payment_method_types)
}

/** The new session (its `url` is the fake's page under `origin`) and its line items; throws ApiError when Stripe would refuse. */
export function buildCheckoutSession(params: FormObject, apiVersion: string, origin: string): { session: FakeSession; items: FakeLineItem[] } {
  const mode = asString(params.mode)
  if (!mode) throw missing('mode')
  if (mode !== 'payment') throw invalid(`The fake only supports mode=payment, not ${mode}.`, 'mode')
  const successUrl = asString(params.success_url)
  if (!successUrl) throw missing('success_url')
  const rawItems = asList(params.line_items)
  if (rawItems.length === 0) throw missing('line_items')
  const items = rawItems.map((raw, i): FakeLineItem => {
    const item = asObject(raw)
    if (item.price !== undefined) throw invalid(`No such price: '${asString(item.price)}'`, `line_items[${i}][price]`, 'resource_missing')
    const priceData = asObject(item.price_data)
    const currency = asString(priceData.currency)?.toLowerCase()
    if (!currency) throw missing(`line_items[${i}][price_data][currency]`)
    const name = asString(asObject(priceData.product_data).name)
    if (!name) throw missing(`line_items[${i}][price_data][product_data][name]`)
    return {
      name,
      currency,
      unit_amount: asInteger(priceData.unit_amount, `line_items[${i}][price_data][unit_amount]`, 0),
      quantity: asInteger(item.quantity, `line_items[${i}][quantity]`, 1),
    }
  })
  const currency = (asString(params.currency) ?? items[0].currency).toLowerCase()
  if (items.some((item) => item.currency !== currency)) {
    throw invalid('All line items and the session must use the same currency.', 'line_items')
  }
  const methods = paymentMethods(params, apiVersion)
  if (methods.includes('wechat_pay') && !asString(asObject(asObject(params.payment_method_options).wechat_pay).client)) {
    throw missing('payment_method_options[wechat_pay][client]')
  }
  const created = nowSeconds()
  let expiresAt = created + 24 * 3600
  if (params.expires_at !== undefined) {
    expiresAt = asInteger(params.expires_at, 'expires_at', 0)
    if (expiresAt < created + 30 * 60 - 5 || expiresAt > created + 24 * 3600 + 5) {
      throw invalid('The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.', 'expires_at')
    }
  }
  const metadata: Record<string, string> = {}
  for (const [key, value] of Object.entries(asObject(params.metadata))) {
    if (typeof value === 'string' && value !== '') metadata[key] = value
  }
  const amount = items.reduce((sum, item) => sum + item.unit_amount * item.quantity, 0)
  const id = randomId('cs_test_', 58)
  const session: FakeSession = {
    id,
    object: 'checkout.session',
    amount_subtotal: amount,
    amount_total: amount,
    currency,
    metadata,
    client_reference_id: asString(params.client_reference_id) ?? null,
    customer_email: asString(params.customer_email) ?? null,
    customer_details: null,
    payment_intent: null,
    payment_status: 'unpaid',
    status: 'open',
    url: `${origin}/pay/${id}`,
    success_url: successUrl,
    cancel_url: asString(params.cancel_url) ?? null,
    expires_at: expiresAt,
    created,
    livemode: false,
    mode: 'payment',
    allowed_payment_method_types: params.allowed_payment_method_types ? methods : null,
    payment_method_types: methods.length > 0 ? methods : ['card'],
  }
  return { session, items }
}
