import { describe, expect, it } from 'vitest'
import { buildings } from '../../db/seed/buildings'
import { startOutboxWorker, type OutgoingEmail } from '../../server/notifications/outbox-worker'
import { leadRequestSchema } from '../../server/schemas/lead'
import { createLead } from '../../server/services/lead-service'
import { createQuote, orderBody, postOrder } from '../support/orders'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

const FLOOD = 2000
/** What one SMTP delivery takes, roughly: the flood alone would keep the worker busy for 40 s. */
const SMTP_MS = 20
/** "Within seconds": the customer's confirmation must be out by then. */
const CONFIRMATION_WITHIN_MS = 5000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.each(databaseKinds)('a flood of leads cannot hold up customers’ mail, on %s', (kind) => {
  const seeded = useSeededApi(kind)

  it(`sends a real customer's confirmation within seconds after ${FLOOD} leads, and the leads as digests`, { timeout: 120_000 }, async () => {
    const api = seeded.api
    const orderTime = api.services.now()
    // The flood came first (a minute earlier), so by age alone every lead notice is ahead of the order.
    api.setNow(new Date(orderTime.getTime() - 60_000))
    const flood = Array.from({ length: FLOOD }, (_, index) =>
      leadRequestSchema.parse({
        company: `线索公司 ${index}`,
        contact: { name: '测试', mobile: `139${String(index).padStart(8, '0')}` },
        buildingId: buildings[index % buildings.length].id,
      }),
    )
    for (let start = 0; start < FLOOD; start += 50) await Promise.all(flood.slice(start, start + 50).map((lead) => createLead(api.services, lead)))
    api.setNow(orderTime)

    const placed = await postOrder(api, orderBody((await createQuote(api)).id))
    expect(placed.status).toBe(201)
    const { number } = (await placed.json()) as { number: string }

    // The worker runs as in the server, on a clock that moves with real time from the order on.
    const delivered: Array<OutgoingEmail & { at: number }> = []
    const started = performance.now()
    const worker = startOutboxWorker(
      { db: api.services.db, now: () => new Date(orderTime.getTime() + (performance.now() - started)), log: (error) => api.errors.push(error) },
      async (mail) => {
        await sleep(SMTP_MS)
        delivered.push({ ...mail, at: performance.now() - started })
      },
      { intervalMs: 100 },
    )
    const confirmation = () => delivered.find((mail) => mail.kind === 'order_confirmation' && mail.text.includes(number))
    try {
      while (!confirmation() && performance.now() - started < 3 * CONFIRMATION_WITHIN_MS) await sleep(50)
      const delay = confirmation()?.at
      console.log(`mail-priority (${kind}): confirmation out ${delay === undefined ? 'never (gave up)' : `${Math.round(delay)} ms`} after the order, behind ${FLOOD} leads; ${delivered.length} mails by then`)
      expect(delay).toBeDefined()
      expect(delay!).toBeLessThan(CONFIRMATION_WITHIN_MS)

      // Then the leads drain as one mail per manager (or district queue), not one per lead.
      await worker.runOnce()
      await worker.runOnce()
    } finally {
      await worker.stop()
    }
    const leadMails = delivered.filter((mail) => mail.kind === 'manager_new_lead' || mail.kind === 'manager_lead_digest')
    const recipients = new Set(leadMails.map((mail) => mail.recipient))
    const rows = await api.services.db.selectFrom('outbox').select(['status']).where('kind', '=', 'manager_new_lead').execute()
    expect(rows.filter((row) => row.status === 'sent')).toHaveLength(FLOOD)
    // At most one lead mail per recipient in this window (digests hold at most 500 leads each).
    expect(leadMails.length).toBeLessThanOrEqual(recipients.size * Math.ceil(FLOOD / 500))
    expect(leadMails.length).toBeLessThan(FLOOD / 20)
    const digest = leadMails.find((mail) => mail.kind === 'manager_lead_digest')!
    expect(digest.subject).toMatch(/^新客户线索 \d+ 条$/)
    expect(digest.text).toContain('线索公司 ')
    expect(api.errors).toEqual([])
  })

  it('holds further lead notices to a recipient for the digest window, then sends them as one mail', async () => {
    const api = seeded.api
    await api.services.db.deleteFrom('outbox').execute()
    const lead = (index: number) =>
      createLead(api.services, leadRequestSchema.parse({ company: `窗口公司 ${index}`, contact: { name: '测试', mobile: `137${String(index).padStart(8, '0')}` }, buildingId: 'bld-jinmao-tower' }))
    const t0 = api.services.now()
    let clock = t0
    const delivered: OutgoingEmail[] = []
    const worker = startOutboxWorker({ db: api.services.db, now: () => clock, log: (error) => api.errors.push(error) }, async (mail) => void delivered.push(mail), { intervalMs: 60_000 })
    try {
      await lead(1)
      await worker.runOnce()
      expect(delivered.map((mail) => mail.kind)).toEqual(['manager_new_lead'])
      for (const index of [2, 3, 4]) await lead(index)
      clock = new Date(t0.getTime() + 60_000)
      await worker.runOnce()
      expect(delivered).toHaveLength(1)
      clock = new Date(t0.getTime() + 5 * 60_000)
      await worker.runOnce()
      expect(delivered.map((mail) => mail.kind)).toEqual(['manager_new_lead', 'manager_lead_digest'])
      expect(delivered[1].subject).toBe('新客户线索 3 条')
      for (const index of [2, 3, 4]) expect(delivered[1].text).toContain(`窗口公司 ${index}`)
    } finally {
      await worker.stop()
    }
  })
})
