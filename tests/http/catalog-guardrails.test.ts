import { beforeAll, describe, expect, it } from 'vitest'
import { guardrailBreaks } from '../../server/pricing/guardrails/testing'
import { asStaff, createStaff, signIn } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

/**
 * Issue 14: saving a draft price book that breaks a guardrail is refused as a whole, 400 invalid_request
 * naming the guardrail and the field from the book's root, and nothing is written (the revision stays).
 */

interface Draft {
  id: string
  revision: number
  book: { offerings: { slug: string }[] }
}

describe.each(databaseKinds)('catalog guardrails on draft saves, %s', (kind) => {
  const seeded = useSeededApi(kind)
  let cookie: string
  let draft: Draft

  const put = (book: unknown, revision: number) => seeded.api.request(`/api/console/catalog/drafts/${draft.id}`, asStaff(cookie, 'PUT', { book, revision }))

  beforeAll(async () => {
    const marketing = await createStaff(seeded.api, ['marketing'])
    cookie = await signIn(seeded.api, marketing.email)
    const created = await seeded.api.request('/api/console/catalog/drafts', asStaff(cookie, 'POST', { title: '护栏测试' }))
    expect(created.status).toBe(201)
    draft = (await created.json()) as Draft
  })

  it.each(guardrailBreaks.map((broken) => [broken.code, broken] as const))('%s: a broken book is refused at the field', async (code, { slug, path, change }) => {
    const book = structuredClone(draft.book)
    const index = book.offerings.findIndex((offering) => offering.slug === slug)
    change(book.offerings[index])
    const response = await put(book, draft.revision)
    expect(response.status).toBe(400)
    const { error } = (await response.json()) as { error: { code: string; issues: { path: string; code?: string }[] } }
    expect(error.code).toBe('invalid_request')
    expect(error.issues).toEqual([expect.objectContaining({ path: ['offerings', index, ...path].join('.'), code })])

    // Refused as a whole: nothing was saved, the revision is the one read.
    const stored = (await (await seeded.api.request(`/api/console/catalog/drafts/${draft.id}`, asStaff(cookie))).json()) as Draft
    expect(stored.revision).toBe(draft.revision)
  })

  it('the unbroken book saves', async () => {
    const response = await put(draft.book, draft.revision)
    expect(response.status).toBe(200)
    expect(((await response.json()) as Draft).revision).toBe(draft.revision + 1)
  })
})
