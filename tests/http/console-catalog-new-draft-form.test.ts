import { beforeAll, describe, expect, it } from 'vitest'
import { listDrafts } from '../../server/catalog-management/drafts'
import { readNewDraftForm } from '../../server/console/new-draft-flash'
import { createStaff, signIn } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

/**
 * The price book's "new draft" form (QA 14 #9, #10): a refused post comes back with the title, the
 * chosen bundle and the code as typed, and each mistake of the new code named apart; a code typed in
 * full-width characters or capitals is read as meant.
 */
describe.each(databaseKinds)('the new catalog draft form on %s', (kind) => {
  const seeded = useSeededApi(kind)
  let cookie: string
  let staffId: string

  const postForm = (fields: Record<string, string>) =>
    seeded.api.request('/api/console/catalog/drafts', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: new URLSearchParams({ return: '/en/console/catalog', ...fields }),
      redirect: 'manual',
    })
  const location = (response: Response) => new URL(response.headers.get('location') ?? '', 'http://site.invalid')

  /** Posts the form, expects a refusal back on the page, and returns what the page reads from the kept form. */
  async function refused(fields: Record<string, string>) {
    const response = await postForm(fields)
    expect(response.status).toBe(303)
    const back = location(response)
    expect(back.pathname).toBe('/en/console/catalog')
    expect(back.searchParams.get('error')).not.toBeNull()
    return readNewDraftForm(seeded.api.services, staffId, back.searchParams.get('form') ?? '')
  }

  beforeAll(async () => {
    const user = await createStaff(seeded.api, ['marketing'])
    staffId = user.id
    cookie = await signIn(seeded.api, user.email)
  })

  it('keeps the title, the bundle and the code of a refused post, and tells the four mistakes of the code apart', async () => {
    const before = (await listDrafts(seeded.api.services)).length
    expect(await refused({ title: 'QA bad code', copyOffering: 'evergreen', copyAs: 'Evergreen Pilot' })).toEqual({
      title: 'QA bad code',
      copyOffering: 'evergreen',
      copyAs: 'Evergreen Pilot',
      problems: { copyAs: 'copyAsFormat' },
    })
    expect(await refused({ title: 'QA dup code', copyOffering: 'evergreen', copyAs: 'evergreen' })).toMatchObject({ copyAs: 'evergreen', problems: { copyAs: 'copyAsTaken' } })
    expect(await refused({ title: 'QA no code', copyOffering: 'evergreen', copyAs: '' })).toMatchObject({ copyOffering: 'evergreen', problems: { copyAs: 'copyAsMissing' } })
    expect(await refused({ title: 'QA no bundle', copyOffering: '', copyAs: 'evergreen-2' })).toMatchObject({ copyAs: 'evergreen-2', problems: { copyOffering: 'copyAsWithoutOffering' } })
    expect(await refused({ title: '   ', copyOffering: '', copyAs: '' })).toMatchObject({ problems: { title: 'titleMissing' } })
    expect((await listDrafts(seeded.api.services)).length).toBe(before)
  })

  it('reads a code typed in full-width characters or capitals as lower-case ASCII', async () => {
    const response = await postForm({ title: 'Full-width code', copyOffering: 'evergreen', copyAs: ' ＥＶＥＲＧＲＥＥＮ－２ ' })
    expect(response.status).toBe(303)
    expect(location(response).searchParams.get('done')).toBe('draft_created')
    const created = (await listDrafts(seeded.api.services)).find((draft) => draft.title === 'Full-width code')!
    const json = await seeded.api.request(`/api/console/catalog/drafts/${created.id}`, { headers: { cookie } })
    const draft = (await json.json()) as { book: { offerings: { slug: string }[] } }
    expect(draft.book.offerings.map((offering) => offering.slug)).toContain('evergreen-2')
  })

  it('gives the kept form back only to whoever typed it', async () => {
    const response = await postForm({ title: 'Mine', copyOffering: 'evergreen', copyAs: 'evergreen' })
    expect(await readNewDraftForm(seeded.api.services, 'someone-else', location(response).searchParams.get('form') ?? '')).toBeUndefined()
  })
})
