import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { auditOf } from '../../server/repositories/audit-repository'
import { orderBody, postOrder, VALID_CREDIT_CODE } from '../support/orders'
import { asStaff, createStaff, signIn } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

const JIN_MAO = 'bld-jinmao-tower'
const NOW = new Date('2026-11-22T03:00:00.000Z')
// The seed's sales case: ¥3,000 + ¥5,000 + ¥3,000 a month with three carriers, offered X = ¥8,000.
const ELEVEN_THOUSAND = [1100000, 1100000, 1100000]

const body = (overrides: Record<string, unknown> = {}) => ({
  buildingId: JIN_MAO,
  company: { name: '上海三家运营商贸易有限公司', creditCode: VALID_CREDIT_CODE },
  contact: { name: '韩梅梅', email: 'han.meimei@tenant.example' },
  lang: 'zh',
  quote: { offering: 'evergreen', termMonths: 12, options: { plan: 'A' }, customer: { status: 'existing', priorMonthlySpend: ELEVEN_THOUSAND, currentMonthlySpend: 1100000 } },
  negotiatedX: 800000,
  reason: '客户在三家运营商合计月均 ¥11,000，核对账单后按 ¥8,000 商定',
  ...overrides,
})

interface Made {
  quote: { id: string; x: number; monthly: { commitment: number; estimatedBill: number; lines: { rule: string; label: { zh: string; en: string } }[] } }
  proposalUrl: string
}

