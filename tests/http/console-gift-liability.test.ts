import { beforeAll, describe, expect, it } from 'vitest'
import type { GiftLiabilityReport } from '../../server/catalog-management/gift-liability/report'
import { shanghaiMonthEnd } from '../../server/catalog-management/gift-liability/months'
import { giftLiabilityOrders } from '../../server/repositories/gift-liability-repository'
import type { QuoteRequestInput } from '../../server/schemas/quote-request'
import { createQuote, orderBody, postOrder } from '../support/orders'
import { asStaff, createStaff, signIn } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

const PATH = '/api/console/catalog/gift-liability'
const PLACED = new Date('2026-11-22T03:00:00.000Z')
// 30 Nov 23:59 and 1 Dec 00:00 in Shanghai: one order goes live in November, the other in December.
const LAST_MINUTE_OF_NOVEMBER = new Date('2026-11-30T15:59:00.000Z')
const FIRST_MINUTE_OF_DECEMBER = new Date('2026-11-30T16:00:00.000Z')

// ¥600 of local calls a month earns ¥500 × 15 % = ¥75 of long-distance credit.
const localGift: QuoteRequestInput = { offering: 'local-ld-gift', termMonths: 0, items: { 'fixed-line': 1 }, customer: { status: 'new' }, usage: { local_voice: 60000 } }
// Evergreen plan A, X = ¥1,000, nothing used: a ¥550 monthly care budget, no gift.
const evergreen: QuoteRequestInput = { offering: 'evergreen', options: { plan: 'A' }, termMonths: 12, items: {}, customer: { status: 'existing', priorMonthlySpend: [100000, 100000, 100000] } }

