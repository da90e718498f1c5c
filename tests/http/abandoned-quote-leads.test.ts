import { describe, expect, it } from 'vitest'
import { runLeadDuties } from '../../server/services/leads-job'
import { broadbandQuote, createQuote, mailedCode, orderBody, postOrder, VALID_CREDIT_CODE } from '../support/orders'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

// Monday 2026-11-23, 10:00 in Shanghai; two days are 48 hours, weekends included.
const MONDAY = new Date('2026-11-23T02:00:00.000Z')
const after = (hours: number) => new Date(MONDAY.getTime() + hours * 3_600_000)

describe.each(databaseKinds)('leads from abandoned quotes on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db
  let customers = 0

  /** A customer quotes at Jin Mao and verifies their e-mail at checkout, agreeing (or not) to be called. */
  async function quoteAndVerify(consent: boolean | undefined, { confirm = true, email = `buyer${++customers}@example.com` } = {}) {
    seeded.api.setNow(MONDAY)
    const quote = await createQuote(seeded.api, { ...broadbandQuote, buildingId: 'bld-jinmao-tower' })
    const followUp = { quoteId: quote.id, company: '上海示例科技有限公司', contactName: '韩梅梅', mobile: '139 1234 0000', creditCode: VALID_CREDIT_CODE.toLowerCase() }
    const response = await seeded.api.postJson('/api/verifications', { email, lang: 'en', followUp, ...(consent === undefined ? {} : { consent }) })
    expect(response.status).toBe(202)
    const { id } = (await response.json()) as { id: string }
    if (confirm) expect((await seeded.api.postJson(`/api/verifications/${id}/confirm`, { code: await mailedCode(seeded.api, id) })).status).toBe(200)
    return { quoteId: quote.id, verificationId: id, email }
  }
  const leadsOf = (quoteId: string) => db().selectFrom('leads').selectAll().where('quote_id', '=', quoteId).execute()
  const runAt = async (when: Date) => {
    seeded.api.setNow(when)
    return runLeadDuties(seeded.api.services)
  }

  it('makes a lead for the building’s manager once the quote has waited two days unordered, and only once', async () => {
    const { quoteId, email } = await quoteAndVerify(true)
    await runAt(after(47.9))
    expect(await leadsOf(quoteId)).toEqual([])
    await runAt(after(48))
    const [lead, ...more] = await leadsOf(quoteId)
    expect(more).toEqual([])
    expect(lead).toMatchObject({
      source: 'abandoned_quote',
      status: 'new',
      company: '上海示例科技有限公司',
      contact_name: '韩梅梅',
      mobile: '13912340000',
      credit_code: VALID_CREDIT_CODE,
      email,
      lang: 'en',
      building_id: 'bld-jinmao-tower',
      manager_id: 'mgr-lujiazui-wang',
      offering_slug: broadbandQuote.offering,
      created_at: after(48).toISOString(),
    })
    const notice = await db().selectFrom('outbox').select(['recipient', 'payload_json']).where('kind', '=', 'manager_new_lead').where('payload_json', 'like', '%"source":"abandoned_quote"%').execute()
    expect(notice.map((mail) => mail.recipient)).toContain('wang.jing@example-telecom.cn')
    // A later pass, and two at once: still the one lead.
    await Promise.all([runAt(after(72)), runLeadDuties(seeded.api.services)])
    expect(await leadsOf(quoteId)).toHaveLength(1)
  })

  it('makes one lead of a quote verified twice (a code sent again)', async () => {
    const first = await quoteAndVerify(true)
    seeded.api.setNow(after(1))
    const again = await seeded.api.postJson('/api/verifications', { email: first.email, consent: true, followUp: { quoteId: first.quoteId, mobile: '13912340001' } })
    const { id } = (await again.json()) as { id: string }
    expect((await seeded.api.postJson(`/api/verifications/${id}/confirm`, { code: await mailedCode(seeded.api, id) })).status).toBe(200)
    await runAt(after(60))
    expect(await leadsOf(first.quoteId)).toHaveLength(1)
  })

  it('keeps nothing and makes no lead without consent (consent defaults to no)', async () => {
    for (const consent of [false, undefined]) {
      const { quoteId, verificationId } = await quoteAndVerify(consent)
      expect(await db().selectFrom('email_verifications').select(['follow_up_consent', 'quote_id', 'follow_up_json']).where('id', '=', verificationId).executeTakeFirst()).toEqual({
        follow_up_consent: 0,
        quote_id: null,
        follow_up_json: null,
      })
      await runAt(after(72))
      expect(await leadsOf(quoteId)).toEqual([])
    }
  })

  it('makes no lead when the e-mail was never verified, or the quote was ordered', async () => {
    const unverified = await quoteAndVerify(true, { confirm: false })
    const ordered = await quoteAndVerify(true)
    seeded.api.setNow(after(2))
    const response = await postOrder(seeded.api, orderBody(ordered.quoteId, { contact: { name: '韩梅梅', mobile: '13912340000', email: ordered.email } }))
    expect(response.status).toBe(201)
    await runAt(after(72))
    expect(await leadsOf(unverified.quoteId)).toEqual([])
    expect(await leadsOf(ordered.quoteId)).toEqual([])
  })

  it('refuses consent for a quote that does not exist', async () => {
    seeded.api.setNow(MONDAY)
    const response = await seeded.api.postJson('/api/verifications', { email: 'nobody@example.com', consent: true, followUp: { quoteId: 'no-such-quote' } })
    expect(response.status).toBe(404)
    expect((await response.json()).error.code).toBe('quote_not_found')
  })

  it('is won when the company later orders under its credit code, whatever mobile and address it uses', async () => {
    const { quoteId } = await quoteAndVerify(true)
    await runAt(after(48))
    const [lead] = await leadsOf(quoteId)
    seeded.api.setNow(after(50))
    const later = await createQuote(seeded.api, { ...broadbandQuote, buildingId: 'bld-jinmao-tower' })
    const response = await postOrder(seeded.api, orderBody(later.id, { contact: { name: '李雷', mobile: '13812340099', email: 'it@example.com' }, installSlot: { date: '2026-12-01', slot: 'am' } }))
    expect(response.status).toBe(201)
    const { id: orderId } = (await response.json()) as { id: string }
    expect(await db().selectFrom('leads').select(['status', 'order_id']).where('id', '=', lead.id).executeTakeFirst()).toEqual({ status: 'won', order_id: orderId })
  })
})
