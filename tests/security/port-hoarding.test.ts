import { beforeAll, describe, expect, it } from 'vitest'
import { readEventNote } from '../../server/domain/order-history'
import { OPERATIONS_ADDRESS } from '../../server/notifications/messages'
import { findOrderByNumber } from '../../server/repositories/orders-repository'
import { approve, reject, type OrderActor } from '../../server/orders/lifecycle'
import { auditOf } from '../../server/repositories/audit-repository'
import type { QuoteRequestInput } from '../../server/schemas/quote-request'
import { createQuote, orderBody, postOrder } from '../support/orders'
import { createStaff } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

/** 160 free voice ports and 40 fibre ports in the seed. */
const PARK = 'bld-pudong-software-park'

/** Business Evergreen waives every one-time fee: nothing is due today, whatever is ordered. */
const evergreen = (items: Record<string, number>): QuoteRequestInput => ({
  offering: 'evergreen',
  termMonths: 12,
  options: { plan: 'A' },
  items,
  customer: { status: 'new', priorMonthlySpend: [800000, 800000, 800000] },
  usage: { local_voice: 300000 },
})

describe.each(databaseKinds)('one order cannot take a building’s ports on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db
  let ops: OrderActor
  beforeAll(async () => {
    ops = { kind: 'staff', id: (await createStaff(seeded.api, ['ops'])).id }
  })
  const freePorts = async (id = PARK) => db().selectFrom('buildings').select(['free_voice_ports', 'free_fibre_ports']).where('id', '=', id).executeTakeFirstOrThrow()
  const mailsFor = async (number: string) =>
    (await db().selectFrom('outbox').select(['kind', 'recipient', 'payload_json']).execute()).filter((row) => JSON.parse(row.payload_json).orderNumber === number)

  async function order(items: Record<string, number>, buildingId = PARK) {
    const quote = await createQuote(seeded.api, evergreen(items))
    expect(quote.oneTime.total).toBe(0)
    const response = await postOrder(seeded.api, orderBody(quote.id, { site: { buildingId, floor: '3', unit: '301' } }))
    expect(response.status).toBe(201)
    return (await response.json()) as { number: string; status: string }
  }

  it('puts a ¥0-due order for 50 lines and 110 extensions in review, reserving nothing, and tells operations and the customer', async () => {
    const before = await freePorts()
    expect(before.free_voice_ports).toBe(160)
    const placed = await order({ 'fixed-line': 50, 'centrex-ext': 110 })
    expect(placed.status).toBe('pending_review')
    expect(await freePorts()).toEqual(before)
    const row = (await findOrderByNumber(db(), placed.number))!
    expect(row).toMatchObject({ status: 'pending_review', voice_ports_reserved: 0, fibre_ports_reserved: 0, payment_due_at: null })
    expect(await db().selectFrom('work_orders').select('id').where('order_id', '=', row.id).execute()).toEqual([])
    const mails = await mailsFor(placed.number)
    const review = mails.find((mail) => mail.kind === 'ops_order_review')!
    expect(review.recipient).toBe(OPERATIONS_ADDRESS)
    expect(JSON.parse(review.payload_json).reasons).toEqual([
      { kind: 'component_count', code: 'fixed-line', count: 50, limit: 20 },
      { kind: 'component_count', code: 'centrex-ext', count: 110, limit: 60 },
      { kind: 'port_share', port: 'voice', needed: 160, free: 160, allowed: 40 },
    ])
    const confirmation = mails.find((mail) => mail.kind === 'order_confirmation')!
    expect(JSON.parse(confirmation.payload_json).status).toBe('pending_review')
  })

  it('reviews on either bound alone: the price book’s count per component, or a share of the building’s free ports', async () => {
    // 21 lines are within 25 % of 160 voice ports (40) but above the 20 a fixed-line order may have.
    expect((await order({ 'fixed-line': 21 })).status).toBe('pending_review')
    // 6 lines are within the fixed-line count but above 25 % of the 20 voice ports of this building (5).
    expect((await order({ 'fixed-line': 6 }, 'bld-lancun-road-mixed')).status).toBe('pending_review')
    expect((await order({ 'fixed-line': 5 }, 'bld-lancun-road-mixed')).status).toBe('confirmed')
  })

  it('confirms (never marks paid) a ¥0-due order within both bounds and reserves its ports at once', async () => {
    const before = await freePorts()
    const placed = await order({ 'fixed-line': 20, 'centrex-ext': 10 })
    expect(placed.status).toBe('confirmed')
    expect((await freePorts()).free_voice_ports).toBe(before.free_voice_ports - 30)
  })

  it('follows the share setting', async () => {
    seeded.api.services.orderPolicy = { ...seeded.api.services.orderPolicy, reviewPortSharePercent: 100 }
    try {
      expect((await order({ 'fixed-line': 6 }, 'bld-lancun-road-mixed')).status).toBe('confirmed')
    } finally {
      seeded.api.services.orderPolicy = { ...seeded.api.services.orderPolicy, reviewPortSharePercent: 25 }
    }
  })

  it('reserves the ports only when operations approve, then goes on as confirmed and tells the customer', async () => {
    const placed = await order({ 'fixed-line': 30, 'centrex-ext': 5 })
    const before = await freePorts()
    const approved = await approve(seeded.api.services, ops, placed.number, 'known customer')
    expect(approved).toMatchObject({ status: 'confirmed', voice_ports_reserved: 35, amount_due_fen: 0, payment_due_at: null })
    expect((await freePorts()).free_voice_ports).toBe(before.free_voice_ports - 35)
    const work = await db().selectFrom('work_orders').select(['kind', 'status']).where('order_id', '=', approved.id).execute()
    expect(work).toEqual([{ kind: 'site_installation', status: 'open' }])
    const mails = await mailsFor(placed.number)
    expect(mails.filter((mail) => mail.kind === 'order_approved').map((mail) => JSON.parse(mail.payload_json).status)).toEqual(['confirmed'])
    const events = await db().selectFrom('order_events').select(['status', 'note']).where('order_id', '=', approved.id).orderBy('sequence').execute()
    expect(events.map((event) => ({ status: event.status, note: readEventNote(event.note) }))).toEqual([
      { status: 'pending_review', note: null },
      { status: 'confirmed', note: { action: 'approve', reason: 'known customer' } },
    ])
    const audit = await auditOf(db(), { kind: 'order', id: approved.id })
    expect(audit).toMatchObject([
      { actor: { kind: 'customer', id: null }, action: 'place', before: { status: null }, after: { status: 'pending_review', fibrePorts: 0, voicePorts: 0 } },
      { actor: ops, action: 'approve', before: { status: 'pending_review' }, after: { status: 'confirmed', voicePorts: 35 }, reason: 'known customer' },
    ])
    // Decided once: a second approval (or a rejection) is refused and changes nothing.
    await expect(approve(seeded.api.services, ops, placed.number)).rejects.toMatchObject({ code: 'invalid_request' })
    await expect(reject(seeded.api.services, ops, placed.number, 'too late')).rejects.toMatchObject({ code: 'invalid_request' })
    expect((await freePorts()).free_voice_ports).toBe(before.free_voice_ports - 35)
  })

  it('sends an approved order to a survey when its ports went to others meanwhile', async () => {
    const placed = await order({ 'fixed-line': 6 }, 'bld-lancun-road-mixed')
    await db().updateTable('buildings').set({ free_voice_ports: 2 }).where('id', '=', 'bld-lancun-road-mixed').execute()
    const approved = await approve(seeded.api.services, ops, placed.number)
    expect(approved).toMatchObject({ status: 'survey_required', voice_ports_reserved: 0, amount_due_fen: 0 })
    expect((await freePorts('bld-lancun-road-mixed')).free_voice_ports).toBe(2)
  })

  it('cancels a rejected order, which held nothing, and tells the customer why', async () => {
    const placed = await order({ 'fixed-line': 50, 'centrex-ext': 110 })
    const before = await freePorts()
    const rejected = await reject(seeded.api.services, ops, placed.number, 'not a tenant')
    expect(rejected.status).toBe('cancelled')
    expect(await freePorts()).toEqual(before)
    const cancelled = (await mailsFor(placed.number)).filter((mail) => mail.kind === 'order_cancelled')
    expect(cancelled.map((mail) => JSON.parse(mail.payload_json).reason)).toEqual(['not_approved'])
  })

  it('tells the customer’s tracking page the order is in review, with no payment deadline yet', async () => {
    const placed = await order({ 'fixed-line': 21 })
    const row = (await findOrderByNumber(db(), placed.number))!
    const tracking = await (await seeded.api.request(`/api/orders/${placed.number}?token=${row.tracking_token}`)).json()
    expect(tracking).toMatchObject({ status: 'pending_review', payment: { dueBy: null } })
  })
})
