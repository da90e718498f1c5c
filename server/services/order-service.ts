import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { isInstallSlotOffered } from '../domain/install-slots'
import { timeOrderedId } from '../domain/time-ordered-id'
import { reviewReasons, type ReviewReason } from '../domain/order-review'
import type { OrderStatus } from '../domain/order-status'
import { portsNeeded } from '../domain/ports-needed'
import { AppError } from '../errors'
import { OPERATIONS_ADDRESS, outboxInsert, type EnqueuedMessage } from '../notifications/messages'
import { winLeadsForOrder } from '../leads/lifecycle'
import { customerActor, place, type Placement } from '../orders/lifecycle'
import { orderNumber } from '../orders/order-number'
import { buildingWithManagerOf, buildingWithManagerQuery, type BuildingWithManager } from '../repositories/buildings-repository'
import { emailVerificationClaim, emailVerificationQuery } from '../repositories/email-verifications-repository'
import { findOfferCode, isOfferCodeHolder } from '../repositories/offer-codes-repository'
import { insertInvoiceDetails } from '../repositories/order-invoices-repository'
import {
  consumeOfferCode,
  findIdempotentResponse,
  saveIdempotentResponse,
} from '../repositories/orders-repository'
import { bookedInstallsAtBuildingQuery } from '../repositories/install-capacity-repository'
import { openLeadsOfCompanyQuery } from '../repositories/leads-repository'
import { readInOneTrip } from '../repositories/one-trip-reads'
import { quoteToOrderOf, quoteToOrderQuery } from '../repositories/quotes-repository'
import { defaultInvoiceDetails } from '../schemas/invoice-details'
import type { OrderRequest } from '../schemas/order-request'
import type { Quote } from '../schemas/quote'
import { isUniqueViolation, isUniqueViolationOn } from './database-errors'
import { orderLinks } from './order-links'
import { assertServiceable, deliveredComponents } from './serviceability-service'
import { presentedProof, usedVerification, verifiedOrderEmail } from './email-verification-service'
import { assertRoomInSlot } from './install-availability'
import { writeTogether } from './group-commit'
import type { Services } from './services'

export interface OrderPlaced {
  id: string
  number: string
  status: OrderStatus
  payment: { method: 'online' | 'invoice'; amountDue: number; url?: string }
  trackingUrl: string
}

export interface IdempotentAnswer {
  statusCode: number
  body: OrderPlaced
  replayed: boolean
}

/** Placings of one order that may draw an order number already taken, before it is given up. */
const NUMBER_DRAWS = 3

/**
 * Places an order for a stored quote. The price comes from the quote only. In one transaction: the
 * order, its items, the building's ports, work orders, routing to the manager, the timeline, outbox
 * messages and the idempotent answer. Without ports left the order is `survey_required` and nothing
 * is charged. An order above what may be taken without review is `pending_review` and holds nothing
 * (order-review-service approves or rejects it). The same key with the same body replays the first answer.
 */
export async function placeOrder(services: Services, idempotencyKey: string, request: OrderRequest): Promise<IdempotentAnswer> {
  const requestHash = requestHashOf(request)
  for (let draw = 1; ; draw++) {
    try {
      return await placeNewOrder(services, idempotencyKey, requestHash, request)
    } catch (error) {
      // Another order of the day drew the same number: nothing of this one was kept, place it again.
      if (draw < NUMBER_DRAWS && isUniqueViolationOn(error, 'orders', 'number')) continue
      return await refusedOrReplayed(services.db, idempotencyKey, requestHash, error)
    }
  }
}

/**
 * A retry is refused by what its first placing used up: the e-mail proof, the quote (its unique
 * order), the key itself. So the answer stored under the key is looked for only on a refusal, not
 * before every order: a retry, whether the first has long committed or commits meanwhile in
 * another server process, gets the first answer, not a refusal of its own order.
 */
