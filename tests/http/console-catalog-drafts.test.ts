import { beforeAll, describe, expect, it } from 'vitest'
import type { CatalogDraft } from '../../server/catalog-management/drafts'
import type { ReleaseView } from '../../server/catalog-management/releases'
import type { PriceBook } from '../../server/pricing/catalog-schema'
import { orderBody, postOrder } from '../support/orders'
import { asStaff, createStaff, signIn } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

const T0 = new Date('2026-11-22T03:00:00.000Z')
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
/** 13:00 Shanghai time on 22 Nov, as a datetime-local field writes it: two hours after T0 (11:00 Shanghai). */
const PUBLISH_LOCAL = '2026-11-22T13:00'
const PUBLISH_AT = new Date('2026-11-22T05:00:00.000Z')

// X = ¥1,000: plan B commits 1.0X today (¥1,000 a month).
const evergreenB = {
  offering: 'evergreen',
  options: { plan: 'B' },
  termMonths: 12,
  items: { 'fixed-line': 1 },
  customer: { status: 'new', priorMonthlySpend: [100000, 100000, 100000] },
  usage: {},
}
const JIN_MAO = 'bld-jinmao-tower' // Pudong
const PLAZA_66 = 'bld-plaza-66' // Jing'an

describe.each(databaseKinds)('catalog drafts, approval and releases on %s', (kind) => {
  const seeded = useSeededApi(kind)
  let marketing: string
  let approver: string
  let authorApprover: string
  let ops: string

  const emails: Record<'marketing' | 'approver' | 'authorApprover' | 'ops', string> = { marketing: '', approver: '', authorApprover: '', ops: '' }
  /** Moves the clock and signs everyone in anew (a session idles out over the hours a test skips). */
  const at = async (when: Date) => {
    seeded.api.setNow(when)
    if (!emails.marketing) return
    ;[marketing, approver, authorApprover, ops] = await Promise.all([emails.marketing, emails.approver, emails.authorApprover, emails.ops].map((email) => signIn(seeded.api, email)))
  }
  const call = (cookie: string, method: string, path: string, body?: unknown) => seeded.api.request(path, asStaff(cookie, method, body))
  const json = async <T>(response: Response, status: number): Promise<T> => {
    expect(response.status, await response.clone().text()).toBe(status)
    return (await response.json()) as T
  }
  const newDraft = async (body: Record<string, unknown> = { title: 'Plan B at 1.05X' }) => json<CatalogDraft>(await call(marketing, 'POST', '/api/console/catalog/drafts', body), 201)
  const save = (cookie: string, draft: CatalogDraft, change: (book: PriceBook) => void, revision = draft.revision) => {
    const book = structuredClone(draft.book)
    change(book)
    return call(cookie, 'PUT', `/api/console/catalog/drafts/${draft.id}`, { book, revision })
  }
  const planB = (commitmentBp: number, allowanceBp: number) => (book: PriceBook) => {
    const rule = book.offerings.find((offering) => offering.slug === 'evergreen')!.rule
    if (rule.kind !== 'commitment_plan') throw new Error('evergreen is a commitment plan')
    Object.assign(rule.plans.find((plan) => plan.id === 'B')!, { commitmentBp, allowanceBp })
  }
  const quote = async (request: Record<string, unknown>) => seeded.api.postJson('/api/quotes', request)
  const commitment = async (request: Record<string, unknown> = evergreenB) => ((await json<{ monthly: { commitment: number } }>(await quote(request), 201)).monthly.commitment)

  beforeAll(async () => {
    seeded.api.setNow(T0)
    emails.marketing = (await createStaff(seeded.api, ['marketing'])).email
    emails.approver = (await createStaff(seeded.api, ['approver'])).email
    emails.authorApprover = (await createStaff(seeded.api, ['marketing', 'approver'])).email
    emails.ops = (await createStaff(seeded.api, ['ops'])).email
    await at(T0)
  })

  it('takes a price change from draft to live at its publish time, while an older quote still orders at its price', async () => {
    await at(T0)
    const draft = await newDraft()
    expect(draft).toMatchObject({ status: 'draft', revision: 0 })
    const saved = await json<CatalogDraft>(await save(marketing, draft, planB(10500, 13500)), 200)
    expect(saved.revision).toBe(1)
    // Someone saving over the revision they read, after another save, is told so and nothing changes.
    expect((await json<{ error: { code: string } }>(await save(marketing, draft, planB(11000, 14000)), 409)).error.code).toBe('catalog_draft_changed')

    const submitted = await json<CatalogDraft>(await call(marketing, 'POST', `/api/console/catalog/drafts/${draft.id}/submit`), 200)
    expect(submitted.status).toBe('submitted')
    expect((await json<{ error: { code: string } }>(await save(marketing, submitted, planB(11000, 14000)), 409)).error.code).toBe('catalog_draft_not_editable')
    // Marketing cannot approve; ops cannot even read.
    expect((await call(marketing, 'POST', `/api/console/catalog/drafts/${draft.id}/approve`, { districts: [] })).status).toBe(403)
    expect((await call(ops, 'GET', `/api/console/catalog/drafts/${draft.id}`)).status).toBe(403)

    const oldQuote = await json<{ id: string; catalogVersion: string; monthly: { commitment: number } }>(await quote(evergreenB), 201)
    expect(oldQuote.monthly.commitment).toBe(100000)

    const approved = await json<CatalogDraft>(
      await call(approver, 'POST', `/api/console/catalog/drafts/${draft.id}/approve`, { publishAt: PUBLISH_LOCAL, districts: [], comment: 'Go' }),
      200,
    )
    expect(approved).toMatchObject({ status: 'approved', decisionComment: 'Go' })
    expect(approved.catalogVersion).not.toBe(oldQuote.catalogVersion)
    const { releases } = await json<{ releases: ReleaseView[] }>(await call(approver, 'GET', '/api/console/catalog/releases'), 200)
    expect(releases[0]).toMatchObject({ catalogVersion: approved.catalogVersion, publishAt: PUBLISH_AT.toISOString(), state: 'scheduled', districts: null })

    // A minute before its time the old terms apply; at its time the new ones, without a restart.
    await at(new Date(PUBLISH_AT.getTime() - 60_000))
    expect(await commitment()).toBe(100000)
    expect((await json<{ catalogVersion: string }>(await seeded.api.request('/api/offerings'), 200)).catalogVersion).toBe(oldQuote.catalogVersion)
    await at(PUBLISH_AT)
    expect(await commitment()).toBe(105000)
    expect((await json<{ catalogVersion: string }>(await seeded.api.request('/api/offerings'), 200)).catalogVersion).toBe(approved.catalogVersion)

    // The quote made before keeps its version and price when ordered.
    const order = await json<{ id: string }>(await postOrder(seeded.api, orderBody(oldQuote.id)), 201)
    const row = await seeded.database.db.selectFrom('orders').innerJoin('quotes', 'quotes.id', 'orders.quote_id').select(['quotes.catalog_version', 'quotes.quote_json']).where('orders.id', '=', order.id).executeTakeFirstOrThrow()
    expect(row.catalog_version).toBe(oldQuote.catalogVersion)
    expect(JSON.parse(row.quote_json).monthly.commitment).toBe(100000)

    const audit = await seeded.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('subject_kind', '=', 'catalog_draft').where('subject_id', '=', draft.id).orderBy('id').execute()
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'edit', 'submit', 'approve'])
  })

  it('never lets the author decide on their own draft, and returns a draft with comments to be edited again', async () => {
    await at(later(600))
    const created = await json<CatalogDraft>(await call(authorApprover, 'POST', '/api/console/catalog/drafts', { title: 'Own draft' }), 201)
    // Nothing changed yet: nothing to approve.
    const unchanged = await json<{ error: { issues: { path: string }[] } }>(await call(authorApprover, 'POST', `/api/console/catalog/drafts/${created.id}/submit`), 400)
    expect(unchanged.error.issues).toEqual([{ path: 'book', message: 'unchanged' }])
    const draft = await json<CatalogDraft>(await save(authorApprover, created, planB(10100, 13100)), 200)
    await json(await call(authorApprover, 'POST', `/api/console/catalog/drafts/${draft.id}/submit`), 200)
    for (const command of ['approve', 'send-back', 'reject']) {
      const refused = await json<{ error: { code: string } }>(await call(authorApprover, 'POST', `/api/console/catalog/drafts/${draft.id}/${command}`, { comment: 'mine', districts: [] }), 403)
      expect(refused.error.code).toBe('own_draft_approval')
    }
    // Sending back needs a reason; with one, the author edits and submits again.
    expect((await call(approver, 'POST', `/api/console/catalog/drafts/${draft.id}/send-back`, { comment: '' })).status).toBe(400)
    const sentBack = await json<CatalogDraft>(await call(approver, 'POST', `/api/console/catalog/drafts/${draft.id}/send-back`, { comment: 'Plan C too' }), 200)
    expect(sentBack).toMatchObject({ status: 'sent_back', decisionComment: 'Plan C too' })
    const edited = await json<CatalogDraft>(await save(authorApprover, sentBack, planB(10200, 13200)), 200)
    await json(await call(authorApprover, 'POST', `/api/console/catalog/drafts/${edited.id}/submit`), 200)
    const rejected = await json<CatalogDraft>(await call(approver, 'POST', `/api/console/catalog/drafts/${draft.id}/reject`, { comment: 'Not this quarter' }), 200)

    // Editing a colleague's draft makes one of its authors too: the marketer-approver cannot approve it.
    const colleagues = await newDraft({ title: 'A colleague’s draft' })
    await json(await save(authorApprover, colleagues, planB(10100, 13100)), 200)
    await json(await call(marketing, 'POST', `/api/console/catalog/drafts/${colleagues.id}/submit`), 200)
    expect((await json<{ error: { code: string } }>(await call(authorApprover, 'POST', `/api/console/catalog/drafts/${colleagues.id}/approve`, { districts: [] }), 403)).error.code).toBe('own_draft_approval')
    await json(await call(approver, 'POST', `/api/console/catalog/drafts/${colleagues.id}/reject`, { comment: 'Not needed' }), 200)
    expect(rejected.status).toBe('rejected')
    // A decision is final: nothing moves a rejected draft.
    expect((await call(approver, 'POST', `/api/console/catalog/drafts/${draft.id}/approve`, { districts: [] })).status).toBe(409)
    expect((await call(authorApprover, 'POST', `/api/console/catalog/drafts/${draft.id}/submit`)).status).toBe(409)
  })

  it('offers a pilot offering only in its district and until its end', async () => {
    await at(later(700))
    const draft = await newDraft({ title: 'Evergreen pilot in Pudong', copyOffering: 'evergreen', copyAs: 'evergreen-pudong' })
    expect(draft.book.offerings.map((offering) => offering.slug)).toContain('evergreen-pudong')
    await json(await call(marketing, 'POST', `/api/console/catalog/drafts/${draft.id}/submit`), 200)
    await json(
      await call(approver, 'POST', `/api/console/catalog/drafts/${draft.id}/approve`, { districts: ['pudong'], validUntil: '2026-11-30T00:00' }),
      200,
    )
    const pilot = { ...evergreenB, offering: 'evergreen-pudong' }
    expect((await quote({ ...pilot, buildingId: JIN_MAO })).status).toBe(201)
    expect((await json<{ error: { code: string } }>(await quote({ ...pilot, buildingId: PLAZA_66 }), 404)).error.code).toBe('offering_not_found')
    expect((await quote(pilot)).status).toBe(404)
    const slugs = async (query: string) => (await json<{ offerings: { slug: string }[] }>(await seeded.api.request(`/api/offerings${query}`), 200)).offerings.map((offering) => offering.slug)
    expect(await slugs(`?building=${JIN_MAO}`)).toContain('evergreen-pudong')
    expect(await slugs(`?building=${PLAZA_66}`)).not.toContain('evergreen-pudong')
    expect(await slugs('')).not.toContain('evergreen-pudong')
    // 30 Nov 00:00 Shanghai = 29 Nov 16:00 UTC: the pilot has ended there too.
    await at(new Date('2026-11-29T16:00:00.000Z'))
    expect((await quote({ ...pilot, buildingId: JIN_MAO })).status).toBe(404)
    expect((await quote({ ...evergreenB, buildingId: JIN_MAO })).status).toBe(201)
  })

  it('refuses approvals that cannot be carried out, keeping the draft submitted', async () => {
    await at(new Date('2026-11-29T17:00:00.000Z'))
    const draft = await json<CatalogDraft>(await save(marketing, await newDraft({ title: 'Bad approvals' }), planB(10100, 13100)), 200)
    await json(await call(marketing, 'POST', `/api/console/catalog/drafts/${draft.id}/submit`), 200)
    const refusal = async (body: Record<string, unknown>) => (await json<{ error: { issues: { path: string }[] } }>(await call(approver, 'POST', `/api/console/catalog/drafts/${draft.id}/approve`, body), 400)).error.issues[0].path
    expect(await refusal({ districts: [], publishAt: '2026-11-01T09:00' })).toBe('publishAt')
    expect(await refusal({ districts: [], publishAt: '9999-12-31T09:00' })).toBe('publishAt')
    expect(await refusal({ districts: [], validUntil: '2046-12-01T09:00' })).toBe('validUntil')
    expect(await refusal({ districts: [], publishAt: '2026-12-02T09:00', validUntil: '2026-12-01T09:00' })).toBe('validUntil')
    expect(await refusal({ districts: [], buildingIds: 'bld-jinmao-tower, bld-nowhere' })).toBe('buildingIds')
    expect(await refusal({ districts: ['atlantis'] })).toMatch(/^districts/)
    expect((await json<CatalogDraft>(await call(approver, 'GET', `/api/console/catalog/drafts/${draft.id}`), 200)).status).toBe('submitted')
  })

  it('rolls back by approving a draft of an earlier version: its version becomes live again', async () => {
    await at(new Date('2026-11-29T18:00:00.000Z'))
    const { releases } = await json<{ releases: ReleaseView[] }>(await call(marketing, 'GET', '/api/console/catalog/releases'), 200)
    const first = releases.at(-1)!
    const draft = await newDraft({ title: 'Back to the seed', fromVersion: first.catalogVersion })
    expect(draft.baseVersion).toBe(first.catalogVersion)
    await json(await call(marketing, 'POST', `/api/console/catalog/drafts/${draft.id}/submit`), 200)
    const approved = await json<CatalogDraft>(await call(approver, 'POST', `/api/console/catalog/drafts/${draft.id}/approve`, { districts: [] }), 200)
    expect(approved.catalogVersion).toBe(first.catalogVersion)
    expect(await commitment()).toBe(100000)
    expect((await call(marketing, 'POST', '/api/console/catalog/drafts', { title: 'x', fromVersion: 'v999-00000000' })).status).toBe(404)
  })

  it('lets an approver withdraw a release before its time, never after: it then never applies', async () => {
    await at(new Date('2026-11-29T19:00:00.000Z'))
    const draft = await newDraft({ title: 'Wrong date' })
    await json(await save(marketing, draft, planB(12000, 15000)), 200)
    await json(await call(marketing, 'POST', `/api/console/catalog/drafts/${draft.id}/submit`), 200)
    const approved = await json<CatalogDraft>(await call(approver, 'POST', `/api/console/catalog/drafts/${draft.id}/approve`, { districts: [], publishAt: '2026-12-01T09:00' }), 200)
    const release = (await json<{ releases: ReleaseView[] }>(await call(approver, 'GET', '/api/console/catalog/releases'), 200)).releases.find((one) => one.catalogVersion === approved.catalogVersion)!
    expect(release.state).toBe('scheduled')
    expect((await call(marketing, 'POST', `/api/console/catalog/releases/${release.id}/withdraw`)).status).toBe(403)
    await json(await call(approver, 'POST', `/api/console/catalog/releases/${release.id}/withdraw`), 200)
    expect((await call(approver, 'POST', `/api/console/catalog/releases/${release.id}/withdraw`)).status).toBe(400)
    await at(new Date('2026-12-01T02:00:00.000Z'))
    expect(await commitment()).toBe(100000)
    const after = (await json<{ releases: ReleaseView[] }>(await call(approver, 'GET', '/api/console/catalog/releases'), 200)).releases.find((one) => one.id === release.id)!
    expect(after.state).toBe('withdrawn')
    // A live release cannot be withdrawn: it is replaced by another approval.
    const live = (await json<{ releases: ReleaseView[] }>(await call(approver, 'GET', '/api/console/catalog/releases'), 200)).releases.find((one) => one.state === 'live')!
    expect((await call(approver, 'POST', `/api/console/catalog/releases/${live.id}/withdraw`)).status).toBe(400)
  })

  it('lets nobody without a catalog role in, and nobody anonymous', async () => {
    expect((await seeded.api.request('/api/console/catalog/drafts')).status).toBe(401)
    expect((await call(ops, 'GET', '/api/console/catalog/drafts')).status).toBe(403)
    expect((await call(ops, 'POST', '/api/console/catalog/drafts', { title: 'x' })).status).toBe(403)
    expect((await call(approver, 'POST', '/api/console/catalog/drafts', { title: 'x' })).status).toBe(403)
  })
})
