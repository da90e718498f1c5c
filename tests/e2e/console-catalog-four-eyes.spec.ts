import { expect, test } from '@playwright/test'
import { checkConsolePage, consoleUser, signInToConsole } from './support/console'

/**
 * Issue 14's four eyes on a catalog draft. It publishes nothing, so it runs beside the other journeys
 * (console-catalog-change, which does publish, runs alone).
 */
test('four eyes: an author who is also an approver cannot approve their own draft; another approver sends it back with a comment its author reads (zh and en)', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000)
  const stamp = Date.now()
  // An account with both roles, opened by the admin.
  const both = { email: `both-roles-${stamp}@example.com`, displayName: '双角色 Both roles', password: `both-roles-${stamp}` }
  await page.goto('/console/users')
  await signInToConsole(page, 'admin@example.com')
  await expect(page).toHaveURL(/\/console\/users$/)
  const opened = await page.request.post('/api/console/users', { data: { ...both, roles: ['marketing', 'approver'] }, headers: { origin: baseURL! } })
  expect(opened.status(), await opened.text()).toBe(201)

  const author = await consoleUser(browser, both.email, '/console/catalog', both.password)
  const title = `E2E 四眼原则 ${stamp}`
  await author.getByTestId('new-draft').getByLabel('标题').fill(title)
  await author.getByTestId('new-draft').getByRole('button', { name: '新建草稿' }).click()
  await expect(author.getByRole('status')).toHaveText('草稿已建立。')
  const draftPath = new URL(author.url()).pathname
  const draftId = draftPath.split('/').at(-1)!
  // Unchanged, it has nothing to approve: the page says so and it stays a draft.
  await author.getByTestId('submit-draft').getByRole('checkbox', { name: '我已查看影响预览' }).check()
  await author.getByTestId('submit-draft').getByRole('button', { name: '提交审批' }).click()
  await expect(author.getByRole('alert')).toHaveText('这份草稿与现行价目完全相同，没有可审批的改动。请先修改再提交。')
  await expect(author.getByTestId('draft-status')).toHaveText('草稿')
  // A change (plan B's commitment, as the editor saves it), then the submission.
  const draft = (await (await author.request.get(`/api/console/catalog/drafts/${draftId}`)).json()) as { revision: number; book: { offerings: { slug: string; rule: { plans?: { id: string; commitmentBp: number }[] } }[] } }
  draft.book.offerings.find((offering) => offering.slug === 'evergreen')!.rule.plans!.find((plan) => plan.id === 'B')!.commitmentBp += 100
  const saved = await author.request.put(`/api/console/catalog/drafts/${draftId}`, { data: { book: draft.book, revision: draft.revision }, headers: { origin: baseURL! } })
  expect(saved.status(), await saved.text()).toBe(200)
  await author.reload()
  await author.getByTestId('submit-draft').getByRole('checkbox', { name: '我已查看影响预览' }).check()
  await author.getByTestId('submit-draft').getByRole('button', { name: '提交审批' }).click()
  await expect(author.getByTestId('draft-status')).toHaveText('待审批')
  // The approver's forms are not offered to the author; the page says who must decide.
  await expect(author.getByTestId('own-draft')).toHaveText(/需由另一位审批人决定。$/)
  await expect(author.getByTestId('approve-draft')).toHaveCount(0)
  await expect(author.getByTestId('send-back-draft')).toHaveCount(0)
  await checkConsolePage(author, 'catalog-change-own-draft-zh')
  await author.goto(`/en${draftPath}`)
  await expect(author.getByTestId('own-draft')).toHaveText(/another approver must decide on it\.$/)
  await expect(author.getByTestId('approve-draft')).toHaveCount(0)
  // Nor does the API take it from them.
  const refused = await author.request.post(`/api/console/catalog/drafts/${draftId}/approve`, { data: {}, headers: { origin: baseURL! } })
  expect(refused.status()).toBe(403)
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('own_draft_approval')

  // Another approver sends it back, saying why.
  const comment = `请同时说明对老客户的影响 ${stamp}`
  const approver = await consoleUser(browser, 'approver@example.com', `/en${draftPath}`)
  await expect(approver.getByTestId('draft-facts')).toContainText(both.displayName)
  const sendBack = approver.getByTestId('send-back-draft')
  await sendBack.getByLabel('What to change').fill(comment)
  await sendBack.getByRole('checkbox', { name: 'Return it to its author' }).check()
  await sendBack.getByRole('button', { name: 'Send back' }).click()
  await expect(approver).toHaveURL(new RegExp(`/en${draftPath}\\?done=draft_sent_back$`))
  await expect(approver.getByTestId('draft-status')).toHaveText('Sent back')

  // Its author reads the comment and may change and submit the draft again.
  await author.goto(draftPath)
  await expect(author.getByTestId('draft-status')).toHaveText('已退回')
  await expect(author.getByTestId('decision-comment')).toHaveText(`${comment} — 演示审批 Demo approver`)
  await expect(author.getByTestId('submit-draft')).toBeVisible()
  await expect(author.getByRole('link', { name: '编辑 商务常青', exact: true })).toBeVisible()
  await checkConsolePage(author, 'catalog-change-sent-back-zh')
  await author.goto(`/en${draftPath}`)
  await expect(author.getByTestId('decision-comment')).toHaveText(`${comment} — 演示审批 Demo approver`)
  await checkConsolePage(author, 'catalog-change-sent-back-en')
  // Tidied away: discarded, so the catalog page's list stays short for the other journeys.
  const discard = author.locator('form[action$="/discard"]')
  await discard.getByRole('checkbox').check()
  await discard.getByRole('button').click()
  await expect(author.getByTestId('draft-status')).toHaveText('Discarded')
  await author.goto('/en/console/catalog')
  await checkConsolePage(author, 'catalog-change-index-en')
  for (const context of [author.context(), approver.context()]) await context.close()
})
