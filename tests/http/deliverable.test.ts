import { describe, expect, it } from 'vitest'
import type { OrderConfirmationPayload } from '../../server/notifications/messages'
import { renderEmail } from '../../server/notifications/render-email'
import type { QuoteRequestInput } from '../../server/schemas/quote-request'
import { createQuote, orderBody, postOrder } from '../support/orders'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

/** A standard office building whose riser carries at most 300 Mbps (with free ports and a manager). */
const SLOW_BUILDING = 'bld-lujiazui-business-plaza'

const gigabit: QuoteRequestInput = {
  offering: 'bb-express',
  options: { payment: 'monthly' },
  termMonths: 0,
  items: { 'bb-1000': 1 },
  customer: { status: 'new' },
}

const bareEvergreen = (status: 'new' | 'existing'): QuoteRequestInput => ({
  offering: 'evergreen',
  options: { plan: 'A' },
  termMonths: 12,
  items: {},
  customer: { status, priorMonthlySpend: [800000, 800000, 800000] },
})

const theAlternative = { replaces: 'bb-1000', code: 'bb-300', speedMbps: 300, monthly: 88000 }

describe.each(databaseKinds)('only what can be delivered is sold, on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db

  it.each(['/api/quotes', '/api/quotes/preview'])('refuses 1000M at a 300M building on %s with the alternative (422)', async (path) => {
    const response = await seeded.api.postJson(path, { ...gigabit, buildingId: SLOW_BUILDING })
    expect(response.status).toBe(422)
    const { error } = await response.json()
    expect(error).toMatchObject({
      code: 'service_unavailable',
      issues: [{ path: 'items.bb-1000', message: expect.any(String) }],
      alternatives: [expect.objectContaining(theAlternative)],
    })
    expect(error.alternatives[0].name).toEqual({ zh: expect.stringContaining('300M'), en: expect.stringContaining('300') })
  })

  it('quotes 1000M where the building serves it, and 300M at the slower building', async () => {
    expect((await seeded.api.postJson('/api/quotes', { ...gigabit, buildingId: 'bld-jinmao-tower' })).status).toBe(201)
    expect((await seeded.api.postJson('/api/quotes', { ...gigabit, items: { 'bb-300': 1 }, buildingId: SLOW_BUILDING })).status).toBe(201)
  })

  it('refuses an order for 1000M at a 300M building, though the quote named no building', async () => {
    const quote = await createQuote(seeded.api, gigabit)
    const response = await postOrder(seeded.api, orderBody(quote.id, { site: { buildingId: SLOW_BUILDING, floor: '5', unit: '501' } }))
    expect(response.status).toBe(422)
    expect((await response.json()).error).toMatchObject({
      code: 'service_unavailable',
      issues: [{ path: 'items.bb-1000' }],
      alternatives: [expect.objectContaining(theAlternative)],
    })
    expect(await db().selectFrom('orders').select('id').where('quote_id', '=', quote.id).execute()).toEqual([])
    const building = await db().selectFrom('buildings').select('free_fibre_ports').where('id', '=', SLOW_BUILDING).executeTakeFirstOrThrow()
    expect(building.free_fibre_ports).toBe(18)
  })

  it('still takes an order without free ports: it needs a survey, it is not refused', async () => {
    const quote = await createQuote(seeded.api, { ...gigabit, items: { 'bb-100': 1 } })
    const response = await postOrder(seeded.api, orderBody(quote.id, { site: { buildingId: 'bld-shanghai-tower', floor: '30', unit: '3001' } }))
    expect(response.status).toBe(201)
    expect((await response.json()).status).toBe('survey_required')
  })

  it('refuses a new customer an order without any service (422), though the quote was allowed', async () => {
    const quote = await createQuote(seeded.api, bareEvergreen('new'))
    const response = await postOrder(seeded.api, orderBody(quote.id))
    expect(response.status).toBe(422)
    expect((await response.json()).error).toMatchObject({ code: 'invalid_configuration', issues: [{ path: 'items' }] })
    expect(await db().selectFrom('orders').select('id').where('quote_id', '=', quote.id).execute()).toEqual([])
  })

  it('takes an existing customer’s commitment-plan order without new services: their current ones count', async () => {
    const quote = await createQuote(seeded.api, bareEvergreen('existing'))
    const response = await postOrder(seeded.api, orderBody(quote.id))
    expect(response.status).toBe(201)
    expect((await response.json()).status).toBe('confirmed')
  })

  it('confirms an order with nothing due today, and never tells the customer it was paid', async () => {
    const quote = await createQuote(seeded.api, { offering: 'shangjiale', termMonths: 12, customer: { status: 'new' } })
    expect(quote.oneTime.total).toBe(0)
    const placed = await (await postOrder(seeded.api, orderBody(quote.id, { lang: 'en' }))).json()
    expect(placed).toMatchObject({ status: 'confirmed', payment: { amountDue: 0 } })
    const work = await db().selectFrom('work_orders').select(['kind', 'status']).where('order_id', '=', placed.id).orderBy('kind').execute()
    expect(work).toEqual([{ kind: 'sim_delivery', status: 'open' }, { kind: 'site_installation', status: 'open' }])
    const events = await db().selectFrom('order_events').select('status').where('order_id', '=', placed.id).execute()
    expect(events).toEqual([{ status: 'confirmed' }])

    const token = new URL(placed.trackingUrl).searchParams.get('token')
    const tracking = await (await seeded.api.request(`/api/orders/${placed.number}?token=${token}`)).json()
    expect(tracking.status).toBe('confirmed')
    expect(tracking.timeline.map((step: { step: string }) => step.step)).not.toContain('paid')

    const mail = await db().selectFrom('outbox').select(['payload_json', 'lang']).where('kind', '=', 'order_confirmation').where('payload_json', 'like', `%${placed.number}%`).executeTakeFirstOrThrow()
    const payload = JSON.parse(mail.payload_json) as OrderConfirmationPayload
    expect(payload.status).toBe('confirmed')
    for (const lang of ['en', 'zh'] as const) {
      const { subject, text, html } = renderEmail('order_confirmation', payload, lang)
      const said = `${subject}\n${text}\n${html}`
      if (lang === 'en') {
        expect(text).toContain('Nothing to pay today; your building manager will call to confirm the installation.')
        expect(said).not.toMatch(/\bpaid\b|payment/i)
      } else {
        expect(text).toContain('今天无需付款，楼宇经理会致电与您确认安装。')
        expect(said).not.toMatch(/已付|已收到您的付款/)
      }
    }
  })

  it('never logged an unexpected error', () => {
    expect(seeded.api.errors).toEqual([])
  })
})
