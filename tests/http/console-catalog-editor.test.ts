import { beforeAll, describe, expect, it } from 'vitest'
import { encode, type FormFields } from '../../server/catalog-management/editor/codec'
import { readEditorFlash } from '../../server/catalog-management/editor/form-flash'
import { componentsForm, offeringForm } from '../../server/catalog-management/editor/form-tree'
import { findDraft } from '../../server/catalog-management/drafts'
import { createDraft } from '../../server/catalog-management/lifecycle/editing'
import type { StaffIdentity } from '../../server/console/sessions'
import { createStaff, signIn } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

const EDITOR_PAGE = '/en/console/catalog/drafts'

describe.each(databaseKinds)('the catalog draft editor forms on %s', (kind) => {
  const seeded = useSeededApi(kind)
  let marketing: StaffIdentity
  let cookie: string
  let approverCookie: string
  let opsCookie: string

  const identity = (user: { id: string; email: string; displayName: string; managerId: string | null }, roles: StaffIdentity['roles']): StaffIdentity => ({
    user: { id: user.id, email: user.email, displayName: user.displayName, managerId: user.managerId },
    roles,
    buildingIds: 'all',
  })

  /** Posts an editor form as the browser does (urlencoded, repeated names for checkboxes), not following the redirect. */
  const postForm = (who: string, path: string, fields: FormFields) => {
    const body = new URLSearchParams()
    for (const [name, values] of Object.entries(fields)) for (const value of values) body.append(name, value)
    return seeded.api.request(path, { method: 'POST', headers: { cookie: who, 'content-type': 'application/x-www-form-urlencoded' }, body, redirect: 'manual' })
  }
  const location = (response: Response) => new URL(response.headers.get('location') ?? '', 'http://site.invalid')

  async function newDraft(title: string) {
    return createDraft(seeded.api.services, marketing, { title, fromVersion: undefined, copyOffering: undefined, copyAs: undefined })
  }
  async function evergreenForm(draftId: string) {
    const draft = await findDraft(seeded.api.services, draftId)
    const evergreen = draft.book.offerings.find((offering) => offering.slug === 'evergreen')!
    return {
      draft,
      index: draft.book.offerings.indexOf(evergreen),
      fields: { ...encode(offeringForm, evergreen), revision: [String(draft.revision)], return: [`${EDITOR_PAGE}/${draftId}/offerings/evergreen`] } as FormFields,
      action: `/api/console/catalog/drafts/${draftId}/offerings/evergreen`,
    }
  }

  beforeAll(async () => {
    const user = await createStaff(seeded.api, ['marketing'])
    marketing = identity(user, ['marketing'])
    cookie = await signIn(seeded.api, user.email)
    approverCookie = await signIn(seeded.api, (await createStaff(seeded.api, ['approver'])).email)
    opsCookie = await signIn(seeded.api, (await createStaff(seeded.api, ['ops'])).email)
  })

  it('saves evergreen plan B commitment and allowance typed as percentages, and goes back to the form', async () => {
    const { draft, fields, action } = await evergreenForm((await newDraft('Evergreen B')).id)
    const response = await postForm(cookie, action, { ...fields, 'rule.plans.1.commitmentBp': ['95'], 'rule.plans.1.allowanceBp': ['１２５.５%'] })
    expect(response.status).toBe(303)
    expect(location(response).pathname).toBe(`${EDITOR_PAGE}/${draft.id}/offerings/evergreen`)
    expect(location(response).searchParams.get('done')).toBe('saved')
    const saved = await findDraft(seeded.api.services, draft.id)
    expect(saved.revision).toBe(draft.revision + 1)
    const rule = saved.book.offerings.find((offering) => offering.slug === 'evergreen')!.rule
    expect(rule.kind === 'commitment_plan' && rule.plans[1]).toEqual({ id: 'B', commitmentBp: 9500, allowanceBp: 12550 })
    // The other offerings are as they were.
    expect(saved.book.offerings.filter((offering) => offering.slug !== 'evergreen')).toEqual(draft.book.offerings.filter((offering) => offering.slug !== 'evergreen'))
  })

  it('refuses a broken value, naming the field by its path, and keeps what was typed', async () => {
    const { draft, fields, action, index } = await evergreenForm((await newDraft('Broken')).id)
    const typed = { ...fields, 'rule.plans.1.commitmentBp': ['abc'], 'rule.plans.1.allowanceBp': ['2000'], 'rule.minimumX': ['¥1,234.5'] }
    const response = await postForm(cookie, action, typed)
    expect(response.status).toBe(303)
    const back = location(response)
    expect(back.pathname).toBe(`${EDITOR_PAGE}/${draft.id}/offerings/evergreen`)
    expect(back.searchParams.get('error')).toBe('invalid_request')
    const kept = await readEditorFlash(seeded.api.services, back.searchParams.get('form') ?? '', { by: marketing.user.id, draftId: draft.id, form: 'offering:evergreen' })
    expect(kept?.notice).toBe('refused')
    expect(kept?.fields['rule.plans.1.commitmentBp']).toEqual(['abc'])
    expect(kept?.fields['rule.minimumX']).toEqual(['¥1,234.5'])
    expect(kept?.issues).toEqual(
      expect.arrayContaining([
        { field: 'rule.plans.1.commitmentBp', message: { zh: expect.any(String), en: 'Enter a number (e.g. 1,234.50)' } },
        { field: 'rule.plans.1.allowanceBp', message: { zh: '不能大于 1000%', en: 'At most 1000 %' } },
      ]),
    )
    // Only this staff member gets the typed values back.
    expect(await readEditorFlash(seeded.api.services, back.searchParams.get('form') ?? '', { by: 'someone-else', draftId: draft.id, form: 'offering:evergreen' })).toBeUndefined()
    // Nothing was saved.
    expect((await findDraft(seeded.api.services, draft.id)).revision).toBe(draft.revision)

    // As JSON, the issues name the fields from the book's root.
    const json = await seeded.api.request(action, {
      method: 'POST',
      headers: { cookie, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(Object.entries(typed).flatMap(([name, values]) => values.map((value) => [name, value]))),
    })
    expect(json.status).toBe(400)
    const paths = ((await json.json()) as { error: { issues: { path: string }[] } }).error.issues.map((issue) => issue.path)
    expect(paths).toEqual(expect.arrayContaining([`offerings.${index}.rule.plans.1.commitmentBp`, `offerings.${index}.rule.plans.1.allowanceBp`]))
  })

  it('refuses a save that breaks a guardrail, with the guardrail words beside the field', async () => {
    const { draft, fields, action } = await evergreenForm((await newDraft('No ETF')).id)
    // An offering with contract terms and no early-termination rule breaks early_termination_on_term.
    const { ['earlyTermination.$set']: _set, ...withoutEtf } = fields
    const response = await postForm(cookie, action, withoutEtf)
    const back = location(response)
    expect(back.searchParams.get('error')).toBe('invalid_request')
    const kept = await readEditorFlash(seeded.api.services, back.searchParams.get('form') ?? '', { by: marketing.user.id, draftId: draft.id, form: 'offering:evergreen' })
    expect(kept?.issues.length).toBeGreaterThan(0)
    expect(kept?.issues[0].message.zh).not.toEqual(kept?.issues[0].message.en)
  })

  it('adds and removes a row without saving, the form kept as typed', async () => {
    const { draft, fields, action } = await evergreenForm((await newDraft('Rows')).id)
    const added = await postForm(cookie, action, { ...fields, 'rule.plans.1.commitmentBp': ['97'], _op: ['add:rule.plans'] })
    expect(added.status).toBe(303)
    expect(location(added).hash).toBe('#f-rule.plans')
    const kept = await readEditorFlash(seeded.api.services, location(added).searchParams.get('form') ?? '', { by: marketing.user.id, draftId: draft.id, form: 'offering:evergreen' })
    expect(kept).toMatchObject({ notice: 'rows', issues: [] })
    expect(kept?.fields['rule.plans.#']).toEqual(['4'])
    expect(kept?.fields['rule.plans.1.commitmentBp']).toEqual(['97'])
    const removed = await postForm(cookie, action, { ...fields, _op: ['remove:rule.plans.0'] })
    const afterRemove = await readEditorFlash(seeded.api.services, location(removed).searchParams.get('form') ?? '', { by: marketing.user.id, draftId: draft.id, form: 'offering:evergreen' })
    expect(afterRemove?.fields['rule.plans.0.id']).toEqual(['B'])
    expect((await findDraft(seeded.api.services, draft.id)).revision).toBe(draft.revision)
  })

  it('says when someone else saved meanwhile, keeping the typed values with the revision now current', async () => {
    const { draft, fields, action } = await evergreenForm((await newDraft('Stale')).id)
    expect((await postForm(cookie, action, { ...fields, 'rule.reviewMonths': ['3'] })).status).toBe(303)
    const stale = await postForm(cookie, action, { ...fields, 'rule.reviewMonths': ['9'] })
    const back = location(stale)
    expect(back.searchParams.get('error')).toBe('catalog_draft_changed')
    const kept = await readEditorFlash(seeded.api.services, back.searchParams.get('form') ?? '', { by: marketing.user.id, draftId: draft.id, form: 'offering:evergreen' })
    expect(kept).toMatchObject({ notice: 'stale', revision: draft.revision + 1 })
    expect(kept?.fields['rule.reviewMonths']).toEqual(['9'])
  })

  it('saves the components form (a term price changed in yuan)', async () => {
    const draft = await newDraft('Components')
    const fields = encode(componentsForm, { components: draft.book.components })
    const index = draft.book.components.findIndex((component) => component.termPrices.length > 0)
    const response = await postForm(cookie, `/api/console/catalog/drafts/${draft.id}/components`, {
      ...fields,
      [`components.${index}.termPrices.0.monthly`]: ['400'],
      revision: [String(draft.revision)],
      return: [`/console/catalog/drafts/${draft.id}/components`],
    })
    expect(location(response).searchParams.get('done')).toBe('saved')
    expect((await findDraft(seeded.api.services, draft.id)).book.components[index].termPrices[0].monthly).toBe(40000)
  })

  it('refuses to remove a component bundles still use, naming each bundle and field that uses it (QA 14 #12)', async () => {
    const draft = await newDraft('Remove a used component')
    const fields = encode(componentsForm, { components: draft.book.components.filter((component) => component.code !== 'static-ip') })
    const response = await postForm(cookie, `/api/console/catalog/drafts/${draft.id}/components`, {
      ...fields,
      revision: [String(draft.revision)],
      return: [`/console/catalog/drafts/${draft.id}/components`],
    })
    const back = location(response)
    expect(back.searchParams.get('error')).toBe('invalid_request')
    const kept = await readEditorFlash(seeded.api.services, back.searchParams.get('form') ?? '', { by: marketing.user.id, draftId: draft.id, form: 'components' })
    // The seed's bundles that list static-ip as an item, and business-plus, whose rule includes it in a tier.
    const users = draft.book.offerings.filter((offering) => JSON.stringify(offering).includes('"static-ip"'))
    expect(users.length).toBeGreaterThan(1)
    expect(kept?.issues, JSON.stringify(kept?.issues)).toHaveLength(users.length)
    const messages = kept!.issues.map((issue) => issue.message)
    expect(new Set(messages.map((message) => message.zh)).size).toBe(users.length)
    for (const offering of users) {
      const itemRow = offering.items.findIndex((item) => item.code === 'static-ip')
      const field = itemRow < 0 ? { zh: '定价规则', en: 'Pricing rule' } : { zh: `可选组件 第 ${itemRow + 1} 项`, en: `Items No. ${itemRow + 1}` }
      expect(messages).toContainEqual({
        zh: `套餐“${offering.name.zh}”（${offering.slug}）的“${field.zh}”仍在使用组件 static-ip：请先在该套餐中改掉，再删除或改名此组件`,
        en: `Bundle “${offering.name.en}” (${offering.slug}) still uses component static-ip in “${field.en}”: change it there before removing or renaming the component`,
      })
    }
    expect((await findDraft(seeded.api.services, draft.id)).revision).toBe(draft.revision)
  })

  it('shows an unknown component code on an offering beside the item that names it', async () => {
    const { draft, fields, action } = await evergreenForm((await newDraft('Unknown item')).id)
    const response = await postForm(cookie, action, { ...fields, 'items.0.code': ['no-such-line'] })
    const kept = await readEditorFlash(seeded.api.services, location(response).searchParams.get('form') ?? '', { by: marketing.user.id, draftId: draft.id, form: 'offering:evergreen' })
    expect(kept?.issues).toContainEqual({ field: 'items.0.code', message: { zh: '没有代码为 no-such-line 的组件', en: 'There is no component no-such-line' } })
  })

  it('refuses the forms to a role that only reads drafts, and to one that does not', async () => {
    const { fields, action } = await evergreenForm((await newDraft('Read only')).id)
    const asJson = (who: string) =>
      seeded.api.request(action, { method: 'POST', headers: { cookie: who, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(Object.entries(fields).map(([name, values]) => [name, values[0]])) })
    expect((await asJson(approverCookie)).status).toBe(403)
    expect((await asJson(opsCookie)).status).toBe(403)
  })
})
