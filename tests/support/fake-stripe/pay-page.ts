/**
 * The hosted Checkout page at `/pay/<session id>`: GET shows it, POST pays (at once, or by a delayed method
 * that succeeds or fails), sends the webhook events a real payment would, then redirects to the success URL.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { readBody } from './http'
import { renderClosedPage, renderPayPage } from './pages'
import type { FakeEventType, FakeLineItem, FakeSession } from './types'
import { applyEventToSession, type WebhookSender } from './webhook-events'

interface PayPageOptions {
  sessions: Map<string, FakeSession>
  lineItems: Map<string, FakeLineItem[]>
  webhooks: WebhookSender
}

export function createPayPage({ sessions, lineItems, webhooks }: PayPageOptions) {
  return async function handlePay(req: IncomingMessage, res: ServerResponse, id: string, query: URLSearchParams): Promise<void> {
    const session = sessions.get(id)
    const html = (status: number, body: string) => res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body)
    if (!session) return void html(404, renderClosedPage('This Checkout Session does not exist.'))
    if (req.method === 'GET') {
      if (session.status !== 'open') return void html(410, renderClosedPage(`This Checkout Session is ${session.status}.`))
      return void html(200, renderPayPage(session, lineItems.get(id) ?? []))
    }
    if (req.method !== 'POST') return void html(405, renderClosedPage('Method not allowed.'))
    if (session.status !== 'open') return void html(409, renderClosedPage(`This Checkout Session is ${session.status}.`))
    const asyncMode = new URLSearchParams(await readBody(req)).get('async') ?? query.get('async')
    // Without a webhook URL the payment still changes the session, so a retrieve sees it paid.
    const deliver = async (type: FakeEventType, paymentStatus?: 'paid' | 'unpaid') => {
      if (!webhooks.hasWebhookUrl()) return void applyEventToSession(session, type, paymentStatus)
      await webhooks.sendEvent(type, id, paymentStatus ? { payment_status: paymentStatus } : {}).catch(() => {})
    }
    if (asyncMode === '1' || asyncMode === 'fail') {
      await deliver('checkout.session.completed', 'unpaid')
      await deliver(asyncMode === '1' ? 'checkout.session.async_payment_succeeded' : 'checkout.session.async_payment_failed')
    } else {
      await deliver('checkout.session.completed')
    }
    res.writeHead(303, { location: session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', id) }).end()
  }
}