describe.each(databaseKinds)('console assisted quotes on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db
  const emails = { wang: '', li: '', ops: '' }
  let wangId: string
  let wang: string
  let li: string
  let ops: string
  let liBuilding: string

  beforeAll(async () => {
    const wangUser = await createStaff(seeded.api, ['manager'], { managerId: 'mgr-lujiazui-wang' })
    wangId = wangUser.id
    emails.wang = wangUser.email
    emails.li = (await createStaff(seeded.api, ['manager'], { managerId: 'mgr-jingan-li' })).email
    emails.ops = (await createStaff(seeded.api, ['ops'])).email
    liBuilding = (await db().selectFrom('buildings').select('id').where('manager_id', '=', 'mgr-jingan-li').executeTakeFirstOrThrow()).id
  })
  beforeEach(async () => {
    seeded.api.setNow(NOW)
    wang = await signIn(seeded.api, emails.wang)
    li = await signIn(seeded.api, emails.li)
    ops = await signIn(seeded.api, emails.ops)
  })

  const post = (cookie: string, payload: unknown) => seeded.api.request('/api/console/assisted-quotes', asStaff(cookie, 'POST', payload))
  const get = (cookie: string, path: string) => seeded.api.request(path, asStaff(cookie))
  const make = async (cookie: string, overrides: Record<string, unknown> = {}) => {
    const response = await post(cookie, body(overrides))
    expect(response.status, await response.clone().text()).toBe(201)
    return (await response.json()) as Made
  }
  const refusal = async (cookie: string, overrides: Record<string, unknown>) => {
    const response = await post(cookie, body(overrides))
    return { status: response.status, error: ((await response.json()) as { error: { code: string; message: string; issues?: { path: string }[] } }).error }
  }

  it('prices the negotiated X, records who set it and why, audits it, and mails the proposal link to the customer', async () => {
    const made = await make(wang)
    expect(made.quote.x).toBe(800000)
    expect(made.quote.monthly).toMatchObject({ commitment: 880000, estimatedBill: 880000 })
    expect(made.quote.monthly.lines[0].rule).toBe('commitment_plan.negotiated_x')
    expect(made.quote.monthly.lines[0].label.zh).toContain('申报月均 ¥11,000.00')
    expect(made.proposalUrl).toBe(`http://storefront.test/quotes/${made.quote.id}`)

    const record = await (await get(wang, `/api/console/assisted-quotes/${made.quote.id}`)).json()
    expect(record).toMatchObject({
      quote_id: made.quote.id,
      staff_user_id: wangId,
      staff_name: 'Test manager',
      declared_x_fen: 1100000,
      negotiated_x_fen: 800000,
      reason: '客户在三家运营商合计月均 ¥11,000，核对账单后按 ¥8,000 商定',
      building_id: JIN_MAO,
      contact_email: 'han.meimei@tenant.example',
    })
    const audit = await auditOf(db(), { kind: 'quote', id: made.quote.id })
    expect(audit).toMatchObject([{ action: 'quote.assisted', actor: { kind: 'staff', id: wangId }, after: { declaredX: 1100000, negotiatedX: 800000 }, reason: record.reason }])

    const mail = await db().selectFrom('outbox').selectAll().where('kind', '=', 'assisted_quote_proposal').where('payload_json', 'like', `%${made.quote.id}%`).executeTakeFirstOrThrow()
    expect(mail).toMatchObject({ recipient: 'han.meimei@tenant.example', lang: 'zh', status: 'pending' })
    expect(JSON.parse(mail.payload_json)).toMatchObject({ proposalUrl: made.proposalUrl, x: 800000, monthly: 880000, offeringName: '商务常青', buildingName: '金茂大厦' })

    // The customer's side: the stored quote as any other, orderable by them.
    const stored = await seeded.api.request(`/api/quotes/${made.quote.id}`)
    expect((await stored.json()).x).toBe(800000)
    const ordered = await postOrder(seeded.api, orderBody(made.quote.id))
    expect(ordered.status, await ordered.clone().text()).toBe(201)
  })

  it('writes the link and the mail in English for an English-speaking contact', async () => {
    const made = await make(wang, { lang: 'en', contact: { name: 'Ann Lee', email: 'ann@tenant.example' } })
    expect(made.proposalUrl).toBe(`http://storefront.test/en/quotes/${made.quote.id}`)
    const mail = await db().selectFrom('outbox').selectAll().where('recipient', '=', 'ann@tenant.example').executeTakeFirstOrThrow()
    expect(mail.lang).toBe('en')
    expect(JSON.parse(mail.payload_json)).toMatchObject({ offeringName: 'Business Evergreen', buildingName: 'Jin Mao Tower' })
  })

  it('takes X on both edges of the band (70 % and 130 % of ¥11,000) and refuses one fen beyond, naming the bounds', async () => {
    expect((await make(wang, { negotiatedX: 770000 })).quote.x).toBe(770000)
    expect((await make(wang, { negotiatedX: 1430000 })).quote.x).toBe(1430000)
    for (const negotiatedX of [769999, 1430001]) {
      const { status, error } = await refusal(wang, { negotiatedX })
      expect(status).toBe(422)
      expect(error.code).toBe('negotiated_x_out_of_band')
      expect(error.issues?.[0].path).toBe('negotiatedX')
      expect(error.message).toContain('¥7,700.00 and ¥14,300.00')
    }
    // nothing stored, nothing mailed for a refusal
    expect(await db().selectFrom('assisted_quotes').select('quote_id').where('negotiated_x_fen', 'in', [769999, 1430001]).execute()).toHaveLength(0)
  })

  it('requires a reason of at least 3 characters besides spaces', async () => {
    for (const reason of [undefined, '', '   ', '好的']) {
      const payload = body({ reason })
      if (reason === undefined) delete (payload as Record<string, unknown>).reason
      const response = await post(wang, payload)
      expect(response.status, String(reason)).toBe(400)
      expect((await response.json()).error.issues[0].path).toBe('reason')
    }
  })

  it('requires the declared spend, and refuses an offering whose X is not set by hand', async () => {
    const noPrior = await refusal(wang, { quote: { offering: 'evergreen', termMonths: 12, options: { plan: 'A' }, customer: { status: 'existing' } } })
    expect(noPrior).toMatchObject({ status: 422, error: { code: 'prior_spend_required' } })
    for (const offering of ['fixed-broadband', 'evergreen-winback', 'no-such-offering']) {
      const { status, error } = await refusal(wang, { quote: { offering, termMonths: 12, customer: { status: 'existing', priorMonthlySpend: ELEVEN_THOUSAND } } })
      expect(status, offering).toBe(400)
      expect(error.issues?.[0].path).toBe('quote.offering')
    }
  })

  it('never takes an agreed X from the public quote API', async () => {
    const response = await seeded.api.postJson('/api/quotes', { ...body().quote, negotiatedX: 800000 })
    expect(response.status).toBe(400)
  })

  it('keeps a manager to their own buildings (another’s is not found, their quotes neither); operations quote anywhere and see all', async () => {
    const elsewhere = await refusal(wang, { buildingId: liBuilding })
    expect(elsewhere).toMatchObject({ status: 404, error: { code: 'building_not_found' } })
    const mine = await make(wang)
    const theirs = await make(li, { buildingId: liBuilding })

    const other = await get(li, `/api/console/assisted-quotes/${mine.quote.id}`)
    expect(other.status).toBe(404)
    expect((await other.json()).error.code).toBe('quote_not_found')
    expect((await get(wang, '/api/console/assisted-quotes/no-such-quote')).status).toBe(404)
    const listOf = async (cookie: string) => ((await (await get(cookie, '/api/console/assisted-quotes')).json()) as { quotes: { quote_id: string; building_id: string }[] }).quotes
    expect((await listOf(li)).map((entry) => entry.quote_id)).toContain(theirs.quote.id)
    expect((await listOf(li)).every((entry) => entry.building_id === liBuilding)).toBe(true)
    expect((await listOf(wang)).map((entry) => entry.quote_id)).not.toContain(theirs.quote.id)
    expect((await listOf(ops)).map((entry) => entry.quote_id)).toEqual(expect.arrayContaining([mine.quote.id, theirs.quote.id]))
    expect((await get(ops, `/api/console/assisted-quotes/${theirs.quote.id}`)).status).toBe(200)
    expect((await post(ops, body({ buildingId: liBuilding }))).status).toBe(201)
  })

  it('takes the console’s form in yuan and answers with a redirect back to the page', async () => {
    const response = await seeded.api.request('/api/console/assisted-quotes', {
      method: 'POST',
      headers: { cookie: wang, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        return: '/console/assisted-quotes',
        buildingId: JIN_MAO,
        companyName: '表单报价公司',
        creditCode: VALID_CREDIT_CODE,
        contactName: '李雷',
        contactEmail: 'form@tenant.example',
        lang: 'zh',
        offering: 'evergreen',
        termMonths: '12',
        plan: 'A',
        status: 'existing',
        prior1: '3,000 ',
        prior2: '5000',
        prior3: '¥3000.00',
        currentSpend: '',
        'item-bb-100': '1',
        'item-fixed-line': '0',
        'usage-local_voice': '200',
        xYuan: '2,800',
        reason: '三个月账单核对后商定',
      }),
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/console/assisted-quotes?done=quote_sent')
    const row = await db().selectFrom('assisted_quotes').selectAll().where('contact_email', '=', 'form@tenant.example').executeTakeFirstOrThrow()
    // (3,000 + 5,000 + 3,000) / 3 = 3,666.67 declared; 2,800 is within 70 %
    expect(row).toMatchObject({ declared_x_fen: 366667, negotiated_x_fen: 280000, company_name: '表单报价公司' })
    const quote = (await (await seeded.api.request(`/api/quotes/${row.quote_id}`)).json()) as { items: Record<string, number>; usage: Record<string, number> }
    expect(quote.items).toEqual({ 'bb-100': 1 })
    expect(quote.usage).toEqual({ local_voice: 20000 })

    const refused = await seeded.api.request('/api/console/assisted-quotes', {
      method: 'POST',
      headers: { cookie: wang, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ return: '/console/assisted-quotes', buildingId: JIN_MAO, companyName: '表单报价公司', creditCode: VALID_CREDIT_CODE, contactName: '李雷', contactEmail: 'form@tenant.example', offering: 'evergreen', termMonths: '12', plan: 'A', status: 'existing', prior1: '3000', prior2: '5000', prior3: '3000', xYuan: '1000', reason: '压得太低' }),
    })
    expect(refused.headers.get('location')).toMatch(/^\/console\/assisted-quotes\?error=negotiated_x_out_of_band/)
  })
})
