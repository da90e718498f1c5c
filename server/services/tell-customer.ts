import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { enqueue, type OutboxMessage } from '../notifications/messages'
import type { OrderRow } from '../repositories/orders-repository'
import { orderLinks } from './order-links'
import type { Services } from './services'

/** Mails the order's contact, in the order's language, a message that links to its tracking page. */
export async function tellCustomer(
  services: Pick<Services, 'now' | 'siteUrl'>,
  trx: Kysely<Database>,
  order: OrderRow,
  message: (trackingUrl: string) => OutboxMessage,
): Promise<void> {
  const lang = order.lang === 'en' ? 'en' : 'zh'
  const trackingUrl = orderLinks(services.siteUrl, lang, order.number, order.tracking_token).tracking
  await enqueue(trx, { ...message(trackingUrl), recipient: order.contact_email, lang }, services.now())
}