describe.each(databaseKinds)('the gift liability report on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db
  let ops: { email: string }
  let marketing: { email: string }

  const post = async (cookie: string, path: string, body: unknown) => seeded.api.request(path, asStaff(cookie, 'POST', body))
  async function place(request: QuoteRequestInput, date: string, slot: 'am' | 'pm', mobile: string) {
    seeded.api.setNow(PLACED)
    const quote = await createQuote(seeded.api, request)
    const response = await postOrder(seeded.api, orderBody(quote.id, { installSlot: { date, slot }, contact: { name: '李雷', mobile, email: 'li.lei@example.com' } }))
    expect(response.status, await response.clone().text()).toBe(201)
    return (await response.json()) as { number: string; id: string }
  }
  /** Paid, installed on the 25th, and activated at `at`. */
  async function activate(number: string, at: Date) {
    seeded.api.setNow(PLACED)
    const cookie = await signIn(seeded.api, ops.email)
    const due = (await db().selectFrom('orders').select('amount_due_fen').where('number', '=', number).executeTakeFirstOrThrow()).amount_due_fen
    expect((await post(cookie, `/api/console/orders/${number}/record-transfer`, { amountYuan: (due / 100).toFixed(2) })).status).toBe(200)
    expect((await post(cookie, `/api/console/orders/${number}/schedule`, { date: '2026-11-25', slot: 'pm' })).status).toBe(200)
    expect((await post(cookie, `/api/console/orders/${number}/start-install`, {})).status).toBe(200)
    seeded.api.setNow(at)
    expect((await post(await signIn(seeded.api, ops.email), `/api/console/orders/${number}/activate`, {})).status).toBe(200)
  }
  const report = async (email: string, query: string) => {
    seeded.api.setNow(PLACED)
    const response = await seeded.api.request(`${PATH}${query}`, asStaff(await signIn(seeded.api, email)))
    expect(response.status, await response.clone().text()).toBe(200)
    return (await response.json()) as GiftLiabilityReport
  }

  beforeAll(async () => {
    ops = await createStaff(seeded.api, ['ops'])
    marketing = await createStaff(seeded.api, ['marketing'])
    const november = await place(localGift, '2026-11-24', 'am', '13911112001')
    const december = await place(localGift, '2026-11-24', 'pm', '13911112002')
    const cancelled = await place(localGift, '2026-11-26', 'am', '13911112003')
    // Not yet installed: counted from its booked day, 26 November.
    await place(evergreen, '2026-11-26', 'pm', '13911112004')
    await activate(november.number, LAST_MINUTE_OF_NOVEMBER)
    await activate(december.number, FIRST_MINUTE_OF_DECEMBER)
    seeded.api.setNow(PLACED)
    expect((await post(await signIn(seeded.api, ops.email), `/api/console/orders/${cancelled.number}/cancel`, { reason: 'the customer withdrew' })).status).toBe(200)
  })

  it('the repository reads live orders placed before the end, with their activation; cancelled ones not', async () => {
    const rows = await giftLiabilityOrders(db(), shanghaiMonthEnd('2026-11'))
    // All placed at the same instant: compared in a fixed order.
    const read = rows.map((row) => [row.offering_slug, row.activated_at === null ? null : new Date(row.activated_at).toISOString(), row.install_date])
    expect(read.sort((a, b) => String(b[0]).localeCompare(String(a[0])) || String(a[1]).localeCompare(String(b[1])))).toEqual([
      ['local-ld-gift', LAST_MINUTE_OF_NOVEMBER.toISOString(), '2026-11-25'],
      ['local-ld-gift', FIRST_MINUTE_OF_DECEMBER.toISOString(), '2026-11-25'],
      ['evergreen', null, '2026-11-26'],
    ])
    expect(rows.every((row) => JSON.parse(row.quote_json).offering === row.offering_slug)).toBe(true)
    // Placed on 22 November: a report ending before then reads none of them.
    expect(await giftLiabilityOrders(db(), shanghaiMonthEnd('2026-10'))).toEqual([])
  })

  it('per offering and Shanghai month: ¥75 carried at each service month’s end per order, none for the cancelled one, the care budget beside', async () => {
    const result = await report(marketing.email, '?from=2026-11&months=3')
    expect(result).toMatchObject({ from: '2026-11', to: '2027-01', months: ['2026-11', '2026-12', '2027-01'] })
    expect(result.offerings.map((offering) => offering.offering)).toEqual(['local-ld-gift', 'evergreen'])
    const [gift, plan] = result.offerings
    expect(result.offeringNames['local-ld-gift'].zh).toBe('打本地送长途')
    expect(gift.lapseMonths).toEqual([1])
    const figures = (line: typeof gift) => line.months.map(({ month, liveOrders, earnedFen, creditedFen, lapsingFen, carriedFen, careBudgetFen }) => [month, liveOrders, earnedFen, creditedFen, lapsingFen, carriedFen, careBudgetFen])
    expect(figures(gift)).toEqual([
      // live on 30 Nov at 23:59 Shanghai: November's ¥75 is owed at its end; the other one starts in December
      ['2026-11', 1, 7500, 0, 0, 7500, 0],
      ['2026-12', 2, 15000, 7500, 7500, 15000, 0],
      ['2027-01', 2, 15000, 15000, 15000, 15000, 0],
    ])
    expect(figures(plan)).toEqual([
      ['2026-11', 1, 0, 0, 0, 0, 55000],
      ['2026-12', 1, 0, 0, 0, 0, 55000],
      ['2027-01', 1, 0, 0, 0, 0, 55000],
    ])
    expect(result.totals.total).toEqual({ liveOrders: 3, giftOrders: 2, earnedFen: 37500, creditedFen: 22500, lapsingFen: 22500, closingFen: 15000, peakFen: 15000, careBudgetFen: 3 * 55000 })
    expect(result.totals.months.map((month) => month.carriedFen)).toEqual([7500, 15000, 15000])
  })

  it('defaults to this Shanghai month and the next 11', async () => {
    const result = await report(marketing.email, '')
    expect(result.months).toHaveLength(12)
    expect(result).toMatchObject({ from: '2026-11', to: '2027-10' })
    expect(result.totals.months.at(-1)?.carriedFen).toBe(15000)
  })

  it('refuses a malformed range', async () => {
    seeded.api.setNow(PLACED)
    const cookie = await signIn(seeded.api, marketing.email)
    for (const query of ['?from=2026-13', '?months=0', '?months=37', '?from=26-11']) {
      const response = await seeded.api.request(`${PATH}${query}`, asStaff(cookie))
      expect(response.status, query).toBe(400)
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_request')
    }
  })

  it('marketing, approvers and admins read it; operations and managers are refused (403), anonymous 401', async () => {
    seeded.api.setNow(PLACED)
    for (const roles of [['approver'], ['admin']] as const) {
      const user = await createStaff(seeded.api, [...roles])
      expect((await seeded.api.request(PATH, asStaff(await signIn(seeded.api, user.email)))).status, roles[0]).toBe(200)
    }
    const manager = await createStaff(seeded.api, ['manager'], { managerId: 'mgr-lujiazui-wang' })
    for (const email of [ops.email, manager.email]) {
      const cookie = await signIn(seeded.api, email)
      expect((await seeded.api.request(PATH, asStaff(cookie))).status).toBe(403)
      expect((await seeded.api.request(`${PATH}/report.csv`, asStaff(cookie))).status).toBe(403)
    }
    expect((await seeded.api.request(PATH)).status).toBe(401)
    expect((await seeded.api.request(`${PATH}/report.csv`)).status).toBe(401)
  })

  it.each(['zh', 'en'] as const)('CSV in %s (BOM, headers, months, the note that amounts are estimates), at /report.csv and ?format=csv', async (lang) => {
    seeded.api.setNow(PLACED)
    const cookie = await signIn(seeded.api, marketing.email)
    const response = await seeded.api.request(`${PATH}/report.csv?from=2026-11&months=3&lang=${lang}`, asStaff(cookie))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
    expect(response.headers.get('content-disposition')).toContain('gift-liability-2026-11-2027-01.csv')
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
    expect(body.charCodeAt(0)).toBe(0xfeff)
    const lines = body.slice(1).trim().split(/\r?\n/)
    if (lang === 'zh') {
      expect(lines[0]).toContain('月末结转负债（元）')
      expect(lines).toContain('套餐按月,打本地送长途,2026-12,2,2,150.00,75.00,75.00,150.00,0.00,1')
      expect(lines).toContain('套餐按月,商务常青,2026-11,1,0,0.00,0.00,0.00,0.00,550.00,1')
      expect(body).toContain('估算')
    } else {
      expect(lines[0]).toContain('Liability carried at month end (CNY)')
      expect(lines).toContain('Month total,All offerings,2026-11,2,1,75.00,0.00,0.00,75.00,550.00,')
      expect(lines).toContain('Range total,All offerings,2026-11–2027-01,3,2,375.00,225.00,225.00,150.00,1650.00,')
      expect(body).toContain('estimated from the usage customers declared')
    }
    const viaFormat = await seeded.api.request(`${PATH}?format=csv&from=2026-11&months=3&lang=${lang}`, asStaff(cookie))
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await viaFormat.arrayBuffer())).toBe(body)
  })
})
