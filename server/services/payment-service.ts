import type { Kysely } from 'kysely'
import type Stripe from 'stripe'
import type { Database } from '../../db/schema'
import type { PaymentFlag } from '../domain/order-history'
import { AppError } from '../errors'
import { cancelOrder, flagPayment, markPaid, stripeActor } from '../orders/lifecycle'
import { findOrder, setStripeSession, type OrderRow } from '../repositories/orders-repository'
import { isUniqueViolation } from './database-errors'
import type { Services } from './services'

/** How long a customer has on Stripe's page before the reservation is given back (Stripe's minimum is 30 min). */
const CHECKOUT_MINUTES = 60

/**
 * Stripe's hosted page for an order awaiting payment: the open session if there is one, else a new
 * one. The idempotency key comes from the order (and the session it replaces), so retries never
 * create a second session for the same attempt.
 */
export async function checkoutUrl(services: Services, order: OrderRow, returnTo: { success: string; cancel: string }): Promise<string> {
  const stripe = services.stripe
  if (!stripe) throw new AppError('payment_unavailable', 'Online payment is not available.')
  if (order.status !== 'awaiting_payment') throw new AppError('payment_unavailable', 'This order is not waiting for an online payment.')
  if (order.stripe_session_id) {
    const open = await stripe.client.checkout.sessions.retrieve(order.stripe_session_id)
    if (open.status === 'open' && open.url) return open.url
  }
  const session = await stripe.client.checkout.sessions.create(
    {
      mode: 'payment',
      currency: 'cny',
      // Card, Alipay and WeChat Pay where the account has them enabled.
      allowed_payment_method_types: ['card', 'alipay', 'wechat_pay'],
      payment_method_options: { wechat_pay: { client: 'web' } },
      line_items: [
        {
          quantity: 1,
          price_data: { currency: 'cny', unit_amount: order.amount_due_fen, product_data: { name: `${order.number} · ${order.company_name}` } },
        },
      ],
      metadata: { order_id: order.id, order_number: order.number },
      client_reference_id: order.id,
      customer_email: order.contact_email,
      success_url: `${returnTo.success}${returnTo.success.includes('?') ? '&' : '?'}session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: returnTo.cancel,
      expires_at: Math.floor(services.now().getTime() / 1000) + CHECKOUT_MINUTES * 60,
    },
    { idempotencyKey: `checkout:${order.id}:${order.stripe_session_id ?? 'first'}` },
  )
  await setStripeSession(services.db, order.id, session.id)
  return session.url!
}

/** What became of a Stripe event (recorded beside it, shown to operations). */
export type StripeEventOutcome = 'confirmed' | 'already_settled' | 'released' | 'flagged' | 'ignored' | 'unknown_order' | 'duplicate'
type Outcome = StripeEventOutcome

/**
 * One Stripe event, exactly once: its id is recorded in the same transaction as its effect, so a
 * replay (or five at once) finds it recorded and changes nothing.
 */
export async function handleStripeEvent(services: Services, event: Stripe.Event): Promise<Outcome> {
  try {
    return await services.db.transaction().execute(async (trx) => {
      const seen = await trx.selectFrom('stripe_events').select('id').where('id', '=', event.id).executeTakeFirst()
      if (seen) return 'duplicate'
      const session = sessionOf(event)
      const orderId = session?.metadata?.order_id ?? null
      const outcome = session ? await applyEvent(services, trx, event.type, session) : 'ignored'
      await trx.insertInto('stripe_events').values({ id: event.id, type: event.type, order_id: orderId, outcome, received_at: services.now().toISOString() }).execute()
      return outcome
    })
  } catch (error) {
    if (isUniqueViolation(error)) return 'duplicate'
    throw error
  }
}

/** The success page's own check, for when the customer is back before the webhook: confirms once, like it. */
export async function confirmFromSession(services: Services, order: OrderRow, sessionId: string): Promise<void> {
  if (!services.stripe || order.status !== 'awaiting_payment' || order.stripe_session_id !== sessionId) return
  const session = await services.stripe.client.checkout.sessions.retrieve(sessionId)
  if (session.payment_status !== 'paid') return
  await services.db.transaction().execute((trx) => confirm(services, trx, session))
}

function sessionOf(event: Stripe.Event): Stripe.Checkout.Session | undefined {
  return event.type.startsWith('checkout.session.') ? (event.data.object as Stripe.Checkout.Session) : undefined
}

async function applyEvent(services: Services, trx: Kysely<Database>, type: string, session: Stripe.Checkout.Session): Promise<Outcome> {
  switch (type) {
    case 'checkout.session.completed':
      // Card payments are paid now; bank-based methods complete first and succeed (or fail) later.
      return session.payment_status === 'paid' ? confirm(services, trx, session) : 'ignored'
    case 'checkout.session.async_payment_succeeded':
      return confirm(services, trx, session)
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired':
      return release(services, trx, session)
    default:
      return 'ignored'
  }
}

async function confirm(services: Services, trx: Kysely<Database>, session: Stripe.Checkout.Session): Promise<Outcome> {
  const order = session.metadata?.order_id ? await findOrder(trx, session.metadata.order_id) : undefined
  if (!order) return 'unknown_order'
  const mismatch: PaymentFlag | undefined =
    session.id !== order.stripe_session_id
      ? { kind: 'foreign_session', session: session.id }
      : session.amount_total !== order.amount_due_fen || session.currency?.toLowerCase() !== order.currency.toLowerCase()
        ? { kind: 'amount_mismatch', paidFen: session.amount_total, paidCurrency: session.currency, dueFen: order.amount_due_fen, dueCurrency: order.currency }
        : undefined
  if (mismatch) return flag(services, trx, order, mismatch)
  if (order.status !== 'awaiting_payment' || !(await markPaid(services, trx, order, stripeActor, { paidBy: 'stripe', stripeSession: session.id }))) {
    return order.status === 'cancelled' ? flag(services, trx, order, { kind: 'paid_after_cancellation', session: session.id }) : 'already_settled'
  }
  return 'confirmed'
}

/** A failed or abandoned payment gives the building's ports back, cancels the order and tells the customer. */
async function release(services: Services, trx: Kysely<Database>, session: Stripe.Checkout.Session): Promise<Outcome> {
  const order = session.metadata?.order_id ? await findOrder(trx, session.metadata.order_id) : undefined
  if (!order) return 'unknown_order'
  if (session.id !== order.stripe_session_id) return 'ignored'
  if (order.status !== 'awaiting_payment') return 'already_settled'
  const record = { actor: stripeActor, action: 'payment_failed' } as const
  return (await cancelOrder(services, trx, order, 'payment_failed', record)) ? 'released' : 'already_settled'
}

async function flag(services: Services, trx: Kysely<Database>, order: OrderRow, why: PaymentFlag): Promise<Outcome> {
  await flagPayment(services, trx, order, stripeActor, why)
  return 'flagged'
}
