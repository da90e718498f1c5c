import { Hono, type Context } from 'hono'
import { allow, staffOf, type ConsoleEnv } from '../../console/access'
import { saveCatalogDecisionForm } from '../../console/catalog-decision-flash'
import { isFormPost, readInput, sameSitePath, withParam } from '../../console/forms'
import { saveNewDraftForm } from '../../console/new-draft-flash'
import { findDraft, listDrafts, type CatalogDraft } from '../../catalog-management/drafts'
import { approveDraft, createDraft, discardDraft, rejectDraft, saveDraftBook, sendBackDraft, submitDraft } from '../../catalog-management/lifecycle'
import { AppError } from '../../errors'
import { approveCatalogDraftSchema, decideCatalogDraftSchema, newCatalogDraftSchema, saveCatalogDraftSchema } from '../../schemas/console-catalog'
import type { Services } from '../../services/services'

/** Who reads drafts, who writes them, who decides on them (issue 14: approvers only, never the author). */
const readers = () => allow('marketing', 'approver', 'admin')
const authors = () => allow('marketing', 'admin')
const approvers = () => allow('approver')

/** A form post goes on to the draft's page, in the language of the page it came from. */
async function toDraftPage(c: Context<ConsoleEnv>, draft: CatalogDraft, done: string) {
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
  const prefix = sameSitePath(form.return, '/console/catalog').startsWith('/en/') ? '/en' : ''
  return c.redirect(withParam(`${prefix}/console/catalog/drafts/${draft.id}`, 'done', done), 303)
}

/** Forms are answered with the draft's page; scripts with the draft as JSON. */
const answer = (c: Context<ConsoleEnv>, draft: CatalogDraft, done: string, status: 200 | 201 = 200) => (isFormPost(c) ? toDraftPage(c, draft, done) : c.json(draft, status))

/**
 * Price-book drafts (/api/console/catalog/drafts): list, create (from the catalog in force or an
 * earlier version), read, save a whole book (JSON), and the approval flow's commands.
 */
export function catalogDraftsRoutes(services: Services) {
  return new Hono<ConsoleEnv>()
    .get('/', readers(), async (c) => c.json({ drafts: await listDrafts(services) }))
    .post('/', authors(), async (c) => {
      try {
        return answer(c, await createDraft(services, staffOf(c), await readInput(c, newCatalogDraftSchema)), 'draft_created', 201)
      } catch (error) {
        // A refused "new draft" form comes back as typed, each mistake beside its field (the rollback form has its version and a title already).
        const fields = isFormPost(c) ? await c.req.parseBody({ all: true }) : {}
        if (error instanceof AppError && isFormPost(c) && !fields.fromVersion) c.set('formFlash', await saveNewDraftForm(services, staffOf(c).user.id, fields, error))
        throw error
      }
    })
    .get('/:id', readers(), async (c) => c.json(await findDraft(services, c.req.param('id'))))
    .put('/:id', authors(), async (c) => {
      const { book, revision } = await readInput(c, saveCatalogDraftSchema)
      return c.json(await saveDraftBook(services, staffOf(c), c.req.param('id'), book, revision))
    })
    .post('/:id/submit', authors(), async (c) => answer(c, await submitDraft(services, staffOf(c), c.req.param('id')), 'draft_submitted'))
    .post('/:id/discard', authors(), async (c) => answer(c, await discardDraft(services, staffOf(c), c.req.param('id')), 'draft_discarded'))
    .post('/:id/approve', approvers(), async (c) => {
      try {
        return answer(c, await approveDraft(services, staffOf(c), c.req.param('id'), await readInput(c, approveCatalogDraftSchema)), 'draft_approved')
      } catch (error) {
        // A refused approval form comes back as typed (times, districts, buildings, comment).
        if (error instanceof AppError && isFormPost(c)) c.set('formFlash', await saveCatalogDecisionForm(services, staffOf(c).user.id, await c.req.parseBody({ all: true })))
        throw error
      }
    })
    .post('/:id/send-back', approvers(), async (c) => {
      const { comment } = await readInput(c, decideCatalogDraftSchema)
      return answer(c, await sendBackDraft(services, staffOf(c), c.req.param('id'), comment), 'draft_sent_back')
    })
    .post('/:id/reject', approvers(), async (c) => {
      const { comment } = await readInput(c, decideCatalogDraftSchema)
      return answer(c, await rejectDraft(services, staffOf(c), c.req.param('id'), comment), 'draft_rejected')
    })
}
