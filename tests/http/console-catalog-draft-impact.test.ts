import { beforeAll, describe, expect, it } from 'vitest'
import type { ImpactReport } from '../../server/catalog-management/impact/draft-impact'
import { pct } from '../../server/pricing/money'
import type { QuoteRequestInput } from '../../server/schemas/quote-request'
import { broadbandQuote } from '../support/orders'
import { asStaff, createStaff, signIn } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

const T0 = new Date('2026-11-22T03:00:00.000Z')
const DAY = 24 * 60 * 60 * 1000
const later = (days: number) => new Date(T0.getTime() + days * DAY)
const evergreen = (plan: string, x: number): QuoteRequestInput => ({ offering: 'evergreen', termMonths: 12, options: { plan }, customer: { status: 'new', priorMonthlySpend: [x, x, x] } })
const PLAN_B = [100_000, 333_333, 800_000]

describe.each(databaseKinds)("a catalog draft's impact preview (JSON) on %s", (kind) => {
  const seeded = useSeededApi(kind)
  let marketing: string
  let approver: string
  let ops: string
  let draftId: string
  let revision: number
  let book: any
  const get = (cookie: string, path: string) => seeded.api.request(path, asStaff(cookie))
  const impactOf = async (cookie = marketing) => {
    const response = await get(cookie, `/api/console/catalog/drafts/${draftId}/impact`)
    expect(response.status).toBe(200)
    return (await response.json()) as ImpactReport
  }
  async function quote(request: QuoteRequestInput) {
    const response = await seeded.api.postJson('/api/quotes', request)
    expect(response.status).toBe(201)
    return ((await response.json()) as { id: string }).id
  }
  async function save(change: (book: any) => void) {
    const changed = structuredClone(book)
    change(changed)
    const response = await seeded.api.request(`/api/console/catalog/drafts/${draftId}`, asStaff(marketing, 'PUT', { book: changed, revision }))
    expect(response.status).toBe(200)
    const saved = (await response.json()) as { revision: number; book: unknown }
    revision = saved.revision
    book = saved.book
  }

  beforeAll(async () => {
    const { api } = seeded
    api.setNow(T0)
    const emails = { marketing: (await createStaff(api, ['marketing'])).email, approver: (await createStaff(api, ['approver'])).email, ops: (await createStaff(api, ['ops'])).email }
    // 31 days before the preview: outside its window.
    await quote(evergreen('B', 500_000))
    api.setNow(later(20))
    marketing = await signIn(api, emails.marketing)
    for (const x of PLAN_B) await quote(evergreen('B', x))
    await quote(evergreen('A', 800_000))
    await quote(broadbandQuote)

    const created = await api.request('/api/console/catalog/drafts', asStaff(marketing, 'POST', { title: 'Evergreen B at 1.05X' }))
    expect(created.status).toBe(201)
    const draft = (await created.json()) as { id: string; revision: number; book: unknown }
    draftId = draft.id
    revision = draft.revision
    book = draft.book
    await save((copy) => (copy.offerings.find((offering: { slug: string }) => offering.slug === 'evergreen').rule.plans.find((plan: { id: string }) => plan.id === 'B').commitmentBp = 10_500))
    // Sessions end when idle: sign in again on the day of the preview.
    api.setNow(later(31))
    marketing = await signIn(api, emails.marketing)
    approver = await signIn(api, emails.approver)
    ops = await signIn(api, emails.ops)
  })

  it("moves exactly the last 30 days' plan B quotes and the plan B vector up, by 12 months of 0.05X, and shows the evergreen's words side by side", async () => {
    const report = await impactOf()
    expect(report.draft).toMatchObject({ id: draftId, revision })
    const recent = report.recent.summary
    expect(recent.count).toBe(5)
    expect(recent.outcomes).toEqual({ more: 3, less: 0, same: 2, now_refused: 0, now_priced: 0, refused_both: 0 })
    const expected = [...PLAN_B].reverse().map((x) => 12 * (pct(x, 10_500) - pct(x, 10_000)))
    expect(recent.increases.map((row) => row.firstYearChange)).toEqual(expected)
    expect(recent.increases.map((row) => [row.asked.offering, row.asked.options.plan, row.ref.source])).toEqual(PLAN_B.map(() => ['evergreen', 'B', 'quote']))
    expect(recent.firstYearChange).toBe(expected.reduce((a, b) => a + b, 0))
    expect(recent.byOffering.find((totals) => totals.offering === 'bb-express')).toMatchObject({ count: 1, outcomes: { same: 1 }, firstYearChange: 0 })

    expect(report.vectors.summary.outcomes.more).toBe(1)
    expect(report.vectors.rows).toHaveLength(21)
    expect(report.offerings.map((offering) => [offering.slug, offering.change])).toEqual([['evergreen', 'changed']])
    expect(report.offerings[0]!.parts.filter((part) => part.differs).map((part) => part.key)).toEqual(['price', 'terms'])
    // Option choices are named for the page (QA 14 #8: it showed "付款 monthly").
    expect(Object.keys(report.names.options['bb-express']!.payment!)).toEqual(expect.arrayContaining(['monthly', 'prepay-6', 'prepay-12']))
    expect(report.names.options['bb-express']!.payment!['prepay-12']).toEqual({ zh: expect.not.stringContaining('prepay'), en: expect.any(String) })
    expect(Object.keys(report.names.options.evergreen!.plan!)).toEqual(expect.arrayContaining(['A', 'B', 'C']))
  })

  it('keeps a preview per draft revision: a reload is the same report, a save computes it again', async () => {
    const first = await impactOf()
    await quote(evergreen('B', 1_000_000))
    const reloaded = await impactOf(approver)
    expect(reloaded.computedAt).toBe(first.computedAt)
    expect(reloaded.recent.summary.count).toBe(5)

    await save((copy) => (copy.offerings.find((offering: { slug: string }) => offering.slug === 'evergreen').rule.plans.find((plan: { id: string }) => plan.id === 'C').commitmentBp = 8_500))
    const saved = await impactOf()
    expect(saved.draft.revision).toBe(revision)
    expect(saved.recent.summary.count).toBe(6)
    expect(saved.recent.summary.outcomes.more).toBe(4)
  })

  it('is for marketing, approvers and admins; an unknown draft is 404', async () => {
    expect((await impactOf(approver)).draft.id).toBe(draftId)
    expect((await get(ops, `/api/console/catalog/drafts/${draftId}/impact`)).status).toBe(403)
    expect((await seeded.api.request(`/api/console/catalog/drafts/${draftId}/impact`)).status).toBe(401)
    const unknown = await get(marketing, '/api/console/catalog/drafts/no-such-draft/impact')
    expect(unknown.status).toBe(404)
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('catalog_draft_not_found')
  })
})