async function refusedOrReplayed(db: Kysely<Database>, idempotencyKey: string, requestHash: string, error: unknown): Promise<IdempotentAnswer> {
  const twin = error instanceof AppError || isUniqueViolation(error) ? await replay(db, idempotencyKey, requestHash) : undefined
  if (twin) return twin
  if (isUniqueViolationOn(error, 'orders', 'quote_id')) throw new AppError('quote_already_ordered', 'This quote has already been ordered.')
  throw error
}

/**
 * The verification proves who asks, it is not part of what is ordered: a retry of the same order
 * with a fresh proof is still the same order.
 */
function requestHashOf({ verification: _proof, ...ordered }: OrderRequest): string {
  return createHash('sha256').update(JSON.stringify(ordered)).digest('hex')
}

async function placeNewOrder(services: Services, idempotencyKey: string, requestHash: string, request: OrderRequest): Promise<IdempotentAnswer> {
  const proof = presentedProof(request.verification)
  const now = services.now()
  // What the order is checked against, read in one trip (on PostgreSQL), before anything is written.
  const read = await readInOneTrip(services.db, {
    verification: emailVerificationQuery(services.db, proof.id),
    quote: quoteToOrderQuery(services.db, request.quoteId),
    site: buildingWithManagerQuery(services.db, request.site.buildingId),
    booked: bookedInstallsAtBuildingQuery(services.db, request.site.buildingId, request.installSlot),
    // Won by the order in its transaction; one that moved meanwhile is left as it is (a guarded transition).
    leads: openLeadsOfCompanyQuery(services.db, request.site.buildingId, { creditCode: request.company.creditCode, mobile: request.contact.mobile }),
  })
  // The one address this order ever writes to: the one its contact proved they read.
  const verified = await verifiedOrderEmail(services.db, proof, read.verification[0], request.contact.email, now)
  const email = verified.email
  if (read.quote.length === 0) throw new AppError('quote_not_found', 'There is no quote with this id.', [{ path: 'quoteId', message: 'unknown quote' }])
  const quoted = quoteToOrderOf(read.quote[0])
  const { quote } = quoted
  // Refused before its offer code is tried: an ordered win-back quote is "already ordered", not a wrong code.
  // (Two placings at once are settled by the unique index on the quote's order.)
  if (quoted.ordered) throw new AppError('quote_already_ordered', 'This quote has already been ordered.')
  if (Date.parse(quote.expiresAt) <= now.getTime()) throw new AppError('quote_expired', 'This quote has expired; please make a new one.')
  const amountDue = quote.oneTime.total
  if (request.payment.method === 'online' && amountDue > 0 && !services.stripe) {
    throw new AppError('payment_unavailable', 'Online payment is not available; choose invoice (bank transfer).', [{ path: 'payment.method', message: 'unavailable' }])
  }
  if (read.site.length === 0) throw new AppError('building_not_found', 'There is no building with this id.', [{ path: 'site.buildingId', message: 'unknown building' }])
  const site = buildingWithManagerOf(read.site[0])
  const { date, slot } = request.installSlot
  if (!isInstallSlotOffered(now, site.building.same_day_install === 1, date, slot)) {
    throw new AppError('install_slot_unavailable', 'This installation slot is not offered for this building.', [{ path: 'installSlot', message: 'not offered' }])
  }
  // The slot is the customer's wish until operations book it; a slot already fully booked is no wish to accept.
  assertRoomInSlot(Number(read.booked[0].booked), services.orderPolicy.installCapacityPerHalfDay, site.building.district, request.installSlot, 'installSlot')
  const catalog = await services.catalogs.byVersion(quote.catalogVersion)
  const offering = catalog.offerings.get(quote.offering)
  if (!offering) throw new Error(`catalog ${catalog.version} has no offering ${quote.offering}, which quote ${quote.id} was priced with`)
  const delivered = deliveredComponents(catalog, offering, quote.items, quote.options)
  // An existing customer's current services carry a plan without new ones; a new customer would get nothing.
  if (delivered.length === 0 && quote.customer.status === 'new') {
    throw new AppError('invalid_configuration', 'A new customer’s order needs at least one service.', [{ path: 'items', message: 'no service to install or deliver' }])
  }
  // The quote may have named no building, or another one: the site is where it must be deliverable.
  assertServiceable(site.building, catalog, offering, delivered)
  // First touch: what the order page sent, else what the quote was made with.
  const attribution = request.attribution ?? quoted.attribution
  const ports = portsNeeded(delivered)
  const free = { fibre: site.building.free_fibre_ports, voice: site.building.free_voice_ports }
  const reasons = reviewReasons(delivered, ports, free, services.orderPolicy.reviewPortSharePercent)

  // Orders arriving together share one commit (one fsync on SQLite), each in a savepoint of its own.
  // An order of the same quote, or under the same key, committed first is refused by a unique index.
  return writeTogether(services.db, async (trx) => {
    const at = now.toISOString()
    // A quote never changes: the offer code it was priced with was read with it.
    const { offerCode } = quoted
    // A win-back code is the offer of one company in one building: whoever else holds it may see the
    // price, but not order it. Refused before it is consumed, so the holder can still use it.
    if (offerCode && !isOfferCodeHolder(await findOfferCode(trx, offerCode), request.company.creditCode, site.building.id)) {
      throw new AppError('offer_code_invalid', 'This offer code was issued to another company or building: order it with the company (credit code) and building it was issued to.', [
        { path: 'company.creditCode', message: 'not the company or building the offer code was issued to' },
      ])
    }
    if (offerCode && !(await consumeOfferCode(trx, offerCode, at))) {
      throw new AppError('offer_code_invalid', 'The offer code of this quote has been used, revoked or has expired.')
    }
    // Time-ordered, as its rows' keys: a new order's rows go at the end of each index on its id (items,
    // events, invoice, search backlog) instead of into a random page of each (measured on SQLite, 50
    // connections: 516–581 → 681–698 orders/s with its mails' and work orders' ids time-ordered too).
    const id = timeOrderedId()
    const number = orderNumber(now)
    const token = randomBytes(24).toString('base64url')
    const links = orderLinks(services.siteUrl, request.lang, number, token)
    const routing = { manager_id: site.manager?.id ?? null, queue_district: site.manager ? null : site.building.district }
    const answerTo = (placement: Placement): OrderPlaced => ({
      id,
      number,
      status: placement.status,
      payment: {
        method: request.payment.method,
        amountDue: placement.amountDue,
        ...(placement.status === 'awaiting_payment' ? { url: links.payment } : {}),
      },
      trackingUrl: links.tracking,
    })
    const placed = await place(
      services,
      trx,
      customerActor,
      {
        id,
        number,
        quote_id: quote.id,
        payment_method: request.payment.method,
        monthly_fen: quote.monthly.estimatedBill,
        currency: quote.currency,
        company_name: request.company.name,
        credit_code: request.company.creditCode,
        contact_name: request.contact.name,
        contact_mobile: request.contact.mobile,
        contact_email: email,
        lang: request.lang,
        building_id: site.building.id,
        floor: request.site.floor,
        unit: request.site.unit,
        install_date: date,
        install_slot: slot,
        ...routing,
        tracking_token: token,
        stripe_session_id: null,
        flagged_reason: null,
        attribution_json: attribution ? JSON.stringify(attribution) : null,
        terms_accepted_at: at,
        created_at: at,
        updated_at: at,
      },
      orderItems(quote),
      { amountDue, delivered, ports, reviewReasons: reasons, site: { floor: request.site.floor, unit: request.site.unit, installDate: date, installSlot: slot }, routing },
      // The order's invoice details, its mails, the answer to its key and its e-mail proof, used up, go
      // in the order's own trip (one statement on PostgreSQL). One order per proof: a twin placed
      // concurrently with the same proof finds it taken, and rolls back.
      (placement) => ({
        writes: [
          insertInvoiceDetails(trx, id, request.invoice ?? defaultInvoiceDetails(request.company), at),
          outboxInsert(trx, orderMessages(placement, { request, number, email, quote, site, trackingUrl: links.tracking, amountDue, reasons }), now),
          saveIdempotentResponse(trx, idempotencyKey, requestHash, 201, answerTo(placement), at),
        ],
        claim: emailVerificationClaim(trx, verified.id, id, at),
      }),
    )
    if (!placed.claimed) throw usedVerification()
    // The company ordered: its open leads in the building's scope are won by this order.
    await winLeadsForOrder(services, trx, { id, number, credit_code: request.company.creditCode }, read.leads)
    return { statusCode: 201, body: answerTo(placed), replayed: false }
  })
}

