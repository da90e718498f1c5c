import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { WIN_BACK_CODE_PATTERN } from '../../server/domain/win-back-code'
import { auditOf } from '../../server/repositories/audit-repository'
import { lookUpOfferCode } from '../../server/services/offer-code-service'
import { orderBody, postOrder, VALID_CREDIT_CODE } from '../support/orders'
import { asStaff, createStaff, signIn } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'
import { FORM_FLASH_PARAM } from '../../server/console/forms'
import { readOfferCodeForm } from '../../server/console/offer-code-form-flash'

/** Jin Mao Tower and Lujiazui Business Plaza are Wang Jing's (Lujiazui); Raffles City is Li's (Jing'an). */
const JIN_MAO = 'bld-jinmao-tower'
const PLAZA = 'bld-lujiazui-business-plaza'
const NOW = new Date('2026-11-22T03:00:00.000Z')

const issueBody = (overrides: Record<string, unknown> = {}) => ({
  companyName: '上海回归贸易有限公司',
  creditCode: VALID_CREDIT_CODE,
  buildingId: JIN_MAO,
  offering: 'evergreen-winback',
  expiresOn: '2026-12-31',
  ...overrides,
})

const winBackQuote = (offerCode: string) => ({
  offering: 'evergreen-winback',
  termMonths: 12,
  offerCode,
  buildingId: JIN_MAO,
  customer: { status: 'existing', priorMonthlySpend: [800000, 800000, 800000] },
})

interface Listed {
  code: string
  state: string
  order_number: string | null
  building_id: string
  company_name: string
}

