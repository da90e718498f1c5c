import { describe, expect, it } from 'vitest'
import { recordTransfer } from '../../server/orders/lifecycle'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'
import { broadbandQuote, createQuote, orderBody, postOrder, verifyEmail } from '../support/orders'

describe.each(databaseKinds)('placing orders on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db

  it('places an invoice order priced by the quote, routed to the building manager with work and mail', async () => {
    const quote = await createQuote(seeded.api)
    const response = await postOrder(seeded.api, orderBody(quote.id))
    expect(response.status).toBe(201)
    const order = await response.json()
    expect(order).toMatchObject({ status: 'awaiting_transfer', number: expect.stringMatching(/^SO\d{6}-[A-Z2-9]{6}$/), payment: { method: 'invoice', amountDue: 30000 } })
    expect(order.payment.url).toBeUndefined()
    expect(order.trackingUrl).toMatch(new RegExp(`^http://storefront.test/orders/${order.number}\\?token=[\\w-]{32}$`))

    const row = await db().selectFrom('orders').selectAll().where('id', '=', order.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ amount_due_fen: 30000, monthly_fen: 63000, manager_id: 'mgr-lujiazui-wang', fibre_ports_reserved: 1, credit_code: '91330100716105852F' })
    const items = await db().selectFrom('order_items').selectAll().where('order_id', '=', order.id).orderBy('position').execute()
    expect(items.map((item) => [item.kind, item.code, item.amount_fen])).toEqual([
      ['monthly', 'bb-100', 63000],
      ['one_time', 'bb-100:install', 30000],
    ])
    const work = await db().selectFrom('work_orders').selectAll().where('order_id', '=', order.id).execute()
    expect(work).toEqual([expect.objectContaining({ kind: 'site_installation', status: 'waiting_for_payment', manager_id: 'mgr-lujiazui-wang', scheduled_date: '2026-11-24', scheduled_slot: 'am' })])
    const mail = await db().selectFrom('outbox').select(['kind', 'recipient']).orderBy('kind').execute()
    expect(mail).toEqual(expect.arrayContaining([
      { kind: 'manager_new_order', recipient: 'wang.jing@example-telecom.cn' },
      { kind: 'order_confirmation', recipient: 'li.lei@example.com' },
    ]))
    // The placement is the first command of the order's life, audited as the customer's.
    const audit = await db().selectFrom('audit_log').select(['actor_kind', 'action', 'before_json', 'after_json']).where('subject_id', '=', order.id).execute()
    expect(audit).toEqual([{ actor_kind: 'customer', action: 'place', before_json: JSON.stringify({ status: null }), after_json: JSON.stringify({ status: 'awaiting_transfer', fibrePorts: 1, voicePorts: 0 }) }])
  })

  it('shows the customer their order with its token, and nothing without it', async () => {
    const quote = await createQuote(seeded.api)
    const order = await (await postOrder(seeded.api, orderBody(quote.id))).json()
    const token = new URL(order.trackingUrl).searchParams.get('token')
    const tracking = await seeded.api.request(`/api/orders/${order.number}?token=${token}`)
    expect(tracking.status).toBe(200)
    expect(await tracking.json()).toMatchObject({
      number: order.number,
      status: 'awaiting_transfer',
      installSlot: { date: '2026-11-24', slot: 'am' },
      manager: { name: '王静' },
      timeline: [{ step: 'received', done: true }, { step: 'paid', done: false }, { step: 'scheduled', done: false }, { step: 'installing', done: false }, { step: 'active', done: false }],
    })
    // The token with its last character changed (to another one: a random token may end in x).
    const nearlyRight = `${token!.slice(0, -1)}${token!.endsWith('x') ? 'y' : 'x'}`
    for (const wrong of [`token=${nearlyRight}`, 'token=x', '']) {
      const response = await seeded.api.request(`/api/orders/${order.number}?${wrong}`)
      expect([400, 404], `?${wrong} answered ${response.status}`).toContain(response.status)
    }
    expect((await seeded.api.request(`/api/orders/SO000000-AAAAAA?token=${token}`)).status).toBe(404)
  })

  it.each([
    ['a total', (body: any) => (body.total = 1)],
    ['a discount', (body: any) => (body.discount = 5000)],
    ['an amount in the payment', (body: any) => (body.payment.amount = 1)],
    ['a price on the company', (body: any) => (body.company.price = 0)],
  ])('refuses a body that carries %s (400)', async (_name, tamper) => {
    const quote = await createQuote(seeded.api)
    const body = orderBody(quote.id)
    tamper(body)
    const response = await postOrder(seeded.api, body)
    expect(response.status).toBe(400)
    expect((await response.json()).error.code).toBe('invalid_request')
  })

  it.each([
    ['a wrong credit-code check character', (body: any) => (body.company.creditCode = '91330100716105852G'), 400, 'invalid_request'],
    ['a landline as mobile', (body: any) => (body.contact.mobile = '02161234567'), 400, 'invalid_request'],
    ['a bad e-mail', (body: any) => (body.contact.email = 'li.lei'), 400, 'invalid_request'],
    ['terms not accepted', (body: any) => (body.acceptTerms = false), 400, 'invalid_request'],
    ['a Saturday slot', (body: any) => (body.installSlot = { date: '2026-11-28', slot: 'am' }), 422, 'install_slot_unavailable'],
    ['a slot beyond 14 working days', (body: any) => (body.installSlot = { date: '2026-12-31', slot: 'am' }), 422, 'install_slot_unavailable'],
    ['an unknown building', (body: any) => (body.site.buildingId = 'bld-nowhere'), 404, 'building_not_found'],
    ['an unknown quote', (body: any) => (body.quoteId = 'nope'), 404, 'quote_not_found'],
    ['online payment without Stripe', (body: any) => (body.payment.method = 'online'), 422, 'payment_unavailable'],
  ])('refuses %s', async (_name, change, status, code) => {
    const quote = await createQuote(seeded.api)
    const body = orderBody(quote.id)
    change(body)
    const response = await postOrder(seeded.api, body)
    expect(response.status).toBe(status)
    expect((await response.json()).error.code).toBe(code)
  })

  it('keeps a floor and unit typed in full-width digits as plain digits', async () => {
    const quote = await createQuote(seeded.api)
    const order = await (await postOrder(seeded.api, orderBody(quote.id, { site: { buildingId: 'bld-jinmao-tower', floor: '１２', unit: '１２０３Ａ' } }))).json()
    const row = await db().selectFrom('orders').select(['floor', 'unit']).where('id', '=', order.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ floor: '12', unit: '1203A' })
  })

  it('requires an Idempotency-Key', async () => {
    const quote = await createQuote(seeded.api)
    const response = await postOrder(seeded.api, orderBody(quote.id), null)
    expect(response.status).toBe(400)
    expect((await response.json()).error.issues).toEqual([{ path: 'Idempotency-Key', message: 'required' }])
  })

  it('refuses an expired quote', async () => {
    const quote = await createQuote(seeded.api)
    seeded.api.setNow(new Date('2026-11-30T03:00:00.000Z'))
    try {
      const response = await postOrder(seeded.api, orderBody(quote.id, { installSlot: { date: '2026-12-01', slot: 'pm' } }))
      expect(response.status).toBe(422)
      expect((await response.json()).error.code).toBe('quote_expired')
    } finally {
      seeded.api.setNow(new Date('2026-11-22T03:00:00.000Z'))
    }
  })

  it('replays the first answer for the same key and body, and refuses the key with another body', async () => {
    const quote = await createQuote(seeded.api)
    const key = crypto.randomUUID()
    const body = orderBody(quote.id)
    const sent = { ...body, verification: await verifyEmail(seeded.api, body.contact.email) }
    const first = await postOrder(seeded.api, sent, key)
    const firstBody = await first.json()
    // A retry of exactly what was sent, its e-mail proof used up by the first, and one with a fresh proof.
    for (const retry of [sent, body]) {
      const again = await postOrder(seeded.api, retry, key)
      expect(again.status).toBe(201)
      expect(again.headers.get('Idempotent-Replayed')).toBe('true')
      expect(await again.json()).toEqual(firstBody)
    }
    const other = await postOrder(seeded.api, orderBody(quote.id, { site: { buildingId: 'bld-jinmao-tower', floor: '19', unit: '1901' } }), key)
    expect(other.status).toBe(409)
    expect((await other.json()).error.code).toBe('idempotency_conflict')
    expect(await db().selectFrom('orders').select('id').where('quote_id', '=', quote.id).execute()).toHaveLength(1)
  })

  it('creates one order from 20 concurrent submissions of one quote', async () => {
    const quote = await createQuote(seeded.api)
    const responses = await Promise.all(Array.from({ length: 20 }, () => postOrder(seeded.api, orderBody(quote.id))))
    const statuses = responses.map((response) => response.status).sort()
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409)).toHaveLength(19)
    for (const response of responses.filter((candidate) => candidate.status === 409)) expect((await response.json()).error.code).toBe('quote_already_ordered')
    expect(await db().selectFrom('orders').select('id').where('quote_id', '=', quote.id).execute()).toHaveLength(1)
  })

  it('places one order when two are sent at once with the same proof: the other is refused and leaves nothing behind', async () => {
    const email = 'same.proof.twice@example.com'
    const proof = await verifyEmail(seeded.api, email)
    const contact = { name: '李雷', mobile: '13812345678', email }
    const quotes = [await createQuote(seeded.api), await createQuote(seeded.api)]
    const answers = await Promise.all(quotes.map((quote) => postOrder(seeded.api, { ...orderBody(quote.id, { contact }), verification: proof })))
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 422])
    const refused = answers.find((answer) => answer.status === 422)!
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('email_not_verified')
    // Of the refused order, not a row: no order, no mail, no stored answer.
    const orders = await db().selectFrom('orders').select(['id', 'number', 'quote_id']).where('quote_id', 'in', quotes.map((quote) => quote.id)).execute()
    expect(orders).toHaveLength(1)
    const mails = await db().selectFrom('outbox').select('payload_json').where('recipient', '=', email).where('kind', '=', 'order_confirmation').execute()
    expect(mails.map((mail) => JSON.parse(mail.payload_json).orderNumber)).toEqual([orders[0].number])
    expect(await db().selectFrom('order_invoices').select('order_id').where('order_id', 'in', orders.map((order) => order.id)).execute()).toHaveLength(1)
    expect(await db().selectFrom('email_verifications').select('order_id').where('id', '=', proof.id).executeTakeFirstOrThrow()).toEqual({ order_id: orders[0].id })
  })

  it('gives the last fibre port of a building to one of two racing orders; the other needs a survey and owes nothing', async () => {
    const site = { buildingId: 'bld-last-port-huaxin', floor: '3', unit: '302' }
    const [first, second] = await Promise.all([createQuote(seeded.api, broadbandQuote), createQuote(seeded.api, broadbandQuote)])
    const orders = await Promise.all([first, second].map(async (quote) => (await postOrder(seeded.api, orderBody(quote.id, { site }))).json()))
    expect(orders.map((order) => order.status).sort()).toEqual(['awaiting_transfer', 'survey_required'])
    const survey = orders.find((order) => order.status === 'survey_required')
    expect(survey.payment.amountDue).toBe(0)
    const building = await db().selectFrom('buildings').select('free_fibre_ports').where('id', '=', 'bld-last-port-huaxin').executeTakeFirstOrThrow()
    expect(building.free_fibre_ports).toBe(0)
    const work = await db().selectFrom('work_orders').select('kind').where('order_id', '=', survey.id).execute()
    expect(work).toEqual([{ kind: 'site_survey' }])
  })

  it('confirms an order with nothing due today at once', async () => {
    const quote = await createQuote(seeded.api, { offering: 'shangjiale', termMonths: 12, customer: { status: 'new' } })
    expect(quote.oneTime.total).toBe(0)
    const order = await (await postOrder(seeded.api, orderBody(quote.id))).json()
    expect(order.status).toBe('confirmed')
    const work = await db().selectFrom('work_orders').select(['kind', 'status']).where('order_id', '=', order.id).orderBy('kind').execute()
    expect(work).toEqual([{ kind: 'sim_delivery', status: 'open' }, { kind: 'site_installation', status: 'open' }])
  })

  it('consumes the offer code of a win-back quote: a second order with the same code is refused', async () => {
    const winBack = { offering: 'evergreen-winback', termMonths: 12, offerCode: 'WB-TEST-0001', customer: { status: 'existing' as const, priorMonthlySpend: [800000, 800000, 800000] as [number, number, number] } }
    const [first, second] = [await createQuote(seeded.api, winBack), await createQuote(seeded.api, winBack)]
    expect((await postOrder(seeded.api, orderBody(first.id))).status).toBe(201)
    const code = await db().selectFrom('offer_codes').select('used_at').where('code', '=', 'WB-TEST-0001').executeTakeFirstOrThrow()
    expect(code.used_at).not.toBeNull()
    const refused = await postOrder(seeded.api, orderBody(second.id))
    expect(refused.status).toBe(422)
    expect((await refused.json()).error.code).toBe('offer_code_invalid')
    expect(await db().selectFrom('orders').select('id').where('quote_id', '=', second.id).execute()).toEqual([])
    // The first quote again, from a reloaded checkout (a new key): already ordered, not a wrong code.
    const again = await postOrder(seeded.api, orderBody(first.id))
    expect(again.status).toBe(409)
    expect((await again.json()).error.code).toBe('quote_already_ordered')
  })

  it('sends orders in a building without a manager to the district queue', async () => {
    const [unmanaged] = await db().selectFrom('buildings').selectAll().where('manager_id', 'is', null).where('free_fibre_ports', '>', 0).execute()
    const quote = await createQuote(seeded.api)
    const order = await (await postOrder(seeded.api, orderBody(quote.id, { site: { buildingId: unmanaged.id, floor: '1', unit: '101' } }))).json()
    const row = await db().selectFrom('orders').select(['manager_id', 'queue_district']).where('id', '=', order.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ manager_id: null, queue_district: unmanaged.district })
    const mail = await db().selectFrom('outbox').select('recipient').where('kind', '=', 'manager_new_order').where('payload_json', 'like', `%${order.number}%`).executeTakeFirstOrThrow()
    expect(mail.recipient).toBe('operations@example-telecom.cn')
  })

  it('never logged an unexpected error', () => {
    expect(seeded.api.errors).toEqual([])
  })
})

describe.each(databaseKinds)('bank transfers recorded by staff on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const cli = { kind: 'cli', id: null } as const

  it('confirms an invoice order only for the amount due, once', async () => {
    const quote = await createQuote(seeded.api)
    const order = await (await postOrder(seeded.api, orderBody(quote.id))).json()
    await expect(recordTransfer(seeded.api.services, cli, order.number, 29999)).rejects.toThrow(/due 30000/)
    const paid = await recordTransfer(seeded.api.services, cli, order.number, 30000)
    expect(paid.status).toBe('paid')
    await expect(recordTransfer(seeded.api.services, cli, order.number, 30000)).rejects.toThrow(/is paid/)
    const work = await seeded.database.db.selectFrom('work_orders').select('status').where('order_id', '=', order.id).execute()
    expect(work).toEqual([{ status: 'open' }])
    const mails = await seeded.database.db.selectFrom('outbox').select('kind').where('kind', '=', 'payment_received').where('payload_json', 'like', `%${order.number}%`).execute()
    expect(mails).toHaveLength(1)
    await expect(recordTransfer(seeded.api.services, cli, 'SO000000-AAAAAA', 1)).rejects.toThrow(/no order/)
  })
})