/** What an order's mails are made of besides its placement. */
interface OrderMailFacts {
  request: OrderRequest
  number: string
  email: string
  quote: Quote
  site: BuildingWithManager
  trackingUrl: string
  /** What the quote asks to pay now: the manager's notice gives it, whatever the placement leaves owed. */
  amountDue: number
  reasons: ReviewReason[]
}

/** The customer's confirmation, the manager's notice (or the district queue's) and, for an order held for review, operations'. */
function orderMessages(placement: Placement, { request, number, email, quote, site, trackingUrl, amountDue, reasons }: OrderMailFacts): EnqueuedMessage[] {
  const { status, amountDue: owed, deadlines } = placement
  const { date, slot } = request.installSlot
  const manager = site.manager
  const confirmation: EnqueuedMessage = {
    kind: 'order_confirmation',
    recipient: email,
    lang: request.lang,
    payload: {
      orderNumber: number,
      companyName: request.company.name,
      status,
      amountDue: owed,
      monthly: quote.monthly.estimatedBill,
      installDate: date,
      installSlot: slot,
      trackingUrl,
      ...(deadlines ? { paymentDueAt: deadlines.paymentDueAt.toISOString() } : {}),
      ...(manager ? { managerName: request.lang === 'zh' ? manager.name : manager.name_en, managerPhone: manager.phone } : {}),
    },
  }
  const toManager: EnqueuedMessage = {
    kind: 'manager_new_order',
    recipient: manager?.email ?? OPERATIONS_ADDRESS,
    lang: 'zh',
    payload: {
      orderNumber: number,
      companyName: request.company.name,
      buildingName: site.building.name_zh,
      status,
      installDate: date,
      installSlot: slot,
      contactName: request.contact.name,
      contactMobile: request.contact.mobile,
      amountDue,
      ...(manager ? {} : { queueDistrict: site.building.district }),
    },
  }
  // Operations review an order above what is taken without review before it holds anything.
  const toReview: EnqueuedMessage[] =
    status === 'pending_review'
      ? [
          {
            kind: 'ops_order_review',
            recipient: OPERATIONS_ADDRESS,
            lang: 'zh',
            payload: {
              orderNumber: number,
              companyName: request.company.name,
              creditCode: request.company.creditCode,
              buildingName: site.building.name_zh,
              contactName: request.contact.name,
              contactMobile: request.contact.mobile,
              reasons,
            },
          },
        ]
      : []
  return [confirmation, toManager, ...toReview]
}

async function replay(db: Kysely<Database>, key: string, requestHash: string): Promise<IdempotentAnswer | undefined> {
  const stored = await findIdempotentResponse(db, key)
  if (!stored) return undefined
  if (stored.request_hash !== requestHash) {
    throw new AppError('idempotency_conflict', 'This Idempotency-Key was used with a different request.')
  }
  return { statusCode: stored.status_code, body: JSON.parse(stored.response_json), replayed: true }
}

function orderItems(quote: Quote) {
  const monthly = quote.monthly.lines.map((line) => ({ kind: 'monthly', code: line.code, label: line.label, quantity: line.quantity ?? null, amount: line.amount, waived: false, rule: line.rule }))
  const oneTime = quote.oneTime.lines.map((line) => ({ kind: 'one_time', code: line.code, label: line.label, quantity: null, amount: line.amount, waived: line.waived, rule: line.rule }))
  return [...monthly, ...oneTime].map((item, position) => ({
    position,
    kind: item.kind,
    code: item.code,
    label_zh: item.label.zh,
    label_en: item.label.en,
    quantity: item.quantity,
    amount_fen: item.amount,
    waived: item.waived ? 1 : 0,
    rule: item.rule,
  }))
}