describe.each(databaseKinds)('console win-back codes on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db
  let wang: string
  let wangId: string
  let li: string
  let marketing: string
  let otherBuilding: string
  const emails = { wang: '', li: '', marketing: '' }

  beforeAll(async () => {
    const wangUser = await createStaff(seeded.api, ['manager'], { managerId: 'mgr-lujiazui-wang' })
    wangId = wangUser.id
    emails.wang = wangUser.email
    emails.li = (await createStaff(seeded.api, ['manager'], { managerId: 'mgr-jingan-li' })).email
    emails.marketing = (await createStaff(seeded.api, ['marketing'])).email
    otherBuilding = (await db().selectFrom('buildings').select('id').where('manager_id', '=', 'mgr-jingan-li').executeTakeFirstOrThrow()).id
  })
  /** Sessions are signed in at the test's clock (moving it days ahead ends an idle session). */
  const signInAll = async () => {
    wang = await signIn(seeded.api, emails.wang)
    li = await signIn(seeded.api, emails.li)
    marketing = await signIn(seeded.api, emails.marketing)
  }
  beforeEach(async () => {
    seeded.api.setNow(NOW)
    await signInAll()
  })

  const post = (cookie: string, path: string, body: unknown) => seeded.api.request(path, asStaff(cookie, 'POST', body))
  const get = (cookie: string, path: string) => seeded.api.request(path, asStaff(cookie))
  const issue = async (cookie: string, overrides: Record<string, unknown> = {}) => {
    const response = await post(cookie, '/api/console/offer-codes', issueBody(overrides))
    expect(response.status, await response.clone().text()).toBe(201)
    return (await response.json()) as { code: string; expiresAt: string }
  }
  const list = async (cookie: string, query = '') => ((await (await get(cookie, `/api/console/offer-codes${query}`)).json()) as { codes: Listed[]; next: string | null })
  const stateOf = async (cookie: string, code: string) => ((await (await get(cookie, `/api/console/offer-codes/${code}`)).json()) as { code: Listed }).code.state

  it('issues an unguessable single-use code for one company at one of the manager’s buildings, audited, expiring at the end of the day in Shanghai', async () => {
    const issued = await issue(wang)
    expect(issued.code).toMatch(WIN_BACK_CODE_PATTERN)
    expect(issued.expiresAt).toBe('2026-12-31T16:00:00.000Z')
    const row = await db().selectFrom('offer_codes').selectAll().where('code', '=', issued.code).executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      offering_slug: 'evergreen-winback',
      company_name: '上海回归贸易有限公司',
      credit_code: VALID_CREDIT_CODE,
      building_id: JIN_MAO,
      issued_by: 'mgr-lujiazui-wang',
      issued_by_user: wangId,
      issued_at: NOW.toISOString(),
      used_at: null,
      revoked_at: null,
      emailed_to: null,
    })
    const audit = await auditOf(db(), { kind: 'offer_code', id: issued.code })
    expect(audit.map((entry) => [entry.action, entry.actor.id])).toEqual([['offer_code.issued', wangId]])
    // no address given: nothing mailed
    expect(await db().selectFrom('outbox').select('id').where('kind', '=', 'win_back_offer').where('payload_json', 'like', `%${issued.code}%`).execute()).toHaveLength(0)
    // a lower-case credit code with spaces around it, or typed full-width by an input method, is the same company
    expect((await issue(wang, { creditCode: ` ${VALID_CREDIT_CODE.toLowerCase()} ` })).code).toMatch(WIN_BACK_CODE_PATTERN)
    const fullWidth = [...VALID_CREDIT_CODE].map((character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0)).join('')
    expect((await issue(wang, { creditCode: fullWidth })).code).toMatch(WIN_BACK_CODE_PATTERN)
  })

  it('mails the code to the company contact in their language, with the offer link', async () => {
    const issued = await issue(wang, { email: 'boss@returning.example', lang: 'en' })
    const mail = await db().selectFrom('outbox').selectAll().where('kind', '=', 'win_back_offer').where('recipient', '=', 'boss@returning.example').executeTakeFirstOrThrow()
    expect(mail.lang).toBe('en')
    expect(JSON.parse(mail.payload_json)).toMatchObject({
      code: issued.code,
      offerUrl: `http://storefront.test/en/offer?code=${issued.code}`,
      buildingName: 'Jin Mao Tower',
      companyName: '上海回归贸易有限公司',
      managerName: 'Wang Jing',
    })
    expect((await db().selectFrom('offer_codes').select('emailed_to').where('code', '=', issued.code).executeTakeFirstOrThrow()).emailed_to).toBe('boss@returning.example')
  })

  it('refuses a wrong credit code, a listed offering, an expiry past or too far, a bad address — each naming its field', async () => {
    const refusals: [Record<string, unknown>, string][] = [
      [{ creditCode: '91330100716105852X' }, 'creditCode'],
      [{ companyName: '   ' }, 'companyName'],
      [{ offering: 'evergreen' }, 'offering'],
      [{ offering: 'no-such-offering' }, 'offering'],
      [{ expiresOn: '2026-11-21' }, 'expiresOn'],
      [{ expiresOn: '2027-06-01' }, 'expiresOn'],
      [{ email: 'not an address' }, 'email'],
    ]
    for (const [overrides, field] of refusals) {
      const response = await post(wang, '/api/console/offer-codes', issueBody(overrides))
      expect(response.status, JSON.stringify(overrides)).toBe(400)
      expect((await response.json()).error.issues[0].path).toBe(field)
    }
    // today (Shanghai) is still a valid last day; an empty address field is no address
    expect((await issue(wang, { expiresOn: '2026-11-22', email: '' })).expiresAt).toBe('2026-11-22T16:00:00.000Z')
  })

  it('a manager issues only at their own buildings: another manager’s building is not found', async () => {
    const response = await post(wang, '/api/console/offer-codes', issueBody({ buildingId: otherBuilding }))
    expect(response.status).toBe(404)
    expect((await response.json()).error.code).toBe('building_not_found')
    expect((await post(wang, '/api/console/offer-codes', issueBody({ buildingId: 'no-such-building' }))).status).toBe(404)
    // marketing may issue anywhere
    expect((await post(marketing, '/api/console/offer-codes', issueBody({ buildingId: otherBuilding }))).status).toBe(201)
  })

  it('lists a manager’s buildings’ codes only (others’ are not found), marketing sees all, filters by building, company and state', async () => {
    const mine = await issue(wang, { buildingId: PLAZA, companyName: '陆家嘴筛选测试公司' })
    const theirs = await issue(li, { buildingId: otherBuilding, companyName: '静安筛选测试公司' })

    const wangCodes = (await list(wang)).codes
    expect(wangCodes.map((code) => code.code)).toContain(mine.code)
    expect(wangCodes.map((code) => code.code)).toContain('WB-TEST-0001')
    expect(wangCodes.every((code) => code.building_id !== otherBuilding)).toBe(true)
    expect((await list(li)).codes.map((code) => code.code)).toEqual(expect.arrayContaining([theirs.code]))
    expect((await list(li)).codes.map((code) => code.code)).not.toContain(mine.code)
    expect((await list(marketing)).codes.map((code) => code.code)).toEqual(expect.arrayContaining([mine.code, theirs.code, 'WB-TEST-0001']))

    for (const [cookie, code] of [[wang, theirs.code], [li, mine.code], [li, 'WB-TEST-0001']]) {
      const response = await get(cookie, `/api/console/offer-codes/${code}`)
      expect(response.status).toBe(404)
      expect((await response.json()).error.code).toBe('offer_code_not_found')
      expect((await post(cookie, `/api/console/offer-codes/${code}/revoke`, { reason: 'not mine to revoke' })).status).toBe(404)
    }
    // a manager naming another's building in the filter still sees nothing of it
    expect((await list(wang, `?building=${otherBuilding}`)).codes).toEqual([])
    expect((await list(wang, `?building=${PLAZA}`)).codes.every((code) => code.building_id === PLAZA)).toBe(true)
    expect((await list(marketing, `?q=${encodeURIComponent('筛选测试')}`)).codes.map((code) => code.code).sort()).toEqual([mine.code, theirs.code].sort())
    expect((await list(marketing, `?q=${mine.code.toLowerCase()}`)).codes.map((code) => code.code)).toEqual([mine.code])
    expect((await list(wang, '?state=sent')).codes.every((code) => code.state === 'sent')).toBe(true)
    expect((await get(wang, '/api/console/offer-codes?state=lost')).status).toBe(400)
  })

  it('pages newest first with a keyset cursor', async () => {
    const first = await list(marketing, '?limit=2')
    expect(first.codes).toHaveLength(2)
    expect(first.next).not.toBeNull()
    const second = await list(marketing, `?limit=2&after=${first.next}`)
    expect(second.codes.map((code) => code.code)).not.toContain(first.codes[0].code)
    const all = (await list(marketing, '?limit=200')).codes.map((code) => code.code)
    expect(all.slice(0, 4)).toEqual([...first.codes, ...second.codes].map((code) => code.code))
  })

  it('revokes a code with a reason (audited): refused in the storefront with its own message, and for a quote made before', async () => {
    const issued = await issue(wang)
    const quoted = await seeded.api.postJson('/api/quotes', winBackQuote(issued.code))
    expect(quoted.status).toBe(201)
    const quote = (await quoted.json()) as { id: string }

    for (const reason of [undefined, '', '  ', 'ab']) {
      const response = await post(wang, `/api/console/offer-codes/${issued.code}/revoke`, reason === undefined ? {} : { reason })
      expect(response.status, String(reason)).toBe(400)
      expect((await response.json()).error.issues[0].path).toBe('reason')
    }
    expect(await stateOf(wang, issued.code)).toBe('sent')

    const revoked = await post(wang, `/api/console/offer-codes/${issued.code}/revoke`, { reason: '  客户已续约原运营商  ' })
    expect(revoked.status).toBe(200)
    expect((await revoked.json()).state).toBe('revoked')
    const audit = await auditOf(db(), { kind: 'offer_code', id: issued.code })
    expect(audit.find((entry) => entry.action === 'offer_code.revoked')).toMatchObject({ action: 'offer_code.revoked', actor: { kind: 'staff', id: wangId }, reason: '客户已续约原运营商', before: { state: 'sent' }, after: { state: 'revoked' } })
    expect((await list(wang, '?state=revoked')).codes.map((code) => code.code)).toContain(issued.code)
    expect((await list(wang, '?state=sent')).codes.map((code) => code.code)).not.toContain(issued.code)

    // once revoked, never again
    const again = await post(wang, `/api/console/offer-codes/${issued.code}/revoke`, { reason: 'twice over' })
    expect(again.status).toBe(409)
    expect((await again.json()).error.code).toBe('offer_code_not_revocable')

    // the storefront: the offer page says it was withdrawn, the API refuses a quote and an order of the earlier quote
    expect(await lookUpOfferCode(seeded.api.services, issued.code.toLowerCase(), '192.0.2.77')).toEqual({ state: 'revoked' })
    const refusedQuote = await seeded.api.postJson('/api/quotes', winBackQuote(issued.code))
    expect(refusedQuote.status).toBe(422)
    expect((await refusedQuote.json()).error.code).toBe('offer_code_invalid')
    const refusedOrder = await postOrder(seeded.api, orderBody(quote.id))
    expect(refusedOrder.status).toBe(422)
    expect((await refusedOrder.json()).error.code).toBe('offer_code_invalid')
  })

  it('is single use: ordered once it shows as used with the order’s number, and can be neither used again nor revoked', async () => {
    const issued = await issue(wang)
    const quote = (await (await seeded.api.postJson('/api/quotes', winBackQuote(issued.code))).json()) as { id: string }
    const second = (await (await seeded.api.postJson('/api/quotes', winBackQuote(issued.code))).json()) as { id: string }
    const ordered = await postOrder(seeded.api, orderBody(quote.id))
    expect(ordered.status, await ordered.clone().text()).toBe(201)
    const { number } = (await ordered.json()) as { number: string }

    const listed = (await list(wang, '?state=used')).codes.find((code) => code.code === issued.code)
    expect(listed).toMatchObject({ state: 'used', order_number: number })
    expect((await list(wang, '?state=sent')).codes.map((code) => code.code)).not.toContain(issued.code)

    const again = await postOrder(seeded.api, orderBody(second.id))
    expect(again.status).toBe(422)
    expect((await again.json()).error.code).toBe('offer_code_invalid')
    expect((await seeded.api.postJson('/api/quotes', winBackQuote(issued.code))).status).toBe(422)
    expect((await post(wang, `/api/console/offer-codes/${issued.code}/revoke`, { reason: 'too late now' })).status).toBe(409)
  })

  it('expires at the end of its last day: listed as expired, refused in the storefront, no longer revocable', async () => {
    const issued = await issue(wang, { expiresOn: '2026-11-25' })
    seeded.api.setNow(new Date(Date.parse('2026-11-25T16:00:00.000Z') - 1))
    await signInAll()
    expect(await stateOf(wang, issued.code)).toBe('sent')
    expect((await seeded.api.postJson('/api/quotes', winBackQuote(issued.code))).status).toBe(201)

    seeded.api.setNow(new Date('2026-11-25T16:00:00.000Z'))
    await signInAll()
    expect(await stateOf(wang, issued.code)).toBe('expired')
    expect((await list(wang, '?state=expired')).codes.map((code) => code.code)).toContain(issued.code)
    expect((await list(wang, '?state=sent')).codes.map((code) => code.code)).not.toContain(issued.code)
    expect((await seeded.api.postJson('/api/quotes', winBackQuote(issued.code))).status).toBe(422)
    expect((await post(wang, `/api/console/offer-codes/${issued.code}/revoke`, { reason: 'expired anyway' })).status).toBe(409)
  })

  it('answers form posts with a redirect back to the page, the refusal’s field named', async () => {
    const form = (fields: Record<string, string>) =>
      seeded.api.request('/api/console/offer-codes', {
        method: 'POST',
        headers: { cookie: wang, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ return: '/en/console/offer-codes', ...fields }),
      })
    const done = await form({ companyName: '表单公司', creditCode: VALID_CREDIT_CODE, buildingId: JIN_MAO, offering: 'evergreen-winback', expiresOn: '2026-12-01', email: '', lang: 'zh' })
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe('/en/console/offer-codes?done=code_issued')
    const refused = await form({ companyName: '表单公司', creditCode: 'nonsense', buildingId: JIN_MAO, offering: 'evergreen-winback', expiresOn: '2026-12-01', email: 'li@example.com' })
    const back = new URL(refused.headers.get('location')!, 'http://storefront.test')
    expect(Object.fromEntries(back.searchParams)).toMatchObject({ error: 'invalid_request', field: 'creditCode' })
    // What was typed waits server-side for its author, behind an id: the form comes back as it was.
    expect(back.search).not.toMatch(/nonsense|li%40example/)
    expect(await readOfferCodeForm(seeded.api.services, wangId, back.searchParams.get(FORM_FLASH_PARAM)!)).toMatchObject({ companyName: '表单公司', creditCode: 'nonsense', buildingId: JIN_MAO, email: 'li@example.com' })
  })
})
